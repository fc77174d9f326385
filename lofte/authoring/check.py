"""`check`: validate like a build, then coach the content toward promises that can be followed up.

Brå 2018:14 found most promises vague and unmeasurable, without baselines and
without any plan for telling residents what was done. The build only refuses
content that is wrong; this command also points at content that is valid but
weak, against the method's quality criteria, each finding as
`path:line: råd: … Så här åtgärdar du: …`. Advice never stops a build; `--strict`
turns it into a failure for CI. Nothing is written.
"""
from __future__ import annotations

import posixpath
import re
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from lofte.build.pipeline import Options, context, read_site
from lofte.content import urls
from lofte.content.derived import PromiseState
from lofte.content.errors import BuildAborted
from lofte.content.model import Period, Promise, Text
from lofte.content.yamlsource import LineDict, LineList, parse_yaml, split_front_matter
from lofte.i18n import units
from lofte.outputs import pages

from . import readability

MAX_PROMISES = 3  # Ju 2012:16, quoted in Brå 2018:14: "ett till tre löften"
MAX_LIX = 50  # above 50 reads like officialese
MAX_SENTENCE_WORDS = 25
MIN_LIX_WORDS, MIN_LIX_SENTENCES = 30, 3  # LIX of less says little beyond sentence length

LINK_RE = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/|^#")


@dataclass(frozen=True, slots=True, order=True)
class Advice:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: råd: {self.message}. Så här åtgärdar du: {self.fix}."


class Lines:
    """Line numbers in the content files, read again only where advice needs one."""

    def __init__(self, content_dir: Path, display_root: str):
        self.content_dir = content_dir
        self.display_root = display_root.rstrip("/")
        self.parsed: dict[str, tuple[LineDict, str, int]] = {}

    def display(self, rel: str) -> str:
        return f"{self.display_root}/{rel}"

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


@dataclass(frozen=True, slots=True)
class Where:
    """One Markdown text: the file and key it comes from and the page it is shown on."""
    rel: str
    key: str | None  # None: the body of a .md file
    page: str


def check(opts: Options) -> list[Advice]:
    """Validate (raises BuildAborted like a build), then return the advice, sorted."""
    site = read_site(opts)
    ctx = context(opts, site)
    lines = Lines(opts.content_dir, opts.display_root or str(opts.content_dir))
    known = {p.path for p in pages.pages(ctx)} | set(site.assets)
    found: list[Advice] = []
    for m in site.municipalities:
        for period in m.periods:
            found += period_advice(period, lines)
            for key, text, page in period_texts(period):
                found += link_advice(text, Where(period.path, key, page), known, lines)
            for promise in period.promises:
                found += promise_advice(period, promise, ctx.facts.promises[promise.path], lines)
                found += unit_advice(promise, lines)
                page = urls.promise(period, promise)
                body = Where(promise.path, None, page)
                found += text_advice(promise.summary, Where(promise.path, "summary", page), lines)
                found += text_advice(promise.body.markdown, body, lines)
                found += link_advice(promise.body, body, known, lines)
                found += link_advice(promise.approach, Where(promise.path, "approach", page), known, lines)
                for update in promise.updates:
                    where = Where(update.path, None, page)
                    found += text_advice(update.body.markdown, where, lines)
                    found += link_advice(update.body, where, known, lines)
    return sorted(found)


def period_advice(period: Period, lines: Lines) -> list[Advice]:
    out = []
    at = lines.display(period.path)
    if period.feedback_plan is None:
        out.append(Advice(at, lines.key(period.path, "title"),
                          "perioden har ingen återkopplingsplan (feedback_plan), så invånarna vet inte när de får höra hur det går",
                          "lägg till feedback_plan med text (hur och hur ofta ni berättar) och interval_days "
                          "(se docs/innehall.md, avsnitt 7)"))
    elif period.feedback_plan.interval_days is None:
        out.append(Advice(at, lines.key(period.path, "feedback_plan"),
                          "återkopplingsplanen säger inte hur många dagar det högst får gå mellan två uppdateringar, "
                          "så webbplatsen kan inte visa när nästa uppdatering ska komma",
                          "lägg till interval_days under feedback_plan, t.ex. interval_days: 91 för en gång i kvartalet"))
    if len(period.promises) > MAX_PROMISES:
        out.append(Advice(at, lines.key(period.path, "title"),
                          f"perioden har {len(period.promises)} löften; Genomförandekommittén (Ju 2012:16, citerad i "
                          "Brå 2018:14) rekommenderar ett till tre löften som går att uppfylla",
                          "välj ut de viktigaste löftena eller slå ihop löften som hör ihop"))
    return out


def promise_advice(period: Period, promise: Promise, state: PromiseState, lines: Lines) -> list[Advice]:
    out = []
    rel, at = promise.path, lines.display(promise.path)
    if not promise.indicators:
        out.append(Advice(at, lines.key(rel, "title"), "löftet har inget mätbart mål (indicators)",
                          "lägg till ett mål under indicators, t.ex. antal trygghetsvandringar (kind: count) eller "
                          "andel invånare som känner sig trygga (kind: measure); se docs/innehall.md, Mål"))
    for i, ind in enumerate(promise.indicators):
        line = lines.key(rel, "indicators", i)
        if ind.kind == "measure" and ind.baseline is None:
            out.append(Advice(at, line, f"målet '{ind.id}' har inget utgångsläge (baseline)",
                              "lägg till baseline med value och date, t.ex. från den senaste trygghetsmätningen"))
        if ind.target is None:
            out.append(Advice(at, line, f"målet '{ind.id}' har inget målvärde (target)",
                              "lägg till target med value och date"))
        elif ind.target.date is None and not (promise.end or period.end):
            out.append(Advice(at, line, f"målet '{ind.id}' säger inte när det ska vara nått",
                              "lägg till date under target, eller start och end för löftet eller perioden"))
    if not promise.actors:
        out.append(Advice(at, lines.key(rel, "actors"), "löftet säger inte vem som lovar (actors är tom)",
                          "lägg till minst en aktör under actors: polisen, kommunen eller en part från kommun.yaml"))
    for i, actor in enumerate(state.actors):  # current: an update may have named the responsible unit
        if not actor.responsible:
            out.append(Advice(at, lines.key(rel, "actors", i), f"aktören '{actor.actor}' har ingen ansvarig enhet (responsible)",
                              "skriv vilken enhet som svarar för löftet, t.ex. responsible: Kommunpolisen"))
    if state.overdue:
        since = f"sedan {state.last_updated}" if state.last_updated else "sedan perioden började"
        out.append(Advice(at, lines.key(rel, "title"),
                          f"löftet har inte uppdaterats {since}; återkopplingsplanen lovar en uppdatering minst en gång "
                          f"på {period.feedback_plan.interval_days} dagar, och nästa skulle ha kommit senast {state.next_due}",
                          f"skriv en uppdatering: python build.py new uppdatering {promise.path.rsplit('/', 1)[0]} \"Rubrik\""))
    return out


def unit_advice(promise: Promise, lines: Lines) -> list[Advice]:
    """A unit whose singular the site cannot know ("1 anmälningar") needs `unit_one`."""
    out = []
    for i, ind in enumerate(promise.indicators):
        if ind.unit and not units.known_singular(ind.unit, ind.unit_one):
            out.append(Advice(lines.display(promise.path), lines.key(promise.path, "indicators", i, "unit"),
                              f"målet '{ind.id}' har enheten '{ind.unit}' men ingen singularform, så sidan kan "
                              f"visa ”1 {ind.unit}”",
                              "lägg till unit_one med ordet i singular under unit, så som unit_one: möte hör till "
                              "unit: möten (se docs/innehall.md, Mål)"))
    return out


def period_texts(period: Period):
    """(key, Markdown text, page it is shown on) of a period's own texts."""
    page = urls.period(period)
    yield from ((k, getattr(period, k), page) for k in ("intro", "purpose", "situation"))
    if period.feedback_plan:
        yield "feedback_plan", period.feedback_plan.text, page
    if period.follow_up:
        for k in ("summary", "activities", "quality", "effects"):
            yield "follow_up", getattr(period.follow_up, k), urls.follow_up(period)


def _line(where: Where, lines: Lines, offset: int) -> int:
    return lines.body(where.rel, offset) if where.key is None else lines.key(where.rel, where.key)


def text_advice(markdown: str, where: Where, lines: Lines) -> list[Advice]:
    """Long sentences and a high LIX: the text is hard for residents to read."""
    out = []
    at = lines.display(where.rel)
    found = readability.sentences(markdown)
    for s in found:
        if len(s.words) > MAX_SENTENCE_WORDS:
            start = " ".join(s.text.split()[:6])
            out.append(Advice(at, _line(where, lines, s.offset),
                              f"meningen ”{start} …” har {len(s.words)} ord, och över {MAX_SENTENCE_WORDS} ord blir svårt att läsa",
                              "dela upp meningen i två eller fler" + (
                                  "; är texten ett citat ur löftesdokumentet, skriv i stället en lättläst sammanfattning i summary"
                                  if where.rel.endswith("/index.md") and where.key is None else "")))
    words = sum(len(s.words) for s in found)
    score = readability.lix(found)
    if words >= MIN_LIX_WORDS and len(found) >= MIN_LIX_SENTENCES and score is not None and score > MAX_LIX:
        out.append(Advice(at, _line(where, lines, found[0].offset),
                          f"texten är svår att läsa (LIX {round(score)}; sikta på högst {MAX_LIX})",
                          "skriv kortare meningar och byt långa ord mot vanliga, korta ord"))
    return out


def link_advice(text: Text, where: Where, known: set[str], lines: Lines) -> list[Advice]:
    """Relative links and images must lead to a page or file of the built site."""
    out = []
    at = lines.display(where.rel)
    for m in LINK_RE.finditer(text.markdown):
        image, target = m.group(1) == "!", m.group(2)
        if SCHEME_RE.match(target) or (image and where.key is None):
            continue  # other sites, absolute paths and anchors; body images are checked by the build
        if _resolves(where.page, target, known):
            continue
        line = _line(where, lines, m.start())
        if image:
            out.append(Advice(at, line, f"bilden '{target}' finns inte på webbplatsen",
                              "lägg bildfilen i samma mapp som texten och skriv filnamnet, t.ex. ![Beskrivning](bild.jpg)"))
        else:
            out.append(Advice(at, line, f"länken '{target}' leder inte till någon sida eller fil på webbplatsen",
                              "kontrollera stavningen; en länk till ett annat löfte i samma period skrivs t.ex. "
                              "../loftets-mapp/ och en fil i löftets mapp med bara filnamnet"))
    return out


def _resolves(page: str, target: str, known: set[str]) -> bool:
    path = urllib.parse.unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return True  # an anchor on the same page
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    joined = posixpath.normpath(posixpath.join("site", base, path))
    if joined != "site" and not joined.startswith("site/"):
        return False  # above the site's root
    rel = joined[len("site/"):]
    if path.endswith("/") or not rel:
        return (rel + "/" if rel else "") in known
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[:-len("index.html")]
        return rel in known
    return rel in known or rel + "/" in known


def run(opts: Options, strict: bool = False) -> int:
    """Print the errors or the advice; the exit code for the command line."""
    try:
        found = check(opts)
    except BuildAborted as exc:
        for e in exc.errors:
            print(e, file=sys.stderr)
        print(f"Kontrollen hittade {len(exc.errors)} fel. Rätta felen först; råden visas när innehållet är giltigt.",
              file=sys.stderr)
        return 1
    for advice in found:
        print(advice)
    if not found:
        print("Inga fel och inga råd. Bra jobbat!")
        return 0
    print(f"Inga fel, men {len(found)} råd." + (" (--strict: råden räknas som fel)" if strict else ""))
    return 1 if strict else 0
