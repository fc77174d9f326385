"""The URL scheme: one place that says where every page lives.

URLs mirror content paths (`content/koping/2024/trafik/index.md` →
`koping/2024/trafik/`) and never change once published. Paths here are relative
to the site root, without a leading slash; directory pages end with "/".
Pages link to each other with relative URLs, so a site works under any path
prefix and from a file system; only the 404 page (served at any depth) and
feeds/QR codes use absolute URLs from `base_url`.
"""
from __future__ import annotations

from functools import lru_cache

from .model import Municipality, Period, Promise

HOME = ""
STATUSES = "status/"
ABOUT = "om/"
ACCESSIBILITY = "tillganglighet/"
NOT_FOUND = "404.html"
ASSETS = "assets/"
DATA = "data/"  # the open data page; the site-wide data files live beside it
SITEMAP = "sitemap.xml"
ADMIN = "admin/"  # the browser editor (outputs/admin.py), when site.yaml has `cms:`
ROBOTS = "robots.txt"

# Names a content folder may not take, because generated pages live there.
RESERVED_TOP = {"status", "om", "tillganglighet", "assets", "data", "feeds", "en", "ar", "fa", "fi",
                "so", "ti", "yi", "ku", "bs", "pl", "uk", "404", "sitemap", "robots", "affischer", "admin",
                "webbredaktorer"}
RESERVED_IN_MUNICIPALITY = {"arkiv", "kalender", "feeds", "data"}
RESERVED_IN_PERIOD = {"uppfoljning", "affisch", "inbaddning", "data", "feeds", "lattlast"}


def municipality(m: Municipality) -> str:
    return f"{m.slug}/"


def period(p: Period) -> str:
    return f"{p.municipality}/{p.slug}/"


def follow_up(p: Period) -> str:
    return f"{period(p)}uppfoljning/"


def promise(p: Period, pr: Promise) -> str:
    return f"{period(p)}{pr.slug}/"


def localized(path: str, lang: str) -> str:
    """The URL path of a page in another language: Swedish at the root, others under `<lang>/`.

    Language codes are in RESERVED_TOP, so a prefix never collides with a municipality.
    """
    return path if lang == "sv" else f"{lang}/{path}"


def content_file(rel: str) -> str:
    """Where a content asset (image, PDF) is published: at its content path."""
    return rel


def output_file(path: str) -> str:
    """The file a URL path is written to."""
    return f"{path}index.html" if path == "" or path.endswith("/") else path


@lru_cache(maxsize=65536)
def relative(from_page: str, to: str) -> str:
    """Relative URL from one page path to another (both site-root relative).

    Hot: called for every link of every page, so it works on strings instead of
    posixpath.relpath, and is cached (pages share most of their targets).
    """
    base = from_page if from_page.endswith("/") or not from_page else from_page[: from_page.rfind("/") + 1]
    common = 0
    for i, (a, b) in enumerate(zip(base, to)):
        if a != b:
            break
        if a == "/":
            common = i + 1
    else:
        if len(base) <= len(to):
            common = len(base)
    return "../" * base.count("/", common) + to[common:] or "./"


def is_page(path: str) -> bool:
    """Pages are directories ("" or ending in "/"); everything else is a file."""
    return path == "" or path.endswith("/")


def absolute(base_url: str, path: str) -> str:
    return base_url + path


def poster(p: Period, size: str, ext: str, page: int = 1) -> str:
    """Print poster of a period: size "a3"/"a4", ext "pdf"/"png".

    A poster of several pages is one PDF; each page after the first has its own
    PNG beside the first, "…-a4-2.png".
    """
    return f"{period(p)}affisch/medborgarloften-{p.municipality}-{p.slug}-{size}{f'-{page}' if page > 1 else ''}.{ext}"


POSTER_THUMBNAIL = "-liten.png"  # a poster's first page, small, beside it


def poster_thumbnail(p: Period, size: str) -> str:
    """The small PNG of a poster's first page the period page shows: "…-a4-liten.png"."""
    return poster(p, size, "png").removesuffix(".png") + POSTER_THUMBNAIL


SHARE_IMAGE = "dela.png"  # beside the page, so a content image may not take the name


def share_image(page_path: str) -> str:
    """The 1200×630 Open Graph image of a period or promise page."""
    return f"{page_path}{SHARE_IMAGE}"


def feed(page_path: str) -> str:
    """The Atom feed of the site, a municipality, a period or a promise: beside its page.

    Slugs cannot contain a dot, so `atom.xml` never collides with a content folder.
    """
    return f"{page_path}atom.xml"


def calendar(m: Municipality) -> str:
    """The iCalendar file with every event of a municipality."""
    return f"{municipality(m)}kalender.ics"


EMBED = "inbaddning/"


def embed(p: Period) -> str:
    """The self-contained summary of a period for other sites' iframes."""
    return f"{period(p)}{EMBED}"


def data_file(name: str) -> str:
    """A site-wide open data file (CSV, JSON, catalogue) beside the data page."""
    return f"{DATA}{name}"


def period_data(p: Period) -> str:
    """The open data JSON of one period, named so a downloaded copy says what it is."""
    return f"{period(p)}data/medborgarloften-{p.municipality}-{p.slug}.json"


def base_path(base_url: str) -> str:
    """The path prefix of the site: "https://example.se/trygghet/" → "/trygghet/"."""
    rest = base_url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


EDITORS = "webbredaktorer/"  # for web editors: how to embed, subscribe and reuse the data


EMBED_CODES = f"{EDITORS}kod/"  # every period's embed code, calendar and feed, on one page


def embed_code(p: Period) -> str:
    """Where a period's embed code is, on the page of codes for web editors."""
    return f"{EMBED_CODES}#{p.municipality}-{p.slug}"
