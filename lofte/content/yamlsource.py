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

from . import textcheck, yamlerrors

try:  # the C loader is several times faster; pure Python is the fallback
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""
    __slots__ = ("line", "lines")


class LineList(list):
    __slots__ = ("line", "lines")


YamlProblem = yamlerrors.YamlProblem


class _Loader(SafeLoader):
    first_line = 1  # line number of the text's first line in its file
    source = ""  # the text, to look at a line when a value is empty


class Commented(str):
    """An empty value followed by a comment: `title: #1 i trygghet` (the schema says why it is empty)."""
    __slots__ = ()


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
_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_BUSY = object()  # a node being built: an alias to it is a loop
_LOOP = "ett alias (*namn) pekar på värdet det står i; skriv ut värdet i stället"
MAX_DEPTH = 30  # content nests five levels at most; 300 would overflow Python's stack
MAX_UNITS = 1_000_000  # size of a document with its aliases written out (see _units)
MAX_DIGITS = 15  # more digits than a float holds exactly is a typo, not a count


class TooBig(str):
    """A whole number with more than MAX_DIGITS digits, kept as its text.

    Python refuses to convert more than 4,300 digits, and no count or measure
    needs more than 15; the schema reports it with its field (fields.py)."""
    __slots__ = ()


def _line(loader: _Loader, node: yaml.Node) -> int:
    return node.start_mark.line + loader.first_line


def _value(loader: _Loader, node: yaml.Node, built: dict, depth: int = 0):
    """The value of `node`, with lines on mappings and sequences.

    Walks the composed nodes itself instead of through PyYAML's generic
    `construct_object`: most values are plain strings, and at national scale
    YAML construction was a tenth of reading. `built` shares the value of a
    node that several aliases point at, as PyYAML does; `_count_aliases` then
    checks what they would expand to. Only the YAML types content uses are
    built: text, whole and decimal numbers, true/false, null, mappings, lists.
    """
    tag = node.tag
    if tag == _STR and type(node) is yaml.ScalarNode:
        return node.value
    if tag not in (_MAP, _SEQ):
        return _scalar(loader, node)
    done = built.get(node)
    if done is _BUSY:
        raise YamlProblem(_line(loader, node), _LOOP)
    if done is not None:
        return done
    if depth > MAX_DEPTH:
        raise YamlProblem(_line(loader, node), f"fälten är inbäddade i varandra i mer än {MAX_DEPTH} nivåer; "
                          "kontrollera indragen (innehållet behöver högst fem nivåer)")
    built[node] = _BUSY
    done = built[node] = (_mapping if tag == _MAP else _sequence)(loader, node, built, depth + 1)
    return done


def _scalar(loader: _Loader, node: yaml.Node):
    if type(node) is yaml.ScalarNode:
        text = node.value
        if node.tag == _INT:
            digits = text.lstrip("+-")
            if digits.isdigit():
                return TooBig(text) if len(digits.lstrip("0")) > MAX_DIGITS else int(text)
        elif node.tag == _FLOAT:
            try:
                return float(text)
            except ValueError:
                pass
        elif node.tag == _BOOL and text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text[0] in "tT"
        elif node.tag == _NULL and text in ("", "~", "null", "Null", "NULL"):
            if text == "" and _comment_follows(loader, node):
                return Commented()
            return None
        elif node.tag == _STR:
            return text
    raise YamlProblem(_line(loader, node), f"YAML-taggen '{textcheck.shown(node.tag.replace('tag:yaml.org,2002:', '!!'), 40)}' används inte i innehållet; "
                      "ta bort den (skriv värdet som vanlig text, inom citattecken om det behövs)")


def _comment_follows(loader: _Loader, node: yaml.Node) -> bool:
    mark = node.start_mark
    line = loader.source.split("\n", mark.line + 1)[mark.line] if loader.source.count("\n") >= mark.line else ""
    return line[mark.column:].lstrip().startswith("#")


def _mapping(loader: _Loader, node: yaml.MappingNode, built: dict, depth: int) -> LineDict:
    first = loader.first_line
    result = LineDict()
    result.line = node.start_mark.line + first
    result.lines = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem(key_node.start_mark.line + first, "YAML-sammanslagning (<<) stöds inte; skriv ut fälten")
        line = key_node.start_mark.line + first
        if type(key_node) is not yaml.ScalarNode:
            raise YamlProblem(line, "ett fältnamn måste vara ett ord, inte en lista eller samling; "
                              "skriv fältet som namn: värde")
        key = _value(loader, key_node, built, depth)
        if not isinstance(key, str):
            key = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        if key in result:
            raise YamlProblem(line, f"fältet '{textcheck.shown(key)}' står två gånger (första gången på rad "
                              f"{result.lines[key]}); ta bort det ena")
        result[key] = _value(loader, value_node, built, depth)
        result.lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode, built: dict, depth: int) -> LineList:
    first = loader.first_line
    result = LineList(_value(loader, child, built, depth) for child in node.value)
    result.line = node.start_mark.line + first
    result.lines = [child.start_mark.line + first for child in node.value]
    return result


def _units(node: yaml.Node, memo: dict, first: int, depth: int = 0) -> int:
    """The size of `node` with every alias written out: a value counts 1, and
    a text 1 more per 64 characters. A 1 kB "billion laughs" file stands for
    gigabytes; counting on the composed nodes finds that without building it."""
    found = memo.get(node)
    if found is not None:
        if found is _BUSY:
            raise YamlProblem(node.start_mark.line + first, _LOOP)
        return found
    if depth > MAX_DEPTH:
        return 1  # _value reports the nesting itself
    memo[node] = _BUSY
    if isinstance(node, yaml.ScalarNode):
        found = 1 + len(node.value) // 64
    elif isinstance(node, yaml.MappingNode):
        found = 1 + sum(_units(k, memo, first, depth + 1) + _units(v, memo, first, depth + 1) for k, v in node.value)
    else:
        found = 1 + sum(_units(child, memo, first, depth + 1) for child in node.value)
    memo[node] = found
    return found


def parse_yaml(text: str, first_line: int = 1) -> object:
    """Parse one YAML document; `first_line` offsets lines (front matter).

    Problems come back as YamlProblem with a plain-Swedish message that says
    how to fix them (yamlerrors.py).
    """
    loader = _Loader(text)
    loader.first_line = first_line
    loader.source = text
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # Aliases need an anchor (&namn): a text without "&" has none to expand.
        if "&" in text and _units(node, {}, first_line) > MAX_UNITS:
            raise YamlProblem(_line(loader, node), "aliasen (*namn) i filen upprepar så mycket text att den skulle bli "
                              "gigantisk; skriv ut värdena i stället för att använda & och *")
        return _value(loader, node, {})
    except YamlProblem:
        raise
    except yaml.YAMLError as exc:
        raise yamlerrors.problem(exc, text, first_line) from None
    finally:
        loader.dispose()


_DELIMITER = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from a Markdown body.

    Returns (yaml_text, body, body_first_line). Raises YamlProblem when the file
    does not start with front matter or the closing `---` is missing. A
    delimiter line may end in spaces (invisible in an editor).
    """
    opening = _DELIMITER.match(text)
    if opening is None:
        first = text.lstrip("\ufeff").split("\n", 1)[0]
        if first.strip()[:1] in ("—", "–") or first.strip().startswith(("- -", "--")):
            raise YamlProblem(1, "första raden ska vara tre vanliga bindestreck (---); här står något annat, "
                              "ofta ett tankstreck (— eller –) som ordbehandlaren har bytt till: skriv ---")
        raise YamlProblem(1, "filen ska börja med en rad med bara tre bindestreck (---), sedan fälten "
                          "(t.ex. title: …) och en rad --- till; texten skrivs under den andra raden")
    closing = _DELIMITER.search(text, opening.end())
    if closing is None:
        raise YamlProblem(1, "fälten avslutas inte: lägg till en rad med bara tre bindestreck (---) efter "
                          "fälten, före texten")
    yaml_text = text[opening.end() + 1:closing.start()]
    body = text[closing.end() + 1:]
    body_line = text.count("\n", 0, closing.start()) + 2
    return yaml_text, body, body_line
