"""Atom feeds: tell subscribers when something happens, without an account.

One feed for the site, each municipality, each period and each promise, each
written beside its page (`urls.feed`). Entries are the progress updates, the
status changes the build derives from them (`derived.Change`), and a notice when
a promise misses the update date its feedback plan sets. An entry has the same
id and text in every feed it appears in, so a reader that follows several feeds
shows it once.

Deterministic: entry ids are tag: URIs from the site's host and path prefix,
the date the entry is about and the content path (never the build time); an
entry's `updated` is its date at midnight UTC, and a feed's `updated` is its
newest entry's, so a rebuild with the same content gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from lofte.content import statuses, urls
from lofte.content.chronology import known
from lofte.content.derived import Change, Facts
from lofte.content.model import Municipality, Period, Promise, Site, Update
from lofte.content.textcheck import xml_safe
from lofte.i18n.labels import actor_name, example_title, status_label
from lofte.i18n.translate import Translator

from .protocol import BuildContext, Made, MunicipalityOutput, OutputFile

ATOM = "http://www.w3.org/2005/Atom"
# The site and municipality feeds carry the newest entries only; the full record is
# in the period and promise feeds and in the open data.
LIMIT = 100
SV = Translator("sv")  # feeds are in Swedish, like the content


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    date: dt.date
    title: str
    link: str  # absolute
    html: str  # entry content, escaped HTML
    base: str  # absolute URL that relative links in `html` resolve against
    category: str  # municipality name, so a site-wide feed can be filtered by place


def tag(site: Site, date: dt.date, path: str) -> str:
    """A tag: URI (RFC 4151) from the site's host, `date` and a content path."""
    parts = urlsplit(site.base_url)
    return f"tag:{parts.hostname},{date.isoformat()}:{parts.path.lstrip('/')}{path}"


def timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def made_up(m: Municipality, p: Period, pr: Promise) -> bool:
    """Everything under an example municipality, period or promise is an example."""
    return m.example or p.example or pr.example


def _context(m: Municipality, p: Period, pr: Promise, facts: Facts | None = None) -> str:
    """Where an entry belongs; once the promise has ended, first of all how it ended."""
    where = f"<p>{escape(m.name)} · {escape(p.title)} · {escape(pr.title)}</p>"
    state = facts.promises[pr.path] if facts is not None else None
    if state is None or not state.ended:
        return where
    return f"<p><strong>{escape(ended_words(p, pr, state.final))}</strong></p>\n{where}"


def ended_words(p: Period, pr: Promise, final: str | None) -> str:
    """"Avslutad 31 december 2024. Slutbedömning: Hållet." – never a running status after the end."""
    end = pr.end or known(p.end)
    ended = f"Avslutad {SV.date(end)}." if end else "Avslutad."
    return f"{ended} Slutbedömning: {status_label(final or statuses.NO_VERDICT_KEY)}."


def update_entry(site: Site, m: Municipality, p: Period, pr: Promise, u: Update,
                 corrected_by: str | None, facts: Facts | None = None) -> Entry:
    page = urls.absolute(site.base_url, urls.promise(p, pr))
    parts = [_context(m, p, pr, facts)]
    example = u.example or made_up(m, p, pr)
    if example:
        parts.append("<p><strong>Exempel:</strong> den här uppdateringen är påhittad.</p>")
    if u.corrects:
        parts.append(f"<p>Rättelse av <a href=\"#{escape(u.corrects)}\">en tidigare uppdatering</a>: "
                     f"{escape(u.correction_note)}</p>")
    if corrected_by:
        parts.append(f"<p>Den här uppdateringen har rättats: <a href=\"#{escape(corrected_by)}\">se rättelsen</a>.</p>")
    if u.status:
        parts.append(f"<p>Ny status: {escape(status_label(u.status))}</p>")
    parts.extend(f"<p>{escape(actor_name(m, a.actor))}: {escape(status_label(a.status))}</p>"
                 for a in u.actor_status)
    parts.append(u.body.html)
    names = {i.id: i for i in pr.indicators}
    if u.progress:
        items = "".join(f"<li>{escape(names[g.indicator].name)}: "
                        f"{escape(SV.quantity(g.value, names[g.indicator].unit, names[g.indicator].unit_one))}</li>"
                        for g in u.progress if g.indicator in names)
        parts.append(f"<ul>{items}</ul>")
    if u.evidence:
        items = "".join(f"<li><a href=\"{escape(e.url)}\">{escape(e.title)}</a></li>" for e in u.evidence)
        parts.append(f"<p>Underlag:</p><ul>{items}</ul>")
    says_so = u.title.casefold().startswith("rättelse")
    title = f"Rättelse: {u.title}" if u.corrects and not says_so else u.title
    return Entry(tag(site, u.date, f"{urls.promise(p, pr)}{u.slug}"), u.date,
                 example_title(title, example), f"{page}#{u.slug}", "\n".join(parts), page, m.name)


def change_entry(site: Site, m: Municipality, p: Period, pr: Promise, c: Change, facts: Facts | None = None) -> Entry:
    page = urls.absolute(site.base_url, urls.promise(p, pr))
    who = "Status" if c.kind == "status" else f"Status för {actor_name(m, c.actor)}"
    text = f"{who} ändrad från {status_label(c.before)} till {status_label(c.after)}"
    body = (f"{_context(m, p, pr, facts)}\n<p>{escape(text)}.</p>\n"
            f"<p><a href=\"#{escape(c.update)}\">Läs uppdateringen</a></p>")
    key = "status" if c.kind == "status" else f"status-{c.actor}"
    return Entry(tag(site, c.date, f"{urls.promise(p, pr)}{c.update}/{key}"), c.date,
                 example_title(f"{pr.title}: {text[0].lower()}{text[1:]}", c.example or made_up(m, p, pr)),
                 f"{page}#andringar", body, page, m.name)


def overdue_entry(site: Site, m: Municipality, p: Period, pr: Promise, due: dt.date) -> Entry:
    """Freshness in the feed: the day after the update was due, say that it is missing."""
    page = urls.absolute(site.base_url, urls.promise(p, pr))
    late = due + dt.timedelta(days=1)
    text = (f"Enligt planen för återkoppling skulle löftet ha uppdaterats senast {due.isoformat()}. "
            "Ingen uppdatering är publicerad.")
    return Entry(tag(site, late, f"{urls.promise(p, pr)}uppdatering-saknas"), late,
                 example_title(f"{pr.title}: uppdatering saknas", made_up(m, p, pr)),
                 page, f"{_context(m, p, pr)}\n<p>{escape(text)}</p>", page, m.name)


def ended_entry(site: Site, m: Municipality, p: Period, pr: Promise, facts: Facts) -> Entry | None:
    """The day after the end: how the promise ended (its verdict, or that none was published)."""
    state = facts.promises[pr.path]
    end = pr.end or known(p.end)
    published = known(p.follow_up.date) if p.follow_up is not None else None
    if not state.ended or (end is None and published is None):
        return None
    page = urls.absolute(site.base_url, urls.promise(p, pr))
    day = end + dt.timedelta(days=1) if end else published
    if published and published > day:
        day = published  # the verdict is news when the follow-up is published
    if p.follow_up is None:
        more = "<p>Ingen uppföljning är publicerad, så ingen vet här om löftet hölls.</p>"
    else:
        follow_up = urls.absolute(site.base_url, urls.follow_up(p))
        more = (("" if state.verdict else "<p>Uppföljningen ger ingen slutbedömning av det här löftet.</p>\n")
                + f"<p><a href=\"{escape(follow_up)}\">Läs uppföljningen</a></p>")
    return Entry(tag(site, day, f"{urls.promise(p, pr)}avslutad"), day,
                 example_title(f"{pr.title}: avslutad – {status_label(state.final).lower()}", made_up(m, p, pr)),
                 page, f"{_context(m, p, pr, facts)}\n{more}", page, m.name)


def promise_entries(site: Site, facts: Facts, m: Municipality, p: Period, pr: Promise) -> list[Entry]:
    state = facts.promises[pr.path]
    out = [update_entry(site, m, p, pr, u, state.corrected_by.get(u.slug), facts) for u in pr.updates]
    out.extend(change_entry(site, m, p, pr, c, facts) for c in state.changes if c.kind in ("status", "actor"))
    if state.overdue and state.next_due:
        out.append(overdue_entry(site, m, p, pr, state.next_due))
    ended = ended_entry(site, m, p, pr, facts)
    if ended is not None:
        out.append(ended)
    return out


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.id), reverse=True)


def _x(text: str) -> str:
    """Escape text for XML element content and double-quoted attributes."""
    return escape(text, quote=True)


def entry_xml(e: Entry) -> str:
    """One entry, serialised once: it is the same in every feed it appears in."""
    # xml_safe once over the whole entry: characters XML cannot hold never get through.
    return xml_safe(f"  <entry>\n    <id>{_x(e.id)}</id>\n    <title>{_x(e.title)}</title>\n"
                    f"    <updated>{timestamp(e.date)}</updated>\n"
                    f'    <link rel="alternate" type="text/html" href="{_x(e.link)}" />\n'
                    f'    <category term="{_x(e.category)}" />\n'
                    f'    <content type="html" xml:base="{_x(e.base)}">{_x(e.html)}</content>\n  </entry>\n')


def feed_xml(site: Site, page_path: str, title: str, subtitle: str, entries: list[Entry],
             fallback: dt.date, serialised: dict[Entry, str] | None = None) -> bytes:
    """Serialise a feed; `fallback` is its `updated` when it has no entries yet.

    Built from strings rather than ElementTree: at national scale the feeds
    hold ~60,000 entries (each update appears in four feeds), and serialising
    each entry once and joining is several times faster.
    """
    page = urls.absolute(site.base_url, page_path)
    head = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM}" xml:lang="sv">\n'
            f"  <id>{_x(page)}</id>\n  <title>{_x(title)}</title>\n  <subtitle>{_x(subtitle)}</subtitle>\n"
            f"  <updated>{timestamp(entries[0].date if entries else fallback)}</updated>\n"
            f'  <link rel="self" type="application/atom+xml" href="{_x(urls.absolute(site.base_url, urls.feed(page_path)))}" />\n'
            f'  <link rel="alternate" type="text/html" href="{_x(page)}" />\n'
            f"  <author>\n    <name>{_x(site.contact.name or site.title)}</name>\n  </author>\n"
            "  <generator>löfte</generator>\n")
    if serialised is None:
        serialised = {}
    body = "".join([serialised[e] if e in serialised else serialised.setdefault(e, entry_xml(e)) for e in entries])
    return (xml_safe(head) + body + "</feed>\n").encode("utf-8")


SUBTITLE = "Uppdateringar och ändrade statusar. Uppgifterna rapporteras av polisen och kommunen själva."


def municipality_feeds(site: Site, facts: Facts, m: Municipality) -> tuple[list[OutputFile], list[Entry]]:
    """The promise, period and municipality feeds of one municipality, and its newest entries."""
    files: list[OutputFile] = []
    in_municipality: list[Entry] = []
    xml: dict[Entry, str] = {}  # entries are shared by the feeds of one municipality
    for p in m.periods:
        in_period: list[Entry] = []
        first = known(p.signed) or known(p.start) or site.build_date
        for pr in p.promises:
            entries = newest_first(promise_entries(site, facts, m, p, pr))
            in_period.extend(entries)
            page = urls.promise(p, pr)
            files.append(OutputFile(urls.feed(page), feed_xml(site, page, f"{pr.title} – {p.title}", SUBTITLE,
                                                              entries, first, xml)))
        in_period = newest_first(in_period)
        in_municipality.extend(in_period)
        files.append(OutputFile(urls.feed(urls.period(p)), feed_xml(site, urls.period(p), p.title, SUBTITLE,
                                                                    in_period, first, xml)))
    in_municipality = newest_first(in_municipality)[:LIMIT]
    starts = [known(p.signed) or known(p.start) for p in m.periods if known(p.signed) or known(p.start)]
    files.append(OutputFile(urls.feed(urls.municipality(m)),
                            feed_xml(site, urls.municipality(m), f"Medborgarlöften i {m.name}", SUBTITLE,
                                     in_municipality, max(starts, default=site.build_date), xml)))
    return files, in_municipality


def feed_paths(m: Municipality) -> list[str]:
    return ([urls.feed(urls.promise(p, pr)) for p in m.periods for pr in p.promises]
            + [urls.feed(urls.period(p)) for p in m.periods] + [urls.feed(urls.municipality(m))])


def make(ctx: BuildContext, m: Municipality) -> Made:
    """The feeds of one municipality, and its newest entries for the site feed."""
    files, newest = municipality_feeds(ctx.site, ctx.facts, m)
    return Made(files, newest)


def combine(parts: list[list[Entry]]) -> list[Entry]:
    """Parts of several municipalities as one: the newest entries of them all."""
    return newest_first(e for newest in parts for e in newest)[:LIMIT]


def site_feed(ctx: BuildContext, newest: list[Entry]) -> Iterator[OutputFile]:
    """The site feed, from the combined parts of every municipality."""
    yield OutputFile(urls.feed(urls.HOME), feed_xml(ctx.site, urls.HOME, ctx.site.title, SUBTITLE,
                                                    newest, ctx.site.build_date))


def paths(site: Site, m: Municipality) -> list[str]:
    return feed_paths(m)


OUTPUT = MunicipalityOutput("feeds", paths=paths, make=make, combine=combine, site_files=site_feed)
