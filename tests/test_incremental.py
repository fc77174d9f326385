"""Work not repeated must never change the result: incremental builds equal clean builds.

One output is rebuilt after each change with every cache warm (the CLI's staged
writer), another with the dev server's in-place writer; after each change both
must be byte-identical to a clean build from scratch, made in a new process.
"""
import os
import queue
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SMALL, options, write_tree

from lofte.authoring.watch import Watcher
from lofte.build import reuse
from lofte.build.pipeline import build
from lofte.build.write import MANIFEST
from lofte.build import read
from lofte.outputs import pages, templatefiles

PARK = "storby/2025/trygg-park"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


def touch(path: Path) -> None:
    """Editors give a saved file a new modification time; make sure it differs."""
    later = time.time_ns() + 1_000_000_000
    os.utime(path, ns=(later, later))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    touch(path)


def edit_update(c, t):
    edit(c / PARK / "updates/2025-03-01-forsta-vandringen.md", "Tjugo personer kom.", "Trettio personer kom.")


def add_update(c, t):
    (c / PARK / "updates/2025-05-20-tredje-vandringen.md").write_text(
        "---\ntitle: Tredje vandringen\nstatus: försenat\nprogress:\n  - indicator: vandringar\n    value: 1\n"
        "example: true\n---\nFärre kom.\n", encoding="utf-8")


def rename_promise(c, t):
    os.rename(c / "storby/2025/fler-kontroller", c / "storby/2025/hastighetskontroller")


def delete_update(c, t):
    (c / PARK / "updates/2025-04-10-rattelse.md").unlink()
    edit(c / PARK / "updates/2025-04-01-andra-vandringen.md", "value: 2", "value: 1")


def edit_template(c, t):
    edit(t / "promise.html", "{% block main %}", "{% block main %}\n<p>Ny rad i mallen.</p>")


def edit_status_badge(c, t):
    """The badge is reused between prints (templating.status): an edited one must show everywhere."""
    edit(t / "_status.html", 'class="status__symbol"', 'class="status__symbol ny"')


def edit_stylesheet(c, t):
    path = t / "assets/style.css"
    path.write_text(path.read_text() + "\n.ny { color: #000; }\n")
    touch(path)


def edit_embed_style(c, t):
    path = t / "_embed.css"
    path.write_text(path.read_text() + "\n.ny { color: #000; }\n")
    touch(path)


def edit_site(c, t):
    edit(c / "site.yaml", "title: Medborgarlöften", "title: Medborgarlöften i länet")


def edit_municipality(c, t):
    edit(c / "storby/kommun.yaml", "name: Storby kommun", "name: Storby stad")


def add_municipality(c, t):
    shutil.copytree(c / "storby", c / "lillby")
    edit(c / "lillby/kommun.yaml", "name: Storby stad", "name: Lillby kommun")


def delete_municipality(c, t):
    shutil.rmtree(c / "lillby")


STEPS = [edit_update, add_update, rename_promise, delete_update, edit_template, edit_status_badge,
         edit_stylesheet,
         edit_embed_style, edit_site, edit_municipality, add_municipality, delete_municipality]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A copy of the small site and the templates, and a Memory kept between builds
    as the dev server keeps one (which also proves what it keeps is right)."""
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    templates = tmp_path / "templates"  # beside content/: the site's own templates, used instead of the packaged
    shutil.copytree(templatefiles.PACKAGED, templates)
    yield tmp_path, content, templates, reuse.Memory(keep=True)


def clean_build(content: Path, templates: Path, out: Path, cache_dir: Path) -> None:
    """A build in a new Python process: no cache of this one (memory, lru_cache) can leak into it."""
    code = (f"import pathlib, sys; sys.path[:0] = {sys.path!r}\n"
            "from conftest import options\nfrom lofte.build.pipeline import build\n"
            f"build(options(pathlib.Path({str(content)!r}), pathlib.Path({str(out)!r}), "
            f"cache_dir=pathlib.Path({str(cache_dir)!r})))\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_incremental_builds_equal_clean_builds(workspace):
    root, content, templates, memory = workspace
    staged, in_place = root / "staged", root / "in-place"
    warm = root / "warm-cache"
    build(options(content, staged, cache_dir=warm), memory)
    build(options(content, in_place, cache_dir=warm, in_place=True), memory)
    reports = queue.Queue()
    watcher = Watcher((content, templates), reports.put).start()
    try:
        assert reports.get(timeout=10) is None  # the watch is up
        for i, step in enumerate(STEPS):
            step(content, templates)
            # in place, as the dev server builds: told which files the operating system reported changed
            changed = seen(reports)
            assert changed != set(), step.__name__
            counts = build(options(content, in_place, cache_dir=warm, in_place=True, changed=changed), memory)
            build(options(content, staged, cache_dir=warm), memory)
            clean = root / f"clean-{i}"
            clean_build(content, templates, clean, root / f"cold-cache-{i}")
            expected = tree(clean)
            assert tree(staged) == expected, step.__name__
            assert tree(in_place) == expected, step.__name__
            assert counts["written"] < len(expected) or step in (edit_template, edit_status_badge, edit_site), step.__name__
    finally:
        watcher.stop()


def seen(reports: queue.Queue) -> frozenset[Path] | None:
    """Every change the watcher reported until it has been quiet for a while, as `Preview` merges them."""
    changed: set[Path] | None = set()
    while True:
        try:
            got = reports.get(timeout=0.5 if changed or changed is None else 10)
        except queue.Empty:
            return changed if changed is None else frozenset(changed)
        changed = None if got is None or changed is None else changed | got


def test_unchanged_pages_are_reused_not_rendered(workspace, monkeypatch):
    root, content, _, memory = workspace
    out = root / "site"
    build(options(content, out, cache_dir=root / "cache"))
    rendered = []
    real = pages.render
    monkeypatch.setattr(pages, "render", lambda *a, **k: rendered.append(a[1]) or real(*a, **k))
    write_tree(content, {"nyby/kommun.yaml": (content / "storby/kommun.yaml").read_text()})
    build(options(content, out, cache_dir=root / "cache"))
    rendered.clear()
    edit_update(content, None)
    build(options(content, out, cache_dir=root / "cache"))
    # only the municipality that changed, and the few site-wide pages, are rendered again
    again = {p.path for p in rendered}
    assert {"storby/", "storby/2025/trygg-park/"} <= again and "nyby/" not in again
    assert all("municipality" not in p.vars or p.path.startswith("storby/") for p in rendered)
    rendered.clear()
    build(options(content, out, cache_dir=root / "cache"))
    assert rendered == []


def test_a_failed_in_place_build_leaves_no_stale_page_behind(workspace):
    """A template that breaks only some pages: the pages written before the
    failure must not be taken for current once the template is put back."""
    root, content, templates, memory = workspace
    out = root / "in-place"
    build(options(content, out, in_place=True), memory)
    promise = templates / "promise.html"
    original = promise.read_text()
    edit(templates / "municipality.html", "{% block main %}", "{% block main %}\n<p>Tillfällig rad.</p>")
    edit(promise, "{% block main %}", "{% block main %}\n{{ no_such_variable }}")
    with pytest.raises(Exception):
        build(options(content, out, in_place=True), memory)
    edit(templates / "municipality.html", "{% block main %}\n<p>Tillfällig rad.</p>", "{% block main %}")
    promise.write_text(original)
    touch(promise)
    build(options(content, out, in_place=True), memory)
    clean_build(content, templates, root / "clean", root / "cold-cache")
    assert tree(out) == tree(root / "clean")


def test_a_municipality_whose_read_failed_is_read_again(workspace, monkeypatch):
    """The dev server names only files changed since its last build; a folder whose
    read crashed in that build must still be read again in the next one."""
    root, content, _, memory = workspace
    out = root / "in-place"
    build(options(content, out, in_place=True), memory)
    edit_update(content, None)
    real = read.assemble_municipality

    def crash(files, where, errors):
        raise RuntimeError("en arbetsprocess dog")
    monkeypatch.setattr(read, "assemble_municipality", crash)
    with pytest.raises(RuntimeError):
        build(options(content, out, in_place=True, changed=frozenset({content / PARK})), memory)
    monkeypatch.setattr(read, "assemble_municipality", real)
    build(options(content, out, in_place=True, changed=frozenset()), memory)  # nothing saved since
    assert "Trettio personer kom." in (out / PARK / "index.html").read_text()


def test_the_dev_server_does_not_look_at_untouched_municipalities(workspace, monkeypatch):
    root, content, _, memory = workspace
    out = root / "in-place"
    write_tree(content, {"nyby/kommun.yaml": (content / "storby/kommun.yaml").read_text()})
    build(options(content, out, in_place=True), memory)
    made = []
    real = pages.render
    monkeypatch.setattr(pages, "render", lambda ctx, page, *a, **k: made.append(page) or real(ctx, page, *a, **k))
    edit_update(content, None)
    build(options(content, out, in_place=True, changed=frozenset({content / PARK / "updates"})), memory)
    assert {p.vars["municipality"].slug for p in made if "municipality" in p.vars} == {"storby"}
    (out / "nyby/index.html").unlink()  # removed by hand while the server runs: made again
    edit(content / PARK / "updates/2025-03-01-forsta-vandringen.md", "Trettio", "Fyrtio")
    build(options(content, out, in_place=True, changed=frozenset({content / PARK / "updates"})), memory)
    assert (out / "nyby/index.html").is_file()
