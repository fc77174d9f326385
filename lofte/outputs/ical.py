"""Calendar: one iCalendar file (RFC 5545) per municipality with every event.

Residents subscribe once and get new trygghetsvandringar and dialogue meetings in
their own calendar app. The `icalendar` library does the folding and escaping.
Everything in the file comes from the content, so rebuilds are byte-identical:
UIDs from the announcing file and the event's position in it, DTSTAMP from the
date the event was announced. (Named `ical`, not `calendar`, so it can never
shadow the standard library module.)
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from lofte.content import events, urls
from lofte.content.model import Municipality, Site
from lofte.i18n.labels import example_title

from .protocol import BuildContext, Made, MunicipalityOutput, OutputFile

TZID = "Europe/Stockholm"
TZ = ZoneInfo(TZID)
PRODID = "-//löfte//Medborgarlöften//SV"


def stockholm_timezone() -> icalendar.Timezone:
    """VTIMEZONE for Europe/Stockholm as two yearly rules (EU summer time, in force since 1996).

    Written as rules rather than expanded from tzdata: it stays short, does not
    depend on a date range, and reads the same in every build. Without it a file
    with no events would also have no component at all, which RFC 5545 forbids.
    """
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    for kind, name, start, month, before, after in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1970, 3, 29, 2), 3, "+0100", "+0200"),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1970, 10, 25, 3), 10, "+0200", "+0100"),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", dt.timedelta(hours=int(before[:3])))
        part.add("tzoffsetto", dt.timedelta(hours=int(after[:3])))
        tz.add_component(part)
    return tz


def uid(item: events.Listed, site: Site) -> str:
    """Stable as long as the event stays in the same file at the same position."""
    parts = urlsplit(site.base_url)
    return f"{parts.path.lstrip('/')}{item.event.source_path}/{item.event.index}@{parts.hostname}"


def _local(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """Content gives wall-clock times in Sweden; attach the zone, keep plain dates."""
    return value.replace(tzinfo=TZ) if isinstance(value, dt.datetime) else value


def _end(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None):
    """DTEND of the same value type as DTSTART; a date end is exclusive (the day after)."""
    if end is None:
        return None
    if isinstance(start, dt.datetime):
        if isinstance(end, dt.datetime):
            return _local(end)
        return dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, TZ)
    return events.day(end) + dt.timedelta(days=1)


def vevent(item: events.Listed, site: Site) -> icalendar.Event:
    e, page = item.event, urls.absolute(site.base_url, item.page)
    ve = icalendar.Event()
    ve.add("uid", uid(item, site))
    ve.add("dtstamp", dt.datetime.combine(item.announced, dt.time.min, dt.timezone.utc))
    ve.add("summary", example_title(e.title, item.example))
    ve.add("dtstart", _local(e.start))
    end = _end(e.start, e.end)
    if end is not None:
        ve.add("dtend", end)
    if e.location:
        ve.add("location", e.location)
    lines = [e.description] if e.description else []
    if item.example:
        lines.append("Exempel: påhittade uppgifter som visar hur kalendern fungerar.")
    lines.append(f"Löfte: {item.promise.title}\nLäs mer: {page}")
    ve.add("description", "\n\n".join(lines))
    ve.add("url", page)
    return ve


def municipality_calendar(m: Municipality, site: Site) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = " ".join(f"Medborgarlöften i {m.name}".split())  # NAME and X-WR-CALNAME are not escaped: one line
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # what most calendar apps read
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    cal.add("url", urls.absolute(site.base_url, urls.municipality(m)))
    cal.add_component(stockholm_timezone())
    for item in events.of_municipality(m):
        cal.add_component(vevent(item, site))
    return cal.to_ical()


def paths(site: Site, m: Municipality) -> list[str]:
    return [urls.calendar(m)]


def make(ctx: BuildContext, m: Municipality) -> Made:
    return Made([OutputFile(urls.calendar(m), municipality_calendar(m, ctx.site))])


OUTPUT = MunicipalityOutput("calendar", paths=paths, make=make)
