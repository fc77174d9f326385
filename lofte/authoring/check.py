"""`check`: validate like a build, then coach the content toward promises that can be followed up.

Brå 2018:14 found most promises vague and unmeasurable, without baselines and
without any plan for telling residents what was done. The build only refuses
content that is wrong; this command also points at content that is valid but
weak, against the method's quality criteria, each finding as
`path:line: råd [id]: … Så här åtgärdar du: …` (advice.py: the ids, and advice
acknowledged in content; textadvice.py: readability and links). One function per
kind of advice. Advice never stops a build; `--strict` turns advice that is not
acknowledged into a failure for CI. Nothing is written.
"""
from __future__ import annotations

import re
import sys
import urllib.parse

from lofte.build.pipeline import Options, context, read_site
from lofte.content.chronology import known
from lofte.content.derived import PromiseState
from lofte.content.errors import BuildAborted, LofteError
from lofte.content.fields import suggest
from lofte.content.model import FeedbackPlan, IndicatorTarget, Municipality, Period, Promise, Site, is_unknown
from lofte.i18n import units
from lofte.outputs import pages

from . import hints
from .advice import Advice, Lines, acknowledge
from .textadvice import Where, link_advice, period_texts, promise_texts
from .unknownadvice import archive_advice, not_stated_as_text

MAX_PROMISES = 3  # Ju 2012:16, quoted in Brå 2018:14: "ett till tre löften"
EXAMPLE_HOST_RE = re.compile(r"(^|\.)(example(\.[a-z]{2,})?|invalid|test|localhost)$", re.IGNORECASE)


def unknown_tail(how: str) -> str:
    """How to say that the source is silent, instead of inventing: `how` is e.g. "indicators: okänt"."""
    return f"; säger källan inget om det, skriv {how} (docs/innehall.md, Okänt)"


def check(opts: Options, municipalities: list[str] | tuple[str, ...] = ()) -> list[Advice]:
    """Validate (raises BuildAborted like a build), then return the advice, sorted.

    With `municipalities` (folder names), only the advice about them and about
    site.yaml; the errors are always everyone's, as any error stops the build."""
    site = read_site(opts)
    ctx = context(opts, site)
    lines = Lines(opts.content_dir, opts.display_root or str(opts.content_dir))
    known = {p.path for p in pages.pages(ctx)} | set(site.assets)
    chosen = selected(site, municipalities)
    found: list[Advice] = site_advice(site, lines)
    for m in site.municipalities:
        if m.slug not in chosen:
            continue
        found += contact_advice(m.path, ("contact",), m.contact.email, m.contact.url, lines)
        found += police_area_missing(m, lines)
        found += not_stated_as_text(m, lines)
        for period in m.periods:
            found += period_advice(period, ended(period, site), lines)
            found += archive_advice(period, lines)
            for key, text, page in period_texts(period):
                found += link_advice(text, Where(period.path, key, page), known, lines)
            for promise in period.promises:
                found += promise_advice(m, period, promise, ctx.facts.promises[promise.path], ended(period, site), lines)
                found += unit_advice(promise, lines)
                found += promise_texts(period, promise, known, lines)
    from .glyphs import advice as poster_glyphs  # glyphs imports advice, which imports this module's stage
    found += poster_glyphs(site, lines)
    return sorted(acknowledge(found, site, lines))


def selected(site: Site, municipalities) -> set[str]:
    """The folder names asked for (a name such as "Sala" works too); all when none are."""
    slugs = {m.slug for m in site.municipalities}
    if not municipalities:
        return slugs
    by_name = {m.short_name.lower(): m.slug for m in site.municipalities}
    out = set()
    for given in municipalities:
        slug = given.strip("/") if given.strip("/") in slugs else by_name.get(given.lower())
        if slug is None:
            hint = suggest(given, sorted(slugs)) or "."
            raise LofteError(f"'{given}' är ingen kommun på webbplatsen{hint} "
                             f"Kommunerna (mapparnas namn): {', '.join(sorted(slugs)) or 'inga ännu'}")
        out.add(slug)
    return out


def ended(period: Period, site: Site) -> bool:
    """Over and done: followed up, or past its end. Advice about planning ahead no longer helps."""
    end = known(period.end)
    return period.follow_up is not None or (end is not None and end < site.build_date)


# -- site.yaml and contacts -------------------------------------------------

def is_example(address: str) -> bool:
    """An address at a domain reserved for examples (RFC 2606, e.g. trygghet@kommunen.example)."""
    host = address.split("@", 1)[-1] if "@" in address and "://" not in address else \
        urllib.parse.urlsplit(address).hostname or ""
    return bool(EXAMPLE_HOST_RE.search(host.rstrip(".")))


def site_advice(site: Site, lines: Lines) -> list[Advice]:
    out = []
    if is_example(site.base_url):
        out.append(lines.advice("site.yaml", lines.key("site.yaml", "base_url"), "exempeladress",
                                f"base_url är en exempeladress ({site.base_url})",
                                "skriv webbplatsens riktiga adress, t.ex. https://www.kommun.se/medborgarloften/ "
                                "(bygget på GitHub eller GitLab anger adressen självt)"))
    out += contact_advice("site.yaml", ("contact",), site.contact.email, site.contact.url, lines)
    for i, owner in enumerate(site.owners):
        out += contact_advice("site.yaml", ("owners", i), owner.email, owner.url, lines)
    out += contact_advice("site.yaml", ("accessibility",), site.accessibility.contact_email, "", lines,
                          "contact_email")
    return out


def contact_advice(rel: str, keys: tuple, email: str, url: str, lines: Lines, email_key: str = "email") -> list[Advice]:
    out = []
    for key, value in ((email_key, email), ("url", url)):
        if value and is_example(value):
            field = ".".join(str(k) for k in keys if isinstance(k, str)) + f".{key}"
            out.append(lines.advice(rel, lines.key(rel, *keys, key), "exempeladress",
                                    f"{field} är en exempeladress ({value}), inte en som invånarna kan använda",
                                    "skriv den riktiga adressen"))
    return out


def police_area_missing(m: Municipality, lines: Lines) -> list[Advice]:
    """The police area names the police on every page ("Parter: Sala kommun, Lokalpolisområde Sala").
    Older content wrote "Anges inte i källan." there, which pages then printed as the area's name."""
    if is_unknown(m.police_area) or not m.police_area.strip().lower().startswith("anges inte i källan"):
        return []
    return [lines.advice(m.path, lines.key(m.path, "police_area"), "polisomrade-saknas",
                         f"police_area säger ”{m.police_area}” som text, så sidorna skriver ”polisen i "
                         f"{m.police_area}” där lokalpolisområdet ska stå",
                         "skriv lokalpolisområdet som löftesdokumentet skriver det, t.ex. police_area: Lokalpolisområde "
                         f"{m.short_name}; nämner källan inget, skriv police_area: okänt, så säger sidorna det "
                         "med egna ord (docs/innehall.md, Okänt)")]


# -- periods ------------------------------------------------------------------

def period_advice(period: Period, is_ended: bool, lines: Lines) -> list[Advice]:
    if is_ended:  # a plan for telling residents, or fewer promises, can no longer change anything
        return []
    return feedback_plan_missing(period, lines) + interval_missing(period, lines) + too_many_promises(period, lines)


def feedback_plan_missing(period: Period, lines: Lines) -> list[Advice]:
    if period.feedback_plan is not None:  # a plan, or `okänt`
        return []
    return [lines.advice(period.path, lines.key(period.path, "title"), "aterkoppling-saknas",
                         "perioden har ingen återkopplingsplan (feedback_plan), så invånarna vet inte när de får höra "
                         "hur det går", "lägg till feedback_plan med text (hur och hur ofta ni berättar) och "
                         "interval_days (se docs/innehall.md, avsnitt 7)" + unknown_tail("feedback_plan: okänt"))]


def interval_missing(period: Period, lines: Lines) -> list[Advice]:
    plan = period.feedback_plan
    if not isinstance(plan, FeedbackPlan) or plan.interval_days is not None:
        return []
    return [lines.advice(period.path, lines.key(period.path, "feedback_plan"), "intervall-saknas",
                         "återkopplingsplanen säger inte hur många dagar det högst får gå mellan två uppdateringar, "
                         "så webbplatsen kan inte visa när nästa uppdatering ska komma",
                         "lägg till interval_days under feedback_plan, t.ex. interval_days: 91 för en gång i kvartalet"
                         + unknown_tail("interval_days: okänt under feedback_plan"))]


def too_many_promises(period: Period, lines: Lines) -> list[Advice]:
    if len(period.promises) <= MAX_PROMISES:
        return []
    return [lines.advice(period.path, lines.key(period.path, "title"), "for-manga-loften",
                         f"perioden har {len(period.promises)} löften; Genomförandekommittén (Ju 2012:16, citerad i "
                         "Brå 2018:14) rekommenderar ett till tre löften som går att uppfylla",
                         "välj ut de viktigaste löftena eller slå ihop löften som hör ihop")]


# -- promises -----------------------------------------------------------------

def promise_advice(m: Municipality, period: Period, promise: Promise, state: PromiseState, is_ended: bool,
                   lines: Lines) -> list[Advice]:
    out = no_indicators(promise, lines) + indicator_gaps(period, promise, is_ended, lines)
    out += no_actors(promise, lines) + no_responsible(m, promise, state, lines)
    return out + overdue(period, promise, state, lines)


def no_indicators(promise: Promise, lines: Lines) -> list[Advice]:
    if promise.indicators or promise.indicators_unknown is not None:
        return []
    return [lines.advice(promise.path, lines.key(promise.path, "title"), "mal-saknas",
                         "löftet har inget mätbart mål (indicators)",
                         "lägg till ett mål under indicators, t.ex. antal trygghetsvandringar (kind: count) eller "
                         "andel invånare som känner sig trygga (kind: measure); se docs/innehall.md, Mål"
                         + unknown_tail("indicators: okänt"))]


def indicator_gaps(period: Period, promise: Promise, is_ended: bool, lines: Lines) -> list[Advice]:
    """Baselines, target values and target dates: what makes a target possible to follow up."""
    out = []
    rel = promise.path
    for i, ind in enumerate(promise.indicators):  # None is left out; `okänt` answers the advice
        line = lines.key(rel, "indicators", i)
        if ind.kind == "measure" and ind.baseline is None:
            out.append(lines.advice(rel, line, "utgangslage-saknas", f"målet '{ind.id}' har inget utgångsläge (baseline)",
                                    "lägg till baseline med value och date, t.ex. från den senaste trygghetsmätningen"
                                    + unknown_tail("baseline: okänt")))
        if ind.target is None:
            out.append(lines.advice(rel, line, "malvarde-saknas", f"målet '{ind.id}' har inget målvärde (target)",
                                    "lägg till target med value och date" + unknown_tail("target: okänt")))
        elif isinstance(ind.target, IndicatorTarget) and ind.target.date is None and \
                not (promise.end or period.end) and not is_ended:
            out.append(lines.advice(rel, line, "maldatum-saknas", f"målet '{ind.id}' säger inte när det ska vara nått",
                                    "lägg till date under target, eller start och end för löftet eller perioden"
                                    + unknown_tail("date: okänt under target")))
    return out


def no_actors(promise: Promise, lines: Lines) -> list[Advice]:
    if promise.actors:
        return []
    return [lines.advice(promise.path, lines.key(promise.path, "actors"), "aktorer-saknas",
                         "löftet säger inte vem som lovar (actors är tom)",
                         "lägg till minst en aktör under actors: polisen, kommunen eller en part från kommun.yaml")]


def responsible_example(m: Municipality, actor: str) -> str:
    """A unit that could answer for a promise, for this kind of actor."""
    if actor == "polisen":
        area = m.police_area if m.police_area and "anges inte" not in m.police_area.lower() else ""  # okänt is falsy
        return "responsible: Kommunpolisen" + (f" eller responsible: {area}" if area else "")
    if actor == "kommunen":
        return "responsible: Trygghetssamordnaren eller responsible: Kommunledningsförvaltningen"
    partner = next((p.name for p in m.partners if p.id == actor), actor)
    return f"den avdelning hos {partner} som svarar för löftet"


def no_responsible(m: Municipality, promise: Promise, state: PromiseState, lines: Lines) -> list[Advice]:
    out = []
    for i, actor in enumerate(state.actors):  # current: an update may have named the responsible unit
        if not actor.responsible and not is_unknown(actor.responsible):
            out.append(lines.advice(promise.path, lines.key(promise.path, "actors", i), "ansvarig-saknas",
                                    f"aktören '{actor.actor}' har ingen ansvarig enhet (responsible)",
                                    f"skriv vilken enhet som svarar för löftet, t.ex. {responsible_example(m, actor.actor)}"
                                    + unknown_tail("responsible: okänt")))
    return out


def overdue(period: Period, promise: Promise, state: PromiseState, lines: Lines) -> list[Advice]:
    if not state.overdue:
        return []
    since = f"sedan {state.last_updated}" if state.last_updated else "sedan perioden började"
    return [lines.advice(promise.path, lines.key(promise.path, "title"), "uppdatering-sen",
                         f"löftet har inte uppdaterats {since}; återkopplingsplanen lovar en uppdatering minst en gång "
                         f"på {period.feedback_plan.interval_days} dagar, och nästa skulle ha kommit senast {state.next_due}",
                         "skriv en uppdatering: " + hints.command("new", "uppdatering", promise.path.rsplit('/', 1)[0],
                                                                 '"Rubrik"', content=lines.display_root))]


def unit_advice(promise: Promise, lines: Lines) -> list[Advice]:
    """A unit whose singular the site cannot know ("1 anmälningar") needs `unit_one`."""
    out = []
    for i, ind in enumerate(promise.indicators):
        if ind.unit and not units.known_singular(ind.unit, ind.unit_one):
            out.append(lines.advice(promise.path, lines.key(promise.path, "indicators", i, "unit"), "singular-saknas",
                                    f"målet '{ind.id}' har enheten '{ind.unit}' men ingen singularform, så sidan "
                                    f"kan visa ”1 {ind.unit}”",
                                    "lägg till unit_one med ordet i singular under unit, så som unit_one: möte hör "
                                    "till unit: möten (se docs/innehall.md, Mål)"))
    return out


def run(opts: Options, strict: bool = False, municipalities: list[str] | tuple[str, ...] = ()) -> int:
    """Print the errors or the advice; the exit code for the command line."""
    try:
        found = check(opts, municipalities)
    except BuildAborted as exc:
        for e in exc.errors:
            print(e, file=sys.stderr)
        print(f"Kontrollen hittade {len(exc.errors)} fel. Rätta felen först; råden visas när innehållet är giltigt.",
              file=sys.stderr)
        return 1
    for advice in found:
        print(advice)
    print(summary(found, strict))
    return 1 if strict and any(not a.reason for a in found) else 0


def summary(found: list[Advice], strict: bool) -> str:
    """The last line: errors, open and acknowledged advice, and what --strict makes of them."""
    open_ = sum(1 for a in found if not a.reason)
    done = len(found) - open_
    acknowledged = f"{done} kvitterat råd" if done == 1 else f"{done} kvitterade råd"
    if not open_:
        return "Inga fel och inga råd. Bra jobbat!" if not done else f"Inga fel och inga råd utom {acknowledged}."
    told = f"Inga fel, men {open_} råd" + (f" (och {acknowledged})" if done else "") + "."
    if strict:
        return told + " (--strict: råd som inte är kvitterade räknas som fel)"
    return told + " Ett råd som inte går att följa kan kvitteras med ett skäl: docs/publicera.md, avsnitt 4."
