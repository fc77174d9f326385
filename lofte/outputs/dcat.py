"""A DCAT-AP-SE catalogue (RDF/XML) so the data set can be listed on dataportal.se.

The Swedish data portal harvests a catalogue file in RDF/XML from a URL the
publisher registers; this writes one with a single data set (all medborgarlöften
of the site) and one distribution per site-wide file (JSON and the CSV files).
It has the properties DCAT-AP-SE requires (titles, descriptions, publisher,
contact point, licence, access and download URLs) and the recommended ones we
can fill from content alone: theme, keywords, language, time span, formats.
Dates come from the content, never the clock.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Iterator

from lofte.content import urls
from lofte.content.textcheck import xml_safe

from .opendata import LICENCES, SITE_FILE
from .opendata_csv import FILES
from .protocol import BuildContext, OutputFile, SiteOutput

CATALOGUE_FILE = "katalog.rdf"

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

EU = "http://publications.europa.eu/resource/authority/"
THEME = EU + "data-theme/JUST"  # Rättskipning, rättssystem och allmän säkerhet
LANGUAGE = EU + "language/SWE"
SPATIAL = EU + "country/SWE"
FREQUENCY = EU + "frequency/IRREG"  # updates come when there is something to tell
KEYWORDS = ("medborgarlöften", "brottsförebyggande arbete", "trygghet", "polisen", "kommuner")
FORMATS = {"json": ("JSON", "application/json"), "csv": ("CSV", "text/csv")}


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def add(parent: ET.Element, name: str, text: str | None = None, resource: str | None = None,
        datatype: str | None = None, lang: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, q(name))
    if resource is not None:
        el.set(q("rdf:resource"), xml_safe(resource))
    if datatype:
        el.set(q("rdf:datatype"), NS["xsd"] + datatype)
    if lang:
        el.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    if text is not None:
        el.text = xml_safe(text)  # ElementTree would write a control character as it is
    return el


def _dates(ctx: BuildContext) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """First day, last day and newest update of all periods (None when unknown)."""
    periods = [p for m in ctx.site.municipalities for p in m.periods]
    starts = [p.start for p in periods if p.start]
    ends = [p.end for p in periods if p.end]
    updated = [s.last_updated for s in ctx.facts.periods.values() if s.last_updated]
    return min(starts, default=None), max(ends, default=None), max(updated, default=None)


def catalogue(ctx: BuildContext) -> bytes:
    site = ctx.site
    base = site.base_url
    page = urls.absolute(base, urls.DATA)
    licence = LICENCES[site.licence][2]
    publisher_name = site.owners[0].name if site.owners else (site.contact.name or site.title)
    email = (site.owners[0].email if site.owners else "") or site.contact.email

    root = ET.Element(q("rdf:RDF"))
    cat = ET.SubElement(root, q("dcat:Catalog"), {q("rdf:about"): page + "#katalog"})
    add(cat, "dcterms:title", site.title, lang="sv")
    add(cat, "dcterms:description", site.description, lang="sv")
    add(cat, "dcterms:publisher", resource=base + "#utgivare")
    add(cat, "foaf:homepage", resource=base)
    add(cat, "dcterms:language", resource=LANGUAGE)
    add(cat, "dcterms:license", resource=licence)
    add(cat, "dcat:dataset", resource=page + "#datamangd")

    agent = ET.SubElement(root, q("foaf:Agent"), {q("rdf:about"): base + "#utgivare"})
    add(agent, "foaf:name", publisher_name, lang="sv")
    if email:
        add(agent, "foaf:mbox", resource=f"mailto:{email}")

    ds = ET.SubElement(root, q("dcat:Dataset"), {q("rdf:about"): page + "#datamangd"})
    add(ds, "dcterms:title", f"{site.title}: löften och uppföljning", lang="sv")
    add(ds, "dcterms:description", "Medborgarlöften från kommuner och polisen: löftena, vem som lovar, "
        "mätbara mål, daterade uppdateringar om hur arbetet går, ändringar av status och rättelser. "
        "Uppgifterna rapporteras av polisen och kommunerna själva.", lang="sv")
    add(ds, "dcterms:publisher", resource=base + "#utgivare")
    contact = ET.SubElement(add(ds, "dcat:contactPoint"), q("vcard:Organization"))
    add(contact, "vcard:fn", site.contact.name or publisher_name)
    if email:
        add(contact, "vcard:hasEmail", resource=f"mailto:{email}")
    add(ds, "dcat:theme", resource=THEME)
    for word in KEYWORDS:
        add(ds, "dcat:keyword", word, lang="sv")
    add(ds, "dcterms:language", resource=LANGUAGE)
    add(ds, "dcterms:spatial", resource=SPATIAL)
    add(ds, "dcterms:accrualPeriodicity", resource=FREQUENCY)
    add(ds, "dcat:landingPage", resource=page)
    first, last, modified = _dates(ctx)
    if first and last:
        span = ET.SubElement(add(ds, "dcterms:temporal"), q("dcterms:PeriodOfTime"))
        add(span, "dcat:startDate", first.isoformat(), datatype="date")
        add(span, "dcat:endDate", last.isoformat(), datatype="date")
    if modified:
        add(ds, "dcterms:modified", modified.isoformat(), datatype="date")

    files = [(SITE_FILE, "Alla uppgifter (JSON)", "Hela innehållet: kommuner, perioder, löften, mått, "
              "uppdateringar, ändringar och aktiviteter.")]
    files += [(f.name, f"{f.name} (CSV)", f"{f.description[0].upper()}{f.description[1:]}.") for f in FILES]
    for name, title, description in files:
        url = urls.absolute(base, urls.data_file(name))
        add(ds, "dcat:distribution", resource=url)
    for name, title, description in files:
        url = urls.absolute(base, urls.data_file(name))
        dist = ET.SubElement(root, q("dcat:Distribution"), {q("rdf:about"): url})
        add(dist, "dcterms:title", title, lang="sv")
        add(dist, "dcterms:description", description, lang="sv")
        add(dist, "dcat:accessURL", resource=page)
        add(dist, "dcat:downloadURL", resource=url)
        label, media = FORMATS[name.rsplit(".", 1)[1]]
        add(dist, "dcterms:format", resource=EU + "file-type/" + label)
        add(dist, "dcat:mediaType", resource="http://www.iana.org/assignments/media-types/" + media)
        add(dist, "dcterms:license", resource=licence)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def produce(ctx: BuildContext) -> Iterator[OutputFile]:
    yield OutputFile(urls.data_file(CATALOGUE_FILE), catalogue(ctx))


OUTPUT = SiteOutput("dcat", reads="site", make=produce)
