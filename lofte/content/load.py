"""Load: read the content tree from disk into parsed, line-numbered documents.

Only this module touches the content files. It checks what a file system can get
wrong (names, symlinks leaving the tree, encodings, sizes, binary files) and
parses YAML/front matter; what the fields mean is schema.py's job.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import names, urls
from .errors import ErrorList
from .names import UPDATE_NAME_RE
from .textcheck import shown
from .yamlsource import LineDict, YamlProblem, parse_yaml, split_front_matter

MAX_FILE_BYTES = 1_000_000  # a promise is a few kB; more is a mistake or an attack
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".pdf")


@dataclass
class Document:
    rel: str  # path relative to the content root, with "/" separators
    display: str  # path as shown in messages ("content/koping/kommun.yaml")
    data: LineDict | None  # None when the file could not be parsed
    body: str = ""
    body_line: int = 1


@dataclass
class PromiseFiles:
    slug: str
    index: Document
    updates: list[tuple[str, Document]] = field(default_factory=list)  # (file date, doc)
    assets: list[str] = field(default_factory=list)


@dataclass
class PeriodFiles:
    slug: str
    doc: Document
    promises: list[PromiseFiles] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)


@dataclass
class MunicipalityFiles:
    slug: str
    doc: Document
    periods: list[PeriodFiles] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)


@dataclass
class ContentTree:
    root: Path
    site: Document | None
    municipalities: list[MunicipalityFiles]


def skipped(name: str) -> bool:
    """Hidden files and folders (.git, .DS_Store, an editor's .swp) and editor backups
    ending in ~ are never content; the dev server's watcher ignores them too."""
    return name.startswith(".") or name.endswith("~")


class _Reader:
    def __init__(self, root: Path, display_root: str, errors: ErrorList):
        self.root = root
        self.real_root = root.resolve()
        self.display_root = display_root.rstrip("/")
        self.errors = errors

    def display(self, rel: str) -> str:
        if not rel.isprintable():  # a name with a line break or a terminal escape: show it, don't print it
            rel = shown(rel, 200)
        return f"{self.display_root}/{rel}" if rel else self.display_root

    def entries(self, rel: str) -> list[os.DirEntry]:
        """Directory entries, sorted by name; hidden files and editor backups skipped."""
        with os.scandir(self.root / rel) as it:
            found = [e for e in it if not skipped(e.name)]
        found.sort(key=lambda e: e.name)
        safe = []
        for e in found:
            child = f"{rel}/{e.name}" if rel else e.name
            if e.is_symlink():
                target = Path(os.path.realpath(e.path))
                if target != self.real_root and self.real_root not in target.parents:
                    self.errors.add(self.display(child), 0, "",
                                    "är en symbolisk länk som pekar utanför content/; kopiera filen hit i stället")
                    continue
                if not target.exists():
                    self.errors.add(self.display(child), 0, "", "är en symbolisk länk till en fil som inte finns")
                    continue
            safe.append(e)
        return safe

    def read_text(self, rel: str) -> str | None:
        display = self.display(rel)
        with open(os.path.join(self.root, rel), "rb") as handle:  # 15,800 files a national build: no Path
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                self.errors.add(display, 0, "", f"filen är för stor ({size // 1_000_000} MB; högst 1 MB)")
                return None
            raw = handle.read()
        if b"\x00" in raw:
            self.errors.add(display, 0, "", "filen är binär, inte text; spara den som UTF-8-text")
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            self.errors.add(display, line, "", "filen är inte UTF-8; spara den med teckenkodningen UTF-8")
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            self.errors.add(display, 0, "", "filen är tom")
            return None
        return text

    def yaml_doc(self, rel: str) -> Document:
        doc = Document(rel, self.display(rel), None)
        text = self.read_text(rel)
        if text is None:
            return doc
        try:
            data = parse_yaml(text)
        except YamlProblem as exc:
            self.errors.add(doc.display, exc.line, "", exc.message)
            return doc
        if not isinstance(data, LineDict):
            self.errors.add(doc.display, 1, "", "väntade fält på formen 'nyckel: värde' överst i filen")
            return doc
        doc.data = data
        return doc

    def markdown_doc(self, rel: str) -> Document:
        doc = Document(rel, self.display(rel), None)
        text = self.read_text(rel)
        if text is None:
            return doc
        try:
            yaml_text, body, body_line = split_front_matter(text)
            data = parse_yaml(yaml_text, first_line=2)
        except YamlProblem as exc:
            self.errors.add(doc.display, exc.line, "", exc.message)
            return doc
        if not isinstance(data, LineDict):
            self.errors.add(doc.display, 2, "", "väntade fält på formen 'nyckel: värde' i front matter")
            return doc
        doc.data, doc.body, doc.body_line = data, body, body_line
        return doc

    def bad_name(self, rel: str, what: str, reason: str) -> None:
        self.errors.add(self.display(rel), 0, "", f"ogiltigt namn på {what}: {reason} "
                        "(använd små bokstäver a–z, siffror och bindestreck)")

    def unexpected(self, rel: str, hint: str) -> None:
        self.errors.add(self.display(rel), 0, "", f"oväntad fil: {hint}")


def load_top(root: Path, display_root: str, errors: ErrorList) -> tuple[Document | None, list[str]]:
    """Read site.yaml and list the municipality folders (read separately, maybe in parallel)."""
    r = _Reader(root, display_root, errors)
    if not root.is_dir():
        errors.add(display_root, 0, "", "innehållsmappen finns inte")
        return None, []
    site = None
    slugs = []
    for e in r.entries(""):
        if e.is_file() and e.name == "site.yaml":
            site = r.yaml_doc("site.yaml")
        elif e.is_dir():
            slugs.append(e.name)
        elif e.is_file() and not e.name.lower().endswith((".md", ".txt")):
            r.unexpected(e.name, "överst i content/ ska bara site.yaml och en mapp per kommun finnas")
    if site is None:
        errors.add(r.display("site.yaml"), 0, "", "saknas: webbplatsens inställningar (titel, adress, kontakt)")
    return site, slugs


def load_municipality(root: Path, display_root: str, slug: str, errors: ErrorList) -> MunicipalityFiles | None:
    return _municipality(_Reader(root, display_root, errors), slug)


def load(root: Path, display_root: str, errors: ErrorList) -> ContentTree:
    """Read every content file under `root`; problems go to `errors`."""
    site, slugs = load_top(root, display_root, errors)
    municipalities = [load_municipality(root, display_root, slug, errors) for slug in slugs]
    return ContentTree(root, site, [m for m in municipalities if m is not None])


def _open(r: _Reader, rel: str, slug: str, index: str, what: str, folder: str) -> list[os.DirEntry] | None:
    """A bundle folder's entries besides its index file, if its name and index are in order."""
    problem = names.folder_problem(slug)
    if problem:
        r.bad_name(rel, what, problem)
        return None
    entries = r.entries(rel)
    if not any(e.name == index for e in entries):
        r.errors.add(r.display(f"{rel}/{index}"), 0, "", f"saknas: varje {folder} behöver en {index}")
        return None
    return [e for e in entries if e.name != index]


def _fill(r: _Reader, rel: str, entries: list[os.DirEntry], assets: list[str], child, hint: str) -> None:
    """Sort a bundle's entries: folders go to `child` (False: not expected here),
    images and PDFs to `assets`; anything else is reported."""
    for e in entries:
        path = f"{rel}/{e.name}"
        if e.is_dir():
            if not child(path, e.name):
                r.unexpected(path, hint)
        elif e.name == urls.SHARE_IMAGE:
            r.errors.add(r.display(path), 0, "", f"filnamnet '{e.name}' är reserverat för bilden som visas när "
                         "sidan delas; byt namn på bilden")
        elif e.name.lower().endswith(ASSET_SUFFIXES):
            _asset(r, path, e.name, assets)
        else:
            r.unexpected(path, hint)


def _asset(r: _Reader, path: str, name: str, assets: list[str]) -> None:
    """An image or PDF, if its name works as a URL on every system and is not a twin of another."""
    problem = names.asset_problem(name)
    if problem:
        r.errors.add(r.display(path), 0, "", f"ogiltigt filnamn: {problem}")
        return
    folder = path.rsplit("/", 1)[0] + "/"
    twin = next((a for a in assets if a.startswith(folder) and names.key(a) == names.key(path)), None)
    if twin is not None:
        r.errors.add(r.display(path), 0, "", f"'{name}' och '{twin.rsplit('/', 1)[-1]}' skiljer sig bara i stora och "
                     "små bokstäver och blir samma fil på Windows och macOS; byt namn på den ena")
        return
    assets.append(path)


def _collect(r: _Reader, read, into: list):
    """A `_fill` child handler: every subfolder is read as a bundle and kept if it loaded."""
    def child(path: str, name: str) -> bool:
        found = read(r, path, name)
        if found:
            into.append(found)
        return True
    return child


def _municipality(r: _Reader, slug: str) -> MunicipalityFiles | None:
    entries = _open(r, slug, slug, "kommun.yaml", "kommunmapp", "kommunmapp")
    if entries is None:
        return None
    m = MunicipalityFiles(slug, r.yaml_doc(f"{slug}/kommun.yaml"))
    _fill(r, slug, entries, m.assets, _collect(r, _period, m.periods),
          "en kommunmapp innehåller kommun.yaml, bilder och en mapp per löftesperiod")
    return m


def _period(r: _Reader, rel: str, slug: str) -> PeriodFiles | None:
    entries = _open(r, rel, slug, "lofte.yaml", "löftesperiod", "periodmapp")
    if entries is None:
        return None
    p = PeriodFiles(slug, r.yaml_doc(f"{rel}/lofte.yaml"))
    _fill(r, rel, entries, p.assets, _collect(r, _promise, p.promises),
          "en periodmapp innehåller lofte.yaml, bilder och en mapp per löfte")
    return p


def _promise(r: _Reader, rel: str, slug: str) -> PromiseFiles | None:
    entries = _open(r, rel, slug, "index.md", "löftesmapp", "löftesmapp")
    if entries is None:
        return None
    pr = PromiseFiles(slug, r.markdown_doc(f"{rel}/index.md"))

    def updates(path: str, name: str) -> bool:
        if name != "updates":
            return False
        for u in r.entries(path):
            urel = f"{path}/{u.name}"
            m = UPDATE_NAME_RE.match(u.name)
            if u.is_file() and m:
                pr.updates.append((m[1], r.markdown_doc(urel)))
            elif u.name.lower().endswith(ASSET_SUFFIXES):
                _asset(r, urel, u.name, pr.assets)
            else:
                r.errors.add(r.display(urel), 0, "", f"ogiltigt namn på uppdatering: {names.update_problem(u.name)}")
        return True
    _fill(r, rel, entries, pr.assets, updates, "en löftesmapp innehåller index.md, bilder och mappen updates/")
    return pr
