"""The command line: `python build.py [command] [options]` (also installed as `lofte`).

This module only parses arguments and dispatches: each verb's work lives in its
own module (pipeline, serve, scaffold, check, spreadsheet). Content errors print
as `file:line: field: message` lines and exit 1; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from lofte.build.pipeline import Options, build, build_date_from_env
from lofte.content.errors import BuildAborted, LofteError

DESCRIPTION = """Bygger webbplatsen med medborgarlöften från mappen content/.

kommandon:
  build (standard)   bygg content/ till site/
  posters            bygg webbplatsen och affischerna
  serve              förhandsvisa på http://127.0.0.1:8000/ och bygg om vid varje ändring
  new                skapa en kommun, en period, ett löfte eller en uppdatering från en mall
  check              kontrollera innehållet och få råd, utan att bygga
  export-updates     skriv uppdateringarna till en CSV-fil för Excel
  import-updates     skapa uppdateringar från nya rader i en CSV-fil

Guide: docs/publicera.md (arbetsgången) och docs/innehall.md (alla fält).
"""


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
    parser.add_argument("--jobs", type=int, default=0, help="antal processer (standard: en per kärna)")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' är inget datum som ÅÅÅÅ-MM-DD") from None


def _new_parser(sub) -> None:
    new = sub.add_parser("new", help="skapa en kommun, en period, ett löfte eller en uppdatering från en mall",
                         description="Skapar en ny fil från en mall med förklaringar. Skriver aldrig över en fil.")
    kinds = new.add_subparsers(dest="kind", metavar="vad", required=True)
    k = kinds.add_parser("kommun", help="new kommun <kortnamn> --name \"Köpings kommun\"")
    k.add_argument("slug", metavar="kortnamn", help="mappens namn, t.ex. koping")
    k.add_argument("--name", required=True, help="kommunens fullständiga namn, t.ex. \"Köpings kommun\"")
    k.add_argument("--short-name", help="kort namn (standard: namnet utan ”kommun”)")
    p = kinds.add_parser("period", help="new period <kommun>/<period>, t.ex. koping/2026")
    p.add_argument("target", metavar="kommun/period")
    lo = kinds.add_parser("löfte", aliases=["lofte"], help="new löfte <kommun>/<period> \"Titel\"")
    lo.add_argument("target", metavar="kommun/period")
    lo.add_argument("title", metavar="titel")
    lo.add_argument("--slug", help="mappens namn (standard: gjort av titeln)")
    u = kinds.add_parser("uppdatering", help="new uppdatering <kommun>/<period>/<löfte> \"Titel\"")
    u.add_argument("target", metavar="kommun/period/löfte")
    u.add_argument("title", metavar="titel")
    u.add_argument("--slug", help="filnamnets slut (standard: gjort av titeln)")
    u.add_argument("--date", type=_date, help="datum ÅÅÅÅ-MM-DD (standard: i dag)")
    for kind in (k, p, lo, u):
        _content(kind)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="kommando")
    b = sub.add_parser("build", help="bygg webbplatsen (standard)")
    _common(b)
    b.add_argument("--no-posters", action="store_true", help="hoppa över affischerna")
    b.add_argument("--bleed", action="store_true", help="affischer med 3 mm utfall för tryckeri")
    p = sub.add_parser("posters", help="bygg webbplatsen och affischerna")
    _common(p)
    p.add_argument("--bleed", action="store_true", help="affischer med 3 mm utfall för tryckeri")
    s = sub.add_parser("serve", help="förhandsvisa och bygg om vid varje ändring")
    _common(s)
    s.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")
    s.add_argument("--host", default="127.0.0.1",
                   help="adress att lyssna på (standard: 127.0.0.1, bara den här datorn)")
    s.add_argument("--posters", action="store_true", help="bygg också affischerna (långsammare)")
    _new_parser(sub)
    c = sub.add_parser("check", help="kontrollera innehållet och få råd, utan att bygga")
    _content(c)
    _cache_dir(c)
    c.add_argument("--strict", action="store_true", help="råd räknas som fel (för CI)")
    e = sub.add_parser("export-updates", help="skriv uppdateringarna till en CSV-fil")
    e.add_argument("file", metavar="FIL.csv")
    e.add_argument("--period", metavar="kommun/period", help="bara en period, t.ex. koping/2024")
    _content(e)
    i = sub.add_parser("import-updates", help="skapa uppdateringar från nya rader i en CSV-fil")
    i.add_argument("file", metavar="FIL.csv")
    _content(i)
    return parser


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
        return scaffold.new_promise(content, args.target, args.title, args.slug, shown)
    return scaffold.new_update(content, args.target, args.title, args.date or build_date_from_env(),
                               args.slug, shown)


def dispatch(args: argparse.Namespace) -> int:
    # Verbs import their module when run, so a plain build never loads the dev server or Pillow.
    if args.command in ("build", "posters"):
        counts = build(options(args, posters=not getattr(args, "no_posters", False), bleed=args.bleed))
        print(f"Klart: {counts['written']} filer skrivna, {counts['unchanged']} oförändrade, i {args.out}/")
        return 0
    if args.command == "serve":
        from lofte.authoring import serve
        return serve.run(options(args, posters=args.posters), host=args.host, port=args.port)
    if args.command == "new":
        created = _new(args)
        print(f"Skapade {created}. Fyll i filen och kontrollera med: python build.py check")
        return 0
    if args.command == "check":
        from lofte.authoring import check
        return check.run(options(args), strict=args.strict)
    from lofte.authoring import spreadsheet
    if args.command == "export-updates":
        return spreadsheet.run_export(options(args), Path(args.file), args.period)
    return spreadsheet.run_import(options(args), Path(args.file))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
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


def run() -> None:
    """The command line's entry point: `main`, then exit without tearing down the heap.

    After a national build the interpreter would spend ~0.35 s freeing the model
    object by object before the process ends; every file is written and closed
    by then, so only the standard streams need flushing.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)

