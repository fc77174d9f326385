"""CSV injection: one rule for every CSV file löfte writes (open data and the Excel export).

A spreadsheet runs a cell as a formula when it starts with = + - or @, and
Excel also when it starts with the full-width forms of those (＝ ＋ － ＠, typed
with an East Asian keyboard); a tab, carriage return or line feed first lets a
formula follow after the spreadsheet strips it. Such a text cell gets a
leading apostrophe, which spreadsheets show as nothing and read as "this is
text" (OWASP, "CSV Injection"). Numbers are never text cells and never changed.
"""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def guard(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard(text: str) -> str:
    """The text of a guarded cell read back (an apostrophe that only guards is dropped)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text
