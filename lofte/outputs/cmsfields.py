"""Decap CMS field definitions: the widgets every form is built from.

Each helper returns one field of Decap's config (a plain dict for config.yml).
Decap treats a field as required unless told otherwise, so every helper says
`required` explicitly. Patterns are JavaScript regular expressions that Decap
checks when a communicator saves; they repeat the rule the build applies (the
build stays the final judge), e.g. `pattern(fields.SLUG_RE)`.
"""
from __future__ import annotations

import re

from lofte.content import fields as rules

Field = dict


def _base(name: str, label: str, widget: str, required: bool, hint: str) -> Field:
    field = {"name": name, "label": label, "widget": widget, "required": required}
    if hint:
        field["hint"] = hint
    return field


def pattern(regex: re.Pattern, message: str) -> list[str]:
    """A Python pattern as Decap's [JavaScript pattern, message]; case-insensitive
    patterns are spelled out ([hH]) because JavaScript patterns here take no flags, and
    Python's end of text `\\Z` is JavaScript's `$` (without the m flag, the very end)."""
    source = regex.pattern.replace("\\Z", "$")
    if regex.flags & re.IGNORECASE:
        source = re.sub(r"(?<![\\\[])[a-z](?![^\[]*\])", lambda m: f"[{m[0]}{m[0].upper()}]", source)
    return [source, message]


def max_length(limit: int) -> list[str]:
    return [rf"^[\s\S]{{0,{limit}}}$", f"Högst {limit} tecken."]


def string(name: str, label: str, required: bool = False, hint: str = "", limit: int = 0,
           check: list[str] | None = None) -> Field:
    field = _base(name, label, "string", required, hint)
    if check or limit:
        field["pattern"] = check or max_length(limit)
    return field


def text(name: str, label: str, required: bool = False, hint: str = "", limit: int = 0) -> Field:
    """Several lines of plain text (line breaks are kept)."""
    field = _base(name, label, "text", required, hint)
    if limit:
        field["pattern"] = max_length(limit)
    return field


MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-three", "heading-four", "quote",
                    "bulleted-list", "numbered-list"]


def markdown(name: str, label: str, required: bool = False, hint: str = "") -> Field:
    """Formatted text (Markdown): only what löfte's sanitiser keeps is offered."""
    field = _base(name, label, "markdown", required, hint)
    field.update(buttons=MARKDOWN_BUTTONS, editor_components=["image"], sanitize_preview=True)
    return field


def url(name: str, label: str, required: bool = False, hint: str = "") -> Field:
    return string(name, label, required, hint or "Börjar med https://, http://, mailto: eller /.",
                  check=pattern(rules.SAFE_URL_RE, "Länken ska börja med https://, http://, mailto: eller /."))


def email(name: str, label: str, required: bool = False) -> Field:
    return string(name, label, required, "En adress som namn@kommun.se.",
                  check=pattern(rules.EMAIL_RE, "Skriv adressen som namn@kommun.se, utan mellanslag eller mailto:."))


def slug(name: str, label: str, hint: str, reserved: tuple[str, ...] = ()) -> Field:
    rule = rules.SLUG_RE.pattern.replace("\\Z", "$")  # JavaScript has no \\Z (see pattern)
    if reserved:
        rule = rf"^(?!(?:{'|'.join(reserved)})$)" + rule[1:]
    return string(name, label, True, hint,
                  check=[rule, "Bara små bokstäver a–z, siffror och bindestreck, t.ex. trygg-centrum."])


def date(name: str, label: str, required: bool = False, hint: str = "") -> Field:
    """A date, saved as ÅÅÅÅ-MM-DD exactly as the schema reads it (no time, no time zone)."""
    field = _base(name, label, "datetime", required, hint)
    field.update(format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    return field


WHEN_RE = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"


def when(name: str, label: str, required: bool = False) -> Field:
    """A date, or a date and a time (events): typed, since a date picker would force a time."""
    return string(name, label, required, "ÅÅÅÅ-MM-DD, eller med klockslag: ÅÅÅÅ-MM-DD TT:MM.",
                  check=[WHEN_RE, "Skriv datumet som 2026-05-20 eller 2026-05-20 18:00."])


def number(name: str, label: str, required: bool = False, hint: str = "", whole: bool = False,
           minimum: int | None = None) -> Field:
    field = _base(name, label, "number", required, hint)
    field["value_type"] = "int" if whole else "float"
    if minimum is not None:
        field["min"] = minimum
    return field


def boolean(name: str, label: str, hint: str = "") -> Field:
    field = _base(name, label, "boolean", False, hint)
    field["default"] = False
    return field


def select(name: str, label: str, options: list[tuple[str, str]], required: bool = False,
           hint: str = "") -> Field:
    """A choice among values the build accepts, each shown with its Swedish label."""
    field = _base(name, label, "select", required, hint)
    field["options"] = [{"label": shown, "value": value} for value, shown in options]
    return field


def group(name: str, label: str, children: list[Field], required: bool = False, hint: str = "",
          summary: str = "") -> Field:
    """A set of fields under one key. Decap checks a required child even in an empty
    optional group, so children of optional groups are optional in the form; the
    build says what is missing when the group is filled in."""
    if not required:
        children = [{**child, "required": False} for child in children]
    field = _base(name, label, "object", required, hint)
    field.update(fields=children, collapsed=not required)
    if summary:
        field["summary"] = summary
    return field


def items(name: str, label: str, singular: str, children: list[Field], required: bool = False,
          hint: str = "", summary: str = "") -> Field:
    """A list of groups (each item a set of fields)."""
    field = _base(name, label, "list", required, hint)
    field.update(label_singular=singular, fields=children, collapsed=True, minimize_collapsed=False)
    if required:
        field["min"] = 1
    if summary:
        field["summary"] = summary
    return field


def lines(name: str, label: str, singular: str, hint: str = "") -> Field:
    """A list of texts, one per line of the list (not comma-separated: sentences have commas)."""
    field = _base(name, label, "list", False, hint)
    field.update(label_singular=singular, field={"name": "text", "label": singular.capitalize(),
                                                 "widget": "text"})
    return field


UNKNOWN_HINT = "Säger källan inget om det: kryssa i Anges inte i källan (sparas som okänt)."


def unknowable(field: Field) -> Field:
    """A field the source may be silent on: beside its own control the editor offers "Anges inte i
    källan" and a note, saved as `okänt` or `okänt: <note>` (docs/innehall.md, Okänt), the way a
    communicator writes it in a file. The widget (lofte-cms.js, `lofte-okant`) shows the field's
    own widget (`inner`) while the value is known."""
    hint = f"{field['hint']} {UNKNOWN_HINT}" if field.get("hint") else UNKNOWN_HINT
    return {**field, "widget": "lofte-okant", "inner": field["widget"], "hint": hint}


def only_unknown(name: str, label: str, hint: str) -> Field:
    """A key that can only be `okänt` (e.g. `promises` in lofte.yaml): the checkbox and its note."""
    return {"name": name, "label": label, "widget": "lofte-okant", "inner": "", "required": False, "hint": hint}


def kept(name: str) -> Field:
    """A field the forms do not edit (e.g. translations): kept as it is in the file,
    and named so that Decap writes the file's keys in the documented order."""
    return {"name": name, "label": name, "widget": "hidden", "required": False}
