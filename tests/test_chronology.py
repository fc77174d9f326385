"""Periods in order: by dates, else the signing date, else the folder's year
(lofte/content/chronology.py), and what a municipality's pages lead with (derived.current_periods)."""
import datetime as dt
import shutil

import pytest
from conftest import SMALL, options, write_tree

from lofte.build.pipeline import read_site
from lofte.content import chronology
from lofte.content.derived import derive

DAY = dt.date(2026, 12, 5)
PROMISE = """
    ---
    title: Ett löfte
    actors:
      - actor: polisen
        status: pågår
    status: pågår
    ---
    Text.
    """


def municipality(tmp_path, periods: dict[str, str]):
    """A municipality with one promise in each period; `periods`: folder → the period's date lines."""
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(SMALL / "site.yaml", root / "site.yaml")
    files = {"by/kommun.yaml": "name: By kommun\nshort_name: By\npolice_area: okänt\n"}
    for folder, dates in periods.items():
        files[f"by/{folder}/lofte.yaml"] = f"title: By {folder}\n{dates}"
        files[f"by/{folder}/lofte/index.md"] = PROMISE
    write_tree(root, files)
    site = read_site(options(root, build_date=DAY))
    [m] = site.municipalities
    return m, derive(site)


def slugs(periods) -> list[str]:
    return [p.slug for p in periods]


def test_periods_are_ordered_by_start_else_signing_else_the_folder_s_year(tmp_path):
    m, _ = municipality(tmp_path, {
        "odaterat": "start: okänt\nend: okänt\n",  # nothing to date it by: the oldest
        "2017": "start: 2017-01-01\nend: 2017-12-31\n",
        "2023-2024": "start: okänt\nend: okänt\nsigned: 2023-03-27\n",
        "centrum-2026": "start: okänt\nend: okänt\n",  # the folder's year: 2026
        "2025-2027": "start: 2025-01-01\nend: 2027-12-31\nsigned: 2024-12-10\n",
    })
    assert slugs(m.periods) == ["odaterat", "2017", "2023-2024", "2025-2027", "centrum-2026"]
    assert [chronology.when(p) for p in m.periods] == [
        None, dt.date(2017, 1, 1), dt.date(2023, 3, 27), dt.date(2025, 1, 1), dt.date(2026, 1, 1)]


@pytest.mark.parametrize("slug, year", [("2023-2024", 2023), ("centrum-2026", 2026), ("odaterat", None),
                                        ("1999", 1999), ("12345", None), ("v2018x", 2018)])
def test_the_year_of_a_folder_name(slug, year):
    assert chronology.slug_year(slug) == year


@pytest.mark.parametrize("periods, leads", [
    # Vingåker: an undated newer period is never hidden behind a dated older one
    ({"2017": "start: 2017-01-01\nend: 2017-12-31\n",
      "2023-2024": "start: okänt\nend: okänt\nsigned: 2023-03-27\n"}, ["2023-2024"]),
    # a municipality-wide and a local period at the same time: both, the later start first
    ({"2025-2027": "start: 2025-01-01\nend: 2027-12-31\n", "centrum-2026": "start: 2026-01-01\nend: 2026-12-31\n",
      "2021": "start: 2021-01-01\nend: 2021-12-31\n"}, ["centrum-2026", "2025-2027"]),
    # a running period and a newer undated one: both
    ({"2025-2027": "start: 2025-01-01\nend: 2027-12-31\n",
      "2026-2028": "start: okänt\nend: okänt\nsigned: 2026-02-01\n"}, ["2026-2028", "2025-2027"]),
    # the newest has ended and nothing is newer: that one, told as ended
    ({"2019": "start: 2019-01-01\nend: 2019-12-31\n", "2024": "start: 2024-01-01\nend: 2024-12-31\n"}, ["2024"]),
    # a period that has not begun does not push the running one aside
    ({"2026": "start: 2026-01-01\nend: 2026-12-31\n", "2027": "start: 2027-01-01\nend: 2027-12-31\n"}, ["2026"]),
])
def test_what_a_municipality_leads_with(tmp_path, periods, leads):
    m, facts = municipality(tmp_path, periods)
    assert slugs(facts.current_periods[m.slug]) == leads


def test_an_undated_period_is_neither_running_nor_ended_until_followed_up(tmp_path):
    m, facts = municipality(tmp_path, {"2023-2024": "start: okänt\nend: okänt\nsigned: 2023-03-27\n"})
    state = facts.periods[m.periods[0].path]
    assert (state.running, state.ended, state.upcoming, state.dated) == (False, False, False, False)
