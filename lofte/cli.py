"""The command line: `python build.py [command] [options]` (also installed as `lofte`).

This module only parses arguments and dispatches: each verb's work lives in its
own module (pipeline, serve, scaffold, check, spreadsheet). Content errors print
as `file:line: field: message` lines and exit 1; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import sys
from pathlib import Path

from lofte.authoring import hints
from lofte.build.pipeline import Options, build, build_date_from_env
from lofte.cliparser import Parser
from lofte.content.errors import BuildAborted, LofteError

DESCRIPTION = """Bygger en webbplats med medborgarlöften och hur arbetet med dem går, från mappen content/.
Utan kommando: build."""
EPILOG = """Skriv ett kommando och --help för dess alternativ, t.ex. {program} new --help.
Guider i löfte: docs/kom-igang.md (från installation till publicerad webbplats),
docs/innehall.md (alla fält) och docs/publicera.md (arbetsgången och publicering)."""


def _content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", default="content", metavar="MAPP", help="innehållet (standard: content)")


def _cache_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="MAPP",
                        help="mellanlager för snabbare byggen (standard: .cache bredvid innehållsmappen)")


def _common(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    _cache_dir(parser)
    parser.add_argument("--out", default="site", metavar="MAPP", help="resultatet (standard: site)")
    parser.add_argument("--base-url", metavar="URL", help="webbplatsens adress, t.ex. https://example.se/trygghet/lofte/")
    parser.add_argument("--jobs", type=int, default=0, metavar="ANTAL", help="antal processer (standard: en per kärna)")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' är inget datum som ÅÅÅÅ-MM-DD") from None


def _init_parser(sub) -> None:
    init = sub.add_parser("init", help="skapa en ny webbplats för en kommun, i en ny mapp",
                          description="Skapar en ny mapp med allt en kommuns webbplats behöver: content/site.yaml, "
                                      "kommunens kommun.yaml, .gitignore och filer för att publicera på GitHub Pages "
                                      "och GitLab Pages. Inga exempelkommuner. Skriver aldrig i en mapp som har filer. "
                                      "Saknas något och du kör i ett terminalfönster frågar kommandot efter det.")
    init.add_argument("folder", metavar="MAPP", help="den nya mappen, t.ex. sala-lofte")
    init.add_argument("--kommun", metavar="NAMN", help="kommunens namn, t.ex. Sala eller \"Upplands Väsby\"")
    init.add_argument("--name", metavar="NAMN", help="kommunens fullständiga namn (standard: t.ex. \"Sala kommun\")")
    init.add_argument("--title", metavar="TEXT", help="webbplatsens namn (standard: \"Medborgarlöften i Sala\")")
    init.add_argument("--base-url", metavar="URL", help="webbplatsens adress, t.ex. https://www.sala.se/medborgarloften/")
    init.add_argument("--contact-name", metavar="NAMN", help="kontakt för webbplatsen, t.ex. Trygghetssamordnaren")
    init.add_argument("--contact-email", metavar="E-POST", help="kontaktens e-postadress")
    init.add_argument("--period", metavar="PERIOD", help="skapa också en löftesperiod, t.ex. 2025-2026")


def _new_parser(sub) -> None:
    new = sub.add_parser("new", help="skapa en kommun, en period, ett löfte eller en uppdatering från en mall",
                         description="Skapar en ny fil från en mall med förklaringar. Skriver aldrig över en fil.")
    kinds = new.add_subparsers(dest="kind", metavar="VAD", required=True, title="vad som skapas")
    k = kinds.add_parser("kommun", help="en kommun: new kommun KORTNAMN --name \"Köpings kommun\"")
    k.add_argument("slug", metavar="KORTNAMN", help="mappens namn, t.ex. koping")
    k.add_argument("--name", required=True, metavar="NAMN", help="kommunens fullständiga namn, t.ex. \"Köpings kommun\"")
    k.add_argument("--short-name", metavar="NAMN", help="kort namn (standard: namnet utan ”kommun”)")
    p = kinds.add_parser("period", help="en löftesperiod: new period KOMMUN/PERIOD, t.ex. koping/2026")
    p.add_argument("target", metavar="KOMMUN/PERIOD")
    lo = kinds.add_parser("löfte", aliases=["lofte"], help="ett löfte: new löfte KOMMUN/PERIOD \"Titel\"")
    lo.add_argument("target", metavar="KOMMUN/PERIOD")
    lo.add_argument("title", metavar="TITEL")
    lo.add_argument("--slug", metavar="NAMN", help="mappens namn (standard: gjort av titeln)")
    u = kinds.add_parser("uppdatering", help="en uppdatering: new uppdatering KOMMUN/PERIOD/LÖFTE \"Titel\"")
    u.add_argument("target", metavar="KOMMUN/PERIOD/LÖFTE")
    u.add_argument("title", metavar="TITEL")
    u.add_argument("--slug", metavar="NAMN", help="filnamnets slut (standard: gjort av titeln)")
    u.add_argument("--date", type=_date, metavar="DATUM", help="datum ÅÅÅÅ-MM-DD (standard: i dag)")
    for kind in (k, p, lo, u):
        _content(kind)


def make_parser() -> argparse.ArgumentParser:
    program = hints.program()
    parser = Parser(prog=program, description=DESCRIPTION, epilog=EPILOG.format(program=program))
    parser.add_argument("--version", action="version", version=f"löfte {_version()}",
                        help="visa vilken version av löfte som körs")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    _init_parser(sub)
    b = sub.add_parser("build", help="bygg webbplatsen från content/ till site/ (standard)",
                       description="Bygger webbplatsen, med affischer, från content/ till site/.")
    _common(b)
    b.add_argument("--no-posters", action="store_true", help="hoppa över affischerna (snabbare)")
    b.add_argument("--bleed", action="store_true", help="affischer med 3 mm utfall för tryckeri")
    s = sub.add_parser("serve", help="förhandsvisa på http://127.0.0.1:8000/ och bygg om vid varje ändring")
    _common(s)
    s.add_argument("--port", type=int, default=8000, metavar="PORT", help="port (standard: 8000)")
    s.add_argument("--host", default="127.0.0.1", metavar="ADRESS",
                   help="adress att lyssna på (standard: 127.0.0.1, bara den här datorn)")
    s.add_argument("--posters", action="store_true", help="bygg också affischerna (långsammare)")
    s.add_argument("--cms", action="store_true", help="redigera i webbläsaren på /admin/ (sparar i innehållet)")
    _new_parser(sub)
    c = sub.add_parser("check", help="kontrollera innehållet och få råd, utan att bygga",
                       description="Visar samma fel som ett bygge, och råd om löften som är svåra att följa upp.")
    c.add_argument("municipalities", nargs="*", metavar="KOMMUN",
                   help="ge bara råd om de här kommunerna (mappens namn, t.ex. sala); fel visas alltid för alla")
    _content(c)
    c.add_argument("--strict", action="store_true", help="råd som inte är kvitterade räknas som fel (för CI)")
    _cache_dir(c)
    p = sub.add_parser("posters", help="bygg webbplatsen och affischerna (som build)")
    _common(p)
    p.add_argument("--bleed", action="store_true", help="affischer med 3 mm utfall för tryckeri")
    e = sub.add_parser("export-updates", help="skriv uppdateringarna till en CSV-fil för Excel")
    e.add_argument("file", metavar="FIL.csv")
    e.add_argument("--period", metavar="KOMMUN/PERIOD", help="bara en period, t.ex. koping/2024")
    _content(e)
    i = sub.add_parser("import-updates", help="skapa uppdateringar från nya rader i en CSV-fil")
    i.add_argument("file", metavar="FIL.csv")
    _content(i)
    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("lofte")
    except importlib.metadata.PackageNotFoundError:
        return "(inte installerad)"


def options(args: argparse.Namespace, **extra) -> Options:
    return Options(content_dir=Path(args.content), out_dir=Path(getattr(args, "out", "site")),
                   base_url=getattr(args, "base_url", None), jobs=getattr(args, "jobs", 0),
                   display_root=args.content.rstrip("/"),
                   cache_dir=Path(args.cache_dir) if getattr(args, "cache_dir", None) else None, **extra)


def _new(args: argparse.Namespace) -> str:
    from lofte.authoring import scaffold
    content, shown = Path(args.content), args.content
    if args.kind == "kommun":
        return scaffold.new_municipality(content, args.slug, args.name, args.short_name, shown)
    if args.kind == "period":
        return scaffold.new_period(content, args.target, shown)
    if args.kind in ("löfte", "lofte"):
        made = scaffold.new_promise(content, args.target, args.title, args.slug, shown, build_date_from_env())
        if scaffold.ended(content, args.target, build_date_from_env()):
            made += (". Perioden är slut, så statusen är ingen uppgift (Inte rapporterat) tills källan säger något "
                     "annat; skriv vilket dokument löftet kommer från under sources")
        return made
    return scaffold.new_update(content, args.target, args.title, args.date or build_date_from_env(),
                               args.slug, shown)


def _init(args: argparse.Namespace) -> int:
    from lofte.authoring import newsite
    answers = newsite.Answers(args.kommun or "", args.name or "", args.title or "", args.base_url or "",
                              args.contact_name or "", args.contact_email or "", args.period or "")
    if sys.stdin.isatty() and sys.stdout.isatty():
        answers = newsite.complete(answers, _ask)
    elif not answers.municipality:
        raise LofteError(f"ange kommunen, t.ex. {hints.command('init', args.folder, '--kommun', 'Sala')}")
    made = newsite.create(Path(args.folder), answers, build_date_from_env())
    print("\n".join(newsite.report(Path(args.folder), answers, made)))
    return 0


def _ask(question: str, default: str) -> str:
    try:
        answer = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def _has_content(args: argparse.Namespace) -> None:
    """A clear word when there is no content folder here: often the wrong folder, or no site yet."""
    if not Path(args.content).is_dir():
        raise LofteError(f"här finns ingen mapp {args.content}/ ({Path.cwd()}). Gå till webbplatsens mapp, den där "
                         f"{args.content}/ ligger, eller skapa en ny webbplats med: "
                         f"{hints.command('init', 'MAPP', '--kommun', 'NAMN')}")


def dispatch(args: argparse.Namespace) -> int:
    # Verbs import their module when run, so a plain build never loads the dev server or Pillow.
    if args.command == "init":
        return _init(args)
    _has_content(args)
    if args.command in ("build", "posters"):
        from lofte.authoring import builtreport
        posters = not getattr(args, "no_posters", False)
        opts = options(args, posters=posters, bleed=args.bleed)
        counts = build(opts)
        print("\n".join(builtreport.lines(Path(args.out), counts, posters)))
        if posters:  # characters the poster typeface lacks would print as empty boxes
            from lofte.authoring import glyphs
            for line in glyphs.warnings(opts):
                print(line, file=sys.stderr)
        return 0
    if args.command == "serve":
        from lofte.authoring import cms, serve
        code = (cms.run if args.cms else serve.run)(options(args, posters=args.posters), host=args.host, port=args.port)
        print("Klart: förhandsvisningen är avslutad.")
        return code
    if args.command == "new":
        created = _new(args)
        print(f"Skapade {created}. Fyll i filen och kontrollera med: {hints.command('check', content=args.content)}")
        return 0
    if args.command == "check":
        from lofte.authoring import check
        return check.run(options(args), strict=args.strict, municipalities=args.municipalities)
    from lofte.authoring import spreadsheet
    if args.command == "export-updates":
        return spreadsheet.run_export(options(args), Path(args.file), args.period)
    return spreadsheet.run_import(options(args), Path(args.file))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "build")
    args = make_parser().parse_args(argv)
    try:
        return dispatch(args)
    except BuildAborted as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except LofteError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nAvbrutet (Ctrl+C).", file=sys.stderr)
        return 130


def run() -> None:
    """The command line's entry point: `main`, then exit without tearing down the heap.

    After a national build the interpreter would spend a noticeable part of a
    second freeing the model object by object before the process ends (figure in
    bench/README.md, "What made the difference"); every file is written and closed
    by then, so only the standard streams need flushing.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)

