"""PyYAML's problems in plain Swedish: what is wrong, on which line, and how to fix it.

Communicators meet YAML in a text editor, not a manual: "mapping values are not
allowed in this context" means "your title has a colon in it, put it in
quotes". Each problem libyaml (and PyYAML's pure-Python parser) reports is
mapped here to a message with the fix; the line is the one the mistake is on,
which for an unclosed quote or bracket is where it was opened, not the end of
the file where the parser gave up.
"""
from __future__ import annotations

import re

import yaml

from .textcheck import shown

QUOTE_ALL = "sätt texten inom citattecken"
_KEY_VALUE = re.compile(r"\s*(?:-\s+)?([^\s:#'\"][^:]*?):\s+(.*)")


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _example(line_text: str) -> str:
    """`title: Trygghet: så gör vi` → ', t.ex. title: "Trygghet: så gör vi"'."""
    m = _KEY_VALUE.match(line_text)
    if not m or not m[2].strip():
        return ""
    value = m[2].strip().replace('"', "'")
    if len(value) > 40:
        value = value[:40] + "…"
    return f', t.ex. {m[1]}: "{value}"'


def _colon(line_text: str, column: int) -> str:
    """'mapping values are not allowed': a colon inside a text, or a line indented too far."""
    m = _KEY_VALUE.match(line_text)
    if m and m.end(1) < column:
        return ("texten innehåller ett kolon följt av mellanslag, som läses som början på ett nytt fält; "
                f"{QUOTE_ALL}{_example(line_text)}")
    return ("raden är indragen mer än fältet ovanför; fält på samma nivå ska börja med lika många mellanslag "
            "(och en text som fortsätter på nästa rad ska stå inom citattecken)")


def _token(line_text: str, column: int) -> str:
    """'found character that cannot start any token'."""
    char = line_text[column] if column < len(line_text) else ""
    if char == "\t" or "\t" in line_text[:column + 1]:
        return "raden har en tabb; dra in med mellanslag i stället (YAML tillåter inte tabbar för indrag)"
    return (f"en text kan inte börja med tecknet '{shown(char)}' i YAML; {QUOTE_ALL}"
            f"{_example(line_text)}")


def _block_mapping(line_text: str, column: int) -> str:
    """'did not find expected key' while parsing a block mapping or collection."""
    rest = line_text[column:]
    if rest.startswith("- ") or rest == "-":
        return ("en rad i en lista (- …) står där ett nytt fält väntas; dra in listans rader under sitt fält "
                "med lika många mellanslag")
    before = line_text[:column].rstrip()
    if before.endswith(('"', "'")) and column > len(line_text) - len(line_text.lstrip()):
        return ("texten fortsätter efter det avslutande citattecknet; sätt hela texten inom citattecken "
                "(ett \" inuti \"…\" skrivs \\\", ett ' inuti '…' skrivs '')")
    if before.endswith(("}", "]")):
        return f"texten fortsätter efter en avslutande klammer; {QUOTE_ALL}{_example(line_text)}"
    return ("indraget stämmer inte med raderna ovanför; fält på samma nivå ska börja med lika många mellanslag, "
            "och fälten inuti ett annat fält med fler")


def _bracket(opening: str) -> str:
    """A [ or { that is never closed."""
    closing, what = ("]", "en lista") if opening == "[" else ("}", "en samling fält")
    return (f"en text som börjar med {opening} läses som {what} som ska avslutas med {closing}; "
            f"{QUOTE_ALL} om den inte är {what}")


def _unclosed(text: str) -> yaml.Token | None:
    """The innermost [ or { the text opens and never closes, read from PyYAML's own tokens."""
    opened = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                opened.append(token)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
                opened.pop()
    except yaml.YAMLError:
        pass  # a later mistake: the brackets before it are what counts
    return opened[-1] if opened else None


def _elsewhere(exc: yaml.MarkedYAMLError, text: str, lines: list[str]) -> tuple[str, int] | None:
    """Problems whose mistake is on neither of PyYAML's marks: (message, 0-based line of the mistake)."""
    problem, mark = exc.problem or "", exc.problem_mark
    if "document start" in problem and mark:  # content after a line '...', which ends the YAML
        end = next((i for i in range(min(mark.line, len(lines)) - 1, -1, -1) if lines[i].rstrip() == "..."), None)
        if end is not None:
            return ("en rad med bara tre punkter (...) står mitt bland fälten; ta bort den (i YAML betyder "
                    "den att fälten slutar där)"), end
    if "node content" in problem and (token := _unclosed(text)) is not None:
        opening = "[" if isinstance(token, yaml.FlowSequenceStartToken) else "{"
        return _bracket(opening), token.start_mark.line
    return None


def _message(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, bool]:
    """(message, whether the context mark is the better line)."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    if "mapping values are not allowed" in problem:
        return _colon(line_text, column), False
    if "cannot start any token" in problem:
        return _token(line_text, column), False
    if "tab character" in problem:
        return _token("\t", 0), False
    if "end of stream" in problem and "quoted scalar" in context:
        return ("citattecknet som börjar här stängs aldrig; avsluta texten med samma sorts citattecken "
                "(\" eller ') på samma rad eller en senare"), True
    if "did not find expected key" in problem:
        return _block_mapping(line_text, column), False
    if "expected '-' indicator" in problem:
        return ("raderna i listan är olika indragna; varje '-' ska stå lika långt in, och fälten under ett '-' "
                "rakt under fältet efter '-'"), False
    if "block sequence entries are not allowed" in problem:
        return (f"'- ' mitt på en rad läses som början på en lista; {QUOTE_ALL}, eller skriv listan "
                "på egna rader under fältet"), False
    if "could not find expected ':'" in problem:
        return ("raden saknar kolon efter fältnamnet (namn: värde); fortsätter raden en text från raden ovanför, "
                "dra in den eller sätt texten inom citattecken"), True
    if "',' or ']'" in problem or "',' or '}'" in problem:
        return _bracket("[" if "]" in problem else "{"), True
    if "node content" in problem and line_text[column:column + 1] == ",":  # PyYAML's mark is on the comma
        return ("ett kommatecken inom [ ] eller { } har inget värde före sig (t.ex. två kommatecken i rad); "
                f"ta bort det, eller {QUOTE_ALL} om den inte är en lista{_example(line_text)}"), False
    if "undefined alias" in problem or "anchor" in context or "alias" in context:
        return f"en text som börjar med & eller * har en särskild betydelse i YAML; {QUOTE_ALL}{_example(line_text)}", False
    if "invalid Unicode character escape" in problem:
        return ("koden efter \\u eller \\U i texten är inget tecken som går att skriva; ta bort den "
                "(skriv tecknet som det är, inom citattecken)"), False
    if "hexdecimal number" in problem or "hexadecimal numbers" in problem:
        return ("efter \\u eller \\x i en text inom dubbla citattecken ska en teckenkod stå (t.ex. \\u00e5 för å); "
                "skriv två bakstreck (\\\\) om bakstrecket ska synas, eller använd enkla citattecken ('…')"), False
    if "unknown escape character" in problem:
        return ("okänd kod efter ett bakstreck (\\) i en text inom dubbla citattecken; skriv två bakstreck (\\\\), "
                "eller använd enkla citattecken ('…')"), False
    if "another document" in problem:
        return ("en rad med bara '---' står mitt bland fälten; ta bort den (i en .md-fil avslutar den andra "
                "'---'-raden fälten, och texten skrivs under den)"), False
    if "directive" in context or "directive" in problem:
        return f"en rad kan inte börja med % i YAML; {QUOTE_ALL}", False
    if "block scalar" in context:
        return ("efter | eller > ska raden sluta; skriv texten på raderna under, indragen med mellanslag"), False
    return (f"raden går inte att läsa som YAML ({problem or context}); kontrollera indrag och kolon, och "
            "sätt texter som innehåller : # [ ] { } & * ! | > ' \" % @ eller ` inom citattecken"), False


def problem(exc: yaml.YAMLError, text: str, first_line: int) -> YamlProblem:
    """A YamlProblem (line in the file, Swedish message) for PyYAML's `exc`."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(0, exc.position)) + first_line
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return YamlProblem(line, f"raden innehåller ett osynligt styrtecken (U+{code:04X}); ta bort det "
                           "(sådana tecken kommer ofta med när text kopieras från ett annat program)")
    if isinstance(exc, yaml.MarkedYAMLError):
        lines = text.split("\n")
        if (found := _elsewhere(exc, text, lines)) is not None:
            return YamlProblem(found[1] + first_line, found[0])
        message, at_context = _message(exc, lines)
        mark = (exc.context_mark if at_context and exc.context_mark else None) or exc.problem_mark or exc.context_mark
        return YamlProblem((mark.line + first_line) if mark else first_line, message)
    return YamlProblem(first_line, f"filen går inte att läsa som YAML ({exc}); kontrollera indrag och kolon")
