"""Spreadsheet round trip: updates out to a CSV file and new rows back in as update files.

Updates are often gathered in a spreadsheet ("updating status by hand is
tedious, so this feature will never be used", Decidim #3190). One row is one
update; the columns are documented in docs/publicera.md. Each row has a stable id,
`kommun/period/löfte/ÅÅÅÅ-MM-DD-namn` (the update's file path), taken from the
id column or made from the date and title, so importing the same file twice
creates nothing the second time. A row whose id exists is skipped, never
written over: a published update is corrected with a new update, not edited
(docs/innehall.md, avsnitt 14); when the row differs from the file, a notice
says so. The whole file is checked before anything is written, and the new
files must pass the normal validation, or they are removed again.
"""
from __future__ import annotations

import sys
from pathlib import Path

from lofte.build.pipeline import Options, read_site
from lofte.content.errors import BuildAborted, LofteError
from lofte.content.fields import suggest
from lofte.content.model import Municipality, Site, Update

from . import excelcsv
from .sheetrows import COLUMNS, INFO, NewUpdate, check_file, describe

# -- export -------------------------------------------------------------------

def update_id(promise_path: str, update: Update) -> str:
    return f"{promise_path.rsplit('/', 1)[0]}/{update.slug}"


def export_rows(site: Site, period: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows: every update (of one period, 'kommun/period', if given), oldest first, and
    under each promise a row to fill in, naming its goals and parties."""
    found = [(m, p, pr) for m in site.municipalities for p in m.periods for pr in p.promises
             if period is None or f"{p.municipality}/{p.slug}" == period]
    if period is not None and not found:
        known = sorted({f"{p.municipality}/{p.slug}" for m in site.municipalities for p in m.periods})
        raise LofteError(f"perioden '{period}' finns inte eller har inga löften{suggest(period, known)}")
    actors = _actor_columns([pr for _, _, pr in found])
    pairs = max([len(u.progress) for _, _, pr in found for u in pr.updates] + [1])
    header = [*COLUMNS[:-1], *(f"status {a}" for a in actors), COLUMNS[-1],
              *(c for i in range(1, pairs + 1) for c in _pair_names(i)), *INFO]
    rows = []
    for m, p, pr in found:
        where = [p.municipality, p.slug, pr.slug]
        for u in sorted(pr.updates, key=lambda u: (u.date, u.slug)):
            statuses = {a.actor: a.status for a in u.actor_status}
            values = [c for prog in u.progress for c in (prog.indicator, excelcsv.number_cell(prog.value))]
            rows.append([update_id(pr.path, u), *where, u.date.isoformat(), excelcsv.text_cell(u.title),
                         excelcsv.text_cell(u.body.markdown), u.status or "", *(statuses.get(a, "") for a in actors),
                         "ja" if u.example else "nej", *values, *[""] * (2 * pairs - len(values)), "", ""])
        rows.append(["", *where, "", "", "", "", *[""] * len(actors), "", *[""] * (2 * pairs),
                     ", ".join(f"{i.id} ({i.name})" for i in pr.indicators) or "inga mål",
                     ", ".join(_party(m, a.actor) for a in pr.actors)])
    return header, rows


def _actor_columns(promises: list) -> list[str]:
    """The parties of the exported promises, police and municipality first."""
    found = {a.actor for pr in promises for a in pr.actors}
    return [a for a in ("polisen", "kommunen") if a in found] + sorted(found - {"polisen", "kommunen"})


def _party(m: Municipality, actor: str) -> str:
    name = next((p.name for p in m.partners if p.id == actor), "")
    return f"{actor} ({name})" if name else actor


def _pair_names(i: int) -> tuple[str, str]:
    return ("indikator", "värde") if i == 1 else (f"indikator {i}", f"värde {i}")


# -- import -------------------------------------------------------------------

def import_file(opts: Options, path: Path) -> tuple[list[str], list[str]]:
    """Create the new updates; returns (created paths, notices). Raises LofteError when nothing was written."""
    site = read_site(opts)
    found, errors, existing = check_file(path, site)
    if errors:
        raise ImportRejected(errors)
    notices, new = [], []
    for update in found:
        old = existing.get(update.id)
        if old is None and not (opts.content_dir / update.rel).exists():
            new.append(update)
        elif old is not None and update.differences(old):
            notices.append(f"{path}:rad {update.row}: {update.id} finns redan och skiljer sig från raden i "
                           f"{describe(update.differences(old))}; raden importerades inte. Rätta en publicerad "
                           "uppdatering med en ny uppdatering (docs/innehall.md, avsnitt 14)")
    created = _write(opts, path, new)
    return created, notices


def _write(opts: Options, path: Path, new: list[NewUpdate]) -> list[str]:
    """Write the files, then validate the whole content; on any error remove them again."""
    written: list[Path] = []
    made_dirs: list[Path] = []
    try:
        for update in new:
            target = opts.content_dir / update.rel
            if not target.parent.exists():
                target.parent.mkdir()
                made_dirs.append(target.parent)
            with open(target, "x", encoding="utf-8") as handle:
                written.append(target)
                handle.write(update.file_text())
        read_site(opts)
    except (BuildAborted, OSError) as exc:
        for target in written:
            target.unlink(missing_ok=True)
        for folder in made_dirs:
            folder.rmdir()
        if isinstance(exc, OSError):
            raise LofteError(f"kunde inte skriva {exc.filename}: {exc.strerror}; ingenting importerades") from None
        by_path = {f"{opts.display_root or opts.content_dir}/{u.rel}": u.row for u in new}
        raise ImportRejected([f"{path}:rad {by_path[e.path]}: {e}" if e.path in by_path else str(e)
                              for e in exc.errors]) from None
    root = opts.display_root or str(opts.content_dir)
    return [f"{root}/{u.rel}" for u in new]


class ImportRejected(LofteError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__(f"{len(errors)} fel")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def run_export(opts: Options, path: Path, period: str | None) -> int:
    header, rows = export_rows(read_site(opts), period)
    excelcsv.write(path, header, rows)
    updates = sum(1 for r in rows if r[0])
    promises = len(rows) - updates
    under = "Under löftet" if promises == 1 else f"Under vart och ett av de {promises} löftena"
    print(f"Skrev {_count(updates, 'uppdatering', 'uppdateringar')} till {path}. {under} finns en tom rad att "
          "fylla i (datum och titel) för en ny uppdatering; kopiera raden för fler.")
    return 0


def run_import(opts: Options, path: Path) -> int:
    try:
        created, notices = import_file(opts, path)
    except BuildAborted as exc:  # the content was invalid before the import
        for e in exc.errors:
            print(e, file=sys.stderr)
        print(f"Ingenting importerades: innehållet har {len(exc.errors)} fel. Rätta dem först.", file=sys.stderr)
        return 1
    except ImportRejected as exc:
        for line in exc.errors:
            print(line, file=sys.stderr)
        print(f"Ingenting importerades: {len(exc.errors)} fel i {path}. Rätta raderna och importera igen.",
              file=sys.stderr)
        return 1
    for line in created:
        print(f"Skapade {line}")
    for line in notices:
        print(line)
    print(f"Klart: {_count(len(created), 'ny uppdatering', 'nya uppdateringar')}." if created
          else "Klart: inga nya rader att importera.")
    return 0
