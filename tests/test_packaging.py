"""löfte as a real package: what the wheel carries, and a new site from a fresh install.

The second test is the communicator's start, exactly: an empty folder, `pip install`
of this repository into a new virtual environment, `lofte init sala-lofte --kommun
Sala`, and `lofte build` and `lofte check` inside it. pip takes the dependencies
from its cache (or PyPI); the whole test takes ~20 s.
"""
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
DEMO = {"koping", "knivsta", "vaggeryd", "exempelby"}
ANYWHERE = shutil.ignore_patterns(".venv", ".cache", ".git", "*.egg-info", "__pycache__", "node_modules",
                                  ".pytest_cache", ".hypothesis")


def not_copied(folder, names):
    """What a download of the repository does not hold: the set-up's and the builds' own folders."""
    top = {n for n in names if n in ("build", "site") or n.startswith("site.")} if Path(folder) == ROOT else set()
    return ANYWHERE(folder, names) | top


def test_the_listed_packages_are_the_folders():
    """pyproject.toml lists the packages (a package-dir mapping needs the list): none may be forgotten."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.relative_to(ROOT).parts) for p in [ROOT / "lofte", *(ROOT / "lofte").rglob("*")]
               if p.is_dir() and p.name != "__pycache__"}
    templates = {".".join(("lofte", *p.relative_to(ROOT).parts)) for p in [ROOT / "templates",
                                                                           *(ROOT / "templates").rglob("*")]
                 if p.is_dir() and p.name != "__pycache__"}
    assert listed == folders | templates


def run(args, cwd, env=None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_from_an_empty_folder_to_a_built_site(tmp_path):
    source = tmp_path / "lofte-källkod"
    shutil.copytree(ROOT, source, ignore=not_copied)  # the repository as a user downloads it
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    run([str(scripts / "python"), "-m", "pip", "install", "-q", str(source)], tmp_path, env)
    shutil.rmtree(source)  # the installed package must not need its source

    work = tmp_path / "tom"
    work.mkdir()
    lofte = str(scripts / "lofte")
    out = run([lofte, "init", "sala-lofte", "--kommun", "Sala"], work, env)
    assert out.splitlines()[-1] == "Klart: en ny webbplats för Sala kommun i sala-lofte/. Guiden: docs/kom-igang.md i löfte."
    assert "  lofte serve   (förhandsvisa på http://127.0.0.1:8000/)" in out.splitlines()
    folder = work / "sala-lofte"
    built = run([lofte, "build"], folder, env)
    assert built.splitlines()[-1].startswith("Klart: webbplatsen finns i site/ (")
    checked = run([lofte, "check"], folder, env)
    assert checked.splitlines()[-1].startswith("Inga fel, men 4 råd.")  # the example addresses (police_area: okänt)

    site = folder / "site"
    assert (site / "sala/index.html").is_file() and "Sala" in (site / "index.html").read_text("utf-8")
    assert not DEMO & {p.name for p in site.iterdir()} and not DEMO & {p.name for p in (folder / "content").iterdir()}
    assert (site / "assets/style.css").is_file()
    packaged = run([str(scripts / "python"), "-c", "from lofte.outputs import templatefiles; "
                    "print(templatefiles.PACKAGED)"], folder, env).strip()
    assert Path(packaged).is_relative_to(venv) and (Path(packaged) / "base.html").is_file()
    assert run([str(scripts / "python"), "-m", "lofte", "--version"], folder, env).startswith("löfte ")

    # Then a period and a promise: its pages and posters (fonts from the poster font package) build too.
    run([lofte, "new", "period", "sala/2025-2026"], folder, env)
    run([lofte, "new", "löfte", "sala/2025-2026", "Tryggare centrum"], folder, env)
    built = run([lofte, "build"], folder, env).splitlines()
    assert built[:2] == ["Affischer (A3 och A4, som PDF och PNG): 4 filer för 1 period, i",
                         "  site/sala/2025-2026/affisch/"]
    assert (site / "sala/2025-2026/tryggare-centrum/index.html").is_file()


def test_the_repository_keeps_its_templates_at_the_top():
    """templates/ beside content/ is the project's layout; the wheel maps it into the package."""
    assert (ROOT / "templates/base.html").is_file() and not (ROOT / "lofte/templates").exists()


def _locked(lock: Path) -> dict[str, tuple[str, str, int]]:
    """name → (version, environment marker, number of hashes) of a lock file."""
    import re
    out = {}
    for entry in re.split(r"\n(?=[a-z0-9])", lock.read_text("utf-8")):
        m = re.match(r"([a-z0-9][a-z0-9._-]*)==(\S+)(?: ; ([^\\]+))?", entry)
        if m:
            out[m[1]] = (m[2], (m[3] or "").strip(), entry.count("--hash=sha256:"))
    return out


def test_the_lock_files_pin_every_dependency_with_hashes_and_setup_installed_them():
    """Issue 16.5: exact versions with hashes that pyproject's bounds allow, and this environment
    (made by scripts/setup) holds exactly the locked versions."""
    import importlib.metadata

    from packaging.markers import Marker
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = {"requirements.lock": project["dependencies"],
              "requirements-test.lock": project["dependencies"] + project["optional-dependencies"]["test"]
              + project["optional-dependencies"]["bench"]}
    for name, requirements in wanted.items():
        locked = _locked(ROOT / name)
        assert locked and all(hashes for _, _, hashes in locked.values()), name
        for spec in map(Requirement, requirements):
            version, _, _ = locked[canonicalize_name(spec.name)]
            assert spec.specifier.contains(version), f"{name}: {spec} but {version}"
    for package, (version, marker, _) in _locked(ROOT / "requirements-test.lock").items():
        if not marker or Marker(marker).evaluate():
            assert Version(importlib.metadata.version(package)) == Version(version), package
