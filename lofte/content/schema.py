"""The schema of each content file: which fields exist, their types, and defaults.

One function per file kind turns a parsed YAML mapping into a model object,
reporting every problem through `Fields`. Checks that need more than one file
(references, dates against the period, duplicates) live in assemble.py.
The field list here is the contract documented in docs/innehall.md.
"""
from __future__ import annotations

import datetime as dt
from functools import partial

from . import baseurl, cmssettings, statuses
from .fields import Fields, item_name
from .indicatorschema import DIRECTIONS, FREQUENCIES, INDICATOR_KINDS, indicator  # noqa: F401 (the forms read them here)
from .translationschema import (LANGUAGES, PERIOD_TRANSLATABLE, PROMISE_TRANSLATABLE, SITE_TRANSLATABLE,
                                UPDATE_TRANSLATABLE, translations)  # noqa: F401 (LANGUAGES: read here by others)
from .unknowns import or_unknown, unknown
from .languages import UI_LANGUAGES
from .origins import ORIGIN_KINDS
from .model import (
    Accessibility,
    Acknowledgement,
    ActorStatus,
    Contact,
    Event,
    FeedbackPlan,
    FollowUp,
    Image,
    Link,
    Municipality,
    Origin,
    POLICE_CONTACT,
    Partner,
    Period,
    Progress,
    Promise,
    Signatory,
    Site,
    Source,
    Unknown,
    Update,
    Verdict,
)

LICENCES = ("CC0-1.0", "CC-BY-4.0")
ACCESSIBILITY_STATUSES = ("helt", "delvis", "inte")
BUILTIN_ACTORS = ("polisen", "kommunen")
MAX_INTERVAL_DAYS = 1461  # four years, a whole term of office: a longer "plan" tells residents nothing


def text(f: Fields, key: str, required: bool = False):
    return f.markdown(key, required)


def source(f: Fields, key: str = "source") -> Source | None:
    s = f.map(key)
    return None if s is None else one_source(s)


def one_source(s: Fields) -> Source:
    out = Source(title=s.str("title", True), document=s.str("document"), url=s.url("url"),
                 note=s.str("note"), date=s.date("date"))
    s.finish()
    return out


def sources(f: Fields) -> tuple[Source, ...]:
    """`source:` (one document) or `sources:` (a list of documents, e.g. two that disagree)."""
    if "source" in f.data and "sources" in f.data:
        f.error("sources", "skriv antingen source (en källa) eller sources (en lista med källor), inte båda; "
                           "flytta källan under source till en rad i sources")
    one = source(f)
    return ((one,) if one else ()) + tuple(one_source(s) for s in f.maps("sources"))


def contact(f: Fields | None) -> Contact:
    if f is None:
        return Contact()
    out = Contact(name=f.str("name"), email=f.email("email"), phone=f.str("phone"), url=f.url("url"))
    f.finish()
    return out


def police_contact(f: Fields | None) -> Contact:
    """The local police's contact; what it leaves out is the national one (114 14, polisen.se)."""
    given = contact(f)
    return Contact(name=given.name, email=given.email, phone=given.phone or POLICE_CONTACT.phone,
                   url=given.url or POLICE_CONTACT.url)


def origins(f: Fields, key: str = "origins") -> tuple[Origin, ...]:
    out = []
    for o in f.maps(key):
        kind = o.choice("kind", tuple(ORIGIN_KINDS), True, what="ett känt ursprung")
        out.append(Origin(kind or "annat", o.str("text", True)))
        o.finish()
    return tuple(out)


def acknowledged(f: Fields) -> tuple[Acknowledgement, ...]:
    """`acknowledged: [{advice: mal-saknas, reason: …}]`: advice from `check` answered with a reason.
    Which ids exist is checked by `check` (authoring/advice.py), a later stage."""
    out = []
    for a in f.maps("acknowledged"):
        out.append(Acknowledgement(a.slug("advice", True) or "", a.str("reason", True, max_len=1000)))
        a.finish()
    return tuple(out)


def read_site(f: Fields, build_date: dt.date, base_url: str | None) -> Site:
    url = f.str("base_url", True)
    if base_url:  # --base-url overrides site.yaml (e.g. a preview deployment)
        url = base_url
    if url and not url.endswith("/") and "?" not in url and "#" not in url:
        url += "/"
    wrong = baseurl.problem(url) if url else None
    if wrong and base_url:
        f.errors.add("--base-url", 0, "", wrong)
    elif wrong:
        f.error("base_url", wrong)
    if wrong:
        url = "https://example.invalid/"  # the build stops; nothing is made from the bad value
    langs = f.str_list("languages") or ("sv",)
    for i, lang in enumerate(langs):  # languages of the whole site: those with a message catalogue
        if lang not in UI_LANGUAGES:
            f.errors.add(f.path, f.line("languages"), item_name("languages", i),
                         f"'{lang}' är inget språk som webbplatsen finns på; välj bland {', '.join(UI_LANGUAGES)} "
                         "(enskilda löften kan översättas till fler språk under translations)")
    if langs[0] != "sv":
        f.error("languages", "det första språket måste vara 'sv' (svenska först)")
    a = f.map("accessibility", True)
    access = None
    if a is not None:
        access = Accessibility(
            status=a.choice("status", ACCESSIBILITY_STATUSES, True, "delvis", "en efterlevnadsstatus"),
            known_issues=a.str_list("known_issues"),
            assessed=a.date("assessed", True) or build_date,
            statement_date=a.date("statement_date", True) or build_date,
            updated=a.date("updated"),
            method=a.str("method", True),
            contact_email=a.email("contact_email", True),
            contact_phone=a.str("contact_phone"),
            response_time=a.str("response_time", True),
        )
        a.finish()
    owners = []
    for o in f.maps("owners"):
        owners.append(contact(o))
    site = Site(
        title=f.str("title", True), base_url=url, languages=tuple(langs),
        description=f.str("description"), contact=contact(f.map("contact")),
        owners=tuple(owners), licence=f.choice("licence", LICENCES, True, "CC0-1.0", "en licens"),
        feedback=f.str("feedback", True), build_date=build_date,
        accessibility=access or Accessibility("delvis", (), build_date, build_date, None, "", "", "", ""),
        acknowledged=acknowledged(f),
        cms=cmssettings.read(f.map("cms")),
        translations=translations(f, SITE_TRANSLATABLE, dated=False),
    )
    f.finish()
    return site


def read_municipality(f: Fields, slug: str, path: str) -> Municipality:
    partners = []
    for p in f.maps("partners"):
        pid = p.slug("id", True)
        if pid in BUILTIN_ACTORS:
            p.error("id", f"'{pid}' är reserverat för polisen och kommunen; välj ett annat id")
        partners.append(Partner(pid or "", p.str("name", True), p.str("description"), p.url("url")))
        p.finish()
    logo = None
    lf = f.map("logo")
    if lf is not None:
        logo = Image(lf.str("file", True), lf.str("alt", True))
        lf.finish()
    m = Municipality(
        slug=slug, path=path, name=f.str("name", True), short_name=f.str("short_name", True),
        police_area=or_unknown(f, "police_area", f.str, required=True), partners=tuple(partners),
        contact=contact(f.map("contact")), logo=logo, sources=sources(f), example=f.bool("example"),
        acknowledged=acknowledged(f),
        police_contact=police_contact(f.map("police_contact")),
    )
    f.finish()
    return m


def signatories(f: Fields, key: str, required: bool = False) -> tuple[Signatory, ...]:
    out = []
    for s in f.maps(key, required):
        out.append(Signatory(s.str("name", True), s.str("role", True), s.str("party", True)))
        s.finish()
    return tuple(out)


def feedback_plan(f: Fields, key: str, required: bool = False) -> FeedbackPlan | None:
    pf = f.map(key, required)
    if pf is None:
        return None
    plan = FeedbackPlan(or_unknown(pf, "text", pf.markdown, required=True),
                        or_unknown(pf, "interval_days", pf.int, minimum=1, maximum=MAX_INTERVAL_DAYS))
    pf.finish()
    return plan


def follow_up(f: Fields) -> FollowUp | None:
    ff = f.map("follow_up")
    if ff is None:
        return None
    parts = {key: or_unknown(ff, key, ff.markdown) for key in ("summary", "activities", "quality", "effects")}
    out = FollowUp(date=or_unknown(ff, "date", ff.date), document=source(ff, "document"), **parts)
    ff.finish()
    return out


def period_dates(f: Fields) -> tuple:
    """start and end: dates, or `okänt`; older content leaves them out and says why in dates_note."""
    start, end = or_unknown(f, "start", f.date), or_unknown(f, "end", f.date)
    if start and end and end < start:
        f.error("end", f"slutdatumet {end} ligger före startdatumet {start}")
    absent = [key for key in ("start", "end") if f.data.get(key) in (None, "")]  # not just invalid
    if absent and not f.data.get("dates_note"):
        if len(absent) == 2:
            f.error("start", "start och end saknas: skriv periodens första och sista dag (ÅÅÅÅ-MM-DD), eller "
                             "start: okänt och end: okänt om källan inte anger dem")
        else:
            key = absent[0]
            day = "första" if key == "start" else "sista"
            f.error(key, f"saknas: skriv periodens {day} dag (ÅÅÅÅ-MM-DD), eller {key}: okänt om källan inte anger den")
    return start, end


def promises_unknown(f: Fields) -> Unknown | None:
    """`promises: okänt`: the source does not list the period's promises (or not all of them)."""
    f.known.add("promises")
    if "promises" not in f.data:
        return None
    found = unknown(f, "promises")
    if found is None:
        f.error("promises", "kan bara vara okänt (promises: okänt, när källan inte listar periodens löften); "
                            "löftena själva är mappar bredvid lofte.yaml")
    return found


def read_period(f: Fields, slug: str, path: str, municipality: str) -> Period:
    start, end = period_dates(f)
    period = Period(
        slug=slug, path=path, municipality=municipality, title=f.str("title", True),
        start=start, end=end, dates_note=f.str("dates_note"),
        signed=or_unknown(f, "signed", f.date), signed_place=or_unknown(f, "signed_place", f.str),
        signatories=or_unknown(f, "signatories", partial(signatories, f)),
        purpose=or_unknown(f, "purpose", f.markdown), situation=or_unknown(f, "situation", f.markdown),
        focus_areas=or_unknown(f, "focus_areas", f.str_list), origins=origins(f),
        feedback_plan=or_unknown(f, "feedback_plan", partial(feedback_plan, f)),
        follow_up=follow_up(f), intro=text(f, "intro"), sources=sources(f), example=f.bool("example"),
        lattlast=text(f, "lattlast"), revised=f.date("revised"),
        translations=translations(f, PERIOD_TRANSLATABLE), acknowledged=acknowledged(f),
        promises_unknown=promises_unknown(f),
    )
    f.finish()
    return period


def actor_statuses(f: Fields, key: str, required: bool) -> tuple[ActorStatus, ...]:
    out = []
    for a in f.maps(key, required):
        out.append(ActorStatus(actor=a.str("actor", True),
                               status=a.choice("status", statuses.PROGRESS_KEYS, True,
                                               "ingen uppgift", "en status") or "ingen uppgift",
                               responsible=or_unknown(a, "responsible", a.str)))
        a.finish()
    return tuple(out)


def events(f: Fields, owner_path: str) -> tuple[Event, ...]:
    out = []
    for i, e in enumerate(f.maps("events")):
        start, end = e.when("start", True), e.when("end")
        if start and end and type(start) is type(end) and end < start:
            e.error("end", "sluttiden ligger före starttiden")
        out.append(Event(title=e.str("title", True), start=start or dt.date(1970, 1, 1), end=end,
                         location=e.str("location"), description=e.str("description"),
                         source_path=owner_path, index=i))
        e.finish()
    return tuple(out)


def read_promise(f: Fields, body: str, slug: str, path: str, body_line: int = 1,
                 files: frozenset[str] = frozenset()) -> Promise:
    verdict = None
    vf = f.map("verdict")
    if vf is not None:
        verdict = Verdict(vf.choice("verdict", statuses.VERDICT_KEYS, False, None, "en slutbedömning"),
                          text(vf, "text"))
        vf.finish()
    start, end = f.date("start"), f.date("end")
    if start and end and end < start:
        f.error("end", f"slutdatumet {end} ligger före startdatumet {start}")
    no_indicators = unknown(f, "indicators")  # `indicators: okänt`: the source states no measurable target
    indicators = () if no_indicators is not None else tuple(indicator(i) for i in f.maps("indicators"))
    promise = Promise(
        slug=slug, path=path, title=f.str("title", True, max_len=300), summary=f.str("summary", max_len=400),
        focus_area=or_unknown(f, "focus_area", f.str),
        body=f.body(body, body_line, path.rsplit("/", 1)[0], files), approach=or_unknown(f, "approach", f.markdown),
        activities=or_unknown(f, "activities", f.str_list), effects=or_unknown(f, "effects", f.str_list),
        origins=origins(f),
        actors=actor_statuses(f, "actors", True),
        status=f.choice("status", statuses.PROGRESS_KEYS, True, "ingen uppgift", "en status") or "ingen uppgift",
        indicators=indicators,
        start=start, end=end, verdict=verdict, events=events(f, path), sources=sources(f),
        example=f.bool("example"), lattlast=text(f, "lattlast"), revised=f.date("revised"),
        translations=translations(f, PROMISE_TRANSLATABLE, tuple(i.id for i in indicators)),
        acknowledged=acknowledged(f), indicators_unknown=no_indicators,
    )
    f.finish()
    return promise


def read_update(f: Fields, body: str, slug: str, path: str, file_date: dt.date, body_line: int = 1,
                files: frozenset[str] = frozenset()) -> Update:
    date = f.date("date")
    if date and date != file_date:
        f.error("date", f"{date} stämmer inte med datumet i filnamnet ({file_date})")
    progress = []
    for p in f.maps("progress"):
        progress.append(Progress(p.slug("indicator", True) or "", p.number("value", True) or 0.0))
        p.finish()
    evidence = []
    for e in f.maps("evidence"):
        evidence.append(Link(e.str("title", True), e.url("url", True)))
        e.finish()
    correction = f.map("corrects")
    corrects, note = None, ""
    if correction is not None:
        corrects, note = correction.str("update", True), correction.str("note", True)
        correction.finish()
    update = Update(
        slug=slug, path=path, date=file_date, title=f.str("title", True, max_len=300),
        body=f.body(body, body_line, path.rsplit("/", 1)[0], files),
        status=f.choice("status", statuses.PROGRESS_KEYS, False, None, "en status"),
        actor_status=actor_statuses(f, "actor_status", False), progress=tuple(progress),
        evidence=tuple(evidence), events=events(f, path), corrects=corrects, correction_note=note,
        example=f.bool("example"), revised=f.date("revised"),
        translations=translations(f, UPDATE_TRANSLATABLE), acknowledged=acknowledged(f),
    )
    f.finish()
    return update
