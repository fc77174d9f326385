"""Advice from `check`: its kinds and ids, where in a file it points, and acknowledgement.

Every kind of advice has a stable id, shown in the message (`råd [mal-saknas]: …`).
Where advice cannot be followed without inventing facts (an ended period whose
source gives no targets), the file it is about answers it:

    acknowledged:
      - advice: mal-saknas
        reason: Löftesdokumentet anger inga mätbara mål.

An acknowledgement covers the file it is in and, for kommun.yaml, lofte.yaml and
a promise's index.md, the files in that folder (one line in lofte.yaml answers
the advice for all of an archived period's promises). Acknowledged advice is still
shown, with its reason, but `--strict` no longer counts it; an acknowledgement
that answers nothing, or names no advice, is advice itself.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lofte.content.fields import suggest
from lofte.content.model import Acknowledgement, Site
from lofte.content.yamlsource import LineDict, LineList, parse_yaml, split_front_matter

# id → what it is about (docs/publicera.md, avsnitt 4, lists the same).
KINDS = {
    "mal-saknas": "löftet har inget mätbart mål",
    "utgangslage-saknas": "ett mätvärde saknar utgångsläge",
    "malvarde-saknas": "ett mål saknar målvärde",
    "maldatum-saknas": "det framgår inte när målet ska vara nått",
    "aktorer-saknas": "löftet säger inte vem som lovar",
    "ansvarig-saknas": "en aktör saknar ansvarig enhet",
    "aterkoppling-saknas": "perioden saknar återkopplingsplan",
    "intervall-saknas": "återkopplingsplanen säger inte hur ofta",
    "for-manga-loften": "perioden har fler än tre löften",
    "uppdatering-sen": "löftet har inte uppdaterats så ofta som planen lovar",
    "lang-mening": "en mening har fler än 25 ord",
    "svar-text": "texten har LIX över 50",
    "trasig-lank": "en länk leder ingenstans",
    "exempeladress": "en adress är en exempeladress",
    "polisomrade-saknas": "kommunen har inget lokalpolisområde",
    "anges-inte-text": "en text säger ”Anges inte i källan” i stället för okänt",
    "loften-saknas": "perioden har inga löften",
    "uppdatering-fore-start": "en uppdatering är daterad före sin period",
    "tecken-affisch": "affischens typsnitt saknar tecken i en text",
    "singular-saknas": "en enhet saknar singularform (unit_one)",
}
# Advice about acknowledgements themselves; answered by editing the acknowledgement.
NOT_ACKNOWLEDGEABLE = {"okand-kvittering": "en kvittering nämner inget råd",
                       "onodig-kvittering": "en kvittering svarar inte på något råd"}


@dataclass(frozen=True, slots=True, order=True)
class Advice:
    path: str  # as shown: the content folder's name and the file
    line: int
    kind: str  # an id of KINDS or NOT_ACKNOWLEDGEABLE
    message: str
    fix: str
    rel: str = ""  # the file relative to the content folder
    reason: str = ""  # why the content does not follow it, when acknowledged

    def __str__(self) -> str:
        if self.reason:
            return f"{self.path}:{self.line}: kvitterat råd [{self.kind}]: {self.message}. Skäl: {self.reason}"
        return f"{self.path}:{self.line}: råd [{self.kind}]: {self.message}. Så här åtgärdar du: {self.fix}."


class Lines:
    """Line numbers in the content files, read again only where advice needs one."""

    def __init__(self, content_dir, display_root: str):
        self.content_dir = content_dir
        self.display_root = display_root.rstrip("/")
        self.parsed: dict[str, tuple[LineDict, str, int]] = {}

    def display(self, rel: str) -> str:
        return f"{self.display_root}/{rel}"

    def advice(self, rel: str, line: int, kind: str, message: str, fix: str) -> Advice:
        return Advice(self.display(rel), line, kind, message, fix, rel)

    def _parsed(self, rel: str) -> tuple[LineDict, str, int]:
        if rel not in self.parsed:
            text = (self.content_dir / rel).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            if rel.endswith(".md"):
                yaml_text, body, body_line = split_front_matter(text)
                self.parsed[rel] = parse_yaml(yaml_text, first_line=2), body, body_line
            else:
                self.parsed[rel] = parse_yaml(text), "", 0
        return self.parsed[rel]

    def key(self, rel: str, *keys: str | int) -> int:
        """Line of a nested key or list item, e.g. key(rel, "actors", 0); the nearest found."""
        node, line = self._parsed(rel)[0], 1
        for k in keys:
            if isinstance(node, LineDict) and k in node:
                line, node = node.lines[k], node[k]
            elif isinstance(node, LineList) and isinstance(k, int) and k < len(node):
                line, node = node.lines[k], node[k]
            else:
                break
        return line

    def body(self, rel: str, offset: int) -> int:
        """Line of an offset in the body as the model keeps it (stripped)."""
        _, body, body_line = self._parsed(rel)
        lead = len(body) - len(body.lstrip())
        return body_line + body.count("\n", 0, lead + offset)


def acknowledgements(site: Site) -> dict[str, tuple[Acknowledgement, ...]]:
    """Each content file's acknowledgements, by its path relative to the content folder."""
    out = {"site.yaml": site.acknowledged}
    for m in site.municipalities:
        out[m.path] = m.acknowledged
        for p in m.periods:
            out[p.path] = p.acknowledged
            for pr in p.promises:
                out[pr.path] = pr.acknowledged
                out.update((u.path, u.acknowledged) for u in pr.updates)
    return {rel: acks for rel, acks in out.items() if acks}


FOLDER_FILES = ("kommun.yaml", "lofte.yaml", "index.md")  # their acknowledgements cover their folder


def _covers(owner: str, rel: str) -> bool:
    """An acknowledgement in `owner` answers advice about `rel`: the file itself, or
    for kommun.yaml, lofte.yaml and index.md the files in that folder."""
    if owner == rel:
        return True
    return posixpath.basename(owner) in FOLDER_FILES and rel.startswith(posixpath.dirname(owner) + "/")


def acknowledge(found: list[Advice], site: Site, lines: Lines) -> list[Advice]:
    """The advice with acknowledged ones carrying their reason, plus advice about the acknowledgements."""
    owned = acknowledgements(site)
    used: set[tuple[str, int]] = set()
    out = []
    for advice in found:
        for owner in sorted(owned, key=len, reverse=True):  # the nearest file first
            hit = next((i for i, a in enumerate(owned[owner]) if a.advice == advice.kind and _covers(owner, advice.rel)),
                       None)
            if hit is not None and advice.kind in KINDS:
                used.add((owner, hit))
                advice = Advice(advice.path, advice.line, advice.kind, advice.message, advice.fix, advice.rel,
                                owned[owner][hit].reason)
                break
        out.append(advice)
    for owner, acks in owned.items():
        for i, ack in enumerate(acks):
            line = lines.key(owner, "acknowledged", i)
            if ack.advice not in KINDS:
                close = suggest(ack.advice, KINDS)
                likely = close.split("'")[1] if close else "mal-saknas"
                out.append(lines.advice(owner, line, "okand-kvittering",
                                        f"'{ack.advice}' är inget råd som kan kvitteras",
                                        f"skriv rådets id som det står inom hakparentes i rådet, "
                                        f"{'här troligen' if close else 't.ex.'} advice: {likely}"))
            elif (owner, i) not in used:
                folder = " eller filerna i mappen" if posixpath.basename(owner) in FOLDER_FILES else ""
                out.append(lines.advice(owner, line, "onodig-kvittering",
                                        f"kvitteringen av '{ack.advice}' svarar inte på något råd om den här "
                                        f"filen{folder}", "ta bort kvitteringen; rådet gäller inte längre"))
    return sorted(out)
