"""What a build tells the communicator at the end: where the site is, and the posters.

"0 filer skrivna" after `posters` read as if nothing had happened, when every
poster was already up to date: the last line now says where the site and its
posters are and how many there are, whether they were made now or kept.
"""
from __future__ import annotations

from pathlib import Path

from lofte.content.urls import POSTER_THUMBNAIL

LISTED = 4  # poster folders named one by one; more are summarised
POSTER_DIR = "affisch"  # lofte.content.urls.poster


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def poster_folders(out_dir: Path) -> list[str]:
    """The site's poster folders (`<kommun>/<period>/affisch/`) that hold posters, sorted."""
    found = {p.parent for p in out_dir.glob(f"*/*/{POSTER_DIR}/*.pdf")}
    return sorted(f"{p.relative_to(out_dir).as_posix()}/" for p in found)


def lines(out_dir: Path, counts: dict[str, int], posters: bool) -> list[str]:
    """The lines printed after a build; the last starts with "Klart:"."""
    shown = out_dir.as_posix().rstrip("/") + "/"
    changed = counts["written"]
    site = (f"Klart: webbplatsen finns i {shown} ({_count(changed, 'fil ny eller ändrad', 'filer nya eller ändrade')}, "
            f"{counts['unchanged']} oförändrade).")
    if not posters:
        return [site]
    folders = poster_folders(out_dir)
    if not folders:
        return ["Inga affischer: webbplatsen har ingen löftesperiod ännu.", site]
    files = sum(1 for f in folders for p in (out_dir / f).iterdir()
                if p.suffix in (".pdf", ".png") and not p.name.endswith(POSTER_THUMBNAIL))  # the page's, not to print
    head = (f"Affischer (A3 och A4, som PDF och PNG): {_count(files, 'fil', 'filer')} för "
            f"{_count(len(folders), 'period', 'perioder')}")
    if len(folders) <= LISTED:
        return [head + ", i", *(f"  {shown}{f}" for f in folders), site]
    return [head + f", i {shown}<kommun>/<period>/{POSTER_DIR}/ (t.ex. {shown}{folders[0]})", site]
