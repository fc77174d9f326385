"""Faults while writing: killed builds, parallel builds, full disks, read-only targets."""
import dataclasses
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import options

from lofte.build.pipeline import build
from lofte.build.write import MANIFEST, writing
from lofte.content.errors import LofteError
from lofte.outputs.protocol import OutputFile

ROOT = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes]:
    """Every published file (the build manifest records keys, which name the content path)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


def cli(content: Path, out: Path) -> subprocess.Popen:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1751241600")  # 2025-06-30
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--no-posters", "--jobs", "1",
                             "--content", str(content), "--out", str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def write_site(files, out: Path) -> None:
    with writing(out) as output:
        for f in files:
            output.put(f)


def many_files(n: int, tag: str):
    for i in range(n):
        yield OutputFile(f"sida-{i}/index.html", f"<p>{tag} {i}</p>".encode())


def test_a_killed_write_leaves_the_previous_site_complete(tmp_path):
    out = tmp_path / "site"
    write_site(many_files(300, "gammal"), out)
    old = tree(out)
    for delay in (0.05, 0.15, 0.3):
        code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import time\n"
                "from lofte.build.write import writing; from lofte.outputs.protocol import OutputFile\n"
                "def slow():\n"
                "    for i in range(300):\n"
                "        time.sleep(0.002); yield OutputFile(f'sida-{i}/index.html', f'<p>ny {i}</p>'.encode())\n"
                f"with writing(__import__('pathlib').Path({str(out)!r})) as o:\n"
                "    for f in slow(): o.put(f)\n")
        proc = subprocess.Popen([sys.executable, "-c", code])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree(out) == old  # the swap had not happened: the old site is whole
    write_site(many_files(300, "ny"), out)  # the next build cleans up and succeeds
    assert (out / "sida-0/index.html").read_bytes() == b"<p>ny 0</p>"
    assert not (tmp_path / ".site.staging").exists()


def test_a_killed_cli_build_never_leaves_a_half_site(small_content, tmp_path):
    out = tmp_path / "site"
    build(options(small_content, out))
    before = tree(out)
    page = small_content / "storby/2025/trygg-park/index.md"
    page.write_text(page.read_text().replace("Tryggare park", "Tryggare park och torg"))
    after_dir = tmp_path / "reference"
    build(options(small_content, after_dir))
    after = tree(after_dir)
    for delay in (0.2, 0.4, 0.6, 0.9):
        proc = cli(small_content, out)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree(out) in (before, after)


def test_two_builds_at_once_do_not_corrupt_each_other(small_content, tmp_path):
    out = tmp_path / "site"
    procs = [cli(small_content, out) for _ in range(3)]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read().decode()
    reference = tmp_path / "reference"
    build(options(small_content, reference))
    assert tree(out) == tree(reference)


@pytest.mark.parametrize("code, reason", [(errno.ENOSPC, "disken är full"), (errno.EROFS, "mappen är skrivskyddad")])
def test_disk_errors_are_clear_and_keep_the_old_site(tmp_path, monkeypatch, code, reason):
    out = tmp_path / "site"
    write_site(many_files(5, "gammal"), out)
    old = tree(out)

    def fail(self, data):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(Path, "write_bytes", fail)
    with pytest.raises(LofteError) as exc:
        write_site(many_files(5, "ny"), out)
    assert str(exc.value) == f"kunde inte skriva webbplatsen till {out}: {reason}. Den förra versionen är orörd."
    assert tree(out) == old and not (tmp_path / ".site.staging").exists()


def test_two_outputs_to_one_path_are_refused(tmp_path):
    with pytest.raises(LofteError, match="två sidor skulle skrivas till samma adress: a/index.html"):
        write_site([OutputFile("a/index.html", b"1"), OutputFile("a/index.html", b"2")], tmp_path / "site")


def test_pairs_of_builds_of_different_content_into_one_output_each_give_one_whole_site(small_content, tmp_path):
    """Issue 18.4: the lock is taken before anything of the previous build is read."""
    other = tmp_path / "other"
    shutil.copytree(small_content, other)
    page = other / "storby/2025/trygg-park/index.md"
    page.write_text(page.read_text().replace("Tryggare park", "Tryggare park och torg"))
    references = []
    for name, content in (("ref-a", small_content), ("ref-b", other)):
        build(options(content, tmp_path / name, cache_dir=tmp_path / f"cache-{name}"))
        references.append(tree(tmp_path / name))
    assert references[0] != references[1]
    out = tmp_path / "site"
    for _ in range(4):
        procs = [cli(small_content, out), cli(other, out)]
        for p in procs:
            assert p.wait(timeout=120) == 0, p.stderr.read().decode()
        assert tree(out) in references


def test_a_build_killed_between_the_two_renames_is_recovered_by_the_next(small_content, tmp_path):
    """Issue 18.8: the next build puts the previous site back (and says so), so
    "the previous site is untouched" is true even when it then fails."""
    out = tmp_path / "site"
    build(options(small_content, out))
    before = tree(out)
    code = (f"import os, signal, sys; sys.path[:0] = {[str(ROOT), str(ROOT / 'tests')]!r}\n"
            "from lofte.build import write\n"
            "real = os.rename\n"
            "def rename(a, b):\n"
            "    real(a, b)\n"
            "    if str(b).endswith('.site.old'): os.kill(os.getpid(), signal.SIGKILL)\n"
            "write.os.rename = rename\n"
            "from conftest import options; from lofte.build.pipeline import build; import pathlib\n"
            f"build(options(pathlib.Path({str(small_content)!r}), pathlib.Path({str(out)!r})))\n")
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists() and (tmp_path / ".site.old").is_dir()
    (small_content / "storby/kommun.yaml").write_text("name: [\n")  # the next build fails on content
    env = dict(os.environ, SOURCE_DATE_EPOCH="1751241600")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--no-posters", "--content", str(small_content),
                             "--out", str(out)], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Obs: ett tidigare bygge avbröts mitt i bytet av webbplatsen. Den förra "
                                    f"versionen är återställd till {out} från .site.old.\n")
    assert result.stderr.endswith("Den förra versionen av webbplatsen är orörd.\n")
    assert tree(out) == before


def test_only_disk_errors_are_reported_as_a_disk_problem(small_content, tmp_path, monkeypatch):
    """Issue 18.14: a producer's own OSError is a bug with its traceback, not "could not write"."""
    from lofte.outputs import assets
    out = tmp_path / "site"
    build(options(small_content, out))
    before = tree(out)

    def broken(ctx):
        raise FileNotFoundError(2, "No such file or directory", "templates/assets/saknas.css")
        yield
    monkeypatch.setattr("lofte.build.pipeline.SITE_OUTPUTS",
                        (dataclasses.replace(assets.OUTPUT, make=broken),))
    with pytest.raises(FileNotFoundError):
        build(options(small_content, out))
    assert tree(out) == before


def test_missing_templates_are_a_clear_error(small_content, tmp_path):
    empty = tmp_path / "mallar"
    empty.mkdir()
    with pytest.raises(LofteError) as exc:
        build(options(small_content, tmp_path / "site", templates=(str(empty),)))
    assert str(exc.value) == (f"mallarna saknas: {empty} har ingen base.html. Installera om löfte "
                              "(pip install lofte) eller ange rätt mapp.")
    partial = tmp_path / "delvis"
    shutil.copytree(ROOT / "templates", partial)
    (partial / "promise.html").unlink()
    with pytest.raises(LofteError) as exc:
        build(options(small_content, tmp_path / "site", templates=(str(partial),)))
    assert str(exc.value) == f"mallen promise.html saknas i {partial}. Lägg tillbaka filen eller installera om löfte."
