"""CSV the way Excel in a Swedish locale reads and writes it.

Swedish Excel separates columns with semicolons (the comma is the decimal
sign), wants a UTF-8 byte order mark to show å, ä and ö, and ends rows with
CRLF. Its plain "CSV" save uses Windows-1252 instead of UTF-8. Files written
here open correctly by double-click; files read here may come from Excel,
LibreOffice or Google Sheets, with `;`, `,` or tab between columns.
"""
from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

from lofte.content.errors import LofteError
from lofte.outputs.csvcell import guard, unguard

DELIMITERS = (";", ",", "\t")
MAX_CELL = 131_072  # Python's csv limit (128 kB); no title or text needs more


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig", newline="")


def read(path: Path) -> list[list[str]]:
    """All rows, header first; cells with their line breaks as "\\n"."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV (semikolonavgränsad)"
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in rows]
    except csv.Error:  # a cell over MAX_CELL, a NUL, or quotes the csv module cannot read
        row = text[:_offset(text, rows.line_num)].count("\n") + 1
        raise LofteError(f"{path}:rad {row}: en cell är för stor (över {MAX_CELL // 1024} kB) eller har ett "
                         "citattecken som inte avslutas (eller ett osynligt nolltecken); korta texten eller rätta raden och spara igen"
                         ) from None


def _offset(text: str, lines: int) -> int:
    """Where the `lines`-th line of `text` ends."""
    at = 0
    for _ in range(max(0, lines - 1)):
        at = text.find("\n", at) + 1 or len(text)
    return at


def text_cell(value: str) -> str:
    """Text for a cell; csvcell.guard keeps a spreadsheet from running it as a formula."""
    return guard(value)


def from_text_cell(value: str) -> str:
    return unguard(value)


def number_cell(value: float) -> str:
    """3.5 → "3,5"; whole numbers without decimals."""
    text = str(int(value)) if value.is_integer() else repr(value)
    return text.replace(".", ",")


def parse_number(value: str) -> float | None:
    """'3,5', '3.5', '1 000' and '1.000,5' → a number; None when it is none."""
    text = re.sub(r"[\s\u00a0\u202f]", "", value).replace("\u2212", "-")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
