"""Decap CMS, the browser editor's program: fetched from npm at set-up, never from a CDN.

The editor at /admin/ is served from the site's own origin, so its scripts are
copied into every build that has `cms:` in site.yaml. They come from the npm
package at a pinned version, checked against the package's pinned sha512, into
`<project>/.cache/cms/`: `scripts/setup` runs `python -m lofte.outputs.decap`,
and a build that needs them and finds none fetches them once (a CI runner that
only installed löfte with pip). With npm the package comes through npm (its
registry settings, proxies and mirrors apply); without it, from the npm
registry directly, so neither a build nor `serve --cms` needs Node.js.
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

import base64
import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

VERSION = "3.16.3"
INTEGRITY = ("sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==")
TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{VERSION}.tgz"
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


class Unavailable(Exception):
    """Decap could not be fetched; the message says why, in Swedish."""


def _check(tarball: Path) -> None:
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        raise Unavailable(f"decap-cms {VERSION}: paketet stämmer inte med den låsta kontrollsumman; "
                          "det har inte packats upp")


def _fetch(tmp: Path) -> Path:
    """The package tarball: through npm if it is installed, else straight from the registry."""
    import subprocess
    import urllib.request  # only when fetching: every build imports this module
    tarball = tmp / f"decap-cms-{VERSION}.tgz"
    npm = shutil.which("npm")
    try:
        if npm is not None:
            subprocess.run([npm, "pack", f"decap-cms@{VERSION}", "--silent", "--pack-destination", str(tmp)],
                           check=True, stdout=subprocess.DEVNULL)
        else:
            with urllib.request.urlopen(TARBALL, timeout=120) as response, open(tarball, "wb") as out:
                shutil.copyfileobj(response, out)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise Unavailable(f"kunde inte hämta Decap CMS {VERSION} från npm ({exc}); kontrollera "
                          "internetanslutningen och försök igen") from None
    return tarball


def vendor(cache_dir: Path) -> Path:
    """Fetch the pinned package and keep the editor's files; idempotent."""
    import tarfile
    import tempfile
    target = folder(cache_dir)
    if (target / MAIN).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        tarball = _fetch(Path(tmp))
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
    import argparse
    parser = argparse.ArgumentParser(prog="python -m lofte.outputs.decap",
                                     description="Hämtar Decap CMS till webbläsarredigeraren (en gång per projekt).")
    parser.add_argument("--cache", default=".cache", metavar="MAPP", help="projektets cachemapp (standard: .cache)")
    args = parser.parse_args(argv)
    try:
        target = vendor(Path(args.cache))
    except Unavailable as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    print(f"Decap CMS {VERSION} finns i {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
