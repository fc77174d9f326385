"""The browser editor at /admin/: Decap CMS with forms made from löfte's schema.

Made only when site.yaml has `cms:`; otherwise nothing here runs and the site
is byte for byte what it was. The editor lives at admin/ beside the site and
loads nothing from another origin but the git host it saves to.

Decap needs what residents' pages never allow, so /admin/ has its own policy
(its meta tag here, and the host files for /admin/ only, hostfiles.py): it
compiles its config schema with `new Function` (Ajv), so 'unsafe-eval'; it
styles itself with injected <style> elements (Emotion), so 'unsafe-inline'
styles; it shows images as blob: and data: URLs. It needs no WebAssembly (see
decap.py) and no inline script.
"""
from __future__ import annotations

import html
import json
from string import Template
from typing import Iterator
from urllib.parse import urlsplit

import yaml

from lofte.content import statuses, urls
from lofte.content.errors import LofteError
from lofte.content.model import Cms, Site

from . import cmsconfig, cmsforms, decap, templatefiles
from .protocol import BuildContext, OutputFile, SiteOutput

FOLDER = urls.ADMIN
DECAP = FOLDER + "decap/"
STYLESHEET = "../" + urls.ASSETS + "style.css"  # from admin/, wherever the site is published
KEPT = ("translations", "acknowledged")  # what the forms keep untouched (cmsforms.kept)
HOSTS = {  # what the editor talks to besides the site, by backend: (connect-src, img-src)
    "github": (("https://api.github.com",), ("https://avatars.githubusercontent.com",)),
    "gitlab": (("https://gitlab.com",), ("https://gitlab.com", "https://secure.gravatar.com")),
    "local": ((), ()),
}
MESSAGES = {
    "kommunInPeriods": "Det här är kommunens egen fil (kommun.yaml), inte en löftesperiod. "
                       "Den redigeras i samlingen för kommunen.",
    "dateFixed": "Datumet står i filnamnet ({date}) och kan inte ändras efter att uppdateringen har sparats. "
                 "Skriv en ny uppdatering med rätt datum som rättar den här.",
    "previewNote": "Förhandsvisning med webbplatsens utseende. Sidan byggs och kontrolleras när du har sparat.",
    "today": "I dag",
    "notStated": "Anges inte i källan",
    "notStatedNote": "Förklaring (frivillig), t.ex. vad källan säger i stället",
    "periodWithoutStart": "En ny period får sitt mappnamn av startåret, och det anger källan inte. Skapa perioden "
                          "med kommandot lofte new period kommun/2023-2024 (mappnamnet kan vara årtalen källan "
                          "nämner) och redigera den sedan här.",
    "exampleUpdate": "den här uppdateringen är påhittad.",
    "examplePromise": "påhittade uppgifter som visar hur sidan fungerar.",
}
# Swedish for what Decap 3.16's own Swedish lacks, and plainer words where it has them.
PHRASES = {
    "collection": {"collectionTop": {"viewAsList": "Visa som lista", "viewAsGrid": "Visa som rutnät",
                                     "newButton": "Skapa %{collectionLabel}"}},
    "editor": {
        "editorControl": {"field": {"widgetLabel": "fältet %{widgetLabel}"}},
        "editorWidgets": {
            "list": {"add": "Lägg till %{item}", "addType": "Lägg till %{item}"},
            "object": {"expand": "Visa", "collapse": "Dölj"},
            "markdown": {"richText": "Formaterad text", "markdown": "Markdown", "strikethrough": "Genomstruken",
                         "toggleMode": {"rich": "Byt till formaterad text", "markdown": "Byt till Markdown"}},
            "datetime": {"now": "I dag", "setToNow": "Sätt %{fieldLabel} till i dag"},
            "image": {"chooseMultiple": "Välj bilder", "addMore": "Lägg till fler bilder",
                      "removeAll": "Ta bort alla bilder"},
            "file": {"chooseMultiple": "Välj filer", "addMore": "Lägg till fler filer", "removeAll": "Ta bort alla filer"},
        },
    },
    "mediaLibrary": {"mediaLibraryModal": {"close": "Stäng"}},
    "ui": {"settingsDropdown": {"account": "Konto"},
           "toast": {"missingRequiredField": "Ett obligatoriskt fält är tomt. Fyll i det och spara igen.",
                     # Decap 3.16 sometimes fails to make the link when an entry opens right after an
                     # unsaved new one; nothing else is wrong, so the message says just that.
                     "onFailToLoadDeployPreview": "Länken ”Visa live” kunde inte göras. Ladda om sidan om du "
                                                  "behöver den."}},
}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def csp(cms: Cms, local: bool = False) -> str:
    """The editor's Content-Security-Policy (see the module docstring for why each part)."""
    connect, img = HOSTS["local" if local else cms.backend]
    if not local and cms.backend == "gitlab" and cms.base_url:  # a self-hosted GitLab
        connect, img = (_origin(cms.base_url),), (_origin(cms.base_url), "https://secure.gravatar.com")
    if not local and cms.api_root:
        connect = (*connect, _origin(cms.api_root))
    images = " ".join(("'self'", "data:", "blob:", *img))
    talks = " ".join(("'self'", *dict.fromkeys(connect)))
    return ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            f"img-src {images}; connect-src {talks}; object-src 'none'; base-uri 'self'; form-action 'none'")


def preview_data(site: Site) -> dict:
    """What lofte-cms.js needs to know about each collection (for previews and checks)."""
    out: dict[str, dict] = {}
    for m in site.municipalities:
        parties = dict(cmsforms.Parties.of(m).options)
        out[cmsconfig.periods_name(m)] = {"kind": "period"}
        out[cmsconfig.municipality_name(m)] = {"kind": "municipality"}
        for p in m.periods:
            out[cmsconfig.promises_name(m, p)] = {"kind": "promise", "parties": parties}
            for pr in p.promises:
                out[cmsconfig.updates_name(m, p, pr)] = {
                    "kind": "update", "parties": parties,
                    "indicators": {i.id: {"name": i.name, "unit": i.unit} for i in pr.indicators}}
    return out


def script(site: Site) -> bytes:
    data = {"phrases": PHRASES, "messages": MESSAGES, "stylesheet": STYLESHEET, "kept": list(KEPT),
            "statuses": {s.key: {"symbol": s.symbol, "label": s.text("sv"), "tone": s.tone}
                         for s in statuses.PROGRESS + statuses.VERDICTS},
            "collections": preview_data(site)}
    code = (templatefiles.PACKAGED / "admin" / "lofte-cms.js").read_text(encoding="utf-8")
    return (f"window.LOFTE_CMS = {json.dumps(data, ensure_ascii=False)};\n{code}").encode()


def page(site: Site, cms: Cms, local: bool = False) -> bytes:
    template = Template((templatefiles.PACKAGED / "admin" / "index.html").read_text(encoding="utf-8"))
    return template.substitute(csp=csp(cms, local), title=html.escape(site.title)).encode()


try:  # the C emitter is many times faster; a large site's config is megabytes
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper


def shared(value, seen: dict | None = None):
    """`value` with equal lists and mappings made one object, which YAML then writes once
    (an anchor) and refers to (aliases): every promise's form repeats most fields, and
    Decap reads aliases in its config without limit."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        value = {k: shared(v, seen) for k, v in value.items()}
        key = ("d", tuple((k, id(v) if isinstance(v, (dict, list)) else (type(v), v)) for k, v in value.items()))
    elif isinstance(value, list):
        value = [shared(v, seen) for v in value]
        key = ("l", tuple(id(v) if isinstance(v, (dict, list)) else (type(v), v) for v in value))
    else:
        return value
    return seen.setdefault(key, value)


def config_yaml(site: Site, cms: Cms, local: bool = False, site_url: str | None = None) -> bytes:
    data = cmsconfig.config(site, cms, local, site_url)
    data["collections"] = [shared(c, seen) for seen in [{}] for c in data["collections"]]
    header = "# Gjord av löfte från content/ (lofte/outputs/admin.py): ändra innehållet, inte den här filen.\n"
    return (header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)).encode()


def generated(site: Site, cms: Cms, local: bool = False, site_url: str | None = None) -> dict[str, bytes]:
    """The editor's own files, by path under admin/ (the preview server serves the same)."""
    return {"index.html": page(site, cms, local), "config.yml": config_yaml(site, cms, local, site_url),
            "lofte-cms.js": script(site), "lofte-cms.css": (templatefiles.PACKAGED / "admin" / "lofte-cms.css").read_bytes()}


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    cms = ctx.site.cms
    if cms is None:
        return
    try:
        vendored = decap.locate(ctx.cache_dir) or decap.vendor(ctx.cache_dir)
    except decap.Unavailable as exc:
        raise LofteError(f"webbläsarredigeraren (cms: i site.yaml) behöver Decap CMS: {exc}") from None
    for name, data in generated(ctx.site, cms).items():
        yield OutputFile(FOLDER + name, data)
    for path in decap.files(vendored):  # the writer links a file whose bytes did not change
        yield OutputFile(DECAP + path.name, path.read_bytes())


# Reads every municipality (a collection per promise) and site.yaml (the cms: block).
OUTPUT = SiteOutput("admin", reads="site", make=produce)
