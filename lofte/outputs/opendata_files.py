"""The open-data files: a JSON file per period, and the site's JSON and CSV files.

One output, because every file is made from the same document per municipality
(opendata.municipality). Its part for the site-wide files is that document
encoded as JSON and projected to CSV rows, so the site files are joined from
parts and an edit re-encodes one municipality.
"""
from __future__ import annotations

from typing import Iterator

from lofte.content import urls
from lofte.content.model import Municipality, Site

from . import opendata, opendata_csv
from .protocol import BuildContext, Made, MunicipalityOutput, OutputFile


def paths(site: Site, m: Municipality) -> list[str]:
    return [urls.period_data(p) for p in m.periods]


def make(ctx: BuildContext, m: Municipality) -> Made:
    """Per period a file of the site file's shape; the part: the municipality's
    JSON (a member of the site file's list) and its rows of each CSV file."""
    head = opendata.document(ctx.site, [])
    doc = opendata.municipality(ctx.site, ctx.facts, m, list(m.periods))
    periods = [opendata.encode(period)[:-1] for period in doc["periods"]]  # each encoded once, used twice
    files = [OutputFile(path, opendata.with_list(head, "municipalities",
                                                  opendata.with_list(doc, "periods", period)[:-1]))
             for path, period in zip(paths(ctx.site, m), periods)]
    rows = {spec.name: opendata_csv.lines({"municipalities": [doc]}, spec) for spec in opendata_csv.FILES}
    return Made(files, (opendata.with_list(doc, "periods", b",".join(periods))[:-1], rows))


def combine(parts: list[tuple[bytes, dict[str, str]]]) -> tuple[bytes, dict[str, str]]:
    """Parts of several municipalities as one, in order."""
    return (b",".join(fragment for fragment, _ in parts if fragment),
            {spec.name: "".join(rows[spec.name] for _, rows in parts) for spec in opendata_csv.FILES})


def site_files(ctx: BuildContext, part: tuple[bytes, dict[str, str]]) -> Iterator[OutputFile]:
    fragments, rows = part
    yield OutputFile(urls.data_file(opendata.SITE_FILE), opendata.site_file(ctx.site, fragments))
    for spec in opendata_csv.FILES:
        yield OutputFile(urls.data_file(spec.name),
                         (opendata_csv.header(spec) + rows[spec.name]).encode("utf-8-sig"))


OUTPUT = MunicipalityOutput("opendata", paths=paths, make=make, combine=combine, site_files=site_files)
