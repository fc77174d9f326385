"""Calendar files (lofte/ical.py): parsed with icalendar and checked against the model."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from follow import build_follow

from lofte.content import events, urls

UTC = dt.timezone.utc
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_follow(tmp_path_factory.mktemp("ical") / "site")


def calendar(built, m) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((built.out / urls.calendar(m)).read_bytes())


def test_every_municipality_has_a_calendar_with_every_event(built):
    for m in built.site.municipalities:
        cal = calendar(built, m)
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
        expected = events.of_municipality(m)
        got = cal.walk("VEVENT")
        assert len(got) == len(expected)
        for item, ve in zip(expected, got):
            e = item.event
            assert str(ve["SUMMARY"]).endswith(e.title)
            assert str(ve["SUMMARY"]).startswith("Exempel: ") == item.example
            assert ve.get("LOCATION", "") == e.location
            assert e.description in str(ve["DESCRIPTION"])
            assert str(ve["URL"]) == "https://lofte.example.se/trygghet/" + item.page
            assert ve.decoded("DTSTAMP") == dt.datetime.combine(item.announced, dt.time.min, UTC)
        assert len({str(ve["UID"]) for ve in got}) == len(got)


def test_times_are_swedish_local_time(built):
    ankeby = built.site.municipalities[0]
    by_title = {str(ve["SUMMARY"]): ve for ve in calendar(built, ankeby).walk("VEVENT")}
    walk = by_title["Andra trygghetsvandringen"]
    start, end = walk.decoded("DTSTART"), walk.decoded("DTEND")
    assert start.astimezone(UTC) == dt.datetime(2026, 5, 20, 16, 0, tzinfo=UTC)  # 18:00 summer time
    assert end - start == dt.timedelta(minutes=90)
    assert walk["DTSTART"].params["TZID"] == "Europe/Stockholm"
    week = by_title["Trygghetsveckan"]
    assert week.decoded("DTSTART") == dt.date(2026, 9, 14)
    assert week.decoded("DTEND") == dt.date(2026, 9, 19), "a date end is exclusive: the day after"
    open_day = by_title["Exempel: Öppen polismottagning"]
    assert open_day.decoded("DTSTART") == dt.date(2026, 6, 20) and "DTEND" not in open_day


def test_the_timezone_rules_match_tzdata(built):
    """The hand-made VTIMEZONE must agree with zoneinfo on both sides of each switch."""
    tz = calendar(built, built.site.municipalities[0]).walk("VTIMEZONE")[0].to_tz()
    for year in (2026, 2027, 2030):
        for month, day in ((1, 15), (3, 28), (3, 30), (7, 1), (10, 24), (10, 26), (12, 31)):
            moment = dt.datetime(year, month, day, 12)
            assert moment.replace(tzinfo=tz).utcoffset() == moment.replace(tzinfo=STOCKHOLM).utcoffset()


def test_uids_are_stable_and_do_not_use_the_clock(built, tmp_path):
    later = build_follow(tmp_path / "later", dt.date(2026, 12, 24))
    for m in built.site.municipalities:
        assert (built.out / urls.calendar(m)).read_bytes() == (later.out / urls.calendar(m)).read_bytes()
    uids = [str(ve["UID"]) for ve in calendar(built, built.site.municipalities[0]).walk("VEVENT")]
    assert "trygghet/ankeby/2026/vandringar/index.md/0@lofte.example.se" in uids


def test_a_municipality_without_events_still_gets_a_valid_calendar(built):
    bergby = built.site.municipalities[1]
    data = (built.out / urls.calendar(bergby)).read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    assert cal.walk("VEVENT") == [] and cal.walk("VTIMEZONE")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded (RFC 5545)"


def test_upcoming_events_are_listed_with_the_calendar_link(built):
    page = built.text("ankeby/index.html")
    titles = re.findall(r'<strong><a href="[^"]+">([^<]+)</a></strong>', page)
    # build date 2026-06-15: the walk on 20 May is over; the rest are to come, earliest first
    assert titles == ["Tredje trygghetsvandringen", "Öppen polismottagning", "Trygghetsveckan"]
    assert 'href="kalender.ics"' in page
    text = re.sub(r"<[^>]+>", "", page)
    assert "17 juni 2026 kl. 18:30–20:00, Parken vid skolan" in text
    assert "14 september 2026 – 18 september 2026, Hela Ankeby" in text
    period_page = built.text("ankeby/2026/index.html")
    assert 'href="../kalender.ics"' in period_page and "Tredje trygghetsvandringen" in period_page
    assert "Inga kommande aktiviteter är publicerade." in built.text("bergby/index.html")
