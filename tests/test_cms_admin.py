"""/admin/: made only with `cms:` in site.yaml, from the content, with its own policy."""
import pytest
import yaml
from conftest import SMALL, options

from lofte.build.pipeline import build, read_site
from lofte.content import statuses
from lofte.content.errors import LofteError
from lofte.content.model import Cms
from lofte.outputs import admin, cmsconfig, decap, hostfiles

GITHUB = "  backend: github\n  repo: storby/lofte\n  base_url: https://auth.storby.example.se\n"
GITLAB = "  backend: gitlab\n  repo: storby/webb/lofte\n  app_id: 4f2a9c\n  branch: publicera\n"


@pytest.fixture
def with_cms(small_content):
    def make(block: str = GITHUB):
        site = small_content / "site.yaml"
        site.write_text(site.read_text(encoding="utf-8") + "cms:\n" + block, encoding="utf-8")
        return small_content
    return make


def built(content, tmp_path):
    out = tmp_path / "site"
    build(options(content, out))
    return out


def test_without_cms_there_is_no_admin(tmp_path):
    out = built(SMALL, tmp_path)
    assert not (out / "admin").exists()
    assert "/admin/" not in (out / "_headers").read_text() and "admin" not in (out / ".htaccess").read_text()


def test_admin_files_and_config(with_cms, tmp_path):
    out = built(with_cms(), tmp_path)
    text = (out / "admin/config.yml").read_text(encoding="utf-8")
    assert text.count("*id") > 10  # what every form repeats is written once (Decap reads aliases)
    config = yaml.safe_load(text)
    assert config["backend"] == {"name": "github", "repo": "storby/lofte", "branch": "main",
                                 "commit_messages": config["backend"]["commit_messages"],
                                 "base_url": "https://auth.storby.example.se"}
    assert config["locale"] == "sv" and config["site_url"] == "https://example.se/trygghet/lofte/"
    patterns = [m for m in __import__("re").findall(r"pattern:\n\s*- (.*)", text)]
    assert patterns and not any("\\Z" in p for p in patterns)  # JavaScript has no \Z: Python's is written $
    by_name = {c["name"]: c for c in config["collections"]}
    update = by_name["uppdateringar-storby-2025-trygg-park"]
    assert update["folder"] == "content/storby/2025/trygg-park/updates"
    assert update["slug"] == "{{fields.date}}-{{slug}}" and update["create"] and not update["delete"]
    assert update["preview_path"] == "storby/2025/trygg-park/"
    promises = by_name["loften-storby-2025"]
    assert (promises["folder"], promises["path"]) == ("content/storby/2025", "{{slug}}/index")
    periods = by_name["perioder-storby"]
    assert (periods["folder"], periods["path"], periods["extension"]) == ("content/storby", "{{slug}}/lofte", "yaml")
    kommun = by_name["kommun-storby"]
    assert (kommun["folder"], kommun["extension"], kommun["create"]) == ("content/storby", "yaml", False)
    assert "path" not in kommun  # only the file at the top of the folder: kommun.yaml
    # Updates first: they are what communicators write most.
    assert config["collections"][0]["name"].startswith("uppdateringar-")

    for name in ("index.html", "lofte-cms.js", "decap/decap-cms.js", "decap/decap-cms.js.LICENSE.txt"):
        assert (out / "admin" / name).is_file(), name
    assert len(list((out / "admin/decap").glob("*.decap-cms.js"))) > 50  # chunks Decap loads later
    assert not list((out / "admin/decap").glob("*.wasm")) and not list((out / "admin/decap").glob("*.map"))
    assert "admin" not in (out / "sitemap.xml").read_text()


def test_the_editor_has_its_own_policy_on_admin_only(with_cms, tmp_path):
    out = built(with_cms(), tmp_path)
    policy = admin.csp(admin.Cms("github", "storby/lofte", "main", "content"))
    assert "'unsafe-eval'" in policy and "style-src 'self' 'unsafe-inline'" in policy
    assert "connect-src 'self' https://api.github.com" in policy and "wasm" not in policy
    page = (out / "admin/index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in page
    assert '<meta name="robots" content="noindex">' in page and "</head>" not in page
    assert "https://" not in page.split("<body>")[1]  # every script from the site itself
    netlify = (out / "_headers").read_text()
    assert f"/admin/*\n  Content-Security-Policy: {policy}; {hostfiles.FRAMING}\n" in netlify
    htaccess = (out / ".htaccess").read_text()
    assert f'<ElseIf "%{{REQUEST_URI}} =~ m#^/trygghet/lofte/admin/#">\n    Header always set ' \
           f'Content-Security-Policy "{policy}; {hostfiles.FRAMING}"' in htaccess
    assert f'Header always set Content-Security-Policy "{hostfiles.CSP}; {hostfiles.FRAMING}"' in htaccess
    for html in out.rglob("*.html"):  # residents' pages keep theirs
        if "admin/" not in html.as_posix() and "/inbaddning/" not in html.as_posix():
            assert f'content="{hostfiles.CSP}"' in html.read_text(encoding="utf-8")


def test_gitlab_logs_in_with_pkce(with_cms, tmp_path):
    out = built(with_cms(GITLAB), tmp_path)
    config = yaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))
    assert {k: config["backend"][k] for k in ("name", "repo", "branch", "auth_type", "app_id")} == {
        "name": "gitlab", "repo": "storby/webb/lofte", "branch": "publicera", "auth_type": "pkce", "app_id": "4f2a9c"}
    assert "connect-src 'self' https://gitlab.com;" in (out / "admin/index.html").read_text(encoding="utf-8")


def test_local_saves_to_the_preview_server(with_cms, tmp_path):
    out = built(with_cms("  backend: local\n"), tmp_path)
    config = yaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    assert "connect-src 'self';" in (out / "admin/index.html").read_text(encoding="utf-8")


def test_form_choices_follow_the_status_vocabulary(with_cms, monkeypatch):
    """Change the vocabulary (as a fixture would) and the generated form's choices change with it."""
    site = read_site(options(with_cms()))
    renamed = tuple(statuses.Status("i gång" if s.key == "pågår" else s.key, s.kind, s.symbol, s.tone,
                                    s.label, s.definition) for s in statuses.PROGRESS)
    monkeypatch.setattr(statuses, "PROGRESS", renamed)
    files = admin.generated(site, site.cms)
    config = yaml.safe_load(files["config.yml"])
    update = next(c for c in config["collections"] if c["name"].startswith("uppdateringar-"))
    status = next(f for f in update["fields"] if f["name"] == "status")
    assert [o["value"] for o in status["options"]] == ["ingen uppgift", "ej påbörjat", "i gång", "försenat",
                                                       "genomfört"]
    assert '"i gång": {"symbol": "◐"' in files["lofte-cms.js"].decode()


def test_without_decap_and_offline_the_build_says_why(with_cms, tmp_path, monkeypatch):
    monkeypatch.setattr(decap, "locate", lambda cache_dir=None: None)
    monkeypatch.setattr(decap, "_fetch", lambda tmp: (_ for _ in ()).throw(decap.Unavailable(
        "kunde inte hämta Decap CMS 3.16.3 från npm (ingen anslutning)")))
    content = with_cms()
    with pytest.raises(LofteError, match="webbläsarredigeraren .* behöver Decap CMS: kunde inte hämta"):
        built(content, tmp_path)
    assert not (tmp_path / "site").exists()  # nothing half-built is left


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """A stand-in for the npm registry serving a small package, and no npm on the PATH."""
    import hashlib, base64, http.server, functools, tarfile, threading, io
    tgz = tmp_path / "registry" / "decap-cms.tgz"
    tgz.parent.mkdir()
    with tarfile.open(tgz, "w:gz") as tar:
        for name, data in (("package/dist/decap-cms.js", b"window.CMS = {};"), ("package/dist/7.decap-cms.js", b"7"),
                           ("package/dist/decap-cms.js.map", b"{}"), ("package/dist/x.wasm", b"\0asm"),
                           ("package/LICENSE", b"MIT")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tgz.parent))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setattr(decap, "TARBALL", f"http://127.0.0.1:{httpd.server_address[1]}/decap-cms.tgz")
    monkeypatch.setattr(decap.shutil, "which", lambda name: None)
    digest = base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode()
    yield digest
    httpd.shutdown()


def test_fetched_without_npm_and_checked(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(decap, "INTEGRITY", "sha512-" + registry)
    target = decap.vendor(tmp_path / ".cache")
    assert sorted(p.name for p in target.iterdir()) == ["7.decap-cms.js", "LICENSE", "decap-cms.js"]
    assert [p.name for p in decap.files(target)] == ["decap-cms.js", "7.decap-cms.js"]


def test_a_package_that_does_not_match_the_pin_is_refused(registry, tmp_path):
    with pytest.raises(decap.Unavailable, match="kontrollsumman"):
        decap.vendor(tmp_path / ".cache")
    assert not decap.folder(tmp_path / ".cache").exists()


def test_updates_to_running_periods_come_first(tmp_path):
    """Across municipalities: Bro's ended 2022 comes after Åby's running period (messy fixture)."""
    import shutil
    from conftest import FIXTURES
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "messy", content)
    (content / "site.yaml").write_text((content / "site.yaml").read_text(encoding="utf-8")
                                       + "cms:\n  backend: local\n", encoding="utf-8")
    site = read_site(options(content, build_date=__import__("datetime").date(2026, 12, 5)))
    names = [c["name"] for c in yaml.safe_load(admin.generated(site, site.cms)["config.yml"])["collections"]]
    updates = [n for n in names if n.startswith("uppdateringar-")]
    assert updates[0].startswith("uppdateringar-aby-2025-2026-")
    assert updates.index("uppdateringar-bro-2022-belysning") > max(
        i for i, n in enumerate(updates) if n.startswith("uppdateringar-aby-2025-2026-"))


def test_periods_the_source_leaves_undated(tmp_path):
    """Archive fixture: `end: okänt` is neither ended nor a date to compare, and the
    undated 2023-2024 period (signed 2023) comes before the dated 2017 one, as on the pages."""
    import shutil
    from conftest import FIXTURES
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "archive", content)
    (content / "site.yaml").write_text((content / "site.yaml").read_text(encoding="utf-8")
                                       + "cms:\n  backend: local\n", encoding="utf-8")
    site = read_site(options(content, build_date=__import__("datetime").date(2026, 12, 5)))
    names = [c["name"] for c in yaml.safe_load(admin.generated(site, site.cms)["config.yml"])["collections"]]
    assert names.index("loften-dalby-2023-2024") < names.index("loften-dalby-2017")
    updates = [n for n in names if n.startswith("uppdateringar-dalby-")]
    assert updates.index("uppdateringar-dalby-2023-2024-polis-i-centrum") < updates.index(
        "uppdateringar-dalby-2017-trygg-skolvag")


def test_a_period_whose_end_is_unknown_gets_its_forms(with_cms, tmp_path):
    """`end: okänt` (the source does not say when a period ends, as Vaggeryd's) sorts as running;
    the demo content with a `cms:` block crashed here once (Unknown < date)."""
    from conftest import edit
    content = with_cms("  backend: local\n")
    edit(content, "storby/2025/lofte.yaml", "end: 2025-12-31", "end: okänt")
    out = built(content, tmp_path)
    config = yaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))
    assert "uppdateringar-storby-2025-trygg-park" in [c["name"] for c in config["collections"]]


# -- config.yml as data (lofte/outputs/cmsconfig.py) --------------------------------------------------

def test_config_has_a_collection_per_folder_and_nothing_can_be_deleted(tmp_path):
    site = read_site(options(SMALL, cache_dir=tmp_path / ".cache"))
    cms = Cms("github", "storby/lofte", "main", "innehall", base_url="https://auth.storby.example.se")
    cfg = cmsconfig.config(site, cms, site_url="http://localhost:8000/")
    got = [(c["name"], c["label"], c["folder"]) for c in cfg["collections"]]
    assert got == [  # updates first, in the promises' order; then the period's promises, periods, the municipality
        ("uppdateringar-storby-2025-trygg-park", "Tryggare park", "innehall/storby/2025/trygg-park/updates"),
        ("uppdateringar-storby-2025-fler-kontroller", "Fler hastighetskontroller",
         "innehall/storby/2025/fler-kontroller/updates"),
        ("loften-storby-2025", "2025: alla löften", "innehall/storby/2025"),
        ("perioder-storby", "Löftesperioder", "innehall/storby"),
        ("kommun-storby", "Kommunen", "innehall/storby")]
    assert not any(c["delete"] for c in cfg["collections"])
    assert (cfg["site_url"], cfg["media_folder"], cfg["locale"]) == ("http://localhost:8000/", "innehall", "sv")
    assert cfg["backend"]["base_url"] == "https://auth.storby.example.se" and "app_id" not in cfg["backend"]


def test_backend_and_short_labels():
    gitlab = Cms("gitlab", "storby/webb", "publicera", "content", app_id="4f2a9c")
    assert cmsconfig.backend(gitlab, local=True) == {"name": "proxy", "proxy_url": "/api/v1", "branch": "publicera"}
    remote = cmsconfig.backend(gitlab, local=False)
    assert (remote["auth_type"], remote["app_id"]) == ("pkce", "4f2a9c")
    assert remote["commit_messages"]["create"].startswith("Ny {{collection}}")
    title = "Ett mycket långt löfte om trygghet i centrum som fortsätter och fortsätter och fortsätter med fler ord"
    label = cmsconfig.short(title)
    assert label == "Ett mycket långt löfte om trygghet i centrum som fortsätter och …"  # whole words only
    assert len(label) <= cmsconfig.LABEL_LIMIT and cmsconfig.short("Kort") == "Kort"
