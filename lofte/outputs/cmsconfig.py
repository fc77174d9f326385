"""admin/config.yml: Decap CMS's collections, one per folder the content layout has.

Decap edits the files of a folder as one collection, so the content layout
becomes: per promise, a folder collection of its updates (file name
`ÅÅÅÅ-MM-DD-<rubrik>.md` from the date and title); per period, one of its
promises (`<rubrik>/index.md`); per municipality, one of its periods
(`<startår>/lofte.yaml`); and one with its kommun.yaml.
Collections for the periods running now come first: updates are what
communicators write most. Nothing can be deleted: a published update is
corrected by a new one (docs/innehall.md, section 14).
"""
from __future__ import annotations

import datetime as dt

from lofte.content.model import Cms, Municipality, Period, Promise, Site

from . import cmsforms

PROXY_URL = "/api/v1"  # the preview server's local backend (authoring/cmsproxy.py)
LABEL_LIMIT = 70
COMMIT_MESSAGES = {
    "create": "Ny {{collection}}: {{slug}} (webbläsaren, {{author-name}})",
    "update": "Ändrad {{collection}}: {{slug}} (webbläsaren, {{author-name}})",
    "delete": "Borttagen {{collection}}: {{slug}} (webbläsaren, {{author-name}})",
    "uploadMedia": "Ny fil: {{path}} (webbläsaren, {{author-name}})",
    "deleteMedia": "Borttagen fil: {{path}} (webbläsaren, {{author-name}})",
}


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def backend(cms: Cms, local: bool) -> dict:
    """Where saves go: the git host (each save a commit), or the preview server on this computer."""
    if local or cms.backend == "local":
        return {"name": "proxy", "proxy_url": PROXY_URL, "branch": cms.branch}
    out = {"name": cms.backend, "repo": cms.repo, "branch": cms.branch, "commit_messages": COMMIT_MESSAGES}
    if cms.backend == "gitlab":
        out.update(auth_type="pkce", app_id=cms.app_id)
    for key in ("base_url", "auth_endpoint", "api_root"):
        if getattr(cms, key):
            out[key] = getattr(cms, key)
    return out


def _ended(p: Period, today: dt.date) -> bool:
    return bool(p.end) and p.end < today  # an end the source does not state (okänt) is falsy


def _newest_first(m: Municipality) -> list[Period]:
    return sorted(m.periods, key=lambda p: (-(p.start or dt.date.min).toordinal(), p.slug))


def _prefix(site: Site, m: Municipality, p: Period) -> str:
    many = len(site.municipalities) > 1
    return f"{m.short_name} {p.slug}: " if many else f"{p.slug}: " if len(m.periods) > 1 else ""


def updates_name(m: Municipality, p: Period, pr: Promise) -> str:
    return f"uppdateringar-{m.slug}-{p.slug}-{pr.slug}"


def promises_name(m: Municipality, p: Period) -> str:
    return f"loften-{m.slug}-{p.slug}"


def periods_name(m: Municipality) -> str:
    return f"perioder-{m.slug}"


def updates(site: Site, folder: str, m: Municipality, p: Period, pr: Promise, parties) -> dict:
    return {
        "name": updates_name(m, p, pr),
        "label": f"{_prefix(site, m, p)}{short(pr.title)}",  # the sidebar lists promises; each holds its updates
        "label_singular": "uppdatering",
        "description": f"Uppdateringar om löftet ”{pr.title}” ({m.short_name}, {p.slug}). Skapa en ny när något "
                       "har hänt: status, siffror, underlag. En publicerad uppdatering rättas med en ny. "
                       f"Själva löftet redigeras under ”{p.slug}: alla löften”.",
        "folder": f"{folder}/{m.slug}/{p.slug}/{pr.slug}/updates",
        "create": True, "delete": False, "extension": "md", "format": "frontmatter",
        "slug": "{{fields.date}}-{{slug}}",
        "summary": "{{filename | truncate(10, ':')}} {{title}}",
        "media_folder": "", "public_folder": "",
        "preview_path": f"{m.slug}/{p.slug}/{pr.slug}/",
        "fields": cmsforms.update(pr, parties),
    }


def promises(site: Site, folder: str, m: Municipality, p: Period, parties) -> dict:
    return {
        "name": promises_name(m, p),
        "label": f"{m.short_name + ' ' if len(site.municipalities) > 1 else ''}{p.slug}: alla löften",
        "label_singular": "löfte",
        "description": f"Löftena i ”{p.title}”. Ett nytt löfte får en mapp som heter som rubriken.",
        "folder": f"{folder}/{m.slug}/{p.slug}", "path": "{{slug}}/index",
        "create": True, "delete": False, "extension": "md", "format": "frontmatter",
        "slug": "{{slug | truncate(60, '-')}}",  # as long as `new löfte` makes them
        "summary": "{{title}}",
        "media_folder": "", "public_folder": "",
        "preview_path": f"{m.slug}/{p.slug}/{{{{dirname}}}}/",
        "fields": cmsforms.promise(parties, p.focus_areas, p.follow_up is not None),
    }


# A municipality's periods are the lofte.yaml files in its folder; Decap lists
# kommun.yaml there too (it cannot filter by file name). Its card says so, and
# lofte-cms.js refuses to save it from this form.
KOMMUN_CARD = "{{fields.name | ternary('Kommunens egen fil: den redigeras i samlingen för kommunen', '')}}"


def periods(site: Site, folder: str, m: Municipality, parties) -> dict:
    return {
        "name": periods_name(m),
        "label": f"{m.short_name + ': ' if len(site.municipalities) > 1 else ''}Löftesperioder",
        "label_singular": "löftesperiod",
        "description": "En ny period får en mapp som heter som startåret, t.ex. 2027.",
        "folder": f"{folder}/{m.slug}", "path": "{{slug}}/lofte",
        "create": True, "delete": False, "extension": "yaml", "format": "yaml",
        "slug": "{{fields.start | date('YYYY')}}",
        "summary": "{{title}}" + KOMMUN_CARD,
        "preview_path": f"{m.slug}/{{{{dirname}}}}/",
        "fields": cmsforms.period(parties),
    }


def municipality_name(m: Municipality) -> str:
    return f"kommun-{m.slug}"


def municipality(site: Site, folder: str, m: Municipality) -> dict:
    """kommun.yaml, as the one file a folder collection finds at the top of the municipality's folder
    (a file collection would do, but Decap 3.16 then fails to make its "Visa live" link)."""
    return {
        "name": municipality_name(m),
        "label": f"{m.short_name}: kommunen" if len(site.municipalities) > 1 else "Kommunen",
        "label_singular": "kommun",
        "description": "Kommunens namn, kontakt för löftena och andra parter än polisen och kommunen.",
        "folder": f"{folder}/{m.slug}", "create": False, "delete": False, "extension": "yaml", "format": "yaml",
        "identifier_field": "name", "summary": "{{name}}", "preview_path": f"{m.slug}/",
        "fields": cmsforms.municipality(),
    }


def config(site: Site, cms: Cms, local: bool = False, site_url: str | None = None) -> dict:
    """The whole config.yml as data; `local`: saves go to the preview server (serve --cms)."""
    folder = cms.content_folder
    running: list[dict] = []
    ended: list[dict] = []  # updates to ended periods are rare (corrections): after the running ones
    later: list[dict] = []
    for m in site.municipalities:
        parties = cmsforms.Parties.of(m)
        for p in _newest_first(m):
            (ended if _ended(p, site.build_date) else running).extend(
                updates(site, folder, m, p, pr, parties) for pr in p.promises)
            later.append(promises(site, folder, m, p, parties))
        later += [periods(site, folder, m, parties), municipality(site, folder, m)]
    url = site_url or site.base_url
    return {
        "backend": backend(cms, local),
        "locale": "sv",
        "site_url": url, "display_url": url, "show_preview_links": True,
        "media_folder": folder, "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": running + ended + later,
    }
