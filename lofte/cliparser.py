"""argparse in Swedish: help, usage and error lines in the words of the rest of the tool.

argparse translates its own words with gettext, but only from a catalogue chosen
by the environment's locale (LANGUAGE, LANG …), which Windows does not set and
which would change every program's language in the process. So the parser here
uses argparse's public extension points instead: its own help option and
argument groups with Swedish titles, a formatter that prefixes the usage with
"användning:", and `error()` (argparse's documented way to report a bad
command line) translating argparse's messages. A message argparse adds in a
later Python and not known here is shown as it is, after "fel:".
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from lofte.content.fields import suggest


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose every word is Swedish; its subcommands are Parsers too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.arguments = self.add_argument_group("uppgifter")
        self.options = self.add_argument_group("alternativ")
        self.options.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                                  help="visa den här hjälpen och avsluta")

    def add_argument(self, *args, **kwargs):
        """Options under "alternativ", positional arguments under "uppgifter" ("what you type")."""
        optional = bool(args) and args[0][:1] in self.prefix_chars
        return (self.options if optional else self.arguments).add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("title", "kommandon")
        self.commands = super().add_subparsers(**kwargs)
        return self.commands

    commands: argparse.Action | None = None

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {self.swedish(message)}\n")

    def swedish(self, message: str) -> str:
        m = re.match(r"argument (.+?): (.*)$", message, re.S)
        if m is None:
            return translate(message)
        if self.commands is not None and m[1] in (self.commands.metavar, self.commands.dest):
            word = re.match(r"invalid choice: '([^']*)'", m[2])
            if word:
                known = list(self.commands.choices)
                return f"'{word[1]}' är inget kommando{suggest(word[1], known) or '.'} Kommandona: {', '.join(known)}"
        return f"{m[1]}: {translate(m[2])}"


TYPE_NAMES = {"int": "ett heltal", "float": "ett tal"}
MESSAGES = [  # argparse's messages (Python 3.11–3.14), as regular expressions, and in Swedish
    (r"the following arguments are required: (.*)", lambda m: f"det här saknas: {m[1]}"),
    (r"unrecognized arguments: (.*)", lambda m: f"okänt på kommandoraden: {m[1]} (se --help)"),
    (r"invalid choice: '([^']*)'.*\(choose from (.*)\)",
     lambda m: f"'{m[1]}' går inte; välj bland {m[2].replace(chr(39), '')}"),
    (r"invalid (\w+) value: '(.*)'",
     lambda m: f"'{m[2]}' är inte {TYPE_NAMES.get(m[1], 'ett giltigt värde')}"),
    (r"expected one argument", lambda m: "behöver ett värde"),
    (r"expected at most one argument", lambda m: "får ha högst ett värde"),
    (r"expected at least one argument", lambda m: "behöver minst ett värde"),
    (r"expected (\d+) arguments?", lambda m: f"behöver {m[1]} värden"),
    (r"ambiguous option: (\S+) could match (.*)", lambda m: f"{m[1]} kan betyda flera alternativ: {m[2]}"),
    (r"not allowed with argument (.*)", lambda m: f"går inte att använda tillsammans med {m[1]}"),
    (r"one of the arguments (.*) is required", lambda m: f"ett av de här behövs: {m[1]}"),
    (r"ignored explicit argument '(.*)'", lambda m: f"tar inget värde (fick '{m[1]}')"),
]


def translate(message: str) -> str:
    for pattern, swedish in MESSAGES:
        m = re.fullmatch(pattern, message, re.S)
        if m:
            return swedish(m)
    return message
