"""Render: the HTML pages of the public website.

`municipality_pages(m)` and `site_pages`/`fixed_pages` list every page (path,
template, variables) from the model; each is rendered in every interface
language of the site (Swedish at the root, others under `<lang>/`), plus
translated promises and periods in content-only languages such as Arabic. The
Jinja environment is in templating.py; the outputs at the end tell the engine
what each group of pages reads (protocol.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import jinja2

from lofte.content import urls
from lofte.content.errors import LofteError
from lofte.content.languages import direction, swedish_initial
from lofte.content.model import Municipality, Site
from lofte.i18n.localize import Localizer
from lofte.i18n.translate import Translator

from . import embed, opendata, opendata_csv, views
from .dcat import CATALOGUE_FILE
from .protocol import BuildContext, Made, MunicipalityOutput, OutputFile, SiteOutput
from . import templatefiles
from .templating import TEMPLATES, environment


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


def site_pages(site: Site) -> list[Page]:
    """The pages that belong to no municipality and show them all."""
    return [Page(urls.HOME, "home.html", {"letters": letter_index(site.municipalities)}),
            Page(urls.EMBED_CODES, "embed_codes.html", {"letters": letter_index(site.municipalities)}),
            Page(urls.DATA, "data.html", {"csv_files": opendata_csv.FILES,
                                          "licence": opendata.LICENCES[site.licence],
                                          "site_file": opendata.SITE_FILE, "catalogue_file": CATALOGUE_FILE})]


def fixed_pages(site: Site) -> list[Page]:
    """The pages that show no municipality's content (only site.yaml and code)."""
    return [Page(urls.STATUSES, "statuses.html", {}),
            Page(urls.ABOUT, "about.html", {}),
            Page(urls.ACCESSIBILITY, "accessibility.html", {}),
            Page(urls.NOT_FOUND, "404.html", {"absolute_links": True}),
            Page(urls.EDITORS, "editors.html", {"csv_files": opendata_csv.FILES, "json_fields": opendata.FIELDS,
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


def _folders(ctx: BuildContext) -> tuple[str, ...]:
    """The template folders of this build (a site's own first), or the packaged ones."""
    return ctx.templates or (str(TEMPLATES),)


def municipality_pages(m: Municipality, templates: tuple[str, ...] | None = None) -> list[Page]:
    """Every page of one municipality; `templates` (the folders) give the embed pages their inline style."""
    style = (embed.style(templatefiles.find(templates, "_embed.css")) if templates is not None
             else {"style": "", "style_hash": ""})
    out = [Page(urls.municipality(m), "municipality.html", {"municipality": m})]
    for p in m.periods:
        out.append(Page(urls.period(p), "period.html", {"municipality": m, "period": p}))
        out.append(Page(urls.embed(p), "embed.html", {"municipality": m, "period": p, **style}))
        if p.follow_up is not None:
            out.append(Page(urls.follow_up(p), "follow_up.html", {"municipality": m, "period": p}))
        for pr in p.promises:
            out.append(Page(urls.promise(p, pr), "promise.html", {"municipality": m, "period": p, "promise": pr}))
    return out


def pages(ctx: BuildContext) -> list[Page]:
    """Every page of the site."""
    site = ctx.site
    return (site_pages(site) + fixed_pages(site)
            + [page for m in site.municipalities for page in municipality_pages(m, ctx.templates)])


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
    env = environment(_folders(ctx), lang=ui, inputs=ctx.inputs, live=ctx.live)
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
    try:
        template = env.get_template(page.template)
    except jinja2.TemplateNotFound as exc:
        raise LofteError(f"mallen {exc.name} saknas i {' och '.join(_folders(ctx))}. "
                         "Lägg tillbaka filen eller installera om löfte.") from None
    variables["v"] = views.build(page.template, variables)  # what the page shows, built in Python
    html = template.render(variables)
    return OutputFile(urls.output_file(path), html.encode("utf-8"))


def tasks(site: Site, listed: list[Page]) -> list[tuple[Page, str, tuple[str, ...]]]:
    """Every (page, language, languages of that page) to render."""
    extra = translated_pages(site, listed)
    out = []
    for page in listed:
        langs = site.languages + extra.get(page.path, ())
        out.extend((page, lang, langs) for lang in langs)
    return out


def _render_all(ctx: BuildContext, listed: list[Page]) -> Iterator[OutputFile]:
    """Render `listed` in every language, one page at a time (lazily)."""
    for page, lang, langs in tasks(ctx.site, listed):
        yield render(ctx, page, lang, alternates=langs)


def _paths(site: Site, listed: list[Page]) -> list[str]:
    return [urls.output_file(urls.localized(page.path, lang)) for page, lang, _ in tasks(site, listed)]


def municipality_paths(site: Site, m: Municipality) -> list[str]:
    return _paths(site, municipality_pages(m))


def make_municipality(ctx: BuildContext, m: Municipality) -> Made:
    return Made(_render_all(ctx, municipality_pages(m, _folders(ctx))))


def site_paths(site: Site) -> list[str]:
    return _paths(site, site_pages(site))


def make_site(ctx: BuildContext) -> Iterator[OutputFile]:
    return _render_all(ctx, site_pages(ctx.site))


def fixed_paths(site: Site) -> list[str]:
    return _paths(site, fixed_pages(site))


def make_fixed(ctx: BuildContext) -> Iterator[OutputFile]:
    return _render_all(ctx, fixed_pages(ctx.site))


MUNICIPALITY = MunicipalityOutput("pages", paths=municipality_paths, make=make_municipality)
SITE = SiteOutput("site-pages", reads="site", paths=site_paths, make=make_site)
FIXED = SiteOutput("fixed-pages", reads="settings", paths=fixed_paths, make=make_fixed)
