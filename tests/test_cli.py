"""The command line: Swedish help and errors (argparse's own words too), hints that work where the
user is, and a last line that says what happened."""
import os
import re
import sys

import pytest
from conftest import SMALL

from lofte.authoring import builtreport, hints
from lofte.cli import main
from lofte.cliparser import Parser, translate

COMMANDS = ["init", "build", "serve", "new", "check", "posters", "export-updates", "import-updates"]
ENGLISH = re.compile(r"\b(usage|options|positional arguments|show this help|error|invalid|required|expected|"
                     r"unrecognized|arguments?)\b")


def helped(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_is_swedish_and_lists_each_command_once(capsys):
    text = helped(capsys)
    assert text.startswith("användning: lofte [-h] [--version] KOMMANDO ...\n")
    assert "\nalternativ:\n  -h, --help      visa den här hjälpen och avsluta\n" in text
    assert "\nkommandon:\n" in text
    listed = re.findall(r"^    (\S+)", text, re.M)
    assert listed == COMMANDS
    assert ENGLISH.search(text) is None


@pytest.mark.parametrize("argv", [[c] for c in COMMANDS] + [["new", k] for k in ("kommun", "period", "löfte",
                                                                                  "uppdatering")])
def test_every_commands_help_is_swedish(capsys, argv):
    text = helped(capsys, *argv)
    assert text.startswith(f"användning: lofte {' '.join(argv)} [-h]")
    assert ENGLISH.search(text) is None, ENGLISH.search(text)


@pytest.mark.parametrize("argv, message", [
    (["bygg"], "lofte: fel: 'bygg' är inget kommando. Kommandona: init, build, serve, new, check, posters, "
               "export-updates, import-updates"),
    (["chek"], "lofte: fel: 'chek' är inget kommando; menade du 'check'? Kommandona: init, build, serve, new, check, "
               "posters, export-updates, import-updates"),
    (["check", "--strikt"], "lofte: fel: okänt på kommandoraden: --strikt (se --help)"),
    (["build", "--jobs", "många"], "lofte build: fel: --jobs: 'många' är inte ett heltal"),
    (["new", "löfte"], "lofte new löfte: fel: det här saknas: KOMMUN/PERIOD, TITEL"),
    (["new", "sak"], "lofte new: fel: 'sak' är inget kommando. Kommandona: kommun, period, löfte, lofte, uppdatering"),
    (["new", "uppdatering", "a/b/c", "Titel", "--date", "18/3"],
     "lofte new uppdatering: fel: --date: '18/3' är inget datum som ÅÅÅÅ-MM-DD"),
    (["serve", "--port"], "lofte serve: fel: --port: behöver ett värde"),
])
def test_errors_in_swedish(capsys, argv, message):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("användning: lofte")
    assert err[-1] == message


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert re.fullmatch(r"löfte \d+\.\d+\.\d+\n", capsys.readouterr().out)


def test_no_content_folder_here(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([]) == 1
    assert capsys.readouterr().err == (
        f"Fel: här finns ingen mapp content/ ({tmp_path}). Gå till webbplatsens mapp, den där content/ ligger, eller "
        "skapa en ny webbplats med: lofte init MAPP --kommun NAMN\n")


@pytest.mark.parametrize("argv0, executable, expected", [
    ("/home/anna/.local/bin/lofte", "/usr/bin/python3", "lofte check"),
    ("C:\\Users\\anna\\AppData\\Roaming\\Python\\Scripts\\lofte.exe", "C:\\Python312\\python.exe", "lofte check"),
    ("build.py", "{cwd}/.venv/bin/python", ".venv/bin/python build.py check"),
    ("{cwd}/build.py", "{cwd}/.venv/Scripts/python.exe", ".venv/Scripts/python build.py check"),
    ("{cwd}/lofte/__main__.py", "{cwd}/.venv/bin/python", ".venv/bin/python -m lofte check"),
])
def test_hints_show_the_command_that_works_here(tmp_path, monkeypatch, argv0, executable, expected):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [argv0.format(cwd=tmp_path)])
    monkeypatch.setattr(sys, "executable", executable.format(cwd=tmp_path))
    assert hints.command("check") == expected
    assert hints.command("check", cwd=tmp_path / "sala-lofte") == expected.replace(".venv", "../.venv").replace(
        " build.py", " ../build.py")


def test_a_python_outside_the_folder_is_named_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "build.py")])
    monkeypatch.setattr(sys, "executable", "/opt/python/bin/python3.12")
    expected = "/opt/python/bin/python3.12" if os.name != "nt" else "py"
    assert hints.command("serve") == f"{expected} build.py serve"


def test_a_build_says_where_the_site_and_its_posters_are(tmp_path, capsys):
    out = tmp_path / "site"
    argv = ["posters", "--content", str(SMALL), "--out", str(out), "--jobs", "1"]
    assert main(argv) == 0
    first = capsys.readouterr().out.splitlines()
    assert main(argv) == 0
    again = capsys.readouterr().out.splitlines()
    shown = out.as_posix() + "/"
    n = sum(1 for p in out.rglob("*") if p.is_file() and p.name != ".lofte-build.json")  # every file it made
    assert first == ["Affischer (A3 och A4, som PDF och PNG): 4 filer för 1 period, i", f"  {shown}storby/2025/affisch/",
                     f"Klart: webbplatsen finns i {shown} ({n} filer nya eller ändrade, 0 oförändrade)."]
    assert again[:2] == first[:2]  # kept, not made again, but there all the same
    assert again[-1] == f"Klart: webbplatsen finns i {shown} (0 filer nya eller ändrade, {n} oförändrade)."


def test_many_poster_folders_are_summarised(tmp_path):
    for m in range(6):
        (tmp_path / f"kommun{m}/2025/affisch").mkdir(parents=True)
        for name in ("a3.pdf", "a3.png", "a4.pdf", "a4.png"):
            (tmp_path / f"kommun{m}/2025/affisch/{name}").write_bytes(b"")
    shown = tmp_path.as_posix() + "/"
    assert builtreport.lines(tmp_path, {"written": 1, "unchanged": 0}, True) == [
        f"Affischer (A3 och A4, som PDF och PNG): 24 filer för 6 perioder, i {shown}<kommun>/<period>/affisch/ "
        f"(t.ex. {shown}kommun0/2025/affisch/)",
        f"Klart: webbplatsen finns i {shown} (1 fil ny eller ändrad, 0 oförändrade)."]


def test_the_guides_commands_are_commands():
    """Every `lofte …` line in the guides' command blocks parses (a guide typed as written works)."""
    import shlex
    from pathlib import Path

    from lofte.cli import make_parser
    docs = Path(__file__).parent.parent / "docs"
    found = []
    for guide in ("kom-igang.md", "publicera.md"):
        blocks = re.findall(r"```\n(.*?)```", (docs / guide).read_text(encoding="utf-8"), re.S)
        found += [line.split("  ")[0] for block in blocks for line in block.splitlines() if line.startswith("lofte ")]
    assert len(found) >= 12
    for line in found:
        argv = shlex.split(line)[1:]
        if argv[0].startswith("-") and argv[0] != "--version":
            argv.insert(0, "build")
        if argv != ["--version"]:
            make_parser().parse_args(argv)


@pytest.mark.parametrize("verb", ["build", "serve", "check", "posters"])
def test_every_command_that_reads_content_takes_cache_dir(verb, tmp_path, capsys):
    """Issue 19.8: the cache can live outside the content's folder (default: .cache beside content/)."""
    from lofte.cli import make_parser, options
    args = make_parser().parse_args([verb, "--content", str(SMALL), "--cache-dir", str(tmp_path / "c")])
    assert options(args).cache_path() == tmp_path / "c"
    default = make_parser().parse_args([verb, "--content", str(SMALL)])
    assert options(default).cache_path() == SMALL.resolve().parent / ".cache"
    assert "--cache-dir MAPP" in helped(capsys, verb)


def test_the_swedish_parser_groups_arguments_and_options_under_swedish_titles(capsys):
    parser = Parser(prog="prov", description="Ett prov.")
    parser.add_argument("mapp", help="innehållets mapp")
    parser.add_argument("--antal", type=int, default=1, help="hur många")
    assert parser.parse_args(["a", "--antal", "3"]).antal == 3
    text = parser.format_help()
    assert text.startswith("användning: prov [-h] [--antal ANTAL] mapp\n")
    assert text.split("\n\n", 2)[2] == ("uppgifter:\n  mapp           innehållets mapp\n\n"
                                        "alternativ:\n  -h, --help     visa den här hjälpen och avsluta\n"
                                        "  --antal ANTAL  hur många\n")
    assert ENGLISH.search(text) is None
    with pytest.raises(SystemExit) as done:
        parser.parse_args(["a", "--antal", "tre"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("användning: prov")
    assert err.splitlines()[-1] == "prov: fel: --antal: 'tre' är inte ett heltal"


def test_the_swedish_parser_names_commands_and_translates_argparse_messages(capsys):
    parser = Parser(prog="prov")
    commands = parser.add_subparsers(dest="kommando", metavar="KOMMANDO")
    commands.add_parser("bygg")
    commands.add_parser("kolla")
    with pytest.raises(SystemExit):
        parser.parse_args(["byg"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "prov: fel: 'byg' är inget kommando; menade du 'bygg'? Kommandona: bygg, kolla")
    assert translate("expected 2 arguments") == "behöver 2 värden"
    assert translate("invalid float value: 'x'") == "'x' är inte ett tal"
    assert translate("invalid choice: 'c' (choose from 'a', 'b')") == "'c' går inte; välj bland a, b"
    assert translate("one of the arguments --a --b is required") == "ett av de här behövs: --a --b"
    assert translate("a message from a later Python") == "a message from a later Python"
