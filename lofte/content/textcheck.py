"""What a text from content may contain: one rule for every field, list item and body.

Content comes from communicators' editors, YAML escapes ("\\x01", "\\e") and
spreadsheet cells, so a value can hold characters nobody sees: control
characters (which make an Atom feed or sitemap malformed XML and can rewrite a
terminal), lone surrogates (which cannot be written as UTF-8), direction
controls that display text in another order than it is stored (a "Trojan
source" trick to make a resident read something else than what was reviewed),
and stacks of combining marks ("Zalgo") that draw over the lines around them on
pages and posters. Each is refused with the position it was found at, so the
communicator can find it.

Right-to-left marks (U+200E, U+200F, U+061C) are legitimate in Arabic, Persian
and Yiddish text, where they place a number or a Latin word correctly; they are
allowed in translations to those languages only. Embeddings, overrides and
isolates (U+202A–U+202E, U+2066–U+2069) are never needed: pages set `dir` on
every translated part, so they are refused everywhere.

Speed: a national build checks ~11 MB of text. Swedish text passes one regular
expression search (`_SUSPECT`, a few ms per MB); only a text with a character
outside Latin and common punctuation is looked at character by character.
"""
from __future__ import annotations

import re
import unicodedata

# Combining marks on one letter, counted decomposed (NFD, so Ö counts one): Swedish needs
# one, Vietnamese and vocalised Arabic two (ệ, shadda and a vowel). Three already reach the
# line above on a poster; more is "Zalgo".
MAX_MARKS = 2
RTL_LANGUAGES = frozenset({"ar", "fa", "yi", "ku"})  # translations whose text may carry RTL marks
MARKS = frozenset("\u200e\u200f\u061c")  # left-to-right, right-to-left and Arabic letter marks
DIRECTION = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control characters besides tab and line feed, C1 controls, surrogates, the
# non-characters XML forbids, and the Unicode line/paragraph separators.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
# Anything that is not plain Latin text or common punctuation sends a text to the slow path.
_SUSPECT = re.compile("[^\t\n\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20ac\u2122]")


def _hex(char: str) -> str:
    return f"U+{ord(char):04X}"


def _after(text: str, offset: int) -> str:
    """Where in the text: the words before the offset, for the message."""
    before = text[max(0, offset - 24):offset].replace("\n", " ")
    before = " ".join(CONTROL_RE.sub("", "".join(c for c in before if c not in DIRECTION and c not in MARKS)).split())
    before = normal(before)
    return f" efter '{before}'" if before else " först i texten"


def problem(text: str, rtl: bool = False) -> tuple[int, str] | None:
    """The first character problem in `text` as (offset, Swedish message), or None.

    `rtl`: the text is a translation to a right-to-left language, where
    direction marks are allowed.
    """
    return checked(text, rtl)[1]


def checked(text: str, rtl: bool = False) -> tuple[str, tuple[int, str] | None]:
    """(the text in NFC, its first character problem or None): `problem` and `normal` in one pass.

    Text without a suspect character is returned as it is: every character below
    U+0300 and in the fast path's punctuation is its own NFC form."""
    if text.isascii():
        if not CONTROL_RE.search(text):
            return text, None
    elif not _SUSPECT.search(text):
        return text, None
    text = unicodedata.normalize("NFD", text)  # marks counted decomposed; line breaks stay where they are
    run = 0
    for i, char in enumerate(text):
        if CONTROL_RE.match(char):
            what = "en radbrytning (CR)" if char == "\r" else f"ett osynligt styrtecken ({_hex(char)})"
            return text, (i, f"innehåller {what}{_after(text, i)}; ta bort det (sådana tecken kommer ofta med "
                             "när text kopieras från ett annat program eller ett kalkylblad)")
        if char in DIRECTION:
            return text, (i, f"innehåller ett osynligt tecken som ändrar textens riktning ({_hex(char)})"
                             f"{_after(text, i)}; ta bort det, det kan användas för att visa något annat än det "
                             "som står i filen")
        if char in MARKS and not rtl:
            return text, (i, f"innehåller ett osynligt riktningstecken ({_hex(char)}){_after(text, i)}; ta bort "
                             "det (sådana tecken behövs bara i översättningar till arabiska, persiska, jiddisch "
                             "och kurdiska)")
        if unicodedata.category(char) in ("Mn", "Me"):
            run += 1
            if run > MAX_MARKS:
                start = i - run + 1
                return text, (start, f"har fler än {MAX_MARKS} accenttecken staplade på samma bokstav"
                                     f"{_after(text, start)}; ta bort de extra (de ritas ovanpå raderna runt omkring)")
        else:
            run = 0
    return normal(text), None


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with the characters XML 1.0 forbids replaced by U+FFFD.

    Defence in depth for the XML writers (feeds, sitemap, catalogue): content
    is refused at input when it has them (`problem`), so this never changes
    a valid site's output; it keeps a missed path from writing malformed XML."""
    return _NOT_XML.sub("\ufffd", text) if _NOT_XML.search(text) else text


def normal(text: str) -> str:
    """The text in Unicode NFC, so 'å' typed on macOS and on Windows are the same letters."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def shown(value: object, limit: int = 60) -> str:
    """A value as a message may quote it: short, on one line, invisible characters as U+XXXX.

    Never `str()` of a container: an aliased YAML structure can be huge when expanded.
    """
    if isinstance(value, dict):
        return "en samling fält"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, int) and value.bit_length() > 200:
        return "ett tal med för många siffror"
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    if not text.isprintable():
        text = "".join(c if c.isprintable() else f"<{_hex(c)}>" for c in text)
    return text
