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

DELIMITERS = (";", ",", "\t")
FORMULA_START = ("=", "+", "-", "@")  # a cell starting so would run as a formula


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
    return [[cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row] for row in rows]


def text_cell(value: str) -> str:
    """Text for a cell; a leading ' keeps Excel from running it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def from_text_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


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
