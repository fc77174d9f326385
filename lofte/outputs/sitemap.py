"""sitemap.xml and robots.txt, with absolute URLs from `base_url`.

The sitemap is made from the files the other producers return, not from a
second list of pages, so it can never miss a page type added later. A page is
listed when it is HTML, is not a 404 page (one per language) and is not an
embed page or the browser editor (those carry `<meta name="robots" content="noindex">`).

robots.txt only takes effect at the root of a host; a site published under a
path prefix still gets one, for the host's owner to copy from.
"""
from __future__ import annotations

import posixpath
from html import escape
from typing import Iterable

from lofte.content import urls
from lofte.content.model import Site
from lofte.content.textcheck import xml_safe

from .protocol import OutputFile

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_path(file_path: str) -> str:
    """The URL path of an HTML output file: directory pages end with "/"."""
    if file_path == "index.html":
        return ""
    return file_path[: -len("index.html")] if file_path.endswith("/index.html") else file_path


def listed(files: Iterable[str]) -> list[str]:
    """URL paths of the pages a search engine should know about, sorted."""
    return sorted(page_path(f) for f in files
                  if f.endswith(".html") and posixpath.basename(f) != urls.NOT_FOUND and f"/{urls.EMBED}" not in f"/{f}"
                  and not f.startswith(urls.ADMIN))


def sitemap(site: Site, paths: list[str]) -> bytes:
    locs = "".join(f"  <url>\n    <loc>{escape(xml_safe(urls.absolute(site.base_url, p)))}</loc>\n  </url>\n"
                   for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{locs}</urlset>\n').encode()


def robots(site: Site) -> bytes:
    sitemap_url = urls.absolute(site.base_url, urls.SITEMAP)
    if not sitemap_url.isprintable() or " " in sitemap_url:  # base_url is checked at input (content/baseurl.py)
        raise ValueError(f"unsafe URL for robots.txt: {sitemap_url!r}")
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode()


def produce(site: Site, files: list[str]) -> list[OutputFile]:
    """Runs last: it reads the paths of everything the other producers made."""
    return [OutputFile(urls.SITEMAP, sitemap(site, listed(files))), OutputFile(urls.ROBOTS, robots(site))]
