"""The `cms:` block of site.yaml: what each git host needs, said in Swedish with file and line."""
import pytest
from conftest import content_errors, options

from lofte.build.pipeline import read_site
from lofte.content.model import Cms


def with_cms(content, block: str):
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "cms:\n" + block, encoding="utf-8")
    return content


def test_no_block_no_editor(small_content):
    assert read_site(options(small_content)).cms is None


@pytest.mark.parametrize("block, expected", [
    ("  backend: local\n", Cms("local", "", "main", "content")),
    ("  backend: github\n  repo: sala-kommun/medborgarloften\n  base_url: https://auth.sala.example.se/\n",
     Cms("github", "sala-kommun/medborgarloften", "main", "content", base_url="https://auth.sala.example.se")),
    ("  backend: gitlab\n  repo: sala/webb/medborgarloften\n  branch: publicera\n  app_id: 4f2a9c\n"
     "  content_folder: site/content/\n",
     Cms("gitlab", "sala/webb/medborgarloften", "publicera", "site/content", app_id="4f2a9c")),
])
def test_valid_blocks(small_content, block, expected):
    assert read_site(options(with_cms(small_content, block))).cms == expected


@pytest.mark.parametrize("block, message", [
    ("  backend: gitbucket\n",
     "content/site.yaml:21: cms.backend: 'gitbucket' är inte ett ställe att spara på (github, gitlab eller local); "
     "menade du 'gitlab'?"),
    ("  backend: github\n  base_url: https://auth.example.se\n",
     "content/site.yaml:21: cms.repo: saknas: skriv förrådet som innehållet ligger i, t.ex. "
     "sala-kommun/medborgarloften; se docs/publicera.md, avsnittet Redigera i webbläsaren"),
    ("  backend: github\n  repo: sala/lofte/extra\n  base_url: https://auth.example.se\n",
     "content/site.yaml:22: cms.repo: 'sala/lofte/extra' är inget förråd på github: skriv ägare/namn, "
     "t.ex. sala-kommun/medborgarloften"),
    ("  backend: github\n  repo: sala/lofte\n",
     "content/site.yaml:21: cms.base_url: saknas: GitHub kräver en inloggningstjänst (OAuth-proxy); skriv dess "
     "adress; se docs/publicera.md, avsnittet Redigera i webbläsaren"),
    ("  backend: github\n  repo: sala/lofte\n  base_url: http://auth.example.se\n",
     "content/site.yaml:23: cms.base_url: 'http://auth.example.se' är ingen säker adress till inloggningstjänsten "
     "(OAuth-proxyn): den ska börja med https://"),
    ("  backend: gitlab\n  repo: sala/lofte\n",
     "content/site.yaml:21: cms.app_id: saknas: GitLab kräver Application ID för programmet som får logga in "
     "(PKCE); se docs/publicera.md, avsnittet Redigera i webbläsaren"),
    ("  backend: github\n  repo: sala/lofte\n  base_url: https://a.example.se\n  app_id: abc\n",
     "content/site.yaml:24: cms.app_id: används bara med backend: gitlab; ta bort raden"),
    ("  backend: local\n  branch: -x\n",
     "content/site.yaml:22: cms.branch: '-x' är inget giltigt grennamn; skriv t.ex. main"),
    ("  backend: local\n  content_folder: ../hemligt\n",
     "content/site.yaml:22: cms.content_folder: '../hemligt' ska vara mappen med innehållet, räknat från "
     "förrådets rot, t.ex. content"),
    ("  backend: local\n  repository: sala/lofte\n",
     "content/site.yaml:22: cms.repository: okänt fält; menade du 'repo'?"),
])
def test_errors_say_what_the_host_needs(small_content, block, message):
    assert message in content_errors(with_cms(small_content, block))


def test_admin_is_a_reserved_folder_name(small_content):
    (small_content / "storby").rename(small_content / "admin")
    assert any("mappnamnet 'admin' är reserverat" in e for e in content_errors(small_content))


def cms_fields(text: str):
    from lofte.content.errors import ErrorList
    from lofte.content.fields import Fields
    from lofte.content.yamlsource import parse_yaml
    errors = ErrorList()
    return Fields(parse_yaml(text), "content/site.yaml", errors, prefix="cms"), errors


def test_read_without_a_block_builds_no_editor_and_local_testing_may_use_http_on_this_computer():
    from lofte.content import cmssettings
    assert cmssettings.read(None) is None
    f, errors = cms_fields("backend: local\nbase_url: http://localhost:8081/\napi_root: http://127.0.0.1:8081/api/v1/\n")
    cms = cmssettings.read(f)
    assert errors.items == []
    assert (cms.base_url, cms.api_root) == ("http://localhost:8081", "http://127.0.0.1:8081/api/v1")
    # but plain http to any other host would send the login token in the clear
    f, errors = cms_fields("backend: local\napi_root: http://localhost.evil.example/api\n")
    assert cmssettings.read(f).api_root == ""
    assert [str(e) for e in errors.items] == [
        "content/site.yaml:2: cms.api_root: 'http://localhost.evil.example/api' är ingen säker adress till "
        "git-tjänstens API: den ska börja med https://"]


def test_read_gitlab_ids_and_endpoints_are_checked_for_what_they_can_be():
    from lofte.content.cmssettings import read
    f, errors = cms_fields("backend: gitlab\nrepo: sala/lofte\napp_id: 'abc-123'\nauth_endpoint: 'oauth?x'\n")
    read(f)
    assert [str(e) for e in errors.items] == [
        "content/site.yaml:4: cms.auth_endpoint: 'oauth?x' ska vara en sökväg på inloggningstjänsten, t.ex. auth",
        "content/site.yaml:3: cms.app_id: ska vara programmets Application ID från GitLab (bokstäver och siffror)"]
    f, errors = cms_fields("backend: gitlab\nrepo: sala/lofte\napp_id: ''\n")
    read(f)
    assert [str(e) for e in errors.items] == [
        "content/site.yaml:3: cms.app_id: är tomt: GitLab kräver Application ID för programmet som får logga in "
        "(PKCE); se docs/publicera.md, avsnittet Redigera i webbläsaren"]
