"""Decap CMS, the browser editor's program: fetched from npm at set-up, never from a CDN.

The editor at /admin/ is served from the site's own origin, so its scripts are
copied into every build that has `cms:` in site.yaml. They come from the npm
package at a pinned version, checked against the package's pinned sha512, into
`<project>/.cache/cms/` (`scripts/setup` runs `python -m lofte.outputs.decap`).
Only what the editor loads is kept: the main script and its lazily loaded
chunks. Not the source maps, and not the two WebAssembly image encoders, which
Decap loads only for `media_processing` (never configured here); so the
editor's security policy need not allow WebAssembly.

Why Decap and not Sveltia CMS: Decap's local backend speaks a small documented
HTTP protocol that löfte's preview server implements (authoring/cmsproxy.py)
and a test can drive against a temporary folder; Sveltia edits local files only
through the browser's directory picker. See docs/publicera.md.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "3.16.3"
INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==")
MAIN = "decap-cms.js"
KEPT = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|decap-cms\.js\.LICENSE\.txt)$")
ENV = "LOFTE_DECAP_DIR"  # a folder with the files, e.g. on a build server without npm
SOURCE_CHECKOUT = Path(__file__).resolve().parents[2]  # this repository, when run from it


def folder(cache_dir: Path) -> Path:
    return cache_dir / "cms" / f"decap-cms-{VERSION}"


def locate(cache_dir: Path | None = None) -> Path | None:
    """The folder with the vendored files: $LOFTE_DECAP_DIR, the project's cache, or this checkout's."""
    candidates = [Path(os.environ[ENV])] if os.environ.get(ENV) else []
    if cache_dir is not None:
        candidates.append(folder(cache_dir))
    candidates.append(folder(SOURCE_CHECKOUT / ".cache"))
    return next((c for c in candidates if (c / MAIN).is_file()), None)


def files(root: Path) -> list[Path]:
    """The vendored files, sorted: the main script first."""
    found = sorted((p for p in root.iterdir() if KEPT.match(p.name)), key=lambda p: (p.name != MAIN, p.name))
    return found


def missing_message(cache_dir: Path) -> str:
    return (f"webbläsarredigeraren (cms: i site.yaml) behöver Decap CMS {VERSION}, som inte finns i "
            f"{folder(cache_dir)}. Hämta den en gång med: python -m lofte.outputs.decap "
            "(kräver npm; scripts/setup gör det åt dig)")


def _check(tarball: Path) -> None:
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        raise SystemExit(f"decap-cms {VERSION}: paketet stämmer inte med den låsta kontrollsumman; "
                         "det har inte packats upp")


def vendor(cache_dir: Path) -> Path:
    """Fetch the pinned package with `npm pack` and keep the editor's files; idempotent."""
    target = folder(cache_dir)
    if (target / MAIN).is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm saknas: installera Node.js (https://nodejs.org/) och kör kommandot igen")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        subprocess.run([npm, "pack", f"decap-cms@{VERSION}", "--silent", "--pack-destination", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        tarball = Path(tmp) / f"decap-cms-{VERSION}.tgz"
        _check(tarball)
        staged = Path(tmp) / "files"
        staged.mkdir()
        with tarfile.open(tarball) as tar:
            for member in tar.getmembers():
                parts = member.name.split("/")
                wanted = (len(parts) == 3 and parts[:2] == ["package", "dist"] and KEPT.match(parts[2])
                          or member.name == "package/LICENSE")
                if wanted and member.isfile():
                    source = tar.extractfile(member)
                    (staged / parts[-1]).write_bytes(source.read())
        staged.rename(target)  # all or nothing: a half-copied folder is never found
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lofte.outputs.decap",
                                     description="Hämtar Decap CMS till webbläsarredigeraren (en gång per projekt).")
    parser.add_argument("--cache", default=".cache", metavar="MAPP", help="projektets cachemapp (standard: .cache)")
    args = parser.parse_args(argv)
    target = vendor(Path(args.cache))
    print(f"Decap CMS {VERSION} finns i {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
