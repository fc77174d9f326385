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
