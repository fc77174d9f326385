"""Open data: the whole model as JSON, one file for the site and one per period.

The JSON is the primary form; the CSV files (opendata_csv.py) are flat projections
of it and the catalogue (dcat.py) describes both; opendata_files.py makes the files. Every key of every object is
documented in `FIELDS`, which the data page renders and a test holds against
the built files, so documentation and data cannot drift apart.

Rules: numbers stay numbers (whole numbers as integers), dates are ISO 8601
strings, event times carry their UTC offset, a missing value is `null`, and
`example: true` marks made-up data. A value the source does not state (`okänt` in
content) is `null` too, and the object's `unknown` says so: field → the
communicator's note ("" without one), so "not stated" is never mistaken for "none". A period file has the same shape as the
site file, with one municipality and one period, so one reader handles both.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from lofte.content import urls
from lofte.content.chronology import known
from lofte.content.derived import Facts, IndicatorState
from lofte.content.events import of_promise
from lofte.content.model import Municipality, Period, Promise, Site, Source, Update, is_unknown
from lofte.i18n.labels import actor_name

from .ical import TZ, uid

SITE_FILE = "medborgarloften.json"

# Licence key in site.yaml → (name, page for people, URI for the catalogue).
LICENCES = {
    "CC0-1.0": ("CC0 1.0 Universell (fri användning)", "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
                "http://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Erkännande 4.0 (ange källan)",
                  "https://creativecommons.org/licenses/by/4.0/deed.sv",
                  "http://creativecommons.org/licenses/by/4.0/"),
}

# Object name → (what it is, ((key, meaning), …)). Order is the order in the files.
FIELDS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "webbplats": ("Filens yttersta objekt.", (
        ("title", "Webbplatsens namn."),
        ("url", "Webbplatsens adress."),
        ("licence", "Licensen för uppgifterna, som SPDX-kod (CC0-1.0 eller CC-BY-4.0)."),
        ("licence_url", "Licensens text."),
        ("as_of", "Datum då filen byggdes. Status, försening och tidsplan är beräknade för det datumet."),
        ("municipalities", "Kommunerna (objekt av typen kommun)."),
    )),
    "kommun": ("En kommun med sina löftesperioder.", (
        ("slug", "Kommunens kortnamn, som i adressen (t.ex. koping)."),
        ("name", "Kommunens namn."),
        ("short_name", "Ortens namn."),
        ("police_area", "Lokalpolisområdet som ger löftena tillsammans med kommunen, eller null om källan inte anger det."),
        ("url", "Kommunens sida på webbplatsen."),
        ("feed", "Atom-flöde med uppdateringar från kommunen."),
        ("calendar", "Kalenderfil (iCalendar) med kommunens aktiviteter."),
        ("partners", "Andra parter: lista med id, name, description och url."),
        ("source", "Första källdokumentet: title, document, url, date och note, eller null."),
        ("sources", "Alla källdokument, som source (en lista)."),
        ("example", "true om kommunen är påhittad."),
        ("unknown", "Uppgifter som källan inte anger: fältets namn → anteckning (tom om ingen). Fältet självt är då null."),
        ("periods", "Löftesperioderna (objekt av typen period), äldst först: efter start, annars när de "
                    "undertecknades, annars årtalet i periodens kortnamn."),
    )),
    "period": ("Ett undertecknat medborgarlöfte för en tid (löftesperiod).", (
        ("slug", "Periodens kortnamn, som i adressen (t.ex. 2024)."),
        ("title", "Periodens rubrik."),
        ("url", "Periodens sida på webbplatsen."),
        ("data", "Den här periodens egen JSON-fil."),
        ("feed", "Atom-flöde med periodens uppdateringar."),
        ("start", "Första dagen, eller null om källan inte anger den."),
        ("end", "Sista dagen, eller null om källan inte anger den."),
        ("dates_note", "Förklaring till datumen."),
        ("signed", "Datum då löftet undertecknades, eller null."),
        ("signed_place", "Ort där löftet undertecknades, eller null om källan inte anger den."),
        ("signatories", "Undertecknare: lista med name, role och party, eller null om källan inte anger dem."),
        ("purpose", "Syfte (Markdown), eller null om källan inte anger det."),
        ("situation", "Gemensam lägesbild (Markdown), eller null om källan inte anger den."),
        ("focus_areas", "Fokusområden (lista med text), eller null om källan inte anger dem."),
        ("origins", "Varför löftena finns: lista med kind och text."),
        ("feedback_plan", "Plan för återkoppling till invånarna (Markdown), eller null om källan inte anger den."),
        ("feedback_interval_days", "Längsta tid i dagar mellan uppdateringar enligt planen, eller null."),
        ("follow_up", "Uppföljningen: date, url, summary, activities, quality, effects och unknown (som för "
                      "perioden), eller null."),
        ("ended", "true om perioden är slut."),
        ("counts", "Antal löften per status (eller per slutbedömning efter uppföljningen)."),
        ("overdue", "Antal löften som inte har uppdaterats i tid."),
        ("last_updated", "Datum för periodens senaste uppdatering, eller null."),
        ("source", "Första källdokumentet: title, document, url, date och note, eller null."),
        ("sources", "Alla källdokument, som source (en lista)."),
        ("example", "true om perioden är påhittad."),
        ("unknown", "Uppgifter som källan inte anger: fältets namn → anteckning (tom om ingen). Fältet självt är "
                    "då null. promises: källan listar inte periodens löften, eller inte alla."),
        ("promises", "Löftena (objekt av typen löfte), i den ordning de står i dokumentet."),
    )),
    "löfte": ("Ett löfte i en period.", (
        ("slug", "Löftets kortnamn, som i adressen."),
        ("title", "Löftets rubrik."),
        ("url", "Löftets sida på webbplatsen."),
        ("feed", "Atom-flöde med löftets uppdateringar."),
        ("summary", "Kort sammanfattning."),
        ("focus_area", "Fokusområde, eller null om källan inte anger det."),
        ("text", "Själva löftet (Markdown)."),
        ("approach", "Tillvägagångssätt (Markdown), eller null om källan inte anger det."),
        ("activities", "Aktiviteter (lista med text), eller null om källan inte anger dem."),
        ("effects", "Eftersträvade effekter (lista med text), eller null om källan inte anger dem."),
        ("origins", "Varför löftet finns: lista med kind och text."),
        ("start", "Löftets första dag, eller null (gäller då hela perioden)."),
        ("end", "Löftets sista dag, eller null (gäller då hela perioden)."),
        ("status", "Status just nu, ett ord från statuslistan (t.ex. pågår)."),
        ("verdict", "Slutbedömning vid uppföljningen (t.ex. hållet), eller null."),
        ("verdict_text", "Motivering till slutbedömningen (Markdown)."),
        ("actors", "Vem lovar: lista med actor (polisen, kommunen eller en parts id), name, status, responsible "
                   "(null om källan inte anger den) och unknown (som för löftet)."),
        ("last_updated", "Datum för senaste uppdateringen, eller null."),
        ("next_due", "Senaste datum för nästa uppdatering enligt planen, eller null."),
        ("overdue", "true om nästa uppdatering är försenad."),
        ("behind", "true om minst ett räknat mål ligger efter tidsplanen."),
        ("indicators", "Mätbara mål (objekt av typen mått)."),
        ("updates", "Uppdateringar (objekt av typen uppdatering), nyast först."),
        ("changes", "Ändringar av status och rättelser (objekt av typen ändring), nyast först."),
        ("events", "Aktiviteter där invånare kan delta (objekt av typen aktivitet)."),
        ("source", "Första källdokumentet: title, document, url, date och note, eller null."),
        ("sources", "Alla källdokument, som source (en lista)."),
        ("example", "true om löftet, eller något i det, är påhittat."),
        ("unknown", "Uppgifter som källan inte anger: fältets namn → anteckning (tom om ingen). Fältet självt är "
                    "då null. indicators: källan anger inget mätbart mål (indicators är då tom)."),
    )),
    "mått": ("Ett mätbart mål för ett löfte, med läget beräknat från uppdateringarna.", (
        ("id", "Måttets id inom löftet."),
        ("name", "Vad som mäts."),
        ("unit", "Enhet."),
        ("kind", "count (räknas ihop), frequency (ett antal per dag, vardag, vecka, månad, kvartal eller år) "
                 "eller measure (varje mätning ersätter den förra)."),
        ("direction", "increase (mer är bättre), decrease (mindre är bättre) eller maintain."),
        ("frequency", "day, weekday (måndag–fredag), week, month, quarter eller year för kind frequency, annars null."),
        ("note", "Anmärkning."),
        ("baseline_value", "Utgångsläge, eller null."),
        ("baseline_date", "När utgångsläget mättes, eller null."),
        ("baseline_note", "Anmärkning om utgångsläget."),
        ("target_value", "Målvärde (för frequency: antal per period), eller null."),
        ("target_date", "När målet ska vara nått, eller null."),
        ("goal", "Hela målet för tidsramen (för frequency: målvärde gånger antal dagar, veckor …), eller null "
                 "(för frequency utan tidsram: då finns bara takten, target_value)."),
        ("current", "Hittills: summan av rapporterade värden, eller senaste mätningen; null om inget rapporterats."),
        ("current_date", "Datum för senaste rapporterade värdet, eller null."),
        ("expected", "Vad tidsplanen kräver per byggdatumet, eller null."),
        ("reached", "true om målet är nått."),
        ("behind", "true om arbetet ligger efter tidsplanen."),
        ("missed", "true om tidsramen är slut och målet inte nåddes."),
        ("example", "true om något av de räknade värdena kommer från en påhittad uppdatering."),
        ("unknown", "Uppgifter som källan inte anger: baseline, target eller target_date → anteckning (tom om "
                    "ingen). Värdena är då null."),
    )),
    "uppdatering": ("En daterad rapport om hur arbetet går.", (
        ("slug", "Uppdateringens id (datum och kortnamn)."),
        ("url", "Uppdateringen på löftets sida."),
        ("date", "Datum."),
        ("title", "Rubrik."),
        ("text", "Texten (Markdown)."),
        ("status", "Ny status för hela löftet, eller null."),
        ("actor_status", "Ny status för enskilda parter: lista med actor och status."),
        ("progress", "Rapporterade värden: lista med indicator (måttets id) och value."),
        ("evidence", "Underlag: lista med title och url."),
        ("corrects", "Id för uppdateringen som den här rättar, eller null."),
        ("correction_note", "Vad rättelsen ändrar."),
        ("corrected_by", "Id för uppdateringen som rättar den här, eller null. Dess värden räknas då inte."),
        ("example", "true om uppdateringen är påhittad."),
    )),
    "ändring": ("En ändring av status eller en rättelse, med datum (ändringsloggen).", (
        ("date", "Datum."),
        ("kind", "status (hela löftet), actor (en part) eller correction (rättelse)."),
        ("actor", "Parten vars status ändrades (för kind actor)."),
        ("before", "Status före, eller id för den rättade uppdateringen."),
        ("after", "Status efter, eller id för rättelsen."),
        ("update", "Id för uppdateringen som gjorde ändringen."),
        ("note", "Vad rättelsen ändrar."),
        ("example", "true om ändringen kommer från en påhittad uppdatering."),
    )),
    "aktivitet": ("Något invånare kan delta i, till exempel en trygghetsvandring.", (
        ("uid", "Samma id som i kalenderfilen."),
        ("title", "Rubrik."),
        ("start", "Start: datum, eller datum och tid med tidszon (svensk tid)."),
        ("end", "Slut, eller null."),
        ("location", "Plats."),
        ("description", "Beskrivning."),
        ("update", "Id för uppdateringen som berättade om aktiviteten, eller null om löftet själv gör det."),
        ("example", "true om aktiviteten är påhittad."),
    )),
}


def number(value: float | None) -> int | float | None:
    """Whole numbers as integers, so 5 reads as 5 and not 5.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=TZ)  # content times are Swedish wall-clock times
    return value.isoformat()


def _source(s: Source | None) -> dict | None:
    return {"title": s.title, "document": s.document, "url": s.url, "date": iso(s.date), "note": s.note} if s else None


def _sources(found: tuple[Source, ...]) -> dict:
    return {"source": _source(found[0] if found else None), "sources": [_source(s) for s in found]}


def unknown(**values) -> dict[str, str]:
    """Field → note for the values the source does not state (each of them is written as null)."""
    return {key: value.note for key, value in values.items() if is_unknown(value)}


def stated(value, convert=lambda v: v):
    """`convert(value)`, or None where the source does not state it."""
    return None if is_unknown(value) else convert(value)


def _markdown(text) -> str | None:
    return stated(text, lambda t: t.markdown)


def _origins(origins) -> list[dict]:
    return [{"kind": o.kind, "text": o.text} for o in origins]


def indicator(s: IndicatorState) -> dict:
    i = s.indicator
    return {
        "id": i.id, "name": i.name, "unit": i.unit, "kind": i.kind, "direction": i.direction,
        "frequency": i.frequency, "note": i.note,
        "baseline_value": number(i.baseline.value) if i.baseline else None,
        "baseline_date": iso(i.baseline.date) if i.baseline else None,
        "baseline_note": i.baseline.note if i.baseline else "",
        "target_value": number(i.target.value) if i.target else None,
        "target_date": iso(known(i.target.date)) if i.target else None,
        "goal": number(s.goal), "current": number(s.current), "current_date": iso(s.current_date),
        "expected": number(s.expected), "reached": s.reached, "behind": s.behind, "missed": s.missed,
        "example": s.example,
        "unknown": unknown(baseline=i.baseline, target=i.target, target_date=i.target.date if i.target else None),
    }


def update(u: Update, page: str, corrected_by: str | None) -> dict:
    return {
        "slug": u.slug, "url": f"{page}#{u.slug}", "date": iso(u.date), "title": u.title,
        "text": u.body.markdown, "status": u.status,
        "actor_status": [{"actor": a.actor, "status": a.status} for a in u.actor_status],
        "progress": [{"indicator": g.indicator, "value": number(g.value)} for g in u.progress],
        "evidence": [{"title": e.title, "url": e.url} for e in u.evidence],
        "corrects": u.corrects, "correction_note": u.correction_note, "corrected_by": corrected_by,
        "example": u.example,
    }


def promise(site: Site, facts: Facts, m: Municipality, p: Period, pr: Promise) -> dict:
    st = facts.promises[pr.path]
    page = urls.absolute(site.base_url, urls.promise(p, pr))
    return {
        "slug": pr.slug, "title": pr.title, "url": page,
        "feed": urls.absolute(site.base_url, urls.feed(urls.promise(p, pr))),
        "summary": pr.summary, "focus_area": stated(pr.focus_area), "text": pr.body.markdown,
        "approach": _markdown(pr.approach), "activities": stated(pr.activities, list),
        "effects": stated(pr.effects, list),
        "origins": _origins(pr.origins), "start": iso(pr.start), "end": iso(pr.end),
        "status": st.status, "verdict": st.verdict,
        "verdict_text": pr.verdict.text.markdown if pr.verdict else "",
        "actors": [{"actor": a.actor, "name": actor_name(m, a.actor), "status": a.status,
                    "responsible": stated(a.responsible), "unknown": unknown(responsible=a.responsible)}
                   for a in st.actors],
        "last_updated": iso(st.last_updated), "next_due": iso(st.next_due),
        "overdue": st.overdue, "behind": st.behind,
        "indicators": [indicator(s) for s in st.indicators],
        "updates": [update(u, page, st.corrected_by.get(u.slug)) for u in pr.updates],
        "changes": [{"date": iso(c.date), "kind": c.kind, "actor": c.actor, "before": c.before, "after": c.after,
                     "update": c.update, "note": c.note, "example": c.example} for c in st.changes],
        "events": [{"uid": uid(item, site), "title": item.event.title, "start": iso(item.event.start),
                    "end": iso(item.event.end), "location": item.event.location,
                    "description": item.event.description,
                    "update": item.update.slug if item.update else None, "example": item.example}
                   for item in of_promise(m, p, pr)],
        **_sources(pr.sources), "example": st.has_example,
        "unknown": {**unknown(focus_area=pr.focus_area, approach=pr.approach, activities=pr.activities,
                              effects=pr.effects),
                    **unknown(indicators=pr.indicators_unknown)},
    }


def period(site: Site, facts: Facts, m: Municipality, p: Period) -> dict:
    ps = facts.periods[p.path]
    fu = p.follow_up
    return {
        "slug": p.slug, "title": p.title, "url": urls.absolute(site.base_url, urls.period(p)),
        "data": urls.absolute(site.base_url, urls.period_data(p)),
        "feed": urls.absolute(site.base_url, urls.feed(urls.period(p))),
        "start": iso(known(p.start)), "end": iso(known(p.end)), "dates_note": p.dates_note,
        "signed": iso(known(p.signed)), "signed_place": stated(p.signed_place),
        "signatories": stated(p.signatories, lambda found: [{"name": s.name, "role": s.role, "party": s.party}
                                                             for s in found]),
        "purpose": _markdown(p.purpose), "situation": _markdown(p.situation),
        "focus_areas": stated(p.focus_areas, list), "origins": _origins(p.origins),
        "feedback_plan": plan_text(p), "feedback_interval_days": plan_interval(p),
        "follow_up": None if fu is None else {
            "date": iso(known(fu.date)), "url": urls.absolute(site.base_url, urls.follow_up(p)),
            "summary": _markdown(fu.summary), "activities": _markdown(fu.activities),
            "quality": _markdown(fu.quality), "effects": _markdown(fu.effects),
            "unknown": unknown(date=fu.date, summary=fu.summary, activities=fu.activities, quality=fu.quality,
                               effects=fu.effects)},
        "ended": ps.ended, "counts": dict(ps.counts), "overdue": ps.overdue,
        "last_updated": iso(ps.last_updated), **_sources(p.sources), "example": p.example,
        "unknown": period_unknown(p),
        "promises": [promise(site, facts, m, p, pr) for pr in p.promises],
    }


def plan_text(p: Period) -> str | None:
    plan = p.feedback_plan
    return None if is_unknown(plan) else _markdown(plan.text) if plan else ""


def plan_interval(p: Period) -> int | None:
    plan = p.feedback_plan
    return plan.interval_days or None if plan else None


def period_unknown(p: Period) -> dict[str, str]:
    plan = p.feedback_plan
    return {**unknown(start=p.start, end=p.end, signed=p.signed, signed_place=p.signed_place,
                      signatories=p.signatories, purpose=p.purpose, situation=p.situation, focus_areas=p.focus_areas,
                      feedback_plan=plan if is_unknown(plan) else plan.text if plan else None,
                      feedback_interval_days=plan.interval_days if plan else None),
            **unknown(promises=p.promises_unknown)}


def municipality(site: Site, facts: Facts, m: Municipality, periods: list[Period]) -> dict:
    return {
        "slug": m.slug, "name": m.name, "short_name": m.short_name, "police_area": stated(m.police_area),
        "url": urls.absolute(site.base_url, urls.municipality(m)),
        "feed": urls.absolute(site.base_url, urls.feed(urls.municipality(m))),
        "calendar": urls.absolute(site.base_url, urls.calendar(m)),
        "partners": [{"id": p.id, "name": p.name, "description": p.description, "url": p.url}
                     for p in m.partners],
        **_sources(m.sources), "example": m.example, "unknown": unknown(police_area=m.police_area),
        "periods": [period(site, facts, m, p) for p in periods],
    }


def document(site: Site, municipalities: list[dict]) -> dict:
    return {"title": site.title, "url": site.base_url, "licence": site.licence,
            "licence_url": LICENCES[site.licence][1], "as_of": iso(site.build_date),
            "municipalities": municipalities}


def encode(data: Any) -> bytes:
    # No indent: json's C encoder only runs without one, and it is several times
    # faster on the national data set (bench/README.md). Any JSON viewer
    # pretty-prints for reading.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def with_list(obj: dict, key: str, fragments: bytes) -> bytes:
    """`obj` encoded with `key` as its last member: a list of already encoded items
    (comma-separated), so what is in several files is encoded once."""
    head = encode({k: v for k, v in obj.items() if k != key})
    # `encode` ends every object with "}\n": the list goes in before that.
    return b"".join((head[:-2], b',"', key.encode(), b'":[', fragments, b"]}\n"))


def site_file(site: Site, fragments: bytes) -> bytes:
    """The site file: the document with `fragments` (encoded municipalities, comma-separated)
    as its last member, so an edit re-encodes one municipality, not the whole site."""
    return with_list(document(site, []), "municipalities", fragments)
