"""The package's folders are the build's stages; each imports only the stages before it.

content → i18n → outputs → build → authoring → cli. An import the other way would
tie an early stage to a later one (e.g. the model to the dev server).
"""
import ast
from pathlib import Path

import lofte

PACKAGE = Path(lofte.__file__).parent
ORDER = ["content", "i18n", "outputs", "build", "authoring", "cli"]
# Imports that still run the wrong way. Empty since reuse moved into the engine (issue 16).
KNOWN: set[str] = set()


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "lofte" and parts[1] in ORDER else None


def _imports(path: Path, module: str):
    tree = ast.parse(path.read_text("utf-8"))
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield node.lineno, target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def test_stages_import_only_earlier_stages():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(p for p in rel.parts if p != "__init__")
        own = _stage(module if module != "lofte.cli" else "lofte.cli")
        if own is None:
            continue
        for line, target in _imports(path, module):
            theirs = _stage(target)
            if (theirs is not None and ORDER.index(theirs) > ORDER.index(own)
                    and str(path.relative_to(PACKAGE.parent)) not in KNOWN):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {target}")
    assert wrong == []


def test_no_module_shadows_the_standard_library():
    import sys
    names = {p.stem for p in PACKAGE.rglob("*.py")} - {"__init__"}
    assert names & set(sys.stdlib_module_names) == set()
