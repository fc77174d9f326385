"""Faults while writing: killed builds, parallel builds, full disks, read-only targets."""
import errno
import os
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
