"""The rows of an updates spreadsheet: read, checked, and turned into update files.

Every problem is collected as `FIL.csv:rad N: kolumn X: meddelande`, where N is
the row number the spreadsheet shows (the header is row 1), so a communicator
can go straight to the cell. Columns are named in Swedish and documented in
docs/publicera.md; "indikator 2"/"värde 2" … add values for more targets, and
"status polisen", "status kommunen" … a status per party. A row's id is its
update's file path without "updates/" and ".md".

Colleagues edit the sheet, so a new row is compared with what exists: a date
outside the promise's time frame or after today is refused, and so is a row
that looks like an update already there (same promise, date, goals and values:
say, a title edited and the id cleared) unless its "ny ändå" cell says ja.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from lofte.content import statuses, textcheck
from lofte.content.errors import LofteError
from lofte.content.fields import DATE_RE, parse_date, suggest
from lofte.content.model import Period, Promise, Site, Update
from lofte.content.ranges import MAX_NUMBER, date_problem, number_problem
from lofte.content.textcheck import shown

from . import excelcsv
from .scaffold import quoted, slugify

COLUMNS = ("id", "kommun", "period", "löfte", "datum", "titel", "text", "status", "exempel")
REQUIRED = ("kommun", "period", "löfte", "datum", "titel")
ANYWAY = "ny ändå"  # "ja": a new update, even though it looks like one that exists
INFO = ("mål i löftet", "parter i löftet")  # written by export for the colleague; ignored by import
PAIR_RE = re.compile(r"^(indikator|värde)(?: (\d+))?$")  # "indikator", "värde", "indikator 2" …
ACTOR_RE = re.compile(r"^status (\S+)$")  # "status polisen", "status bostadsbolaget"
ALIASES = {"lofte": "löfte", "varde": "värde", "date": "datum", "title": "titel", "ny anda": ANYWAY}
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
    actor_status: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rel(self) -> str:
        folder, name = self.id.rsplit("/", 1)
        return f"{folder}/updates/{name}.md"

    def file_text(self) -> str:
        lines = ["---", f"title: {quoted(self.title)}"]
        if self.status:
            lines.append(f"status: {self.status}")
        if self.actor_status:
            lines.append("actor_status:")
            for actor, status in self.actor_status:
                lines += [f"  - actor: {actor}", f"    status: {status}"]
        if self.progress:
            lines.append("progress:")
            for indicator, value in self.progress:
                lines += [f"  - indicator: {indicator}", f"    value: {int(value) if value.is_integer() else value}"]
        if self.example:
            lines.append("example: true")
        lines.append("---")
        return "\n".join(lines) + "\n" + (self.text.strip() + "\n" if self.text.strip() else "")

    def differences(self, update: Update) -> list[tuple[str, str, str]]:
        """(column, in the file, on the row) for every column where the row differs from `update`."""
        old_actors, new_actors = {a.actor: a.status for a in update.actor_status}, dict(self.actor_status)
        pairs = [("titel", update.title, self.title), ("text", update.body.markdown, self.text.strip()),
                 ("status", update.status or "", self.status), ("exempel", _yes(update.example), _yes(self.example))]
        pairs += [(f"status {actor}", old_actors.get(actor, ""), new_actors.get(actor, ""))
                  for actor in sorted(set(old_actors) | set(new_actors))]
        pairs.append(("indikator och värde", _values([(p.indicator, p.value) for p in update.progress]),
                      _values(self.progress)))
        return [(column, old, new) for column, old, new in pairs if old != new]


def _yes(value: bool) -> str:
    return "ja" if value else "nej"


def _values(progress: list[tuple[str, float]]) -> str:
    return ", ".join(f"{i} {excelcsv.number_cell(v)}" for i, v in progress)


def cell(text: str) -> str:
    """A cell's text as quoted in a message: one line, short, invisible characters named."""
    return f"'{shown(' '.join(text.split()))}'"


def describe(differences: list[tuple[str, str, str]]) -> str:
    """"kolumn titel ('A' i filen, 'B' på raden)" for the first difference, and the others' names."""
    column, old, new = differences[0]
    more = [c for c, _, _ in differences[1:]]
    tail = f", och i {', '.join(more)}" if more else ""
    return f"kolumn {column} ({cell(old) if old else 'tom'} i filen, {cell(new) if new else 'tom'} på raden){tail}"


class Rows:
    """Reads and checks the rows of one CSV file; problems go to `errors`."""

    def __init__(self, path: Path, site: Site):
        self.path = path
        self.errors: list[str] = []
        self.today = site.build_date
        self.promises: dict[str, tuple[Period, Promise]] = {
            pr.path.rsplit("/", 1)[0]: (p, pr) for m in site.municipalities for p in m.periods for pr in p.promises}
        self.existing = {f"{key}/{u.slug}": u for key, (_, pr) in self.promises.items() for u in pr.updates}

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(f"{self.path}:rad {row}: kolumn {column}: {message}")

    def header(self, cells: list[str]) -> dict[str, int] | None:
        names: dict[str, int] = {}
        for i, cell_ in enumerate(cells):
            name = ALIASES.get(cell_.strip().lower(), cell_.strip().lower())
            m = PAIR_RE.match(name)
            if m and m[2] == "1":
                name = m[1]
            if not name:
                continue
            if name in names:
                self.error(1, name, "står två gånger")
            elif name not in COLUMNS + INFO + (ANYWAY,) and not m and not ACTOR_RE.match(name):
                self.error(1, cell_.strip(), f"okänd kolumn{suggest(name, COLUMNS + ('indikator', 'värde', ANYWAY))}")
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
        found = self._promise(number, kommun, period, slug)
        promise = found[1] if found else None
        date = self._date(number, cells.get("datum", ""))
        title = excelcsv.from_text_cell(cells.get("titel", "")).strip()
        if not title:
            self.error(number, "titel", "saknas")
        elif len(title) > MAX_TITLE:
            self.error(number, "titel", f"är för lång ({len(title)} tecken; högst {MAX_TITLE})")
        elif not slugify(title) and not cells.get("id"):
            self.error(number, "titel", "går inte att göra ett filnamn av; skriv ett id i stället")
        status = self._status(number, "status", cells.get("status", ""))
        example = cells.get("exempel", "").strip().lower()
        if example not in YES + NO:
            self.error(number, "exempel", f"väntade ja eller nej, fick '{shown(example)}'")
        progress = self._progress(number, cells, promise)
        actor_status = self._actor_status(number, cells, promise)
        uid = self._id(number, cells.get("id", "").strip(), (kommun, period, slug, cells.get("datum", "")), title)
        if found and date and uid not in self.existing:
            self._in_time_frame(number, date, *found)
        if len(self.errors) > before:
            return None
        return NewUpdate(number, uid, title, excelcsv.from_text_cell(cells.get("text", "")),
                         status, example in YES, progress, actor_status)

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

    def _promise(self, number: int, kommun: str, period: str, slug: str) -> tuple[Period, Promise] | None:
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

    def _date(self, number: int, date: str) -> dt.date | None:
        if not date:
            self.error(number, "datum", "saknas")
        elif not DATE_RE.match(date):
            self.error(number, "datum", f"väntade ett datum som ÅÅÅÅ-MM-DD, fick '{shown(date)}'")
        elif parse_date(date) is None:
            self.error(number, "datum", f"'{shown(date)}' är inget riktigt datum")
        elif date_problem(parse_date(date)):
            self.error(number, "datum", date_problem(parse_date(date)))
            return None
        return parse_date(date) if date else None

    def _in_time_frame(self, number: int, date: dt.date, period: Period, promise: Promise) -> None:
        """A new update tells what has happened, within the promise's time frame."""
        start, end = promise.start or period.start, promise.end or period.end
        if date > self.today:
            self.error(number, "datum", f"{date} har inte varit än (i dag är det {self.today}); skriv bara det "
                                        "som redan har hänt")
        elif start and date < start:
            self.error(number, "datum", f"{date} ligger före löftets början ({start})")
        elif end and date > end:
            self.error(number, "datum", f"{date} ligger efter löftets slut ({end}); det som händer efter slutet "
                                        "hör till uppföljningen (follow_up i lofte.yaml) eller en ny period")

    def _status(self, number: int, column: str, value: str) -> str:
        status = value.strip().lower()
        if status and status not in statuses.PROGRESS_KEYS:
            self.error(number, column, f"'{status}' är inte en status{suggest(status, statuses.PROGRESS_KEYS)}")
        return status

    def _actor_status(self, number: int, cells: dict[str, str], promise: Promise | None) -> list[tuple[str, str]]:
        out = []
        actors = [a.actor for a in promise.actors] if promise else []
        for column in sorted(c for c in cells if ACTOR_RE.match(c)):
            status = self._status(number, column, cells[column])
            actor = ACTOR_RE.match(column)[1]
            if status and promise and actor not in actors:
                self.error(number, column, f"'{actor}' är ingen part i löftet ({', '.join(actors)})")
            elif status:
                out.append((actor, status))
        return out

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


def likeness(update: NewUpdate | Update, promise: str, date: str) -> tuple:
    """What two updates of one promise share when they are likely the same: date, goals and values, status."""
    progress = update.progress if isinstance(update, NewUpdate) else [(p.indicator, p.value) for p in update.progress]
    return (promise, date, tuple(sorted(progress)), update.status or "")


def duplicates(rows: Rows, found: list[tuple[NewUpdate, bool]]) -> None:
    """Refuse new rows that look like an existing update or an earlier row, unless marked "ny ändå"."""
    known = {likeness(u, uid.rsplit("/", 1)[0], u.date.isoformat()): uid for uid, u in rows.existing.items()}
    earlier: dict[tuple, int] = {}
    for update, anyway in found:
        if update.id in rows.existing or anyway:
            continue
        folder, name = update.id.rsplit("/", 1)
        key = likeness(update, folder, name[:10])
        if key in known:
            same = rows.existing[known[key]]
            differs = update.differences(same)
            rows.error(update.row, "id", f"raden ser ut som uppdateringen {known[key]}, som redan finns (samma löfte, "
                                         f"datum, mål och värde), men har ett annat id"
                                         + (f" och skiljer sig i {describe(differs)}" if differs else "")
                                         + f". Är det en ny uppdatering, skriv ja i kolumnen '{ANYWAY}'; annars "
                                           "skriv tillbaka id och det som ändrats")
        elif key in earlier:
            rows.error(update.row, "id", f"raden ser ut som rad {earlier[key]} (samma löfte, datum, mål och värde). "
                                         f"Är båda nya uppdateringar, skriv ja i kolumnen '{ANYWAY}'")
        earlier.setdefault(key, update.row)


def _template(cells: dict[str, str]) -> bool:
    """An export's empty row under a promise, not filled in: only its folder names and information."""
    return not any(v.strip() for k, v in cells.items() if k not in ("kommun", "period", "löfte") + INFO)


def check_file(path: Path, site: Site) -> tuple[list[NewUpdate], list[str], dict[str, Update]]:
    """Every row as a new update, every problem as `FIL.csv:rad N: kolumn X: …`, and the updates that exist."""
    rows = Rows(path, site)
    try:
        table = excelcsv.read(path)
    except OSError as exc:
        raise LofteError(f"kunde inte läsa {path}: {exc.strerror}") from None
    if not table:
        raise LofteError(f"{path} är tom: första raden ska vara kolumnernas namn")
    names = rows.header(table[0])
    if names is None:
        return [], rows.errors, rows.existing
    found: list[tuple[NewUpdate, bool]] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if len(cells) > len(table[0]) and any(c.strip() for c in cells[len(table[0]):]):
            rows.error(number, str(len(table[0]) + 1), "raden har fler celler än det finns kolumner")
            continue
        named = {name: cells[i].strip() if i < len(cells) else "" for name, i in names.items()}
        if _template(named):
            continue  # Excel's empty rows (";;;;"), and the export's row to fill in under each promise
        update = rows.row(number, named)
        if update is None:
            continue
        anyway = named.get(ANYWAY, "").lower()
        if anyway not in YES + NO:
            rows.error(number, ANYWAY, f"väntade ja eller tomt, fick '{anyway}'")
        if update.id in seen:
            rows.error(number, "id", f"samma uppdatering som på rad {seen[update.id]} ({update.id})")
            continue
        seen[update.id] = number
        found.append((update, anyway in YES))
    duplicates(rows, found)
    return [u for u, _ in found], rows.errors, rows.existing
