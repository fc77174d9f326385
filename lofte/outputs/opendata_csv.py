"""Open data as CSV: promises, indicators and updates, one row per record.

Each file is a flat projection of the JSON (opendata.py): the same values, one
row per promise, indicator or update, led by the columns that say where the row
belongs. The dialect is chosen for the people who will open the files:

- RFC 4180: comma between columns, double quotes around cells that need them,
  CRLF line ends; decimals with a point, as every statistics tool reads them.
- UTF-8 with a byte order mark, so Excel shows å, ä and ö correctly when the
  file is opened by double-click (Python reads it with encoding "utf-8-sig").
- A text cell that a spreadsheet would run as a formula gets a leading
  apostrophe (csvcell.py, the same rule as the Excel export). Numbers are
  written as numbers and never changed.
- Empty cell: no value. Booleans: true or false. Dates: ISO 8601.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any, Callable, Iterator


from .csvcell import guard
from .opendata import FIELDS


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    doc: str
    value: Callable[[dict], Any]  # from the row's JSON objects, keyed by object name


@dataclass(frozen=True, slots=True)
class CsvFile:
    name: str
    record: str  # the JSON object each row comes from (a key of opendata.FIELDS)
    description: str
    columns: tuple[Column, ...]


def _documented(record: str, key: str, name: str | None = None) -> Column:
    """A column that copies a JSON field, with that field's documentation."""
    doc = dict(FIELDS[record][1])[key]
    return Column(name or key, doc, lambda row: row[record][key])


def _pairs(items: list[dict], key: str, value: str) -> str:
    return "; ".join(f"{i[key]}={i[value]}" for i in items)


def _unknown(record: str) -> Column:
    """What the source does not state, as field=note (or just field) with semicolons between."""
    return Column("unknown", "Uppgifter som källan inte anger (de är då tomma), som fält=anteckning med semikolon "
                             "emellan (t.ex. baseline; target=Källan anger inget mål).",
                  lambda row: "; ".join(f"{k}={v}" if v else k for k, v in row[record]["unknown"].items()))


WHERE = (
    Column("municipality", "Kommunens kortnamn (t.ex. koping).", lambda row: row["kommun"]["slug"]),
    Column("period", "Periodens kortnamn (t.ex. 2024).", lambda row: row["period"]["slug"]),
)
PROMISE = Column("promise", "Löftets kortnamn, som i adressen.", lambda row: row["löfte"]["slug"])

FILES = (
    CsvFile("promises.csv", "löfte", "löftena, en rad per löfte", WHERE + (
        PROMISE,
        *(_documented("löfte", k) for k in ("title", "url", "focus_area", "summary", "status", "verdict")),
        Column("actors", "Vem lovar och deras status, som actor=status med semikolon emellan "
                         "(t.ex. polisen=pågår; kommunen=försenat).",
               lambda row: _pairs(row["löfte"]["actors"], "actor", "status")),
        *(_documented("löfte", k) for k in ("start", "end", "last_updated", "next_due", "overdue", "behind",
                                             "example")),
        _unknown("löfte"),
    )),
    CsvFile("indicators.csv", "mått", "de mätbara målen, en rad per mått", WHERE + (
        PROMISE,
        _documented("mått", "id", "indicator"),
        *(_documented("mått", k) for k, _ in FIELDS["mått"][1] if k not in ("id", "unknown")),
        _unknown("mått"),
    )),
    CsvFile("updates.csv", "uppdatering", "uppdateringarna, en rad per uppdatering", WHERE + (
        PROMISE,
        _documented("uppdatering", "slug", "update"),
        *(_documented("uppdatering", k) for k in ("date", "title", "url", "status")),
        Column("actor_status", "Ny status för enskilda parter, som actor=status med semikolon emellan.",
               lambda row: _pairs(row["uppdatering"]["actor_status"], "actor", "status")),
        Column("progress", "Rapporterade värden, som mått-id=värde med semikolon emellan (t.ex. vandringar=1).",
               lambda row: _pairs(row["uppdatering"]["progress"], "indicator", "value")),
        Column("evidence", "Adresser till underlag, med mellanslag emellan.",
               lambda row: " ".join(e["url"] for e in row["uppdatering"]["evidence"])),
        *(_documented("uppdatering", k) for k in ("corrects", "correction_note", "corrected_by", "text",
                                                   "example")),
    )),
)


def cell(value: Any) -> str | int | float:
    """One CSV cell: numbers as they are, text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    return guard(str(value))


def rows(doc: dict, record: str) -> Iterator[dict]:
    """Every `record` object of the JSON document, with the objects around it."""
    for m in doc["municipalities"]:
        for p in m["periods"]:
            for pr in p["promises"]:
                row = {"kommun": m, "period": p, "löfte": pr}
                if record == "löfte":
                    yield row
                for key, name in (("indicators", "mått"), ("updates", "uppdatering")):
                    if record == name:
                        for item in pr[key]:
                            yield {**row, name: item}


def lines(doc: dict, spec: CsvFile) -> str:
    """The rows of `doc` as CSV text (no header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows(doc, spec.record):
        writer.writerow([cell(c.value(row)) for c in spec.columns])
    return out.getvalue()


def header(spec: CsvFile) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([c.name for c in spec.columns])
    return out.getvalue()
