"""The Jinja environment the pages are rendered with: one per interface language.

Templates are found through templatefiles.py: a site's own templates/ folder
first, then the packaged ones. Each environment translates
the fixed UI texts when a template compiles (i18n.FixedMessages), escapes every
value (autoescape) and refuses undefined names (StrictUndefined). It gets only
presentation helpers (relative links, JSON, Swedish-only markers, URLs and
status lists), never the clock.
"""
from __future__ import annotations

import json
import weakref
from functools import lru_cache

import jinja2
from markupsafe import Markup

from lofte.content import events, statuses, urls
from lofte.content.errors import LofteError
from lofte.content.languages import LANGUAGE_NAMES, direction
from lofte.content.origins import ORIGIN_KINDS
from lofte.i18n import translate
from lofte.i18n.translate import FixedMessages

from . import hostfiles, templatefiles

TEMPLATES = templatefiles.PACKAGED  # the packaged templates (a site's own folder comes first, see search_path)


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


# Per environment (one per interface language and template state): each status badge as printed.
_BADGES: "weakref.WeakKeyDictionary[jinja2.Environment, dict]" = weakref.WeakKeyDictionary()


@jinja2.pass_context
def _status(context, s, link: bool = True) -> Markup:
    """`{{ status(s) }}`: templates/_status.html for one status (words.StatusView).

    A national build prints about 25,000 badges but only 25 different ones per language: each is
    rendered once per status and link target, and reused (a macro call costs more than the text).
    """
    home = context["v"]["home"] if link else ""
    made = _BADGES.get(context.environment)
    if made is None:
        made = _BADGES[context.environment] = {}
    key = (s, home, link)
    badge = made.get(key)
    if badge is None:
        template = context.environment.get_template("_status.html")
        badge = made[key] = Markup(template.render(s=s, home=home, link=link, _=context["_"]))
    return badge


def _json(value) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))


def environment(templates: tuple[str, ...] | None = None, lang: str = "sv", inputs: str = "",
                live: bool = False) -> jinja2.Environment:
    """The templates, compiled for one interface language.

    `inputs` (the engine's fingerprint of code, templates and settings) names the
    template files' state: with it, a one-off build does not check compiled
    templates against their files on every page (four stats a page), and changed
    templates give a new environment. The dev server (`live`), where a template
    may be saved during a build, keeps checking.
    """
    return _environment(tuple(templates or (str(TEMPLATES),)), lang, inputs, live or not inputs)


@lru_cache(maxsize=8)
def _environment(templates: tuple[str, ...], lang: str, inputs: str, reload: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(templates)), extensions=[FixedMessages],  # first folder with a file wins
        autoescape=True, undefined=jinja2.StrictUndefined, auto_reload=reload,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.ui_lang = lang
    env.filters["rel"] = _rel
    env.filters["json"] = _json
    env.filters["sv"] = _sv
    env.globals["status"] = _status
    env.globals.update(urls=urls, statuses=statuses.BY_KEY, progress_statuses=statuses.PROGRESS,
                       verdicts=statuses.VERDICTS, origin_kinds=ORIGIN_KINDS,
                       language_names=LANGUAGE_NAMES, direction=direction)
    env.globals.update(events=events, csp=Markup(hostfiles.CSP))  # calendar links, the page's policy
    return env


def compile_all(languages: tuple[str, ...], inputs: str, templates: tuple[str, ...] | None = None,
                live: bool = False) -> None:
    """Compile every template once per interface language, and load its CLDR data.

    The engine does it while the municipalities are read, so it costs no wall
    time, and before worker processes fork, so they share the result.
    """
    translate.prepare(languages)
    for lang in languages:
        env = environment(templates, lang=lang, inputs=inputs, live=live)
        broken = []
        for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:  # a site's own template: say where, not a traceback
                broken.append(f"{exc.filename or name}, rad {exc.lineno}: {exc.message}")
        if broken:
            raise LofteError("en mall går inte att läsa (inget byggdes, den förra webbplatsen finns kvar):\n  "
                             + "\n  ".join(broken) + "\nRätta mallen, eller ta bort den så används löftes egen.")
