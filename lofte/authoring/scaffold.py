"""`new`: start a municipality, period, promise or update from a commented template.

Communicators should not have to remember field names or copy an old file (and
its mistakes). Each template in `scaffolds/` fills in what the command knows (name,
title, dates, today's date, the promise's actors and indicators) and explains the
other fields in Swedish as comments, commented out so nothing is invented. Every
generated file validates as it is. Existing files are never overwritten.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import string
from pathlib import Path

from lofte.content import statuses, urls
from lofte.content.errors import LofteError
from lofte.content.fields import SLUG_RE, parse_date
from lofte.content.names import slugify, title_slug  # slugify is also used by sheetrows through this module
from lofte.content.yamlsource import LineDict, YamlProblem, parse_yaml, split_front_matter

from . import hints

SCAFFOLDS = Path(__file__).parent / "scaffolds"
NAME_HINT, TITLE_HINT = '"…"', '"Titel"'
YEAR_RE = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def quoted(text: str) -> str:
    """A YAML string that stays a string whatever it contains (JSON is valid YAML)."""
    return json.dumps(text.strip(), ensure_ascii=False)


def fill(template: str, **values: str) -> str:
    return string.Template((SCAFFOLDS / template).read_text(encoding="utf-8")).substitute(values)


def _create(content: Path, display_root: str, rel: str, text: str) -> str:
    path = content / rel
    shown = f"{display_root.rstrip('/')}/{rel}"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise LofteError(f"{shown} finns redan; ingenting skrevs över. Välj ett annat namn eller ändra "
                         "den befintliga filen") from None
    return shown


def check_slug(value: str, what: str, reserved: set[str]) -> str:
    if not SLUG_RE.match(value):
        raise LofteError(f"'{value}' är inget giltigt namn på {what}: använd små bokstäver a–z, siffror och "
                         f"bindestreck, t.ex. '{slugify(value) or 'trygg-centrum'}'")
    if value in reserved:
        raise LofteError(f"'{value}' är upptaget av webbplatsens egna sidor; välj ett annat namn på {what}")
    return value


def _parts(target: str, names: tuple[str, ...]) -> list[str]:
    parts = target.strip("/").split("/")
    if len(parts) != len(names):
        raise LofteError(f"'{target}' ska skrivas {'/'.join(names)}, t.ex. "
                         f"{'/'.join(('koping', '2026', 'trygg-centrum')[:len(names)])}")
    return parts


def _require(content: Path, rel: str, display_root: str, hint: str) -> None:
    if not (content / rel).is_file():
        raise LofteError(f"{display_root.rstrip('/')}/{rel} finns inte: {hint}")


def _front_matter(path: Path) -> LineDict:
    """The fields of an existing file, or nothing when it cannot be read (hints only)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = parse_yaml(split_front_matter(text)[0], 2) if path.suffix == ".md" else parse_yaml(text)
    except (OSError, UnicodeDecodeError, YamlProblem):
        return LineDict()
    return data if isinstance(data, LineDict) else LineDict()


def new_municipality(content: Path, slug: str, name: str, short_name: str | None = None,
                     display_root: str = "content") -> str:
    check_slug(slug, "en kommun", urls.RESERVED_TOP)
    short = short_name or re.sub(r"\s+(kommun|stad)$", "", name.strip(), flags=re.IGNORECASE)
    return _create(content, display_root, f"{slug}/kommun.yaml",
                   fill("kommun.yaml", name=quoted(name), short_name=quoted(short)))


def new_period(content: Path, target: str, display_root: str = "content") -> str:
    municipality, period = _parts(target, ("kommun", "period"))
    hint = hints.command("new", "kommun", municipality, "--name", NAME_HINT, content=display_root)
    _require(content, f"{municipality}/kommun.yaml", display_root, f"skapa kommunen först med: {hint}")
    check_slug(period, "en period", urls.RESERVED_IN_MUNICIPALITY)
    name = _front_matter(content / municipality / "kommun.yaml").get("name") or municipality
    years = YEAR_RE.match(period)
    if years:
        dates = f"start: {years[1]}-01-01\nend: {years[2] or years[1]}-12-31"
    else:
        dates = "start: okänt\nend: okänt"
    title = f"Medborgarlöften i {name} {period.replace('-', '–') if years else ''}".strip()
    return _create(content, display_root, f"{municipality}/{period}/lofte.yaml",
                   fill("lofte.yaml", title=quoted(title), dates=dates))


def ended(content: Path, target: str, today: dt.date) -> str:
    """When a period is over ("31 december 2017", or "" while it runs), as its lofte.yaml says."""
    fields = _front_matter(content / target.strip("/") / "lofte.yaml")
    end = parse_date(str(fields.get("end") or ""))
    if end is not None and end < today:
        return end.isoformat()
    return "följd upp" if fields.get("follow_up") else ""


def new_promise(content: Path, target: str, title: str, slug: str | None = None,
                display_root: str = "content", today: dt.date | None = None) -> str:
    """A promise; in a period that is over, its statuses are "ingen uppgift" (shown as "Inte
    rapporterat") until the source says otherwise, and the file asks for the source."""
    municipality, period = _parts(target, ("kommun", "period"))
    _require(content, f"{municipality}/{period}/lofte.yaml", display_root,
             f"skapa perioden först med: {hints.command('new', 'period', target.strip('/'), content=display_root)}")
    slug = check_slug(slug or _title_slug(title), "ett löfte", urls.RESERVED_IN_PERIOD)
    folder = content / municipality / period / slug
    if folder.exists():
        raise LofteError(f"{display_root.rstrip('/')}/{municipality}/{period}/{slug}/ finns redan; ingenting skrevs "
                         "över. Välj en annan titel eller ange ett annat namn med --slug")
    over = ended(content, target, today) if today else ""
    return _create(content, display_root, f"{municipality}/{period}/{slug}/index.md",
                   fill("lofte.md", title=quoted(title), statuses=", ".join(statuses.PROGRESS_KEYS),
                        status="ingen uppgift" if over else "ej påbörjat", ended=ENDED_NOTE if over else "",
                        ask_source=ASK_SOURCE if over else ""))


def new_update(content: Path, target: str, title: str, date: dt.date, slug: str | None = None,
               display_root: str = "content") -> str:
    parts = _parts(target, ("kommun", "period", "löfte"))
    promise_rel = "/".join(parts) + "/index.md"
    _require(content, promise_rel, display_root,
             "skapa löftet först med: " + hints.command("new", "löfte", "/".join(parts[:2]), TITLE_HINT,
                                                         content=display_root))
    slug = check_slug(slug or _title_slug(title), "en uppdatering", set())
    fields = _front_matter(content / promise_rel)
    actors = [a["actor"] for a in fields.get("actors") or [] if isinstance(a, dict) and a.get("actor")]
    indicators = [i["id"] for i in fields.get("indicators") or [] if isinstance(i, dict) and i.get("id")]
    return _create(content, display_root, f"{'/'.join(parts)}/updates/{date.isoformat()}-{slug}.md", fill(
        "uppdatering.md", title=quoted(title), date=date.isoformat(),
        statuses=", ".join(statuses.PROGRESS_KEYS),
        actors=f" Aktörerna i löftet: {', '.join(actors)}." if actors else "",
        first_actor=actors[0] if actors else "polisen",
        indicators=f"\n# Målen i löftet: {', '.join(indicators)}." if indicators else
        "\n# Löftet har inga mål ännu (indicators i index.md).",
        first_indicator=indicators[0] if indicators else "vandringar"))


ENDED_NOTE = ("\n# Perioden är slut: statusen är ingen uppgift (visas som Inte rapporterat) tills\n"
              "# källan säger hur det gick. Hitta aldrig på en status.")
ASK_SOURCE = ("\n# ÄNDRA: perioden är slut, så allt om löftet kommer från källan. Ta bort # framför\n"
              "# sources och raderna under, och skriv vilket dokument det är.")


def _title_slug(title: str) -> str:
    slug = title_slug(title)
    if not slug:
        raise LofteError(f"kunde inte göra ett namn av titeln '{title}'; ange ett med --slug, t.ex. --slug trygg-centrum")
    return slug
