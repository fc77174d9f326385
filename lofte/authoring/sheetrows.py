"""The rows of an updates spreadsheet: read, checked, and turned into update files.

Every problem is collected as `FIL.csv:rad N: kolumn X: meddelande`, where N is
the row number the spreadsheet shows (the header is row 1), so a communicator
can go straight to the cell. Columns are named in Swedish and documented in
docs/publicera.md; "indikator 2"/"värde 2" … add values for more targets.
A row's id is its update's file path without "updates/" and ".md".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lofte.content import statuses, textcheck
from lofte.content.errors import LofteError
from lofte.content.fields import DATE_RE, parse_date, suggest
from lofte.content.ranges import MAX_NUMBER, date_problem, number_problem
from lofte.content.textcheck import shown
from lofte.content.model import Promise, Site, Update

from . import excelcsv
from .scaffold import quoted, slugify

COLUMNS = ("id", "kommun", "period", "löfte", "datum", "titel", "text", "status", "exempel")
REQUIRED = ("kommun", "period", "löfte", "datum", "titel")
PAIR_RE = re.compile(r"^(indikator|värde)(?: (\d+))?$")  # "indikator", "värde", "indikator 2" …
ALIASES = {"lofte": "löfte", "varde": "värde", "date": "datum", "title": "titel"}
ID_RE = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)/([a-z0-9-]+)/(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\Z")
YES, NO = ("ja", "true", "sant", "x"), ("nej", "false", "falskt", "")
MAX_TITLE = 300
MAX_TEXT = 100_000  # as an update's body (fields.Fields.body)


@dataclass
class NewUpdate:
    row: int
    id: str
    title: str
    text: str
    status: str
    example: bool
    progress: list[tuple[str, float]] = field(default_factory=list)

    @property
    def rel(self) -> str:
        folder, name = self.id.rsplit("/", 1)
        return f"{folder}/updates/{name}.md"

    def file_text(self) -> str:
        lines = ["---", f"title: {quoted(self.title)}"]
        if self.status:
            lines.append(f"status: {self.status}")
        if self.progress:
            lines.append("progress:")
            for indicator, value in self.progress:
                lines += [f"  - indicator: {indicator}", f"    value: {int(value) if value.is_integer() else value}"]
        if self.example:
            lines.append("example: true")
        lines.append("---")
        return "\n".join(lines) + "\n" + (self.text.strip() + "\n" if self.text.strip() else "")

    def differs_from(self, update: Update) -> bool:
        return (self.title, self.text.strip(), self.status or None, self.example, self.progress) != (
            update.title, update.body.markdown, update.status, update.example,
            [(p.indicator, p.value) for p in update.progress])


class Rows:
    """Reads and checks the rows of one CSV file; problems go to `errors`."""

    def __init__(self, path: Path, site: Site):
        self.path = path
        self.errors: list[str] = []
        self.promises = {pr.path.rsplit("/", 1)[0]: pr for m in site.municipalities
                         for p in m.periods for pr in p.promises}

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(f"{self.path}:rad {row}: kolumn {column}: {message}")

    def header(self, cells: list[str]) -> dict[str, int] | None:
        names: dict[str, int] = {}
        for i, cell in enumerate(cells):
            name = ALIASES.get(cell.strip().lower(), cell.strip().lower())
            m = PAIR_RE.match(name)
            if m and m[2] == "1":
                name = m[1]
            if not name:
                continue
            if name in names:
                self.error(1, name, "står två gånger")
            elif name not in COLUMNS and not m:
                self.error(1, cell.strip(), f"okänd kolumn{suggest(name, COLUMNS + ('indikator', 'värde'))}")
            names[name] = i
        for name in REQUIRED:
            if name not in names:
                self.error(1, name, "saknas: kolumnen behövs")
        for name in names:
            m = PAIR_RE.match(name)
            if m:
                other = ("värde" if m[1] == "indikator" else "indikator") + (f" {m[2]}" if m[2] else "")
                if other not in names:
                    self.error(1, other, f"saknas: kolumnen '{name}' behöver den")
        return None if self.errors else names

    def row(self, number: int, cells: dict[str, str]) -> NewUpdate | None:
        before = len(self.errors)
        self._characters(number, cells)
        kommun, period, slug = cells.get("kommun", ""), cells.get("period", ""), cells.get("löfte", "")
        promise = self._promise(number, kommun, period, slug)
        date = cells.get("datum", "")
        if not date:
            self.error(number, "datum", "saknas")
        elif not DATE_RE.match(date):
            self.error(number, "datum", f"väntade ett datum som ÅÅÅÅ-MM-DD, fick '{shown(date)}'")
        elif parse_date(date) is None:
            self.error(number, "datum", f"'{date}' är inget riktigt datum")
        elif date_problem(parse_date(date)):
            self.error(number, "datum", date_problem(parse_date(date)))
        title = excelcsv.from_text_cell(cells.get("titel", "")).strip()
        if not title:
            self.error(number, "titel", "saknas")
        elif len(title) > MAX_TITLE:
            self.error(number, "titel", f"är för lång ({len(title)} tecken; högst {MAX_TITLE})")
        elif not slugify(title) and not cells.get("id"):
            self.error(number, "titel", "går inte att göra ett filnamn av; skriv ett id i stället")
        status = cells.get("status", "").strip().lower()
        if status and status not in statuses.PROGRESS_KEYS:
            self.error(number, "status", f"'{shown(status)}' är inte en status{suggest(status, statuses.PROGRESS_KEYS)}")
        example = cells.get("exempel", "").strip().lower()
        if example not in YES + NO:
            self.error(number, "exempel", f"väntade ja eller nej, fick '{shown(example)}'")
        progress = self._progress(number, cells, promise)
        uid = self._id(number, cells.get("id", "").strip(), (kommun, period, slug, date), title)
        if len(self.errors) > before:
            return None
        return NewUpdate(number, uid, title, excelcsv.from_text_cell(cells.get("text", "")),
                         status, example in YES, progress)

    def _characters(self, number: int, cells: dict[str, str]) -> None:
        """Every cell passes the same character check as content (textcheck.py): a control
        character from a cell would otherwise reach the feeds through the new file."""
        for column, value in cells.items():
            found = textcheck.problem(value)
            if found is not None:
                self.error(number, column, found[1])
        text = cells.get("text", "")
        if len(text) > MAX_TEXT:
            self.error(number, "text", f"är för lång ({len(text)} tecken; högst {MAX_TEXT})")

    def _promise(self, number: int, kommun: str, period: str, slug: str) -> Promise | None:
        for column, value, prefix in (("kommun", kommun, ""), ("period", period, f"{kommun}/"),
                                      ("löfte", slug, f"{kommun}/{period}/")):
            if not value:
                self.error(number, column, "saknas")
                return None
            known = sorted({k[len(prefix):].split("/")[0] for k in self.promises if k.startswith(prefix)})
            if value not in known:
                where = f" i {prefix.rstrip('/')}" if prefix else ""
                self.error(number, column, f"'{shown(value)}' finns inte{where}{suggest(value, known)}")
                return None
        return self.promises[f"{kommun}/{period}/{slug}"]

    def _progress(self, number: int, cells: dict[str, str], promise: Promise | None) -> list[tuple[str, float]]:
        out = []
        for name in sorted((c for c in cells if c.startswith("indikator")), key=lambda c: int(c[10:] or 1)):
            suffix = name[len("indikator"):]
            indicator, raw = cells[name].strip(), cells.get("värde" + suffix, "").strip()
            if not indicator and not raw:
                continue
            if not indicator:
                self.error(number, name, f"saknas: värdet {raw} behöver en indikator")
                continue
            kinds = {i.id: i.kind for i in promise.indicators} if promise else {}
            if promise and indicator not in kinds:
                listed = ", ".join(kinds) or "löftet har inga indikatorer"
                self.error(number, name, f"'{shown(indicator)}' är ingen indikator i löftet ({listed})")
            value = excelcsv.parse_number(raw)
            counted = kinds.get(indicator) in ("count", "frequency")
            wrong = value is not None and number_problem(value, 0 if counted else -MAX_NUMBER, MAX_NUMBER)
            if not raw:
                self.error(number, "värde" + suffix, f"saknas: indikatorn '{shown(indicator)}' behöver ett värde")
            elif value is None:
                self.error(number, "värde" + suffix, f"väntade ett tal (t.ex. 3,5), fick '{shown(raw)}'")
            elif wrong:
                self.error(number, "värde" + suffix, wrong)
            elif indicator in [i for i, _ in out]:
                self.error(number, name, f"'{indicator}' står två gånger på raden")
            else:
                out.append((indicator, value))
        return out

    def _id(self, number: int, given: str, where: tuple[str, str, str, str], title: str) -> str:
        if not given:
            return "/".join(where) + f"-{slugify(title)}"
        m = ID_RE.match(given)
        if not m or tuple(m.groups()[:4]) != where:
            self.error(number, "id", f"'{given}' stämmer inte med kommun, period, löfte och datum på raden; "
                                     "lämna id tomt för en ny rad")
        return given


def check_file(path: Path, site: Site) -> tuple[list[NewUpdate], list[str]]:
    """Every row as a new update, and every problem as `FIL.csv:rad N: kolumn X: …`."""
    rows = Rows(path, site)
    try:
        table = excelcsv.read(path)
    except OSError as exc:
        raise LofteError(f"kunde inte läsa {path}: {exc.strerror}") from None
    if not table:
        raise LofteError(f"{path} är tom: första raden ska vara kolumnernas namn")
    names = rows.header(table[0])
    if names is None:
        return [], rows.errors
    found: list[NewUpdate] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # Excel leaves empty rows like ";;;;"
        if len(cells) > len(table[0]) and any(c.strip() for c in cells[len(table[0]):]):
            rows.error(number, str(len(table[0]) + 1), "raden har fler celler än det finns kolumner")
            continue
        update = rows.row(number, {name: cells[i].strip() if i < len(cells) else "" for name, i in names.items()})
        if update is None:
            continue
        if update.id in seen:
            rows.error(number, "id", f"samma uppdatering som på rad {seen[update.id]} ({update.id})")
            continue
        seen[update.id] = number
        found.append(update)
    return found, rows.errors
