"""File and folder names in content/: what is allowed, and why a name is not.

Names become URLs and file names on every computer that opens the site or the
repository, so they are kept to what all of them read the same way: folder
names and update names use a–z, 0–9 and hyphens; images and PDFs may also have
capitals, underscores and dots. A name with å/ä/ö, a space, a line break, a
quote, `<>`, `?#` or an invisible direction control is refused with the reason
and a name that works. Names are compared in NFC and case-folded, since two
files that differ only there are one file on macOS and Windows.
"""
from __future__ import annotations

import re
import unicodedata

from .textcheck import DIRECTION, MARKS, shown

MAX_SLUG = 60
# small words a cut title should not end on ("…-platser-i", "…-trygghet-och")
DANGLING = frozenset({"i", "pa", "och", "for", "av", "med", "till", "om", "att", "en", "ett", "som", "vid", "mot",
                      "fran", "under", "efter", "den", "det", "de", "ska", "samt", "eller"})
READABLE_SLUG = 40  # a folder made from a title: long enough to recognise, short enough to read in an address
_TRANSLITERATE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "ß": "ss"})
# Anchored with \Z: "$" also matches before a trailing line break ("est\n").
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
UPDATE_NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md\Z")
# Names Windows keeps for devices: a folder or file so named cannot be checked out there.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
ASSET_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\Z")


def slugify(title: str) -> str:
    """A safe folder or file name from a Swedish title: 'Trygg i Åby' → 'trygg-i-aby'."""
    text = unicodedata.normalize("NFKC", title).lower().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # é → e, ü → u
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def title_slug(title: str, limit: int = READABLE_SLUG) -> str:
    """A folder or file name from a title that stays readable in an address: the whole title
    when it is short; else its part before a dash or colon ("Ökad polisiär närvaro – ökad
    trygghet för …" → "okad-polisiar-narvaro"); else the title cut after a whole word."""
    whole = slugify(title)
    if len(whole) <= limit:
        return whole
    head = slugify(re.split(r"\s[–—-]\s|:\s", title, maxsplit=1)[0])
    if 12 <= len(head) <= limit:
        return head
    cut = whole[:limit + 1]
    if "-" not in cut:
        return whole[:limit]
    words = cut.rsplit("-", 1)[0].split("-")
    while len(words) > 1 and words[-1] in DANGLING:  # "…-pa-olika-platser-i" reads as cut off mid-phrase
        words.pop()
    return "-".join(words)


def _reason(name: str, lower_only: bool, what: str = "filnamn") -> str:
    """Why `name` (without extension) is no valid name, in plain Swedish."""
    name = unicodedata.normalize("NFC", name)  # older macOS types å as a + a combining ring
    if any(c in "\n\r" for c in name):
        return "namnet innehåller en radbrytning"
    if any(c in DIRECTION or c in MARKS or not c.isprintable() for c in name):
        bad = next(c for c in name if c in DIRECTION or c in MARKS or not c.isprintable())
        return f"namnet innehåller ett osynligt tecken (U+{ord(bad):04X})"
    if any(c in "åäöÅÄÖ" for c in name):
        return f"å, ä och ö går inte i {what}"
    if " " in name or "\u00a0" in name:
        return f"mellanslag går inte i {what}"
    if lower_only and any(c.isupper() for c in name):
        return "stora bokstäver går inte i namnet"
    odd = next((c for c in name if not (c.isascii() and (c.isalnum() or c in "-_."))), None)
    if odd is not None:
        return f"tecknet '{shown(odd)}' går inte i {what}"
    if lower_only and ("_" in name or "." in name):
        return "understreck och punkter går inte i namnet"
    if not lower_only:  # an image or PDF: parts between dots, the first not after a hyphen
        return ("namnet får inte börja med bindestreck" if name.startswith("-")
                else "punkter får inte stå först, sist eller två i rad")
    return "bindestreck får inte stå först, sist eller två i rad"


def _windows(stem: str) -> bool:
    return stem.split(".", 1)[0].lower() in WINDOWS_RESERVED


def folder_problem(name: str) -> str | None:
    """Why a municipality, period or promise folder name is not allowed, with a name that is."""
    if SLUG_RE.match(name) and _windows(name):
        return f"namnet '{name}' kan inte användas i Windows (det är reserverat där); skriv t.ex. {name}-1"
    if SLUG_RE.match(name):
        return None
    better = slugify(name) or "trygg-centrum"
    return f"{_reason(name, True, 'mappnamn')}; skriv {better}"


def update_problem(name: str) -> str | None:
    """Why an update file name is not ÅÅÅÅ-MM-DD-kortnamn.md, with a name that is."""
    if UPDATE_NAME_RE.match(name):
        return None
    stem, dot, suffix = name.rpartition(".")
    m = re.match(r"(\d{4}-\d{2}-\d{2})-(.*)\Z", stem if dot else name, re.DOTALL)
    if not m:
        return "namnet ska vara ÅÅÅÅ-MM-DD-kortnamn.md, t.ex. 2024-03-15-trygghetsvandring.md"
    better = f"{m[1]}-{slugify(m[2]) or 'uppdatering'}.md"
    if not dot or suffix != "md":
        return f"filen ska sluta på .md; skriv {better}"
    return f"{_reason(m[2], True)}; skriv {better}"


def asset_problem(name: str) -> str | None:
    """Why an image or PDF name is not allowed, with a name that is."""
    if ASSET_NAME_RE.match(name) and _windows(name):
        stem, _, suffix = name.partition(".")
        return f"namnet '{stem}' kan inte användas i Windows (det är reserverat där); skriv t.ex. {stem}-1.{suffix}"
    if ASSET_NAME_RE.match(name):
        return None
    stem, _, suffix = name.rpartition(".")
    better = f"{slugify(stem) or 'bild'}.{slugify(suffix) or suffix}"
    return f"{_reason(stem, False)}; skriv {better}"


def key(name: str) -> str:
    """What a name is on a case-insensitive, normalising file system (macOS, Windows)."""
    return unicodedata.normalize("NFC", name).casefold()
