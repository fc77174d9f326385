"""Decap CMS's local backend, in Python: the editor saves straight into content/.

Decap's `proxy` backend posts `{action, params}` as JSON to one URL; Decap's
own server for it (decap-server, Node.js) answers for a folder on disk. This
answers the same actions the same way (tests/test_cms_proxy.py holds it to
decap-server itself), so that `serve --cms` needs no Node.js on a
communicator's computer and the editor talks to the preview's own origin.

Stricter than decap-server, because a browser tab can be tricked into posting:
only the content folder is read or written, only content files and images,
never site.yaml, hidden files or through symbolic links leaving it; a save
that would make the municipality's content invalid is undone and answered with
the build's own Swedish errors.
"""
from __future__ import annotations

import base64
import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lofte.content.assemble import assemble_municipality
from lofte.content.errors import ErrorList
from lofte.content.load import ASSET_SUFFIXES, MAX_FILE_BYTES, load_municipality, skipped

TEXT_SUFFIXES = (".md", ".yaml")
MAX_ASSET_BYTES = 20_000_000


class Refused(Exception):
    """A request the backend will not carry out; the message is for the communicator."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Replace the file at once: a save cut off halfway never leaves half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # hidden: not content
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            tmp.unlink()


def _undo(targets: dict[str, Path], old: dict[str, bytes | None], made: list[Path]) -> None:
    """Put back what a save changed: old bytes, no new files, no new folders."""
    for rel, path in targets.items():
        if old[rel] is not None:
            _write(path, old[rel])
        elif path.is_file():
            path.unlink()
    for folder in reversed(made):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


@dataclass
class Proxy:
    content_dir: Path  # the content folder; the "repository" is its parent
    display_root: str = "content"
    _saving: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def root(self) -> Path:
        return self.content_dir.resolve().parent

    # -- paths ------------------------------------------------------------
    def resolve(self, rel: object, writing: bool = False) -> Path:
        """A repository-relative path from the editor, checked to lie inside content/."""
        if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel or ":" in rel or rel.startswith("/"):
            raise Refused(f"ogiltig sökväg: {rel!r}")
        parts = rel.split("/")
        content = self.content_dir.resolve()
        if parts[0] != content.name or any(p in ("", ".", "..") or skipped(p) for p in parts[1:]):
            raise Refused(f"{rel}: redigeraren får bara läsa och spara i {content.name}/", 403)
        target = content.joinpath(*parts[1:])
        existing = target  # lexists: a link to nowhere is a link too, and writing would follow it
        while not os.path.lexists(existing) and existing != content:
            existing = existing.parent
        real = Path(os.path.realpath(existing))
        if real != content and content not in real.parents:
            raise Refused(f"{rel}: pekar utanför {content.name}/", 403)
        if writing:
            name = parts[-1].lower()
            if len(parts) < 3 or not name.endswith(TEXT_SUFFIXES + ASSET_SUFFIXES):
                raise Refused(f"{rel}: redigeraren sparar bara innehållsfiler och bilder i kommunernas mappar", 403)
        return target

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # -- reading ------------------------------------------------------------
    def entry(self, rel: str, label: str | None = None) -> dict:
        path = self.resolve(rel)
        file = {"path": rel, "label": label} if label is not None else {"path": rel}
        try:
            data = path.read_bytes()
        except OSError:
            return {"data": None, "file": {**file, "id": None}}
        return {"data": data.decode("utf-8", "replace"), "file": {**file, "id": _id(data)}}

    def listing(self, folder: str, extension: str, depth: int) -> list[str]:
        """Files under `folder` ending in `extension`, at most `depth` folders down, sorted."""
        base = self.resolve(folder)
        found: list[str] = []

        def walk(directory: Path, left: int) -> None:
            if left <= 0 or not directory.is_dir():
                return
            for child in sorted(directory.iterdir()):
                if skipped(child.name) or child.is_symlink():
                    continue
                if child.is_dir():
                    walk(child, left - 1)
                elif child.name.endswith(extension):
                    found.append(self.rel(child))
        walk(base, int(depth))
        return found

    def media(self, rel: str) -> dict:
        data = self.resolve(rel).read_bytes()
        return {"id": _id(data), "content": base64.b64encode(data).decode(), "encoding": "base64",
                "path": rel, "name": rel.rsplit("/", 1)[-1]}

    # -- writing ------------------------------------------------------------
    def _bytes(self, rel: str, content: object, encoding: str | None) -> bytes:
        if not isinstance(content, str):
            raise Refused(f"{rel}: innehållet saknas")
        data = base64.b64decode(content) if encoding == "base64" else content.encode("utf-8")
        limit = MAX_FILE_BYTES if rel.lower().endswith(TEXT_SUFFIXES) else MAX_ASSET_BYTES
        if len(data) > limit:
            raise Refused(f"{rel}: filen är för stor ({len(data) // 1_000_000} MB; högst {limit // 1_000_000} MB)")
        return data

    def _errors(self, slugs: set[str]) -> set[str]:
        errors = ErrorList()
        for slug in sorted(slugs):
            files = load_municipality(self.content_dir, self.display_root, slug, errors)
            if files is not None:
                assemble_municipality(files, self.content_dir, errors)
        return {str(e) for e in errors.items}

    def save(self, files: dict[str, bytes]) -> None:
        """Write files all together; undo them all if the content gets new errors.

        One save at a time: the errors before and after a save must be its own."""
        with self._saving:
            targets = {rel: self.resolve(rel, writing=True) for rel in files}
            slugs = {rel.split("/")[1] for rel in files}
            before = self._errors(slugs)
            old = {rel: (path.read_bytes() if path.is_file() else None) for rel, path in targets.items()}
            made: list[Path] = []  # folders this save creates, deepest last
            try:
                for rel, path in targets.items():
                    missing = [d for d in reversed(path.parents) if not d.exists()]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made += missing
                    _write(path, files[rel])
            except OSError as exc:
                _undo(targets, old, made)
                raise Refused(f"Sparades inte: {exc.filename or ''} kunde inte skrivas ({exc.strerror or exc}). "
                              "Ingenting ändrades.", 500) from None
            new = sorted(self._errors(slugs) - before)
            if new:
                _undo(targets, old, made)
                shown = "\n".join(new[:10]) + (f"\n… och {len(new) - 10} fel till" if len(new) > 10 else "")
                raise Refused("Sparades inte, innehållet skulle få fel. Rätta och spara igen:\n" + shown, 422)

    # -- the protocol ---------------------------------------------------------
    def handle(self, body: dict) -> object:
        action, params = body.get("action"), body.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return [self.entry(rel) for rel in self.listing(params["folder"], params.get("extension", ""),
                                                            params.get("depth", 1))]
        if action == "entriesByFiles":
            return [self.entry(f["path"], f.get("label")) for f in params.get("files", [])]
        if action == "getEntry":
            return self.entry(params["path"])
        if action == "persistEntry":
            entry = params.get("entry")
            data_files = params.get("dataFiles") or ([entry] if entry else [])
            if any(f.get("newPath") for f in data_files):
                raise Refused("redigeraren flyttar inga filer: en publicerad sida behåller sin adress", 403)
            files = {f["path"]: self._bytes(f["path"], f.get("raw"), None) for f in data_files}
            files.update({a["path"]: self._bytes(a["path"], a.get("content"), a.get("encoding"))
                          for a in params.get("assets", [])})
            self.save(files)
            return {"message": "entry persisted"}
        if action == "getMedia":
            folder = params["mediaFolder"]
            return [self.media(rel) for rel in self.listing(folder, "", 1)
                    if rel.lower().endswith(ASSET_SUFFIXES)]
        if action == "getMediaFile":
            return self.media(params["path"])
        if action == "persistMedia":
            asset = params["asset"]
            self.save({asset["path"]: self._bytes(asset["path"], asset.get("content"), asset.get("encoding"))})
            return self.media(asset["path"])
        if action in ("deleteFile", "deleteFiles"):
            raise Refused("redigeraren tar inte bort filer: en publicerad uppdatering rättas med en ny", 403)
        if action == "getDeployPreview":
            return None
        raise Refused(f"Unknown action {action}", 422)
