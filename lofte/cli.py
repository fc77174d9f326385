"""The command line: `python build.py [command] [options]` (also installed as `lofte`).

One module per verb would be overkill today; each command is a short function
that calls the pipeline. Content errors print as `file:line: field: message`
lines and exit 1; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildAborted, LofteError
from .pipeline import Options, build

DESCRIPTION = """Bygger webbplatsen med medborgarlöften från mappen content/.

kommandon:
  build (standard)   bygg content/ till site/
  posters            bygg bara affischerna
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", default="content", metavar="MAPP", help="innehållet (standard: content)")
    parser.add_argument("--out", default="site", metavar="MAPP", help="resultatet (standard: site)")
    parser.add_argument("--base-url", metavar="URL", help="webbplatsens adress, t.ex. https://example.se/trygghet/lofte/")
    parser.add_argument("--jobs", type=int, default=0, help="antal processer (standard: en per kärna)")


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
    return parser


def options(args: argparse.Namespace, **extra) -> Options:
    return Options(content_dir=Path(args.content), out_dir=Path(args.out), base_url=args.base_url,
                   jobs=args.jobs, display_root=args.content.rstrip("/"), **extra)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = make_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")
    args = parser.parse_args(argv)
    try:
        if args.command in ("build", "posters"):
            counts = build(options(args, posters=not getattr(args, "no_posters", False), bleed=args.bleed))
            print(f"Klart: {counts['written']} filer skrivna, {counts['unchanged']} oförändrade, i {args.out}/")
        return 0
    except BuildAborted as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except LofteError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
