"""What a resident's review of the finished site found, each checked where it was seen.

- An ended promise without a verdict, whose reports stopped before the end, claimed
  "Målet nåddes inte" beside "Ingen slutbedömning publicerad": the page may only say
  that the target had not been reached at the last report.
- A period's list said "Senast rapporterat: Påbörjades inte" for a promise nobody
  ever reported on, while its own page said nothing was reported.
- On a wide screen the period list's top rule ran past its rows.
- The embed (made to fit 320 px) cut "Ingen slutbedömning publicerad" at the edge.
"""
from __future__ import annotations

import pytest

from .test_reflow import OVERFLOW
from .test_report_card import messy_server  # noqa: F401 - the messy fixture, built once for this module

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def summary_text(page) -> str:
    return page.inner_text(".summary")


@pytest.mark.parametrize("path, hedged", [
    ("koping/2024/est/", "Målet var inte nått vid senaste rapporten"),
    ("en/koping/2024/est/", "The target had not been reached at the last report"),
])
def test_a_target_is_not_called_missed_beyond_the_last_report(phone, server, path, hedged):
    """EST's last report (18 September 2024) came before the period ended: nobody reported the end."""
    phone.goto(server + path)
    text = summary_text(phone)
    assert "Ingen slutbedömning publicerad" in text or "No final assessment published" in text
    assert hedged in text
    assert "Målet nåddes inte" not in text and "The target was not reached" not in text


def test_a_target_measured_at_the_end_is_called_missed(phone, messy_server):  # noqa: F811
    """lofte-7's last measurement is dated the period's last day: then the target was missed."""
    base, _ = messy_server
    phone.goto(base + "aby/2023-2024/lofte-7/")
    assert "Målet nåddes inte" in summary_text(phone)
    phone.goto(base + "aby/2023-2024/lofte-5/")  # last report 30 June 2023, period to 31 December 2024
    text = summary_text(phone)
    assert "Målet var inte nått vid senaste rapporten" in text and "Målet nåddes inte" not in text


def test_a_period_list_never_calls_a_starting_status_reported(phone, messy_server):  # noqa: F811
    base, _ = messy_server
    phone.goto(base + "bro/2022/")
    rows = {phone.locator(".report__row").nth(i).locator("a").first.inner_text(): phone.locator(".report__row").nth(i)
            .inner_text() for i in range(phone.locator(".report__row").count())}
    never = rows["Exempel: bättre belysning i parken"]  # no update at all
    assert "Inget rapporterades under perioden" in never and "Senast rapporterat" not in never
    reported = rows["Exempel: mer polis i centrum"]  # one update, April 2022
    assert "Senast rapporterat: Pågick, inte klart" in reported


def test_the_period_lists_rows_are_as_wide_as_its_rule(browser, messy_server):  # noqa: F811
    base, _ = messy_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "aby/2023-2024/")
    widths = page.evaluate("""() => { const list = document.querySelector('.report');
      return [list.getBoundingClientRect().width,
              ...[...list.querySelectorAll('.report__row')].map(r => r.getBoundingClientRect().width)]; }""")
    context.close()
    assert len(widths) == 9  # the list and its eight promises
    assert all(abs(w - widths[0]) <= 1 for w in widths[1:]), widths


@pytest.mark.parametrize("path", ["koping/2024/inbaddning/", "knivsta/2024-2025/inbaddning/",
                                  "exempelby/2026/inbaddning/", "en/koping/2024/inbaddning/"])
def test_the_embed_fits_320_px_with_long_verdicts(browser, server, path):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(server + path)
    state = page.evaluate(OVERFLOW)
    statuses = page.evaluate("() => [...document.querySelectorAll('.status')].map(s => s.getBoundingClientRect().right)")
    width = page.evaluate("document.documentElement.clientWidth")
    context.close()
    assert state["scroll"] <= 0 and not state["wide"], state
    assert statuses and max(statuses) <= width


@pytest.mark.parametrize("path, labels", [
    ("status/", ["Målet nåddes inte", "Målet var inte nått vid senaste rapporten"]),
    ("en/status/", ["The target was not reached", "The target had not been reached at the last report"]),
])
def test_the_status_page_defines_what_an_ended_target_says(phone, server, path, labels):
    """Every label a resident meets has a published definition (docs: USERS.md, "Words the public understands")."""
    phone.goto(server + path)
    terms = phone.locator("dl.definitions dt").all_inner_texts()
    assert all(label in terms for label in labels), terms
