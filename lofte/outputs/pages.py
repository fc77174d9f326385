"""Render: the HTML pages of the public website.

`pages()` lists every page (path, template, variables) from the model; `produce()`
renders each in every interface language of the site (Swedish at the root,
others under `<lang>/`), plus translated promises and periods in content-only
languages such as Arabic. Templates are compiled once per process; they get only
presentation helpers (relative links, dates, statuses), never the clock.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jinja2
from markupsafe import Markup

from lofte.build import reuse
from lofte.content import events, statuses, urls
from lofte.content.languages import LANGUAGE_NAMES, direction, swedish_initial
from lofte.content.model import ORIGIN_KINDS, Municipality
from lofte.i18n.localize import Localizer
from lofte.i18n.translate import FixedMessages, Translator

from . import embed, hostfiles, jinjafast, opendata, opendata_csv, views
from .dcat import CATALOGUE_FILE
from .protocol import BuildContext, OutputFile

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class _PagePaths:
    """`path in PAGES`: is the path a page (which exists in every UI language)?"""

    def __contains__(self, path: str) -> bool:
        return urls.is_page(path)


PAGES = _PagePaths()


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # URL path relative to the site root ("" is the start page)
    template: str
    vars: dict


@jinja2.pass_context
def _rel(context, target: str, localize: bool = True) -> str:
    """Link from the page being rendered to `target` (a site-root path).

    A link to a page that exists in the page's language goes to that version;
    other targets (assets, posters, feeds) are the same for every language.
    """
    page, hash_, fragment = target.partition("#")
    if localize and page in context["localized_pages"]:
        target = urls.localized(page, context["lang"]) + hash_ + fragment
    if context.get("absolute_links"):
        return context["base_path"] + target
    return urls.relative(context["url_path"], target)


@jinja2.pass_context
def _sv(context, value):
    """Content that exists only in Swedish: marked `lang="sv"` on pages in other languages."""
    return context["tr"].sv(value)


def _json(value) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))


def environment(templates: str | None = None, lang: str = "sv", inputs: str = "") -> jinja2.Environment:
    """The templates, compiled for one interface language (i18n.FixedMessages).

    `inputs` (BuildContext.inputs) covers the template files: with it, a one-off
    build does not check compiled templates against their files on every page
    (four stats a page), and a changed template gives a new environment. The
    dev server, where a template may be saved during a build, keeps checking.
    """
    return _environment(templates or str(TEMPLATES), lang, inputs, not inputs or reuse.keeping())


@lru_cache(maxsize=8)
def _environment(templates: str, lang: str, inputs: str, reload: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), extensions=[FixedMessages],
        autoescape=True, undefined=jinja2.StrictUndefined, auto_reload=reload,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.context_class, env.template_class = jinjafast.Context, jinjafast.Template
    env.ui_lang = lang
    env.filters["rel"] = _rel
    env.filters["json"] = _json
    env.filters["sv"] = _sv
    env.globals.update(urls=urls, statuses=statuses.BY_KEY, progress_statuses=statuses.PROGRESS,
                       verdicts=statuses.VERDICTS, origin_kinds=ORIGIN_KINDS,
                       language_names=LANGUAGE_NAMES, direction=direction)
    env.globals.update(events=events, csp=Markup(hostfiles.CSP))  # calendar links, the page's policy
    return env


def site_pages(ctx: BuildContext) -> list[Page]:
    """The pages that belong to no municipality."""
    site = ctx.site
    return [Page(urls.HOME, "home.html", {"letters": letter_index(site.municipalities)}),
            Page(urls.STATUSES, "statuses.html", {}),
            Page(urls.ABOUT, "about.html", {}),
            Page(urls.ACCESSIBILITY, "accessibility.html", {}),
            Page(urls.NOT_FOUND, "404.html", {"absolute_links": True}),
            Page(urls.EDITORS, "editors.html", {"csv_files": opendata_csv.FILES, "json_fields": opendata.FIELDS,
                                                "site_file": opendata.SITE_FILE, "catalogue_file": CATALOGUE_FILE}),
            Page(urls.EMBED_CODES, "embed_codes.html", {"letters": letter_index(site.municipalities)}),
            Page(urls.DATA, "data.html", {"csv_files": opendata_csv.FILES,
                                          "licence": opendata.LICENCES[site.licence],
                                          "site_file": opendata.SITE_FILE, "catalogue_file": CATALOGUE_FILE})]


LETTER_INDEX_FROM = 20  # municipalities on the start page before it gets an index of initial letters


def letter_index(municipalities: tuple[Municipality, ...]) -> list[tuple[str, str]]:
    """(letter, slug of the first municipality listed under it), in listing order;
    none for a short list. The list is in Swedish alphabetical order (assemble.combine)."""
    if len(municipalities) < LETTER_INDEX_FROM:
        return []
    first: dict[str, str] = {}
    for m in municipalities:
        first.setdefault(swedish_initial(m.short_name), m.slug)
    return list(first.items())


def municipality_pages(m: Municipality) -> list[Page]:
    out = [Page(urls.municipality(m), "municipality.html", {"municipality": m})]
    for p in m.periods:
        out.append(Page(urls.period(p), "period.html", {"municipality": m, "period": p}))
        out.append(Page(urls.embed(p), "embed.html", {"municipality": m, "period": p, **embed.style(TEMPLATES)}))
        if p.follow_up is not None:
            out.append(Page(urls.follow_up(p), "follow_up.html", {"municipality": m, "period": p}))
        for pr in p.promises:
            out.append(Page(urls.promise(p, pr), "promise.html", {"municipality": m, "period": p, "promise": pr}))
    return out


def pages(ctx: BuildContext) -> list[Page]:
    return site_pages(ctx) + [page for m in ctx.site.municipalities for page in municipality_pages(m)]


def translated_pages(site, listed: list[Page]) -> dict[str, tuple[str, ...]]:
    """Page path -> languages without an interface that the page's content is translated to."""
    out: dict[str, tuple[str, ...]] = {}
    for page in listed:
        if page.template == "promise.html":
            objs = (page.vars["promise"], *page.vars["promise"].updates)
        elif page.template == "period.html":
            objs = (page.vars["period"],)
        else:
            continue
        langs = {t.lang for o in objs for t in o.translations} - set(site.languages)
        if langs:
            out[page.path] = tuple(sorted(langs))
    return out


def render(ctx: BuildContext, page: Page, lang: str = "sv", alternates: tuple[str, ...] = ("sv",)) -> OutputFile:
    """Render `page` with its content in `lang`.

    `alternates` holds the languages this page exists in. A language without an interface catalogue (Arabic) keeps the
    first site language's interface around the translated content. Templates
    see `page_path` as the Swedish path (the page's identity, for comparisons
    and for files beside the page such as feeds); links are made from `url_path`.
    """
    ui = lang if lang in ctx.site.languages else ctx.site.languages[0]
    env = environment(lang=ui, inputs=ctx.inputs)
    base_path = "/" + ctx.site.base_url.split("://", 1)[-1].split("/", 1)[-1] if "://" in ctx.site.base_url else "/"
    path = urls.localized(page.path, lang)
    variables = {
        "site": ctx.site, "facts": ctx.facts, "lang": ui, "dir": direction(ui), "content_lang": lang,
        "_": Translator(ui), "tr": Localizer(lang, ui), "page_path": page.path, "url_path": path,
        "base_path": base_path,
        "localized_pages": PAGES if ui != "sv" else frozenset(),
        "absolute_links": False, "canonical": urls.absolute(ctx.site.base_url, path),
        "alternates": [(a, urls.localized(page.path, a)) for a in alternates],
    }
    variables.update(page.vars)
    variables["v"] = views.build(page.template, variables)
    html = env.get_template(page.template).render(variables)
    return OutputFile(urls.output_file(path), html.encode("utf-8"))


def tasks(ctx: BuildContext, listed: list[Page]) -> list[tuple[Page, str, tuple[str, ...]]]:
    """Every (page, language, languages of that page) to render."""
    extra = translated_pages(ctx.site, listed)
    out = []
    for page in listed:
        langs = ctx.site.languages + extra.get(page.path, ())
        out.extend((page, lang, langs) for lang in langs)
    return out


# Site-wide pages that show no municipality's content (only site.yaml and code).
CONTENT_FREE = {"statuses.html", "about.html", "accessibility.html", "404.html", "editors.html"}


def page_key(ctx: BuildContext, page: Page, lang: str, langs: tuple[str, ...], everything: str) -> str:
    """Fingerprint of everything a page is made from, or "" when unknown.

    A page under a municipality reads only that municipality (and what every
    page reads: ctx.inputs); the few site-wide pages (start, data …) may read
    all of them. tests/test_incremental.py proves these rules.
    """
    if not ctx.fingerprints:
        return ""
    municipality = page.vars.get("municipality")
    scope = (ctx.fingerprints.get(municipality.slug, "") if municipality is not None
             else "" if page.template in CONTENT_FREE else everything)
    raw = f"{ctx.inputs}\0{scope}\0{page.template}\0{page.path}\0{lang}\0{','.join(langs)}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _produce(ctx: BuildContext, listed: list[Page], everything: str = "") -> Iterator[OutputFile]:
    """Render `listed` in every language; pages whose inputs did not change are reused."""
    for page, lang, langs in tasks(ctx, listed):
        path = urls.output_file(urls.localized(page.path, lang))
        key = page_key(ctx, page, lang, langs, everything)
        if ctx.reusable(path, key):
            yield OutputFile(path, None, key)
        else:
            yield OutputFile(path, render(ctx, page, lang, alternates=langs).data, key)


def for_municipality(ctx: BuildContext, m: Municipality, part: None = None) -> tuple[Iterator[OutputFile], None]:
    """The pages of one municipality (runs in a worker, see pipeline.py)."""
    return _produce(ctx, municipality_pages(m)), None


def for_site(ctx: BuildContext) -> Iterator[OutputFile]:
    """The site-wide pages; they may show every municipality."""
    everything = hashlib.sha256("".join(sorted(ctx.fingerprints.values())).encode()).hexdigest()
    return _produce(ctx, site_pages(ctx), everything)


def compile_templates(languages: tuple[str, ...], inputs: str) -> None:
    """Compile every template once per interface language, before workers fork, so they share the result.

    `pipeline.build` does it while the municipalities are read; then it costs no wall time.
    """
    for lang in languages:
        env = environment(lang=lang, inputs=inputs)
        for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
            env.get_template(name)
