"""Reading `okänt`: a value the source does not state, written where the value would be.

    police_area: okänt
    police_area:
      okänt: Källan nämner inget lokalpolisområde.

Any field a source may be silent on is read through `or_unknown`, which gives the
model an `Unknown` (with the note, if any) in the value's place; errors about such
a field say how to mark it (Fields.unknowable). docs/innehall.md, "Okänt", is the
communicators' description, and the browser editor writes the same two forms.
"""
from __future__ import annotations

from .fields import Fields
from .model import Unknown
from .yamlsource import LineDict

# Also the common gender ("okänd") and without the ring, so a natural spelling is never
# printed as the value itself.
UNKNOWN_WORDS = frozenset({"okänt", "okänd", "okant", "okand"})
MAX_NOTE = 1000


def unknown(f: Fields, key: str) -> Unknown | None:
    """`key: okänt`, or `key:` with `okänt: <a note>` under it: the source does not state it."""
    value = f.data.get(key)
    if isinstance(value, str) and value.strip().rstrip(".").casefold() in UNKNOWN_WORDS:
        f.known.add(key)
        return Unknown()
    if not isinstance(value, LineDict):
        return None
    word = next((k for k in value if isinstance(k, str) and k.strip().casefold() in UNKNOWN_WORDS), None)
    if word is None:
        return None
    f.known.add(key)
    if len(value) > 1:
        others = ", ".join(str(k) for k in value if k != word)
        f.error(key, f"okänt kan inte stå tillsammans med {others}: skriv antingen värdet, eller bara okänt "
                     f"(med en förklaring efter okänt:) och ta bort {others}")
    note = value[word]
    line = value.lines.get(word, f.line(key))
    if note is None or (isinstance(note, str) and not note.strip()):
        return Unknown()
    if not isinstance(note, str):
        f.errors.add(f.path, line, f"{f.name(key)}.okänt",
                     "väntade en förklaring (text) efter okänt:, t.ex. okänt: Källan nämner inget om det.")
        return Unknown()
    return Unknown(f.checked(note.strip(), line, f"{f.name(key)}.okänt", MAX_NOTE))


def or_unknown(f: Fields, key: str, read, *args, required: bool = False, **kwargs):
    """`read(key, …)` (a getter of `f`, or a reader taking the key first), unless the source does
    not state it (`okänt`); a required key that is missing says how to write that."""
    f.unknowable.add(key)
    found = unknown(f, key)
    if found is not None:
        return found
    if required and f.data.get(key) in (None, ""):
        f._raw(key, True)  # the "saknas" error, with the hint
        return read(key, *args, **kwargs)
    return read(key, *args, required=required, **kwargs)
