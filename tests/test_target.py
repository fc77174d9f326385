"""`--out` is refused before anything is touched when replacing it would take
something with it (issue 18.1), and a read-only output folder is a clear error (18.11)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALL
from other_user import read_only, run, shared_dir, writable

from lofte.build.write import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1751241600")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--no-posters", "--jobs", "1", *args],
                          cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository holding content, as a communicator's would."""
    shutil.copytree(SMALL, tmp_path / "content")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "README.md").write_text("min webbplats\n")
    return tmp_path


@pytest.mark.parametrize("out, message", [
    (".", "--out .: mappen innehåller innehållet ({repo}/content). Webbplatsen ersätter hela mappen vid "
          "varje bygge, så den skulle försvinna. Välj en egen mapp för webbplatsen, t.ex. --out site."),
    ("content", "--out content: mappen är innehållet ({repo}/content). Webbplatsen ersätter hela mappen vid "
                "varje bygge, så den skulle försvinna. Välj en egen mapp för webbplatsen, t.ex. --out site."),
    ("content/site", "--out content/site: mappen ligger i innehållet ({repo}/content). Välj en mapp utanför, "
                     "t.ex. --out site."),
    (".cache", "--out .cache: mappen är cachen ({repo}/.cache). Webbplatsen ersätter hela mappen vid varje "
               "bygge, så den skulle försvinna. Välj en egen mapp för webbplatsen, t.ex. --out site."),
    ("..", "--out ..: mappen innehåller innehållet ({repo}/content). Webbplatsen ersätter hela mappen vid "
           "varje bygge, så den skulle försvinna. Välj en egen mapp för webbplatsen, t.ex. --out site."),
    ("docs", "--out docs: mappen {repo}/docs innehåller filer som inte kommer från ett bygge (filen "
             ".lofte-build.json saknas). Webbplatsen ersätter hela mappen vid varje bygge; välj en tom eller "
             "ny mapp, t.ex. --out site."),
])
def test_an_output_folder_that_would_take_something_with_it_is_refused(repo, out, message):
    (repo / "docs").mkdir()
    (repo / "docs" / "viktigt.md").write_text("inte en webbplats\n")
    before = snapshot(repo)
    result = cli(repo, "--content", "content", "--out", out)
    assert result.returncode == 1
    assert result.stderr == "Fel: " + message.format(repo=repo.resolve()) + "\n"
    assert snapshot(repo) == before  # nothing touched: no lock file, no staging folder
    assert not [p for p in repo.parent.iterdir() if p.name.startswith(f".{repo.name}.")]


def test_an_output_folder_inside_the_cache_or_the_templates_is_refused(repo):
    result = cli(repo, "--content", "content", "--out", "kladd/site", "--cache-dir", "kladd")
    assert result.returncode == 1 and "mappen ligger i cachen" in result.stderr
    result = cli(repo, "--content", "content", "--out", str(ROOT / "templates" / "site"))
    assert result.returncode == 1 and "mappen ligger i mallarna" in result.stderr


def test_an_empty_folder_a_new_folder_and_a_previous_build_are_accepted(repo):
    (repo / "tom").mkdir()
    assert cli(repo, "--content", "content", "--out", "tom").returncode == 0
    assert cli(repo, "--content", "content", "--out", "tom").returncode == 0  # now a previous build
    assert (repo / "tom" / MANIFEST).is_file()
    assert cli(repo, "--content", "content", "--out", "ny/site").returncode == 0


def test_a_read_only_output_folder_is_a_clear_error_not_a_traceback():
    base = shared_dir()
    try:
        shutil.copytree(SMALL, base / "content")
        (base / "skrivskyddad").mkdir()
        read_only(base)
        result = run([sys.executable, str(ROOT / "build.py"), "--no-posters", "--content", str(base / "content"),
                      "--out", str(base / "skrivskyddad" / "site"), "--cache-dir", str(base / "skrivskyddad" / "c")],
                     env=ENV, cwd="/")
        assert result.returncode == 1, result.stderr
        assert result.stderr == (f"Fel: kunde inte skriva webbplatsen till {base}/skrivskyddad/site: behörighet "
                                 "saknas (låsfilen .site.lock går inte att skapa). Den förra versionen är orörd.\n")
    finally:
        writable(base)
        shutil.rmtree(base)


def test_a_read_only_content_folder_builds(tmp_path):
    """Issue 19.8: nothing is written beside the content; the cache goes where --cache-dir says."""
    base = shared_dir()
    try:
        shutil.copytree(SMALL, base / "ro" / "content")
        read_only(base / "ro")
        (base / "ut").mkdir(mode=0o777)
        (base / "ut").chmod(0o777)
        args = [sys.executable, str(ROOT / "build.py"), "--no-posters", "--content", str(base / "ro" / "content")]
        result = run([*args, "--out", str(base / "ut" / "site"), "--cache-dir", str(base / "ut" / "cache")],
                     env=ENV, cwd="/")
        assert result.returncode == 0, result.stderr
        assert (base / "ut" / "cache" / "read").is_dir() and not (base / "ro" / ".cache").exists()
        # without --cache-dir the cache cannot be written beside the content: the build still works
        result = run([*args, "--out", str(base / "ut" / "site2")], env=ENV, cwd="/")
        assert result.returncode == 0, result.stderr
        assert snapshot(base / "ut" / "site") == snapshot(base / "ut" / "site2")
    finally:
        writable(base)
        shutil.rmtree(base)
