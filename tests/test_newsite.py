"""`init`: a new site folder for one municipality that builds, checks and publishes as it is."""
import io
import sys

import pytest
import yaml

from lofte.authoring import newsite
from lofte.authoring.newsite import full_name
from lofte.cli import main

FILES = [".github/workflows/publicera.yml", ".gitignore", ".gitlab-ci.yml", "README.md", "content/sala/kommun.yaml",
         "content/site.yaml", "requirements.txt"]


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763769600")  # 2025-11-22
    return tmp_path


def files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("given, name, short", [
    ("Sala", "Sala kommun", "Sala"),
    ("Köping", "Köpings kommun", "Köping"),
    ("Upplands Väsby", "Upplands Väsby kommun", "Upplands Väsby"),
    ("Hofors", "Hofors kommun", "Hofors"),
    ("  Vaggeryds   kommun ", "Vaggeryds kommun", "Vaggeryd"),
    ("Stockholms stad", "Stockholms stad", "Stockholm"),
    ("Borås stad", "Borås stad", "Borås"),
])
def test_full_name(given, name, short):
    assert full_name(given) == (name, short)


def test_init_makes_a_site_that_builds_and_checks(here, capsys):
    assert main(["init", "sala-lofte", "--kommun", "Sala"]) == 0
    out = capsys.readouterr().out.splitlines()
    site = here / "sala-lofte"
    assert files(site) == FILES
    assert out[0] == "Skapade en webbplats för Sala kommun i sala-lofte/:"
    assert out[-1] == "Klart: en ny webbplats för Sala kommun i sala-lofte/. Guiden: docs/kom-igang.md i löfte."
    assert out[-7:-1] == ["Nästa steg:", "  cd sala-lofte", "  lofte new period sala/2026",
                          '  lofte new löfte sala/2026 "Tryggare centrum"',
                          "  lofte serve   (förhandsvisa på http://127.0.0.1:8000/)", "  lofte check"]
    kommun = yaml.safe_load((site / "content/sala/kommun.yaml").read_text(encoding="utf-8"))
    assert (kommun["name"], kommun["short_name"]) == ("Sala kommun", "Sala")
    settings = yaml.safe_load((site / "content/site.yaml").read_text(encoding="utf-8"))
    assert settings["title"] == "Medborgarlöften i Sala"
    assert settings["contact"]["email"] == "trygghet@kommunen.example"

    capsys.readouterr()
    main(["check", "--content", str(site / "content")])
    advice = capsys.readouterr().out.splitlines()
    assert [line.split(": råd [")[1].split("]")[0] for line in advice[:-1]] == ["exempeladress"] * 4
    assert kommun["police_area"] == "okänt"  # the pages say the source does not name it, until it is filled in
    assert advice[0].endswith("site.yaml:13: råd [exempeladress]: base_url är en exempeladress "
                              "(https://sala.kommunen.example/medborgarloften/). Så här åtgärdar du: skriv "
                              "webbplatsens riktiga adress, t.ex. https://www.kommun.se/medborgarloften/ (bygget på "
                              "GitHub eller GitLab anger adressen självt).")


def test_every_command_works_inside_the_new_folder_without_options(here, capsys, monkeypatch):
    main(["init", "sala-lofte", "--kommun", "Sala", "--period", "2025-2026", "--base-url", "https://www.sala.se/lofte",
          "--contact-email", "trygghet@sala.se", "--contact-name", "Trygghetssamordnaren"])
    monkeypatch.chdir(here / "sala-lofte")
    capsys.readouterr()
    assert main(["new", "löfte", "sala/2025-2026", "Tryggare centrum"]) == 0
    assert main(["new", "uppdatering", "sala/2025-2026/tryggare-centrum", "Första vandringen"]) == 0
    assert main(["check"]) == 0
    assert main(["build", "--no-posters"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Skapade content/sala/2025-2026/tryggare-centrum/index.md. Fyll i filen och kontrollera med: "
                      "lofte check")
    site = here / "sala-lofte/site"
    made = sum(1 for p in site.rglob("*") if p.is_file() and p.name != ".lofte-build.json")
    assert out[-1] == f"Klart: webbplatsen finns i site/ ({made} filer nya eller ändrade, 0 oförändrade)."
    assert (site / "sala/2025-2026/tryggare-centrum/index.html").is_file()
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["assets", "data", "en", "om", "sala", "status",
                                                                     "tillganglighet", "webbredaktorer"]
    assert "https://www.sala.se/lofte/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_ci_files_install_check_build_and_publish(here):
    main(["init", "sala-lofte", "--kommun", "Sala"])
    github = yaml.safe_load((here / "sala-lofte/.github/workflows/publicera.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in github["jobs"]["build"]["steps"]]
    assert steps[3:7] == ["python -m pip install -r requirements.txt && lofte --version", "lofte check",
                          'lofte build --base-url "${{ steps.pages.outputs.base_url }}/"',
                          "rm -f site/.lofte-build.json"]
    assert github["jobs"]["build"]["steps"][-1]["with"]["path"] == "site"
    gitlab = yaml.safe_load((here / "sala-lofte/.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["script"] == ["python -m pip install -r requirements.txt && lofte --version", "lofte check",
                                         'lofte build --out public --base-url "$CI_PAGES_URL/"',
                                         "rm -f public/.lofte-build.json"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    ignored = (here / "sala-lofte/.gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", "public/", ".cache/", "~$*"} <= set(ignored)


def test_where_ci_gets_lofte_from(here, monkeypatch):
    class Installed:  # what importlib.metadata finds for a löfte installed from a git repository
        version = "0.1.0"

        def read_text(self, name):
            return {"direct_url.json": '{"url": "https://github.com/kommun/lofte", "vcs_info": '
                                       '{"vcs": "git", "commit_id": "abc123"}}', "INSTALLER": "pip\n"}.get(name)

    monkeypatch.setattr(newsite.importlib.metadata, "distribution", lambda name: Installed())
    assert newsite.install_requirement() == "lofte @ git+https://github.com/kommun/lofte@abc123"
    main(["init", "sala-lofte", "--kommun", "Sala"])
    assert (here / "sala-lofte/requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == (
        "lofte @ git+https://github.com/kommun/lofte@abc123")
    monkeypatch.setattr(Installed, "read_text", lambda self, name: "pip\n" if name == "INSTALLER" else None)
    assert newsite.install_requirement() == "lofte==0.1.0"  # from a package index


def test_refuses_a_folder_with_files(here, capsys):
    (here / "befintlig").mkdir()
    (here / "befintlig/anteckningar.txt").write_text("mina", encoding="utf-8")
    assert main(["init", "befintlig", "--kommun", "Sala"]) == 1
    assert capsys.readouterr().err == ("Fel: mappen befintlig finns redan och är inte tom; ingenting skrevs. Skapa "
                                       "webbplatsen i en ny mapp, eller ta bort det som ligger i den här\n")
    assert files(here / "befintlig") == ["anteckningar.txt"]
    (here / "klonad/.git").mkdir(parents=True)  # a freshly cloned, empty repository is fine
    assert main(["init", "klonad", "--kommun", "Sala"]) == 0


@pytest.mark.parametrize("args, message", [
    (["--kommun", "Status"], "Fel: 'status' är upptaget av webbplatsens egna sidor; välj ett annat namn på en kommun"),
    (["--kommun", "Sala", "--base-url", "www.sala.se"],
     "Fel: 'www.sala.se' är ingen webbadress; skriv den med https://, t.ex. https://www.sala.se/medborgarloften/"),
    (["--kommun", "Sala", "--period", "2025 2026"],
     "Fel: '2025 2026' är inget giltigt namn på en period: använd små bokstäver a–z, siffror och bindestreck, t.ex. "
     "'2025-2026'"),
    ([], "Fel: ange kommunen, t.ex. lofte init ny --kommun Sala"),
])
def test_clear_messages_and_nothing_written(here, capsys, args, message):
    assert main(["init", "ny", *args]) == 1
    assert capsys.readouterr().err == message + "\n"
    assert not (here / "ny").exists()


def test_asks_for_what_is_missing_in_a_terminal(here, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("Upplands Väsby\n\n\nhttps://www.upplandsvasby.se/lofte/\n\n"
                                               "trygghet@upplandsvasby.se\n2025-2026\n"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["init", "vasby"]) == 0
    questions = capsys.readouterr().out.split("Skapade")[0]
    assert questions == (
        "Vilken kommun gäller webbplatsen? (t.ex. Sala): Kommunens fullständiga namn [Upplands Väsby kommun]: "
        "Webbplatsens namn [Medborgarlöften i Upplands Väsby]: Webbplatsens adress, med https:// (Enter: fyll i "
        "senare): Vem kan invånarna kontakta om webbplatsen? [Upplands Väsby kommun]: "
        "Kontaktens e-postadress (Enter: fyll i senare): Löftesperiod att skapa, t.ex. 2025-2026 (Enter: ingen än): ")
    assert files(here / "vasby" / "content") == ["site.yaml", "upplands-vasby/2025-2026/lofte.yaml",
                                                 "upplands-vasby/kommun.yaml"]
    settings = yaml.safe_load((here / "vasby/content/site.yaml").read_text(encoding="utf-8"))
    assert (settings["base_url"], settings["contact"]["email"]) == ("https://www.upplandsvasby.se/lofte/",
                                                                   "trygghet@upplandsvasby.se")


def test_a_sites_own_templates_override_the_packaged_ones_file_by_file(here, capsys):
    main(["init", "sala-lofte", "--kommun", "Sala"])
    own = here / "sala-lofte/templates"
    (own / "assets").mkdir(parents=True)
    (own / "assets/style.css").write_text("body { color: black; }\n", encoding="utf-8")
    (own / "404.html").write_text('{% extends "base.html" %}{% block title %}Borta{% endblock %}'
                                  "{% block main %}<h1>Sidan är borta</h1>{% endblock %}\n", encoding="utf-8")
    assert main(["build", "--no-posters", "--content", "sala-lofte/content", "--out", "sala-lofte/site"]) == 0
    site = here / "sala-lofte/site"
    assert (site / "assets/style.css").read_text(encoding="utf-8") == "body { color: black; }\n"
    assert "<h1>Sidan är borta</h1>" in (site / "404.html").read_text(encoding="utf-8")
    assert "Medborgarlöften i Sala" in (site / "index.html").read_text(encoding="utf-8")  # the packaged home.html


def test_serve_too_works_inside_the_new_folder_without_options(here, capsys, monkeypatch):
    """`lofte serve` in the new folder previews its content/ into site/ on this computer (issue 15.1)."""
    from lofte.authoring import serve
    main(["init", "sala-lofte", "--kommun", "Sala"])
    monkeypatch.chdir(here / "sala-lofte")
    seen = {}
    monkeypatch.setattr(serve, "run", lambda opts, host, port: seen.update(opts=opts, host=host, port=port) or 0)
    assert main(["serve"]) == 0
    opts = seen["opts"]
    folder = here / "sala-lofte"
    assert (opts.content_dir.resolve(), opts.out_dir.resolve()) == (folder / "content", folder / "site")
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert capsys.readouterr().out.splitlines()[-1] == "Klart: förhandsvisningen är avslutad."
