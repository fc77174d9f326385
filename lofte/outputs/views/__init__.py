"""View data: what each page kind shows, decided in Python so templates only lay it out.

`build(template, variables)` returns the page's view (`v` in the template): the
words for the model in the page's language (words.py), the summary first
(summary.py), progress with bars and charts (progress.py, chart.py), and what
every page has (site name, share image, notices for translated content).
"""
from __future__ import annotations

from dataclasses import dataclass

from lofte.content import urls

from . import notices, period_page, promise_page, start
from .words import Words

SHARE_PAGES = {"period.html", "promise.html"}  # the posters make a share image for each
SHARE_SIZE = (1200, 630)  # posters/share.py draws the share images at this size


@dataclass(frozen=True, slots=True)
class ShareImage:
    url: str  # absolute
    alt: str
    width: int = SHARE_SIZE[0]
    height: int = SHARE_SIZE[1]


PAGE_VIEWS = {
    "promise.html": promise_page.view,
    "period.html": period_page.view,
    "embed_codes.html": period_page.embed_codes,
    "follow_up.html": period_page.follow_up,
    "municipality.html": start.municipality,
    "home.html": start.home,
    "statuses.html": start.statuses_page,
    "embed.html": period_page.embed,
}


def build(template: str, variables: dict) -> dict:
    """The view of one page: `words`, common parts, and what its template kind needs."""
    w = Words(variables["_"], variables["tr"], variables.get("municipality"))
    variables["words"] = w
    site = variables["site"]
    v = {"words": w, "site_title": w.tr(site, "title"), "site_description": w.tr(site, "description"),
         **chrome(variables),
         "share": share_image(variables, w) if template in SHARE_PAGES else None, "notice": notices.for_page(variables)}
    make = PAGE_VIEWS.get(template)
    if make is not None:
        v.update(make(variables))
    return v


def chrome(variables: dict) -> dict:
    """Links every page's header and footer need, made once per page instead of a filter call per
    link: `root` leads to the site root (assets, feeds), `home` to the start page in the page's
    language (the menu's pages are relative to it)."""
    home = urls.localized("", variables["lang"]) if variables["localized_pages"] else ""
    if variables.get("absolute_links"):
        return {"root": variables["base_path"], "home": variables["base_path"] + home}
    prefix = lambda target: urls.relative(variables["url_path"], target).removeprefix("./")  # noqa: E731
    return {"root": prefix(""), "home": prefix(home)}


def share_image(variables: dict, w: Words) -> ShareImage | None:
    """The page's 1200×630 image (made by the posters for every period and promise page)."""
    period, promise = variables["period"], variables.get("promise")
    site, facts = variables["site"], variables["facts"]
    if promise is not None:
        page = urls.promise(period, promise)
        st = facts.promises[promise.path]
        status = w.status(st.final if st.ended else st.status)
        alt = w._("{title}: {status}", title=w.tr(promise, "title").text, status=status.label)
    else:
        page = urls.period(period)
        ps = facts.periods[period.path]
        alt = w._("{title}: {summary}", title=w.tr(period, "title").text,
                  summary=f"{w.promises(len(period.promises))}: {w.tally(ps.counts)}")
    return ShareImage(urls.absolute(site.base_url, urls.share_image(page)), alt)
