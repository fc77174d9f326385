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
from .textcheck import RTL_LANGUAGES, shown
from .languages import UI_LANGUAGES
from .model import (
    ORIGIN_KINDS,
    Accessibility,
    Acknowledgement,
    ActorStatus,
    Baseline,
    Contact,
    Event,
    FeedbackPlan,
    FollowUp,
    Image,
    Indicator,
    IndicatorTarget,
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
    Translation,
    Unknown,
    Update,
    Verdict,
)

LANGUAGES = ("sv", "en", "ar", "fa", "fi", "so", "ti", "yi", "ku", "bs", "pl", "uk")
LICENCES = ("CC0-1.0", "CC-BY-4.0")
ACCESSIBILITY_STATUSES = ("helt", "delvis", "inte")
INDICATOR_KINDS = ("count", "frequency", "measure")
DIRECTIONS = ("increase", "decrease", "maintain")
FREQUENCIES = ("day", "weekday", "week", "month", "quarter", "year")
FREQUENCY_WORDS = {"day": "dag", "weekday": "vardag", "week": "vecka", "month": "månad", "quarter": "kvartal",
                   "year": "år"}
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


# Which fields a translation may give, and how each is read.
PROMISE_TRANSLATABLE = {"title": "str", "summary": "str", "focus_area": "str", "body": "text",
                        "approach": "text", "activities": "list", "effects": "list", "indicators": "indicators"}
PERIOD_TRANSLATABLE = {"title": "str", "intro": "text", "purpose": "text", "situation": "text",
                       "focus_areas": "list"}
UPDATE_TRANSLATABLE = {"title": "str", "body": "text"}
SITE_TRANSLATABLE = {"title": "str", "description": "str"}


def indicator_names(f: Fields, known: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """`indicators: {<id>: {name, unit, unit_one}}` in a promise's translation: names and units in that language."""
    im = f.map("indicators")
    if im is None:
        return {}
    out = {}
    for key in list(im.data):
        sub = im.map(key)
        if key not in known:
            im.error(key, f"'{key}' är inget mål i löftet; skriv id:t för ett mål under indicators "
                          f"({', '.join(known) or 'löftet har inga mål'})")
        if sub is None:
            continue
        names = {k: sub.str(k, max_len=300 if k == "name" else 100) for k in ("name", "unit", "unit_one")}
        sub.finish()
        out[str(key)] = {k: v for k, v in names.items() if v}
    return out


def translations(f: Fields, translatable: dict[str, str], indicator_ids: tuple[str, ...] = (),
                 dated: bool = True) -> tuple[Translation, ...]:
    """`translations: {en: {translated: 2024-05-01, title: …}, ar: {…}}`, sorted by language."""
    tf = f.map("translations")
    if tf is None:
        return ()
    out = []
    for lang in list(tf.data):
        lf = tf.map(lang)
        if lang not in LANGUAGES[1:]:
            tf.error(lang, f"'{lang}' är inget språk att översätta till; välj bland {', '.join(LANGUAGES[1:])}")
            continue
        if lf is None:
            continue
        lf.rtl = lang in RTL_LANGUAGES
        fields = {}
        for key, kind in translatable.items():
            value = (text(lf, key) if kind == "text" else lf.str_list(key) if kind == "list"
                     else indicator_names(lf, indicator_ids) if kind == "indicators" else lf.str(key))
            if value:
                fields[key] = value
        out.append(Translation(lang=lang, translated=lf.date("translated", dated) or dt.date.min,
                               official=lf.bool("official"), example=lf.bool("example"), fields=fields))
        lf.finish()
    return tuple(sorted(out, key=lambda t: t.lang))


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
        police_area=f.or_unknown("police_area", f.str, required=True), partners=tuple(partners),
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
    plan = FeedbackPlan(pf.or_unknown("text", pf.markdown, required=True),
                        pf.or_unknown("interval_days", pf.int, minimum=1, maximum=MAX_INTERVAL_DAYS))
    pf.finish()
    return plan


def follow_up(f: Fields) -> FollowUp | None:
    ff = f.map("follow_up")
    if ff is None:
        return None
    parts = {key: ff.or_unknown(key, ff.markdown) for key in ("summary", "activities", "quality", "effects")}
    out = FollowUp(date=ff.or_unknown("date", ff.date), document=source(ff, "document"), **parts)
    ff.finish()
    return out


def period_dates(f: Fields) -> tuple:
    """start and end: dates, or `okänt`; older content leaves them out and says why in dates_note."""
    start, end = f.or_unknown("start", f.date), f.or_unknown("end", f.date)
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
    if "promises" not in f.data:
        return None
    found = f.unknown("promises")
    if found is None:
        f.known.add("promises")
        f.error("promises", "kan bara vara okänt (promises: okänt, när källan inte listar periodens löften); "
                            "löftena själva är mappar bredvid lofte.yaml")
    return found


def read_period(f: Fields, slug: str, path: str, municipality: str) -> Period:
    start, end = period_dates(f)
    period = Period(
        slug=slug, path=path, municipality=municipality, title=f.str("title", True),
        start=start, end=end, dates_note=f.str("dates_note"),
        signed=f.or_unknown("signed", f.date), signed_place=f.or_unknown("signed_place", f.str),
        signatories=f.or_unknown("signatories", partial(signatories, f)),
        purpose=f.or_unknown("purpose", f.markdown), situation=f.or_unknown("situation", f.markdown),
        focus_areas=f.or_unknown("focus_areas", f.str_list), origins=origins(f),
        feedback_plan=f.or_unknown("feedback_plan", partial(feedback_plan, f)),
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
                               responsible=a.or_unknown("responsible", a.str)))
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


def baseline(f: Fields, key: str, counted: bool, required: bool = False) -> Baseline | None:
    bf = f.map(key)
    if bf is None:
        return None
    out = Baseline(bf.number("value", True, minimum=0 if counted else None) or 0.0, bf.date("date"), bf.str("note"))
    bf.finish()
    return out


def target(f: Fields, key: str, counted: bool, required: bool = False) -> IndicatorTarget | None:
    raw = f.data.get(key)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # `target: 1`: the value without value:
        f.known.add(key)
        f.error(key, f"skriv målvärdet på en egen rad under target, indraget två mellanslag: "
                     f"target: och sedan value: {shown(raw)}")
        return IndicatorTarget(float(raw), None)
    tf = f.map(key)
    if tf is None:
        return None
    value = tf.number("value", True, minimum=0 if counted else None)
    if counted and value == 0:
        tf.error("value", "ett mål som räknas (kind: count eller frequency) måste vara större än 0")
    out = IndicatorTarget(value or 0.0, tf.or_unknown("date", tf.date))
    tf.finish()
    return out


def target_missing(f: Fields, kind: str | None, frequency: str | None) -> str:
    """What a counted target without target says, for its kind."""
    if kind == "frequency":
        per = FREQUENCY_WORDS.get(frequency or "", "vecka, månad …")
        return (f"saknas: ett mål av sorten frequency behöver target med value, hur många gånger per {per}, "
                "t.ex. target: och under det value: 1; säger källan inget om det, skriv target: okänt")
    return ("saknas: ett mål som räknas ihop (kind: count) behöver target med value, hur många det ska bli, "
            "t.ex. target: och under det value: 5; säger källan inget om det, skriv target: okänt")


def indicator(f: Fields) -> Indicator:
    kind = f.choice("kind", INDICATOR_KINDS, True, "measure", "en indikatortyp")
    counted = kind in ("count", "frequency")  # a number of things: never below zero
    base = f.or_unknown("baseline", partial(baseline, f), counted)
    goal = f.or_unknown("target", partial(target, f), counted)
    frequency = f.choice("frequency", FREQUENCIES, kind == "frequency", None, "en frekvens")
    if kind != "frequency" and frequency:
        f.error("frequency", "används bara när kind är 'frequency'")
    if kind in ("count", "frequency") and goal is None:
        f.error("target", target_missing(f, kind, frequency))
    ind = Indicator(id=f.slug("id", True) or "", name=f.str("name", True), unit=f.str("unit", True),
                    kind=kind or "measure",
                    direction=f.choice("direction", DIRECTIONS, False, "increase", "en riktning"),
                    baseline=base, target=goal, frequency=frequency, note=f.str("note"),
                    unit_one=f.str("unit_one", max_len=100))
    f.finish()
    return ind


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
    no_indicators = f.unknown("indicators")  # `indicators: okänt`: the source states no measurable target
    indicators = () if no_indicators is not None else tuple(indicator(i) for i in f.maps("indicators"))
    promise = Promise(
        slug=slug, path=path, title=f.str("title", True, max_len=300), summary=f.str("summary", max_len=400),
        focus_area=f.or_unknown("focus_area", f.str),
        body=f.body(body, body_line, path.rsplit("/", 1)[0], files), approach=f.or_unknown("approach", f.markdown),
        activities=f.or_unknown("activities", f.str_list), effects=f.or_unknown("effects", f.str_list),
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
