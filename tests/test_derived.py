"""Progress, schedule and freshness computed from the model and the build date."""
import datetime as dt

import pytest
from conftest import SMALL, edit, options, write_tree

from lofte.build.pipeline import read_site
from lofte.content.derived import derive, occurrences

KONTROLLER = "storby/2025/fler-kontroller/index.md"


def facts_at(day: dt.date, content=SMALL):
    site = read_site(options(content, build_date=day))
    return site, derive(site)


def promise_state(facts, slug):
    return facts.promises[f"storby/2025/{slug}/index.md"]


def test_status_changes_come_from_dated_updates():
    _, facts = facts_at(dt.date(2025, 6, 30))
    park = promise_state(facts, "trygg-park")
    assert park.status == "pågår"  # index.md says "ej påbörjat"; the 2025-03-01 update changed it
    assert [(a.actor, a.status) for a in park.actors] == [
        ("polisen", "pågår"), ("kommunen", "försenat"), ("bostadsbolaget", "pågår")]
    kinds = [(c.date.isoformat(), c.kind) for c in park.changes]
    assert kinds == [("2025-04-10", "correction"), ("2025-04-10", "actor"), ("2025-03-01", "status")]


def test_a_correction_replaces_the_whole_corrected_update(small_content):
    rel = "storby/2025/trygg-park/updates/2025-04-10-rattelse.md"
    path = small_content / rel
    path.write_text(path.read_text().replace("actor_status:\n  - actor: kommunen\n    status: försenat\n", ""))
    _, facts = facts_at(dt.date(2025, 6, 30), small_content)
    # the corrected update set kommunen to "försenat"; its correction does not repeat it
    assert promise_state(facts, "trygg-park").actors[1].status == "ej påbörjat"


def test_a_corrected_update_no_longer_counts():
    _, facts = facts_at(dt.date(2025, 6, 30))
    park = promise_state(facts, "trygg-park")
    walks, safe = park.indicators
    assert walks.current == 2  # 1 + corrected 1 (the wrong "2" is replaced)
    assert park.corrected_by == {"2025-04-01-andra-vandringen": "2025-04-10-rattelse"}
    assert safe.current == 64 and safe.fraction == 0.4  # baseline 60 → target 70


def test_behind_schedule_follows_the_share_of_time_passed():
    _, early = facts_at(dt.date(2025, 3, 1))
    _, late = facts_at(dt.date(2025, 10, 1))
    assert not promise_state(early, "trygg-park").indicators[0].behind
    walks = promise_state(late, "trygg-park").indicators[0]
    assert walks.expected == 3 and walks.behind  # 5 × 0.75 of the year → 3 expected, 2 done
    assert promise_state(late, "trygg-park").behind


def test_frequency_target_is_multiplied_over_the_time_frame():
    _, facts = facts_at(dt.date(2025, 6, 30))
    checks = promise_state(facts, "fler-kontroller").indicators[0]
    assert checks.goal == 24  # twice a month over 2025
    assert checks.current == 0 and checks.expected == 11 and checks.behind


def test_overdue_when_the_feedback_interval_has_passed():
    _, facts = facts_at(dt.date(2025, 6, 30))
    park = promise_state(facts, "trygg-park")
    assert park.last_updated == dt.date(2025, 4, 10)
    assert park.next_due == dt.date(2025, 7, 19) and not park.overdue  # 100 days
    _, later = facts_at(dt.date(2025, 8, 1))
    assert promise_state(later, "trygg-park").overdue
    assert later.periods["storby/2025/lofte.yaml"].overdue == 2


def test_ended_period_reports_missed_goals_not_behind():
    _, facts = facts_at(dt.date(2026, 2, 1))
    walks = promise_state(facts, "trygg-park").indicators[0]
    assert walks.missed and not walks.behind and walks.expected is None
    state = facts.periods["storby/2025/lofte.yaml"]
    assert state.ended and not state.running and state.overdue == 0


def test_period_counts_use_the_vocabulary_order():
    _, facts = facts_at(dt.date(2025, 6, 30))
    assert facts.periods["storby/2025/lofte.yaml"].counts == (("pågår", 2),)


def test_example_updates_are_flagged_wherever_they_count():
    _, facts = facts_at(dt.date(2025, 6, 30))
    park = promise_state(facts, "trygg-park")
    assert park.status_example and park.indicators[0].example and park.has_example
    assert park.example_actors == frozenset({"kommunen"})


@pytest.mark.parametrize("frequency, start, end, n", [
    ("day", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 365),
    ("weekday", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 261),  # Monday to Friday in 2026
    ("weekday", dt.date(2026, 12, 5), dt.date(2026, 12, 6), 1),  # a weekend: still at least one
    ("week", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 52),
    ("month", dt.date(2025, 1, 1), dt.date(2025, 12, 31), 12),
    ("quarter", dt.date(2025, 1, 1), dt.date(2026, 12, 31), 8),
    ("year", dt.date(2025, 1, 1), dt.date(2027, 12, 31), 3),
])
def test_how_many_days_weekdays_weeks_a_time_frame_holds(frequency, start, end, n):
    assert occurrences(frequency, start, end) == n


@pytest.mark.parametrize("frequency, goal", [("day", 365), ("weekday", 261)])
def test_a_daily_target_over_a_dated_period(small_content, frequency, goal):
    edit(small_content, KONTROLLER, "frequency: month\n    target: {value: 2}",
         f"frequency: {frequency}\n    target: {{value: 1}}")
    edit(small_content, "storby/2025/lofte.yaml", "start: 2025-01-01\nend: 2025-12-31", "start: 2026-01-01\nend: 2026-12-31")
    _, facts = facts_at(dt.date(2026, 7, 1), small_content)
    checks = facts.promises[KONTROLLER].indicators[0]
    assert checks.goal == goal and checks.expected is not None


def test_a_frequency_in_a_period_without_dates_has_a_rate_and_no_total(small_content):
    """Issue 19.3: no "totalt 7" from a week invented for an undated period."""
    edit(small_content, KONTROLLER, "frequency: month\n    target: {value: 2}", "frequency: day\n    target: {value: 1}")
    edit(small_content, "storby/2025/lofte.yaml", "start: 2025-01-01\nend: 2025-12-31", "start: okänt\nend: okänt")
    write_tree(small_content, {"storby/2025/fler-kontroller/updates/2025-06-01-juni.md":
                               "---\ntitle: Juni\nprogress:\n  - indicator: kontroller\n    value: 30\n---\nText.\n"})
    _, facts = facts_at(dt.date(2025, 6, 30), small_content)
    state = facts.promises[KONTROLLER]
    checks = state.indicators[0]
    assert (checks.current, checks.goal, checks.expected, checks.fraction) == (30, None, None, None)
    assert not checks.behind and not checks.reached and not state.behind
