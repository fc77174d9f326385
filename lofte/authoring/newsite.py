"""`init`: a new site folder for one municipality, ready to build, check and publish.

Following the demo repository, a new municipality would publish the demo
municipalities and the demo's contact address with its own promises. `init`
starts from nothing instead: site.yaml with what must be reviewed marked ÄNDRA,
the municipality's kommun.yaml (and a period, if asked), no demo content, a
.gitignore, CI files that publish on GitHub Pages and GitLab Pages, and a
requirements.txt that says where CI gets löfte from. Every command then works
in the folder without options. It never writes into a folder that has files.
"""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from lofte.content import urls
from lofte.content.errors import LofteError

from . import hints, scaffold

VOWELS = "aeiouyåäöé"
EXAMPLE_DOMAIN = "kommunen.example"  # RFC 2606: reserved, never anyone's address; `check` points it out
COPIED = {"gitignore": ".gitignore", "github-pages.yml": ".github/workflows/publicera.yml",
          "gitlab-ci.yml": ".gitlab-ci.yml"}


@dataclass
class Answers:
    municipality: str  # as typed: "Sala", "Upplands Väsby" or "Köpings kommun"
    name: str = ""  # the full name; made from `municipality` when empty
    title: str = ""
    base_url: str = ""
    contact_name: str = ""
    contact_email: str = ""
    period: str = ""  # e.g. "2025-2026": also create that period


def full_name(municipality: str) -> tuple[str, str]:
    """(name, short name) from what the user typed: "Sala" → ("Sala kommun", "Sala").

    Swedish adds a genitive -s except after a vowel or s/x/z ("Köpings kommun",
    "Sala kommun", "Hofors kommun"); a few official names differ ("Falu kommun",
    "Region Gotland"), so the result is shown and can be given with --name.
    """
    given = " ".join(municipality.split())
    m = re.fullmatch(r"(.+?)\s+(kommun|stad)", given, re.IGNORECASE)
    if m:
        short = m[1]
        if short.endswith("s") and len(short) > 3 and short[-2].lower() not in VOWELS + "s":
            short = short[:-1]  # "Köpings" → "Köping"
        return given, short
    genitive = given if given[-1:].lower() in VOWELS + "sxz" else given + "s"
    return f"{genitive} kommun", given


def install_requirement() -> str | None:
    """Where CI can install this löfte from (PEP 610), or None when it came from this computer."""
    try:
        dist = importlib.metadata.distribution("lofte")
    except importlib.metadata.PackageNotFoundError:
        return None
    direct = dist.read_text("direct_url.json")
    if direct is None:  # from a package index (pip writes INSTALLER), or a source tree's own metadata
        return f"lofte=={dist.version}" if dist.read_text("INSTALLER") else None
    info = json.loads(direct)
    url = info.get("url", "")
    if "vcs_info" in info:
        vcs = info["vcs_info"]
        return f"lofte @ {vcs['vcs']}+{url}@{vcs.get('commit_id', '')}".rstrip("@")
    if url.startswith(("https://", "http://")):
        return f"lofte @ {url}"
    return None


UNKNOWN_REQUIREMENT = (
    "# ÄNDRA: skriv på raden under var er löfte finns, till exempel\n"
    "#   lofte @ git+https://github.com/KONTO/lofte@v0.1.0\n"
    "# eller en wheel-fil som ni har lagt i repot: ./lofte-0.1.0-py3-none-any.whl")


def _empty(folder: Path) -> bool:
    """Nothing there but, perhaps, the .git folder of a freshly cloned repository."""
    return not folder.exists() or all(p.name == ".git" for p in folder.iterdir())


def create(folder: Path, answers: Answers, today: dt.date) -> list[str]:
    """Write the new site; returns the files made, relative to `folder`. Checks everything first."""
    if folder.exists() and not folder.is_dir():
        raise LofteError(f"{folder} är en fil, inte en mapp; välj ett annat namn")
    if not _empty(folder):
        raise LofteError(f"mappen {folder} finns redan och är inte tom; ingenting skrevs. Skapa webbplatsen i en "
                         "ny mapp, eller ta bort det som ligger i den här")
    name, short = full_name(answers.municipality)
    name = " ".join(answers.name.split()) or name
    slug = scaffold.slugify(short)
    if not slug:
        raise LofteError(f"kunde inte göra ett mappnamn av '{answers.municipality}'; skriv kommunens namn med bokstäver")
    scaffold.check_slug(slug, "en kommun", urls.RESERVED_TOP)
    if answers.period:
        scaffold.check_slug(answers.period, "en period", urls.RESERVED_IN_MUNICIPALITY)
    base_url = answers.base_url.strip()
    if base_url and not base_url.startswith(("https://", "http://")):
        raise LofteError(f"'{base_url}' är ingen webbadress; skriv den med https://, t.ex. "
                         f"https://www.{slug}.se/medborgarloften/")
    if answers.contact_email and "@" not in answers.contact_email:
        raise LofteError(f"'{answers.contact_email}' är ingen e-postadress")
    title = " ".join(answers.title.split()) or f"Medborgarlöften i {short}"
    email = answers.contact_email.strip() or f"trygghet@{EXAMPLE_DOMAIN}"
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text(scaffold.fill(
        "site.yaml", title=scaffold.quoted(title), municipality=name, contact_email=email, today=today.isoformat(),
        base_url=(base_url.rstrip("/") + "/") if base_url else f"https://{slug}.{EXAMPLE_DOMAIN}/medborgarloften/",
        contact_name=scaffold.quoted(answers.contact_name or name)), encoding="utf-8")
    made = ["content/site.yaml", _rel(scaffold.new_municipality(content, slug, name, short, str(content)), folder)]
    if answers.period:
        made.append(_rel(scaffold.new_period(content, f"{slug}/{answers.period}", str(content)), folder))
    for source, target in COPIED.items():
        (folder / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(scaffold.SCAFFOLDS / source, folder / target)
        made.append(target)
    (folder / "requirements.txt").write_text(scaffold.fill(
        "requirements.txt", requirement=install_requirement() or UNKNOWN_REQUIREMENT), encoding="utf-8")
    (folder / "README.md").write_text(scaffold.fill(
        "README.md", title=title, municipality=name, slug=slug, period=answers.period or str(today.year),
        program=hints.program(folder)), encoding="utf-8")
    return made + ["requirements.txt", "README.md"]


def _rel(shown: str, folder: Path) -> str:
    return Path(shown).relative_to(folder).as_posix()


def complete(answers: Answers, ask) -> Answers:
    """Ask for what the command line left out (only in a terminal); Enter keeps the suggestion."""
    answers.municipality = answers.municipality or ask("Vilken kommun gäller webbplatsen? (t.ex. Sala)", "")
    if not answers.municipality.strip():
        raise LofteError("ingen kommun angavs; ingenting skrevs")
    name, short = full_name(answers.municipality)
    answers.name = answers.name or ask("Kommunens fullständiga namn", name)
    answers.title = answers.title or ask("Webbplatsens namn", f"Medborgarlöften i {short}")
    answers.base_url = answers.base_url or ask("Webbplatsens adress, med https:// (Enter: fyll i senare)", "")
    answers.contact_name = answers.contact_name or ask("Vem kan invånarna kontakta om webbplatsen?", name)
    answers.contact_email = answers.contact_email or ask("Kontaktens e-postadress (Enter: fyll i senare)", "")
    answers.period = answers.period or ask("Löftesperiod att skapa, t.ex. 2025-2026 (Enter: ingen än)", "")
    return answers


ABOUT = {"content/site.yaml": "webbplatsens inställningar: se över raderna märkta ÄNDRA",
         "kommun.yaml": "kommunen: fyll i lokalpolisområdet (police_area: okänt tills du vet det)",
         "lofte.yaml": "löftesperioden: fyll i från löftesdokumentet",
         ".github/workflows/publicera.yml": "publicering på GitHub Pages",
         ".gitlab-ci.yml": "publicering på GitLab Pages",
         "requirements.txt": "var GitHub och GitLab hämtar löfte ifrån",
         ".gitignore": "vad git inte ska spara (den byggda webbplatsen)",
         "README.md": "kort om mappen och kommandona"}


def report(folder: Path, answers: Answers, made: list[str]) -> list[str]:
    """What init printed: the files, what is left to fill in, the next commands; last a "Klart:" line."""
    name = " ".join(answers.name.split()) or full_name(answers.municipality)[0]
    slug = scaffold.slugify(full_name(answers.municipality)[1])
    shown = folder.as_posix().rstrip("/") + "/"
    width = max(len(m) for m in made) + 2
    out = [f"Skapade en webbplats för {name} i {shown}:"]
    out += [f"  {m.ljust(width)}{ABOUT.get(m) or ABOUT.get(m.rsplit('/', 1)[-1], '')}" for m in made]
    site = (folder / "content" / "site.yaml").read_text(encoding="utf-8")
    if EXAMPLE_DOMAIN in site:
        out.append(f"Obs: adresser som slutar på {EXAMPLE_DOMAIN} i content/site.yaml är exempel; skriv era riktiga.")
    if "ÄNDRA" in (folder / "requirements.txt").read_text(encoding="utf-8"):
        out.append("Obs: skriv i requirements.txt var löfte ska hämtas ifrån innan ni publicerar på GitHub eller GitLab.")
    period = f"{slug}/{answers.period}" if answers.period else f"{slug}/2026"
    steps = [] if answers.period else [hints.command("new", "period", period, cwd=folder)]
    steps += [hints.command("new", "löfte", period, '"Tryggare centrum"', cwd=folder),
              f"{hints.command('serve', cwd=folder)}   (förhandsvisa på http://127.0.0.1:8000/)",
              hints.command("check", cwd=folder)]
    out += ["Nästa steg:", f"  cd {hints.quoted(str(folder))}", *(f"  {s}" for s in steps)]
    out.append(f"Klart: en ny webbplats för {name} i {shown}. Guiden: docs/kom-igang.md i löfte.")
    return out
