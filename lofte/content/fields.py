"""Typed access to one YAML mapping, collecting errors instead of raising.

`Fields` is how the schema (schema.py) reads a content file: each getter checks
one key's type and records the key as known, and `finish()` reports every key
that no getter asked for. Messages are Swedish (communicators read them) and
name the file, the line and the dotted field path.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from typing import Iterator

from . import markup, textcheck
from .errors import ErrorList
from .model import Text
from .names import SLUG_RE
from .ranges import MAX_NUMBER, date_problem, number_problem, swedish_number
from .textcheck import shown
from .yamlsource import Commented, LineDict, LineList, TooBig

# Patterns end in \Z: "$" would also match before a trailing line break.
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\Z")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\Z")
# Links: the web, e-mail, or a path on this site ("/…", never "//host", which is another site).
SAFE_URL_RE = re.compile(r"^(https?://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\]+|/(?![/\\])[^\s<>\"'`\\]*)\Z",
                         re.IGNORECASE)
# An address people write to: no spaces, quotes, brackets or mailto parameters (?subject=…).
EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&*+/=^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\Z")
MAX_ITEM = 2000  # characters of one list item (an activity, an effect)


def suggest(word: object, choices) -> str:
    if not isinstance(word, str) or len(word) > 100:
        return ""  # a list or a huge text is no typo of a word (and can be huge to print)
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; menade du '{close[0]}'?" if close else ""


def parse_date(value: str) -> dt.date | None:
    m = DATE_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _line_of(source: str, needle: str, first: int) -> int:
    """Line of the first occurrence of `needle` in a text that starts on line `first`."""
    at = source.find(needle) if needle else -1
    return first + source.count("\n", 0, at) if at > 0 else first


# Plain words for the items of a list field: "actors (tredje aktören)", not "actors[2]".
ITEM_WORDS = {
    "actors": ("aktör", "aktören"), "actor_status": ("aktörsstatus", "aktörsstatusen"),
    "indicators": ("mål", "målet"), "progress": ("värde", "värdet"), "evidence": ("underlag", "underlaget"),
    "signatories": ("undertecknare", "undertecknaren"), "partners": ("part", "parten"),
    "owners": ("ägare", "ägaren"), "origins": ("ursprung", "ursprunget"), "events": ("händelse", "händelsen"),
    "activities": ("aktivitet", "aktiviteten"), "effects": ("effekt", "effekten"),
    "focus_areas": ("fokusområde", "fokusområdet"), "known_issues": ("brist", "bristen"),
    "languages": ("språk", "språket"),
}
ORDINALS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde")


@functools.lru_cache(maxsize=4096)  # the same few names for every file of a national build
def item_name(path: str, index: int) -> str:
    """The field name of the index-th (0-based) item of the list at `path`, in plain words."""
    one, the = ITEM_WORDS.get(path.rsplit(".", 1)[-1].split(" (", 1)[0], ("punkt", "punkten"))
    words = f"{ORDINALS[index]} {the}" if index < len(ORDINALS) else f"{one} nummer {index + 1}"
    return f"{path} ({words})"


TYPE_NAMES = {str: "text", int: "ett heltal", float: "ett tal", bool: "true eller false",
              LineDict: "en samling fält (nyckel: värde)", LineList: "en lista", type(None): "ingenting"}


class Fields:
    def __init__(self, data: LineDict, path: str, errors: ErrorList, prefix: str = "",
                 line: int | None = None, rtl: bool = False):
        self.data = data
        self.path = path
        self.errors = errors
        self.prefix = prefix
        self.base_line = line if line is not None else getattr(data, "line", 1)
        self.known: set[str] = set()
        self.rtl = rtl  # a translation to a right-to-left language (textcheck.MARKS allowed)
        self.unknowable: set[str] = set()  # keys that may be `okänt` (unknowns.py): their errors say so

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

    def _or_unknown_hint(self, key: str) -> str:
        """How to say that the source is silent, for a key that may be `okänt`."""
        return f"; säger källan inget om det, skriv {key}: okänt" if key in self.unknowable else ""

    def _raw(self, key: str, required: bool):
        self.known.add(key)
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required and isinstance(value, Commented):
                self.errors.add(self.path, self.line(key), self.name(key),
                                "är tomt: texten efter # läses som en kommentar; sätt texten inom citattecken, "
                                f"t.ex. {key}: \"#1 …\"")
            elif required:
                self.errors.add(self.path, self.line(key), self.name(key),
                                ("saknas: fältet är obligatoriskt" if key not in self.data
                                 else "är tomt: fältet är obligatoriskt") + self._or_unknown_hint(key))
            return None
        return value

    def _typed(self, key: str, value, types: tuple, expected: str):
        if isinstance(value, bool) and bool not in types:
            self.error(key, f"väntade {expected}, fick {str(value).lower()}")
            return None
        if not isinstance(value, types):
            got = TYPE_NAMES.get(type(value), type(value).__name__)
            self.error(key, f"väntade {expected}, fick {got}{self._or_unknown_hint(key)}")
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
        return self.checked(value.strip(), self.line(key), self.name(key), max_len)

    def checked(self, value: str, line: int, name: str, max_len: int) -> str:
        """Every text of content passes here: characters (textcheck.py), length, NFC."""
        if len(value) <= max_len and value.isascii() and not textcheck.CONTROL_RE.search(value):
            return value  # most ids, dates and words: textcheck's own fast path, without the calls
        text, found = textcheck.checked(value, self.rtl)
        if found is not None:
            offset, message = found
            self.errors.add(self.path, line + value.count("\n", 0, offset), name, message)
            return ""
        if len(text) > max_len:
            self.errors.add(self.path, line, name, f"är för långt ({len(text)} tecken; högst {max_len})")
        return text

    def _too_big(self, key: str, value) -> bool:
        if isinstance(value, TooBig):
            self.error(key, f"talet {shown(value, 20)} har för många siffror; högst {swedish_number(MAX_NUMBER)}")
            return True
        return False

    def int(self, key: str, required: bool = False, minimum: int | None = None,
            maximum: int = MAX_NUMBER) -> int | None:
        value = self._raw(key, required)
        if value is None or self._too_big(key, value):
            return None
        value = self._typed(key, value, (int,), "ett heltal")
        if value is None:
            return None
        problem = number_problem(value, minimum, maximum)
        if problem is not None:
            self.error(key, problem)
            return None
        return value

    def number(self, key: str, required: bool = False, minimum: float | None = -MAX_NUMBER,
               maximum: float = MAX_NUMBER) -> float | None:
        value = self._raw(key, required)
        if value is None or self._too_big(key, value):
            return None
        value = self._typed(key, value, (int, float), "ett tal (t.ex. 12 eller 3.5)")
        if value is None:
            return None
        problem = number_problem(float(value), minimum, maximum)
        if problem is not None:
            self.error(key, problem)
            return None
        return float(value)

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
            self.error(key, f"väntade ett datum som ÅÅÅÅ-MM-DD, fick '{shown(value)}'{self._or_unknown_hint(key)}")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.error(key, f"'{value}' är inget riktigt datum")
            return None
        problem = date_problem(parsed)
        if problem is not None:
            self.error(key, problem)
            return None
        return parsed

    def when(self, key: str, required: bool = False) -> dt.date | dt.datetime | None:
        """A date, or a date and time 'ÅÅÅÅ-MM-DD TT:MM' (events)."""
        value = self._raw(key, required)
        if value is None:
            return None
        m = DATETIME_RE.match(value) if isinstance(value, str) else None
        if m:
            try:
                moment = dt.datetime(*(int(m[i]) for i in range(1, 6)))
            except ValueError:
                self.error(key, f"'{value}' är ingen riktig tidpunkt")
                return None
            problem = date_problem(moment.date())
            if problem is not None:
                self.error(key, problem)
                return None
            return moment
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
            self.error(key, f"'{shown(value)}' är inte {what}{hint}")
            return default
        return value

    def slug(self, key: str, required: bool = False) -> str | None:
        value = self.str(key, required)
        if value and not SLUG_RE.match(value):
            self.error(key, f"'{shown(value)}' är ingen giltig kortform: använd a–z, 0–9 och bindestreck")
            return None
        return value or None

    def url(self, key: str, required: bool = False) -> str:
        value = self.str(key, required)
        if value and not SAFE_URL_RE.match(value):
            self.error(key, f"'{shown(value)}' är ingen tillåten länk: använd https://, http://, mailto: eller /")
            return ""
        return value

    def email(self, key: str, required: bool = False) -> str:
        value = self.str(key, required)
        if value and not EMAIL_RE.match(value):
            self.error(key, f"'{shown(value)}' är ingen e-postadress; skriv den som namn@kommun.se (utan mellanslag "
                       "eller mailto:)")
            return ""
        return value

    # -- containers -------------------------------------------------------
    def map(self, key: str, required: bool = False) -> "Fields | None":
        value = self._raw(key, required)
        if value is None:
            return None
        if self._typed(key, value, (LineDict,), "en samling fält (nyckel: värde)") is None:
            return None
        return Fields(value, self.path, self.errors, self.name(key), value.line, self.rtl)

    def items(self, key: str, required: bool = False) -> Iterator[tuple[object, "Fields | None", int, str]]:
        """Yield (raw item, Fields if the item is a mapping, line, dotted name)."""
        value = self._raw(key, required)
        if value is None:
            return
        if self._typed(key, value, (LineList,), "en lista") is None:
            return
        for i, item in enumerate(value):
            name = item_name(self.name(key), i)
            line = value.lines[i]
            sub = Fields(item, self.path, self.errors, name, item.line, self.rtl) if isinstance(item, LineDict) else None
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
                text = self.checked(str(item).strip(), line, name, MAX_ITEM)
                if text:
                    out.append(text)
            else:
                self.errors.add(self.path, line, name, "väntade text")
        return tuple(out)

    # -- Markdown ---------------------------------------------------------
    def markdown(self, key: str, required: bool = False, max_len: int = 50_000) -> Text:
        """A Markdown text in a YAML field. Images belong in a file's body, beside their files."""
        source = self.str(key, required, max_len=max_len)
        text, dropped = markup.render_checked(source)
        self._links(dropped, self.line(key), source, self.name(key))
        if markup.has_image(text.html):
            self.error(key, "bilder går bara att lägga i brödtexten (under front matter i index.md eller en "
                       "uppdatering); ta bort bilden här")
        return text

    def body(self, source: str, line: int, folder: str = "", files: set[str] | frozenset = frozenset(),
             max_len: int = 100_000) -> Text:
        """The Markdown body of a file, starting on `line`, checked like every other text.

        Images are decided on the sanitised HTML, so reference-style images, brackets
        in alt text and raw `<IMG SRC>` are all seen: each needs alt text and a file
        among `files` (names relative to `folder`, the text's folder in content/)."""
        source, found = textcheck.checked(source, self.rtl)
        if found is not None:
            offset, message = found
            self.errors.add(self.path, line + source.count("\n", 0, offset), "text", message)
            return markup.render("")
        if len(source) > max_len:
            self.errors.add(self.path, line, "text", f"är för lång ({len(source)} tecken; högst {max_len})")
            return markup.render("")
        text, dropped = markup.render_checked(source)
        self._links(dropped, line, source, "text")
        for attrs in markup.images(text.html):
            src, alt = attrs.get("src", ""), attrs.get("alt", "").strip()
            at = _line_of(source, src, line)
            if not alt:
                self.errors.add(self.path, at, "text", f"bilden '{shown(src)}' saknar alternativtext: beskriv bilden "
                                f"inom hakparenteserna, t.ex. ![Polis och invånare på torget]({shown(src)})")
            if not src:
                if not dropped:  # an external one is reported above
                    self.errors.add(self.path, at, "text", f"bilden '{shown(alt)}' pekar inte på någon bildfil; "
                                    "lägg bilden i mappen och skriv filnamnet, t.ex. ![Beskrivning](bild.jpg)")
            elif src not in files:
                self.errors.add(self.path, at, "text",
                                f"bilden '{shown(src)}' finns inte i {folder}/ (eller är ingen godkänd bild)")
        return text

    def _links(self, dropped: list[tuple[str, str]], line: int, source: str, name: str) -> None:
        for tag, url in dropped:
            at = _line_of(source, url, line)
            if tag == "img":
                self.errors.add(self.path, at, name, f"bilden '{shown(url)}' ligger inte i content/: lägg bildfilen "
                                "i löftets mapp och länka till filnamnet (inga bilder från andra webbplatser)")
            else:
                self.errors.add(self.path, at, name, f"länken '{shown(url)}' leder till en annan webbplats utan "
                                "https:; skriv hela adressen (https://…) eller en sida på den här webbplatsen (/…)")

    def finish(self) -> None:
        """Unknown keys are errors: a typo must not silently drop a field."""
        for key in self.data:
            if key not in self.known:
                self.errors.add(self.path, self.line(key), self.name(shown(key)),
                                f"okänt fält{suggest(key, self.known)}")
