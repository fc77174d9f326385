"""Render: the HTML pages of the public website.

`pages()` lists every page (path, template, variables) from the model; `produce()`
renders them. Templates are compiled once per process; they get only
presentation helpers (relative links, dates, statuses), never the clock.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jinja2
from markupsafe import Markup

from . import statuses, urls
from .i18n import LANGUAGE_NAMES, Translator, direction
from .model import ORIGIN_KINDS
from .outputs import BuildContext, OutputFile

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # URL path relative to the site root ("" is the start page)
    template: str
    vars: dict


@jinja2.pass_context
def _rel(context, target: str) -> str:
    """Link from the page being rendered to `target` (a site-root path)."""
    if context.get("absolute_links"):
        return context["base_path"] + target
    return urls.relative(context["page_path"], target)


def _json(value) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))


@lru_cache(maxsize=4)
def environment(templates: str = str(TEMPLATES)) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["rel"] = _rel
    env.filters["json"] = _json
    env.globals.update(urls=urls, statuses=statuses.BY_KEY, progress_statuses=statuses.PROGRESS,
                       verdicts=statuses.VERDICTS, origin_kinds=ORIGIN_KINDS,
                       language_names=LANGUAGE_NAMES)
    return env


def pages(ctx: BuildContext) -> list[Page]:
    site = ctx.site
    out = [Page(urls.HOME, "home.html", {}),
           Page(urls.STATUSES, "statuses.html", {}),
           Page(urls.ABOUT, "about.html", {}),
           Page(urls.ACCESSIBILITY, "accessibility.html", {}),
           Page(urls.NOT_FOUND, "404.html", {"absolute_links": True})]
    for m in site.municipalities:
        out.append(Page(urls.municipality(m), "municipality.html", {"municipality": m}))
        for p in m.periods:
            out.append(Page(urls.period(p), "period.html", {"municipality": m, "period": p}))
            if p.follow_up is not None:
                out.append(Page(urls.follow_up(p), "follow_up.html", {"municipality": m, "period": p}))
            for pr in p.promises:
                out.append(Page(urls.promise(p, pr), "promise.html",
                                {"municipality": m, "period": p, "promise": pr}))
    return out


def render(ctx: BuildContext, page: Page, lang: str = "sv",
           templates: str = str(TEMPLATES)) -> OutputFile:
    env = environment(templates)
    base_path = "/" + ctx.site.base_url.split("://", 1)[-1].split("/", 1)[-1] if "://" in ctx.site.base_url else "/"
    variables = {
        "site": ctx.site, "facts": ctx.facts, "lang": lang, "dir": direction(lang),
        "_": Translator(lang), "page_path": page.path, "base_path": base_path,
        "absolute_links": False, "canonical": urls.absolute(ctx.site.base_url, page.path),
    }
    variables.update(page.vars)
    html = env.get_template(page.template).render(variables)
    return OutputFile(urls.output_file(page.path), html.encode("utf-8"))


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    for page in pages(ctx):
        yield render(ctx, page)
