"""Validate and model: turn the loaded tree into one immutable `Site`.

Runs the schema on every document, then the checks that span files: references
(actors, indicators, corrected updates), dates against the period, reserved
slugs that would collide with generated pages, and ordering. All errors of the
run are collected; the caller raises once at the end.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from . import chronology, images, schema, urls
from .errors import ErrorList
from .fields import Fields, item_name, parse_date
from .ranges import date_problem, swedish_number
from .languages import swedish_key
from .load import ContentTree, Document, PromiseFiles
from .model import Municipality, Period, Promise, Site, Text, Update


def _fields(doc: Document, errors: ErrorList) -> Fields | None:
    return Fields(doc.data, doc.display, errors) if doc.data is not None else None


def assemble(tree: ContentTree, errors: ErrorList, build_date: dt.date,
             base_url: str | None = None) -> Site | None:
    site = read_settings(tree.site, errors, build_date, base_url)
    parts = [assemble_municipality(mf, tree.root, errors) for mf in tree.municipalities]
    return combine(site, parts)


def read_settings(doc: Document | None, errors: ErrorList, build_date: dt.date,
                  base_url: str | None) -> Site | None:
    if doc is None or doc.data is None:
        return None
    return schema.read_site(_fields(doc, errors), build_date, base_url)


def combine(site: Site | None, parts: list[tuple[Municipality | None, set[str]]]) -> Site | None:
    """The site with its municipalities (assembled one by one, maybe in parallel)."""
    if site is None:
        return None
    # In the order residents look for them: Swedish alphabetical order of the place name.
    municipalities = sorted((m for m, _ in parts if m is not None), key=lambda m: (swedish_key(m.short_name), m.slug))
    assets = sorted(a for _, found in parts for a in found)
    return dataclasses.replace(site, municipalities=tuple(municipalities), assets=tuple(assets))


def assemble_municipality(mf, root, errors: ErrorList) -> tuple[Municipality | None, set[str]]:
    """One municipality folder as a model object, and its accepted images."""
    assets = _assets(mf, root, errors)
    if mf.slug in urls.RESERVED_TOP:
        errors.add(mf.doc.display, 0, "", f"mappnamnet '{mf.slug}' är reserverat för webbplatsens egna sidor; "
                   "byt namn på mappen")
        return None, assets
    f = _fields(mf.doc, errors)
    if f is None:
        return None, assets
    municipality = schema.read_municipality(f, mf.slug, mf.doc.rel)
    if municipality.logo and f"{mf.slug}/{municipality.logo.file}" not in assets:
        errors.add(mf.doc.display, f.line("logo"), "logo.file",
                   f"'{municipality.logo.file}' finns inte bredvid kommun.yaml (eller är ingen godkänd bild)")
    periods = [p for p in (_period(pf, municipality, errors, assets) for pf in mf.periods) if p]
    periods.sort(key=chronology.key)
    return dataclasses.replace(municipality, periods=tuple(periods)), assets


def _assets(mf, root, errors: ErrorList) -> set[str]:
    """Images and PDFs that pass the checks; the others are errors."""
    rels = list(mf.assets)
    rels += [a for p in mf.periods for a in p.assets]
    rels += [a for p in mf.periods for pr in p.promises for a in pr.assets]
    display_root = mf.doc.display[: len(mf.doc.display) - len(mf.doc.rel)]
    return {rel for rel in rels if images.check_asset(root / rel, display_root + rel, errors)}


def _files(rel: str, assets: set[str]) -> frozenset[str]:
    """Accepted images and PDFs under the folder of the file `rel`, relative to that folder."""
    folder = rel.rsplit("/", 1)[0] + "/"
    return frozenset(a[len(folder):] for a in assets if a.startswith(folder))


def _period(pf, municipality: Municipality, errors: ErrorList, assets: set[str]) -> Period | None:
    f = _fields(pf.doc, errors)
    if f is None:
        return None
    if pf.slug in urls.RESERVED_IN_MUNICIPALITY:
        errors.add(pf.doc.display, 0, "", f"mappnamnet '{pf.slug}' är reserverat; byt namn på mappen")
        return None
    period = schema.read_period(f, pf.slug, pf.doc.rel, municipality.slug)
    parties = {"polisen", "kommunen"} | {p.id for p in municipality.partners}
    for i, s in enumerate(period.signatories or ()):
        if s.party not in parties:
            errors.add(pf.doc.display, f.item_line("signatories", i), item_name("signatories", i) + ".party",
                       f"'{s.party}' är ingen part; välj bland {', '.join(sorted(parties))}")
    ordered = []
    for prf in pf.promises:
        promise, order = _promise(prf, period, parties, errors, assets)
        if promise is not None:
            ordered.append((order, promise.slug, promise))
    ordered.sort(key=lambda t: (t[0], t[1]))
    return dataclasses.replace(period, promises=tuple(p for _, _, p in ordered))


def _promise(prf: PromiseFiles, period: Period, parties: set[str], errors: ErrorList, assets: set[str]):
    display = prf.index.display
    if prf.slug in urls.RESERVED_IN_PERIOD:
        errors.add(display, 0, "", f"mappnamnet '{prf.slug}' är reserverat; byt namn på mappen")
        return None, 0
    f = _fields(prf.index, errors)
    if f is None:
        return None, 0
    order = f.int("order", minimum=0, maximum=1000) or 0
    promise = schema.read_promise(f, prf.index.body, prf.slug, prf.index.rel, prf.index.body_line,
                                  _files(prf.index.rel, assets))
    seen = set()
    for i, a in enumerate(promise.actors):
        name = item_name("actors", i) + ".actor"
        if a.actor not in parties:
            errors.add(display, f.item_line("actors", i), name,
                       f"'{a.actor}' är ingen känd aktör; välj bland {', '.join(sorted(parties))} "
                       "(andra parter läggs till under partners i kommun.yaml)")
        if a.actor in seen:
            errors.add(display, f.item_line("actors", i), name, f"'{a.actor}' står två gånger")
        seen.add(a.actor)
    ids = [ind.id for ind in promise.indicators]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        errors.add(display, f.line("indicators"), "indicators", f"id '{dup}' används av två indikatorer")
    for key, value in (("start", promise.start), ("end", promise.end)):
        if value and period.start and period.end and not period.start <= value <= period.end:
            errors.add(display, f.line(key), key,
                       f"{value} ligger utanför perioden {period.start}–{period.end}")
    if promise.verdict is not None and period.follow_up is None:
        errors.add(display, f.line("verdict"), "verdict",
                   "en slutbedömning hör till uppföljningen: lägg först till follow_up i lofte.yaml")
    updates = [u for u in (_update(date, doc, promise, errors, assets) for date, doc in prf.updates) if u]
    by_slug = {u.slug: u for u in updates}
    corrected: dict[str, str] = {}
    for u in sorted(updates, key=lambda u: u.slug):
        if not u.corrects:
            continue
        target = by_slug.get(u.corrects)
        if target is None or u.corrects == u.slug or target.date > u.date:
            errors.add(u_display(prf, u), 0, "corrects.update",
                       f"'{u.corrects}' är ingen tidigare uppdatering av det här löftet")
        elif u.corrects in corrected:
            errors.add(u_display(prf, u), 0, "corrects.update",
                       f"'{u.corrects}' är redan rättad av '{corrected[u.corrects]}'; rätta den rättelsen i stället")
        else:
            corrected[u.corrects] = u.slug
    updates.sort(key=lambda u: (u.date, u.slug), reverse=True)
    return dataclasses.replace(promise, updates=tuple(updates)), order


def u_display(prf: PromiseFiles, update: Update) -> str:
    return next(doc.display for _, doc in prf.updates if doc.rel == update.path)


def _update(file_date: str, doc: Document, promise: Promise, errors: ErrorList,
            assets: set[str]) -> Update | None:
    f = _fields(doc, errors)
    date = parse_date(file_date)
    if date is None:
        errors.add(doc.display, 0, "", f"filnamnets datum '{file_date}' är inget riktigt datum")
        return None
    if date_problem(date):
        errors.add(doc.display, 0, "", f"filnamnets datum {date_problem(date)}")
        return None
    if f is None:
        return None
    slug = doc.rel.rsplit("/", 1)[-1][:-3]
    update = schema.read_update(f, doc.body, slug, doc.rel, date, doc.body_line, _files(doc.rel, assets))
    if "<img" in update.body.html:
        update = dataclasses.replace(update, body=Text(update.body.markdown,
                                                       images.rebase(update.body.html, "updates/")))
    indicators = {i.id: i for i in promise.indicators}
    for i, p in enumerate(update.progress):
        if p.indicator and p.indicator not in indicators:
            known = ", ".join(sorted(indicators)) or "inga indikatorer finns"
            errors.add(doc.display, f.item_line("progress", i), item_name("progress", i) + ".indicator",
                       f"'{p.indicator}' är ingen indikator i löftet ({known})")
        elif p.indicator and p.value < 0 and indicators[p.indicator].kind in ("count", "frequency"):
            errors.add(doc.display, f.item_line("progress", i), item_name("progress", i) + ".value",
                       f"kan inte vara negativt ({swedish_number(p.value)}): '{p.indicator}' räknar hur många gånger något "
                       "har gjorts; rätta en för hög siffra med en rättelse (corrects, docs/innehall.md avsnitt 14)")
    actors = {a.actor for a in promise.actors}
    for i, a in enumerate(update.actor_status):
        if a.actor not in actors:
            errors.add(doc.display, f.item_line("actor_status", i), item_name("actor_status", i) + ".actor",
                       f"'{a.actor}' är ingen aktör i löftet ({', '.join(sorted(actors))})")
    return update
