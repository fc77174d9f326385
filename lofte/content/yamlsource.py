"""YAML and front matter parsing that keeps a line number on every value.

Every error must say `path:line: field: …`, so mappings and sequences come back
as `LineDict`/`LineList`, which remember the line of each key or item. Duplicate
keys are errors (PyYAML silently keeps the last one). Dates and YAML 1.1 booleans
such as `no`/`on` are *not* resolved implicitly: a date stays a string until the
schema checks it and can say exactly what is wrong with "2024-02-30".
"""
from __future__ import annotations

import re

import yaml

try:  # the C loader is several times faster; pure Python is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""
    __slots__ = ("line", "lines")


class LineList(list):
    __slots__ = ("line", "lines")


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Loader(_BaseLoader):
    first_line = 1  # line number of the text's first line in its file


# Only true/false are booleans; only plain numbers are numbers; no timestamps.
_Loader.yaml_implicit_resolvers = {}
for first, pattern, tag in (
    ("tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$", "tag:yaml.org,2002:bool"),
    ("-+0123456789.", r"^[-+]?(?:[0-9]+)$", "tag:yaml.org,2002:int"),
    ("-+0123456789.", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "tag:yaml.org,2002:float"),
    ("~nN", r"^(?:~|null|Null|NULL)$", "tag:yaml.org,2002:null"),
):
    _Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_BUSY = object()  # a node being built: an alias to it is a loop


def _value(loader: _Loader, node: yaml.Node, built: dict):
    """The value of `node`, with lines on mappings and sequences.

    Walks the composed nodes itself instead of through PyYAML's generic
    `construct_object`: most values are plain strings, and at national scale
    YAML construction was a tenth of reading. Other scalars (numbers, true/false,
    null, explicit tags) still go through PyYAML. `built` shares the value of a
    node that several aliases point at, as PyYAML does.
    """
    tag = node.tag
    if tag == _STR and type(node) is yaml.ScalarNode:
        return node.value
    if tag not in (_MAP, _SEQ):
        return loader.construct_object(node, deep=True)
    done = built.get(node)
    if done is _BUSY:
        raise YamlProblem(node.start_mark.line + loader.first_line, "ogiltig YAML: ett alias pekar på sig självt")
    if done is not None:
        return done
    built[node] = _BUSY
    done = built[node] = (_mapping if tag == _MAP else _sequence)(loader, node, built)
    return done


def _mapping(loader: _Loader, node: yaml.MappingNode, built: dict) -> LineDict:
    first = loader.first_line
    result = LineDict()
    result.line = node.start_mark.line + first
    result.lines = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem(key_node.start_mark.line + first, "YAML-sammanslagning (<<) stöds inte; skriv ut fälten")
        key = _value(loader, key_node, built)
        if not isinstance(key, str):
            key = str(key)
        line = key_node.start_mark.line + first
        if key in result:
            raise YamlProblem(line, f"nyckeln '{key}' står två gånger (första gången på rad {result.lines[key]})")
        result[key] = _value(loader, value_node, built)
        result.lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode, built: dict) -> LineList:
    first = loader.first_line
    result = LineList(_value(loader, child, built) for child in node.value)
    result.line = node.start_mark.line + first
    result.lines = [child.start_mark.line + first for child in node.value]
    return result


# PyYAML's own constructors for other tags (!!omap, !!set …) build their items through these.
_Loader.add_constructor(_MAP, lambda loader, node: _mapping(loader, node, {}))
_Loader.add_constructor(_SEQ, lambda loader, node: _sequence(loader, node, {}))


def parse_yaml(text: str, first_line: int = 1) -> object:
    """Parse one YAML document; `first_line` offsets lines (front matter)."""
    loader = _Loader(text)
    loader.first_line = first_line
    try:
        node = loader.get_single_node()
        return None if node is None else _value(loader, node, {})
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        problem = exc.problem or exc.context or "okänt fel"
        hint = ""
        lines = text.split("\n")
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            hint = " (raden har en tabb: dra in med mellanslag)"
        raise YamlProblem(line, f"ogiltig YAML: {problem}{hint}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"ogiltig YAML: {exc}") from None
    finally:
        loader.dispose()


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from a Markdown body.

    Returns (yaml_text, body, body_first_line). Raises YamlProblem when the file
    does not start with front matter or the closing `---` is missing.
    """
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        raise YamlProblem(1, "front matter saknas: filen måste börja med en rad '---'")
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---") or text.endswith("\n---\n"):
            end = text.rfind("\n---")
        else:
            raise YamlProblem(1, "front matter avslutas inte: lägg till en rad '---' efter fälten")
    yaml_text = text[4:end + 1]
    body = text[end + 5:]
    body_line = yaml_text.count("\n") + 3
    return yaml_text, body, body_line
