"""Typed access to one YAML mapping, collecting errors instead of raising.

`Fields` is how the schema (schema.py) reads a content file: each getter checks
one key's type and records the key as known, and `finish()` reports every key
that no getter asked for. Messages are Swedish (communicators read them) and
name the file, the line and the dotted field path.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Iterator

from .errors import ErrorList
from .yamlsource import LineDict, LineList

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$")
BIDI_OVERRIDES = {"\u202d", "\u202e"}  # make text display reversed: a spoofing trick
SAFE_URL_RE = re.compile(r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+|/[^\s<>\"]*)$", re.IGNORECASE)


def suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return f"; menade du '{close[0]}'?" if close else ""


def parse_date(value: str) -> dt.date | None:
    m = DATE_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


TYPE_NAMES = {str: "text", int: "ett heltal", float: "ett tal", bool: "true eller false",
              LineDict: "en samling fält (nyckel: värde)", LineList: "en lista"}


class Fields:
    def __init__(self, data: LineDict, path: str, errors: ErrorList, prefix: str = "",
                 line: int | None = None):
        self.data = data
        self.path = path
        self.errors = errors
        self.prefix = prefix
        self.base_line = line if line is not None else getattr(data, "line", 1)
        self.known: set[str] = set()

    # -- helpers ---------------------------------------------------------
    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.data:
            return self.data.lines.get(key, self.base_line)
        return self.base_line

    def item_line(self, key: str, index: int) -> int:
        """Line of the index-th item (0-based) of a list field."""
        value = self.data.get(key)
        if isinstance(value, LineList) and index < len(value.lines):
            return value.lines[index]
        return self.line(key)

    def error(self, key: str | None, message: str) -> None:
        self.errors.add(self.path, self.line(key), self.name(key) if key else self.prefix, message)

    def _raw(self, key: str, required: bool):
        self.known.add(key)
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.errors.add(self.path, self.line(key), self.name(key),
                                "saknas: fältet är obligatoriskt" if key not in self.data
                                else "är tomt: fältet är obligatoriskt")
            return None
        return value

    def _typed(self, key: str, value, types: tuple, expected: str):
        if isinstance(value, bool) and bool not in types:
            self.error(key, f"väntade {expected}, fick {str(value).lower()}")
            return None
        if not isinstance(value, types):
            got = TYPE_NAMES.get(type(value), type(value).__name__)
            self.error(key, f"väntade {expected}, fick {got}")
            return None
        return value

    # -- scalar getters ---------------------------------------------------
    def str(self, key: str, required: bool = False, default: str = "", max_len: int = 5000) -> str:
        value = self._raw(key, required)
        if value is None:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # "2024" as a title is fine
        value = self._typed(key, value, (str,), "text")
        if value is None:
            return default
        value = value.strip()
        if BIDI_OVERRIDES.intersection(value):
            self.error(key, "innehåller osynliga tecken som vänder textens riktning (U+202D/U+202E); "
                       "ta bort dem, de kan användas för att lura läsaren")
        if len(value) > max_len:
            self.error(key, f"är för långt ({len(value)} tecken; högst {max_len})")
        return value

    def int(self, key: str, required: bool = False, minimum: int | None = None) -> int | None:
        value = self._raw(key, required)
        if value is None:
            return None
        value = self._typed(key, value, (int,), "ett heltal")
        if value is not None and minimum is not None and value < minimum:
            self.error(key, f"måste vara minst {minimum}, fick {value}")
            return None
        return value

    def number(self, key: str, required: bool = False) -> float | None:
        value = self._raw(key, required)
        if value is None:
            return None
        value = self._typed(key, value, (int, float), "ett tal (t.ex. 12 eller 3.5)")
        if value is not None and value != value:  # NaN
            self.error(key, "väntade ett tal, fick NaN")
            return None
        return None if value is None else float(value)

    def bool(self, key: str, default: bool = False) -> bool:
        value = self._raw(key, False)
        if value is None:
            return default
        return bool(self._typed(key, value, (bool,), "true eller false") or False)

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self._raw(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not DATE_RE.match(value):
            self.error(key, f"väntade ett datum som ÅÅÅÅ-MM-DD, fick '{value}'")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.error(key, f"'{value}' är inget riktigt datum")
        return parsed

    def when(self, key: str, required: bool = False) -> dt.date | dt.datetime | None:
        """A date, or a date and time 'ÅÅÅÅ-MM-DD TT:MM' (events)."""
        value = self._raw(key, required)
        if value is None:
            return None
        if isinstance(value, str) and DATETIME_RE.match(value):
            m = DATETIME_RE.match(value)
            try:
                return dt.datetime(*(int(m[i]) for i in range(1, 6)))
            except ValueError:
                self.error(key, f"'{value}' är ingen riktig tidpunkt")
                return None
        self.known.discard(key)
        return self.date(key, required)

    def choice(self, key: str, choices, required: bool = False, default: str | None = None,
               what: str = "ett giltigt värde") -> str | None:
        value = self._raw(key, required)
        if value is None:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or value not in choices:
            listed = ", ".join(f"'{c}'" for c in choices) if len(choices) <= 8 else ""
            hint = suggest(value, choices) or (f"; välj bland {listed}" if listed else "")
            self.error(key, f"'{value}' är inte {what}{hint}")
            return default
        return value

    def slug(self, key: str, required: bool = False) -> str | None:
        value = self.str(key, required)
        if value and not SLUG_RE.match(value):
            self.error(key, f"'{value}' är ingen giltig kortform: använd a–z, 0–9 och bindestreck")
            return None
        return value or None

    def url(self, key: str, required: bool = False) -> str:
        value = self.str(key, required)
        if value and not SAFE_URL_RE.match(value):
            self.error(key, f"'{value}' är ingen tillåten länk: använd https://, http://, mailto: eller /")
            return ""
        return value

    # -- containers -------------------------------------------------------
    def map(self, key: str, required: bool = False) -> "Fields | None":
        value = self._raw(key, required)
        if value is None:
            return None
        if self._typed(key, value, (LineDict,), "en samling fält (nyckel: värde)") is None:
            return None
        return Fields(value, self.path, self.errors, self.name(key), value.line)

    def items(self, key: str, required: bool = False) -> Iterator[tuple[object, "Fields | None", int, str]]:
        """Yield (raw item, Fields if the item is a mapping, line, dotted name)."""
        value = self._raw(key, required)
        if value is None:
            return
        if self._typed(key, value, (LineList,), "en lista") is None:
            return
        for i, item in enumerate(value):
            name = f"{self.name(key)}[{i + 1}]"
            line = value.lines[i]
            sub = Fields(item, self.path, self.errors, name, item.line) if isinstance(item, LineDict) else None
            yield item, sub, line, name

    def maps(self, key: str, required: bool = False) -> Iterator[Fields]:
        for item, sub, line, name in self.items(key, required):
            if sub is None:
                self.errors.add(self.path, line, name, "väntade en samling fält (nyckel: värde)")
            else:
                yield sub

    def str_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        out = []
        for item, sub, line, name in self.items(key, required):
            if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                out.append(str(item).strip())
            else:
                self.errors.add(self.path, line, name, "väntade text")
        return tuple(out)

    def finish(self) -> None:
        """Unknown keys are errors: a typo must not silently drop a field."""
        for key in self.data:
            if key not in self.known:
                self.errors.add(self.path, self.line(key), self.name(key),
                                f"okänt fält{suggest(key, self.known)}")
