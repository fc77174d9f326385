"""The reuse layer: one key scheme, what a process keeps, the read cache and the store.

The read cache must never run code (issue 18.7): a file planted in the cache
folder (a restored CI cache, a pull request adding .cache/) is at most a miss.
"""
import datetime as dt
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import options

from lofte.authoring import serve
from lofte.authoring.check import check
from lofte.build import codec
from lofte.build.pipeline import build, read_site
from lofte.build.reuse import Keys, Kept, Memory, ReadCache, Store, fingerprint
from lofte.content.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def test_one_key_per_output_and_what_it_reads():
    keys = Keys("inputs", {"a": "1", "b": "2"})
    assert keys.municipality("pages", "a") != keys.municipality("feeds", "a")  # outputs never share a key
    assert keys.municipality("pages", "a") != keys.municipality("pages", "b")
    assert keys.municipality("pages", "a") == Keys("inputs", {"a": "1", "b": "9"}).municipality("pages", "a")
    assert keys.site("site-pages", "site") != Keys("inputs", {"a": "1", "b": "9"}).site("site-pages", "site")
    assert keys.site("fixed", "settings") == Keys("inputs", {"a": "1", "b": "9"}).site("fixed", "settings")
    assert keys.site("fixed", "settings") != Keys("other inputs", {}).site("fixed", "settings")


def test_a_fingerprint_changes_with_any_file_of_the_folder(small_content):
    before = fingerprint(small_content, "storby", "content")
    page = small_content / "storby/2025/trygg-park/index.md"
    page.write_text(page.read_text() + "\n")
    assert fingerprint(small_content, "storby", "content") != before
    assert fingerprint(small_content, "storby", "innehåll") != fingerprint(small_content, "storby", "content")


def test_memory_keeps_only_when_asked():
    once, server = Memory(), Memory(keep=True)
    for memory in (once, server):
        memory.remember("feeds", "a", Kept("k", ["x"], 1))
    assert once.get("feeds", "a", "k") is None
    assert server.get("feeds", "a", "k").part == 1 and server.get("feeds", "a", "other key") is None
    made = []
    assert server.memo_facts("a", "k", lambda: made.append(1) or "facts") == "facts"
    assert server.memo_facts("a", "k", lambda: made.append(1) or "again") == "facts" and made == [1]


def test_the_codec_round_trips_the_model_and_refuses_anything_else(small_content):
    site = read_site(options(small_content))
    m = site.municipalities[0]
    errors = [ContentError("content/a.md", 3, "title", "saknas")]
    assert codec.loads(codec.dumps(["fp", m, {"b.png", "a.png"}, errors])) == ["fp", m, ["a.png", "b.png"], errors]
    for bad in (b'{"@": "Popen", "f": ["sh"]}', b'{"@": "Text", "f": []}', b'{"x": 1}', b"\x80\x04K\x01.",
                pickle.dumps(m), b"[" * 100_000):
        with pytest.raises(codec.CacheFormatError):
            codec.loads(bad)


class Planted:
    """A pickle that, if it were ever loaded, would create a file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_files_planted_in_the_cache_never_run_and_are_not_used(small_content, tmp_path):
    cache = tmp_path / "cache"
    marker = tmp_path / "RAN"
    build(options(small_content, tmp_path / "clean", cache_dir=tmp_path / "other-cache"))
    (cache / "read").mkdir(parents=True)
    slugs = [p.name for p in small_content.iterdir() if p.is_dir()]
    fp = fingerprint(small_content, slugs[0], "content")
    for slug in slugs:
        (cache / "read" / f"{slug}.pickle").write_bytes(pickle.dumps(("x", Planted(marker))))
        (cache / "read" / f"{slug}.json").write_bytes(pickle.dumps((fp, Planted(marker))))
    (cache / "read" / f"{slugs[0]}.json").write_bytes(
        codec.dumps([fp, None, [], [ContentError("content", 0, "", "planterat fel")]]).replace(
            b'"ContentError"', b'"Popen"'))
    (cache / "posters" / slugs[0] / "nyckel").mkdir(parents=True)
    (cache / "posters" / slugs[0] / "nyckel" / "png").write_bytes(pickle.dumps(Planted(marker)))
    opts = options(small_content, tmp_path / "site", cache_dir=cache)
    build(opts)
    check(opts)
    assert serve.rebuild(opts, None, Memory(keep=True)).ok
    env = dict(os.environ, SOURCE_DATE_EPOCH="1751241600")
    for verb in (["build", "--no-posters"], ["check"]):
        subprocess.run([sys.executable, str(ROOT / "build.py"), *verb, "--content", str(small_content),
                        "--cache-dir", str(cache), *(["--out", str(tmp_path / "cli")] if verb[0] == "build" else [])],
                       env=env, capture_output=True, check=False)
    assert not marker.exists()
    same = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes() for p in (tmp_path / "site").rglob("*")
            if p.is_file() and p.name != ".lofte-build.json"}
    clean = {p.relative_to(tmp_path / "clean").as_posix(): p.read_bytes() for p in (tmp_path / "clean").rglob("*")
             if p.is_file() and p.name != ".lofte-build.json"}
    assert same == clean


def test_a_read_cache_entry_is_used_only_under_its_fingerprint(small_content, tmp_path):
    site = read_site(options(small_content))
    m = site.municipalities[0]
    reads = ReadCache(small_content, tmp_path, Memory())
    reads.store(m.slug, "fp", (m, {"bild.png"}, []))
    assert reads.get(m.slug, "other") is None
    assert reads.get(m.slug, "fp") == (m, {"bild.png"}, [])


def test_the_store_keeps_entries_by_group_and_prunes_them(tmp_path):
    store = Store(tmp_path / "posters")
    store.put("a", "k1", {"png": b"1"})
    store.put("a", "k2", {"png": b"2"})
    store.put("b", "k1", {"png": b"3"})
    assert store.get("a", "k1", ("png",)) == {"png": b"1"} and store.get("a", "k1", ("pdf",)) is None
    store.prune("a", {"k2"})
    assert store.get("a", "k1", ("png",)) is None and store.get("a", "k2", ("png",)) == {"png": b"2"}
    store.prune_groups({"a"})
    assert store.get("b", "k1", ("png",)) is None
    (tmp_path / "fil").write_text("inte en mapp")
    Store(tmp_path / "fil").put("a", "k", {"png": b""})  # a cache that cannot be written only costs time
    assert Store(tmp_path / "fil").get("a", "k", ("png",)) is None


def test_dates_and_date_times_round_trip():
    value = [dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, 18, 30), {"a": ("x", "y")}]
    assert codec.loads(codec.dumps(value)) == [dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, 18, 30), {"a": ("x", "y")}]
