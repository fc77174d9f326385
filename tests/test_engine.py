"""The engine as a whole: portable imports, public library APIs only, the producer
protocol's checks, and that every module of the package is imported by a test."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import options

import lofte
from lofte.build import make
from lofte.build.pipeline import build
from lofte.outputs import ical
from lofte.outputs.protocol import Made, MunicipalityOutput, OutputFile

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(lofte.__file__).parent
# Run, not imported: `python -m lofte` (tests/test_packaging.py, tests/test_cli.py).
RUN_AS_SCRIPT = {"lofte.__main__"}


def test_the_engine_imports_without_posix_only_modules():
    """Windows has no fcntl (issue 15.3): the engine must import, and lock, without it."""
    code = ("import sys, warnings; sys.modules['fcntl'] = None; warnings.simplefilter('ignore')\n"
            "import lofte.cli, lofte.build.pipeline, lofte.authoring.serve\n"
            "from lofte.build.write import output_lock\nimport pathlib, tempfile\n"
            "with output_lock(pathlib.Path(tempfile.mkdtemp()) / 'site'): print('låst')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stdout) == (0, "låst\n"), result.stderr


def _third_party(module: str) -> bool:
    top = module.split(".")[0]
    return top not in sys.stdlib_module_names and top not in ("lofte", "__future__")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _root_name(node: ast.expr) -> str | None:
    """`jinja2.runtime.Context` → "jinja2": the name an attribute chain starts from."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def private_uses(source: str, where: str = "<text>") -> list[str]:
    """Private names of third-party packages used in `source`, and library classes whose
    private methods a subclass overrides (standard library included)."""
    tree = ast.parse(source)
    found = []
    libraries: dict[str, str] = {}  # local name -> module, for imported library modules and classes
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in ("lofte",):
                    libraries[alias.asname or alias.name.split(".")[0]] = alias.name
                if _third_party(alias.name) and any(_private(p) for p in alias.name.split(".")):
                    found.append(f"{where}:{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if node.module.split(".")[0] != "lofte":
                    libraries[alias.asname or alias.name] = node.module
                if _third_party(node.module) and (_private(alias.name) or
                                                  any(_private(p) for p in node.module.split("."))):
                    found.append(f"{where}:{node.lineno}: from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        root = _root_name(node.value) if isinstance(node, ast.Attribute) else None
        if root in libraries and _third_party(libraries[root]) and _private(node.attr):
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
        if isinstance(node, ast.ClassDef) and any(_root_name(b) in libraries for b in node.bases):
            found += [f"{where}:{f.lineno}: {node.name}.{f.name} overrides a library class's private method"
                      for f in node.body if isinstance(f, ast.FunctionDef) and _private(f.name)]
    return found


def test_no_private_names_of_libraries_and_no_overrides_of_their_private_methods():
    """Issue 16.4: no `from markupsafe import _x`, no `jinja2._y`, and no subclass
    of a library class (standard library included) that defines `_name` methods."""
    found = [f for path in sorted(PACKAGE.rglob("*.py")) for f in private_uses(path.read_text("utf-8"), str(path))]
    assert found == []


def test_the_private_name_check_finds_what_it_looks_for():
    """The check above can fail: each shape the review found (issue 16) is reported."""
    caught = private_uses("from markupsafe import _escape_inner\n"
                          "import jinja2\nx = jinja2.runtime._loop_vars\n"
                          "from livereload.handlers import LiveReloadHandler\ny = LiveReloadHandler._waiters\n"
                          "import http.server\nclass H(http.server.BaseHTTPRequestHandler):\n"
                          "    def _headers(self): pass\n"
                          "from livereload.watcher import Watcher\nclass W(Watcher):\n    def _examine(self): pass\n")
    assert sorted(c.split(": ", 1)[1] for c in caught) == [
        "H._headers overrides a library class's private method", "LiveReloadHandler._waiters",
        "W._examine overrides a library class's private method", "from markupsafe import _escape_inner",
        "jinja2.runtime._loop_vars"]
    # the standard library's own names (os._exit) and private methods of one's own classes are fine
    assert private_uses("import os\nx = os._exit\nclass A:\n    def _own(self): pass\n") == []


def _imported_by_tests() -> set[str]:
    """Every module a test file names in an import line (`from a import b` counts a and a.b)."""
    names: set[str] = set()
    for path in Path(__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_every_module_is_imported_by_a_test():
    """Tests mirror the modules (issue 16.7): a module no test imports is tested, at best,
    only through a whole build."""
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
               for p in PACKAGE.rglob("*.py")}
    assert sorted(modules - _imported_by_tests() - RUN_AS_SCRIPT) == []


def test_the_import_check_sees_what_tests_import():
    imported = _imported_by_tests()
    assert {"lofte.build.pipeline", "lofte.content.urls", "lofte.outputs.ical"} <= imported
    assert "lofte.no_such_module" not in imported


def test_no_module_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert long == {}


def test_the_orchestrator_stays_readable():
    assert len((PACKAGE / "build" / "pipeline.py").read_text("utf-8").splitlines()) <= 150


def _unlisted_make(ctx, m):
    return Made([OutputFile(f"{m.slug}/extra.txt", b"x")])


def _short_make(ctx, m):
    return Made([])


@pytest.mark.parametrize("make_fn, message", [(_unlisted_make, r"which its paths\(\) do not list"),
                                              (_short_make, "listed files for")])
def test_an_output_must_make_exactly_the_files_it_lists(small_content, tmp_path, monkeypatch, make_fn, message):
    """The engine's key check covers only listed files, so an output that strays is stopped."""
    bad = MunicipalityOutput("calendar", paths=ical.paths, make=make_fn)
    monkeypatch.setattr("lofte.build.pipeline.MUNICIPALITY_OUTPUTS", (bad,))
    with pytest.raises(RuntimeError, match=message):
        build(options(small_content, tmp_path / "site"))


def test_kept_files_are_not_made_again(small_content, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(options(small_content, out))
    calls = []
    real = make.make_one

    def counting(job, output, m):
        kept, files = real(job, output, m)
        calls.extend(f.data is None for f in files)
        return kept, files
    monkeypatch.setattr(make, "make_one", counting)
    counts = build(options(small_content, out))
    assert calls and all(calls) and counts["written"] == 0
