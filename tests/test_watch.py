"""The watcher: real file events on real folders, as the dev server gets them."""
import queue
import shutil
import time

import pytest

from lofte.authoring.watch import Watcher

WAIT = 10  # seconds; a report normally comes within ~0.1 s


@pytest.fixture
def watching(tmp_path):
    content, templates = tmp_path / "content", tmp_path / "templates"
    (content / "storby").mkdir(parents=True)
    templates.mkdir()
    reports = queue.Queue()
    watcher = Watcher((content, templates), reports.put).start()
    assert reports.get(timeout=WAIT) is None  # the watch is up: what happened before is unknown

    def next_report():
        return reports.get(timeout=WAIT)

    def quiet(seconds=0.6):
        try:
            got = reports.get(timeout=seconds)
        except queue.Empty:
            return True
        pytest.fail(f"unexpected report: {got}")

    try:
        yield content, templates, next_report, quiet
    finally:
        watcher.stop()


def test_saves_are_reported_with_their_paths_in_both_roots(watching):
    content, templates, next_report, quiet = watching
    start = time.monotonic()
    (content / "storby/kommun.yaml").write_text("name: Storby\n", encoding="utf-8")
    assert next_report() == {content / "storby/kommun.yaml"}
    assert time.monotonic() - start < 1.0  # a fraction of a second, not a poll interval
    (templates / "page.html").write_text("<p>", encoding="utf-8")
    assert next_report() == {templates / "page.html"}
    quiet()


def test_what_the_loader_skips_is_not_reported(watching):
    content, _, next_report, quiet = watching
    (content / "storby/.index.md.swp").write_text("editor", encoding="utf-8")
    (content / "storby/kommun.yaml~").write_text("backup", encoding="utf-8")
    (content / ".git").mkdir()
    (content / ".git/HEAD").write_text("ref", encoding="utf-8")
    quiet()
    (content / "storby/kommun.yaml").write_text("name: Storby\n", encoding="utf-8")
    assert next_report() == {content / "storby/kommun.yaml"}


def test_a_burst_of_saves_is_one_report(watching):
    content, _, next_report, quiet = watching
    for i in range(20):  # like a git checkout
        (content / "storby" / f"{i}.md").write_text("x", encoding="utf-8")
    got = set(next_report())
    while len(got) < 20:  # a slow machine may split the burst; nothing is lost
        got |= next_report()
    assert got == {content / "storby" / f"{i}.md" for i in range(20)}


def test_a_folder_moved_away_and_back_is_watched_again(watching, tmp_path):
    content, _, next_report, quiet = watching
    shutil.move(content, tmp_path / "away")
    assert next_report() is None  # the folder is gone: anything may have changed
    shutil.move(tmp_path / "away", content)
    assert next_report() is None
    (content / "storby/kommun.yaml").write_text("name: Storby\n", encoding="utf-8")
    assert next_report() == {content / "storby/kommun.yaml"}


def test_a_folder_removed_and_made_again_is_watched_again(watching):
    content, _, next_report, quiet = watching
    shutil.rmtree(content)
    assert next_report() is None
    (content / "ny").mkdir(parents=True)  # a new folder by the same name
    assert next_report() is None
    time.sleep(0.1)
    (content / "ny/kommun.yaml").write_text("name: Ny\n", encoding="utf-8")
    reports = [next_report()]
    while reports[-1] is None:  # a report for the new folder itself may come first
        reports.append(next_report())
    assert reports[-1] == {content / "ny/kommun.yaml"}


def test_without_file_events_the_watcher_looks_for_changes_instead(tmp_path, monkeypatch):
    import watchfiles
    real = watchfiles.watch
    asked = []

    def no_events(*paths, force_polling=None, **kw):
        asked.append(force_polling)
        if not force_polling:
            raise OSError(28, "inotify watch limit reached")
        return real(*paths, force_polling=force_polling, poll_delay_ms=50, **kw)

    monkeypatch.setattr(watchfiles, "watch", no_events)
    reports = queue.Queue()
    watcher = Watcher((tmp_path,), reports.put).start()
    try:
        assert reports.get(timeout=WAIT) is None  # anything may have changed while there was no watch
        (tmp_path / "kommun.yaml").write_text("name: Storby\n", encoding="utf-8")
        assert reports.get(timeout=WAIT) == {tmp_path / "kommun.yaml"}
        assert asked[:2] == [None, True]
    finally:
        watcher.stop()
