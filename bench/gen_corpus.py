#!/usr/bin/env python3
"""Generate a seeded, national-scale benchmark corpus in löfte's own content format.

Per municipality (default 290): kommun.yaml (marked `example: true`) and one
current period `2025-2026` (it covers BUILD_DATE) of 4 promises. Each promise has
~300 words of Swedish-like text (body, summary, approach, activities, effects),
two indicators (a count and a measure with baseline and target) and 12 dated
updates of ~60 words: 290 × 4 × 12 = 13,920 updates. Every tenth municipality
also has an ended period `2023-2024` with a follow-up in lofte.yaml and a verdict
on each of its 4 promises (no updates, so the update count stays 13,920).

The logical corpus matches /work/shared/bench/gen_corpus.py (290 municipalities,
1,160 current promises, 13,920 updates), but the vocabulary is our own so the repo
is self-contained. Output is byte-identical for the same arguments: one seeded
RNG, fixed dates, sorted iteration. Standard library only.

    python3 bench/gen_corpus.py --out /tmp/lofte-bench [--municipalities 290] [--seed 2022]

writes OUT/content/ (build it with Options(content_dir=OUT/content,
build_date=BUILD_DATE)), OUT/corpus.json (counts) and a marker that allows
regenerating into OUT.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

DEFAULT_MUNICIPALITIES = 290
DEFAULT_SEED = 2022
BUILD_DATE = dt.date(2026, 11, 22)  # pass to Options.build_date so runs are comparable
PROMISES = 4
UPDATES = 12
MARKER = ".bench-corpus"
VERSION = 1  # bump when the output changes, so reused corpora are regenerated

CURRENT = ("2025-2026", dt.date(2025, 1, 1), dt.date(2026, 12, 31))
ENDED = ("2023-2024", dt.date(2023, 1, 1), dt.date(2024, 12, 31))

# --------------------------------------------------------------------------- vocabulary

WORDS = (
    "och att det som en på är av för med till den har de inte om ett men vi kommunen "
    "polisen invånare trygghet skolan förskolan ungdomar föräldrar boende centrum torget "
    "parken gatorna kvällar helger belysning närvaro samverkan dialog möten arbetet "
    "insatser åtgärder uppföljning lägesbild resultat målet året varje vecka månad "
    "brott skadegörelse klotter nedskräpning trafiken hastigheten cykelvägen gångvägen "
    "skolgården fritidsgården biblioteket idrottshallen föreningarna näringslivet handlarna "
    "fastighetsägarna bostadsbolaget räddningstjänsten socialtjänsten fältassistenterna "
    "nattvandrarna grannsamverkan trygghetsvandringen enkäten analysen planen "
    "genomföra utveckla stärka förbättra öka minska fortsätta planera samordna informera "
    "bjuda delta bidra påverka följa redovisa kartlägga prioritera "
    "tillsammans gemensamt lokalt långsiktigt förebyggande tydligt särskilt främst också "
    "även dessutom därför samtidigt fortfarande redan snart nu här där vid från efter "
    "före mellan genom mot utan över inom enligt hos många några alla flera första andra "
    "nästa senaste upplevd otrygghet miljön skötseln tillgängligheten stationen "
    "busshållplatsen hamnen stranden tätorten stadsdelen området kvarteret"
).split()

VERBS = ("Öka", "Stärka", "Förbättra", "Utveckla", "Minska", "Förebygga", "Samordna",
         "Synliggöra", "Trygga", "Utöka", "Kartlägga", "Prioritera")
OBJECTS = ("polisens närvaro", "belysningen", "tryggheten", "samverkan med skolan",
           "arbetet mot klotter", "nattvandringen", "grannsamverkan", "trafiksäkerheten",
           "ungdomsarbetet", "dialogen med handlare", "insatserna mot narkotika",
           "fritidsverksamheten", "arbetet mot nedskräpning", "trygghetsvandringarna")
PLACES = ("i centrum", "vid stationen", "kring skolorna", "i stadsdelarna", "vid hamnen",
          "på torget", "längs gång- och cykelvägarna", "i parkerna", "på helgkvällar",
          "vid busshållplatserna", "i tätorterna", "i ytterområdena")
COUNTED = ("trygghetsvandringar", "fotpatruller", "dialogmöten", "skolbesök",
           "kontroller", "nattvandringar", "informationsträffar", "gemensamma insatser")
MEASURED = ("Andel som känner sig trygga på kvällen", "Andel som litar på polisen",
            "Andel som ser vuxna ute på kvällen", "Andel som tycker att området är välskött")
ORIGINS = ("medborgardialog", "enkät", "lägesbild", "statistik", "medarbetardialog", "analys")
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
VERDICTS = ("hållet", "delvis hållet", "inte hållet", "kan inte bedömas")
PREFIXES = ("Väster", "Öster", "Norr", "Söder", "Sjö", "Ljung", "Ek", "Björk", "Gran", "Tall",
            "Lund", "Berg", "Dal", "Å", "Hag", "Mal", "Strand", "Hed", "Kungs", "Gull", "Lid",
            "Ny", "Sand", "Sten", "Stor", "Lill", "Munk", "Hall", "Mark", "Vik", "Ros", "Fal")
SUFFIXES = ("ås", "köping", "by", "sjö", "holm", "vik", "hamn", "stad", "berg", "dal", "näs",
            "fors", "torp", "hult", "ryd", "sund", "lund", "åker", "inge", "ö")
TRANSLIT = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})

SITE_YAML = """\
# Benchmark corpus generated by bench/gen_corpus.py. Everything here is made up.
title: Medborgarlöften (prestandatest)
base_url: https://medborgarloften.example.se/
languages: [sv, en]
description: >-
  Påhittade medborgarlöften för att mäta hur snabbt webbplatsen byggs i nationell skala.
contact:
  name: Redaktionen
  email: redaktion@medborgarloften.example.se
owners:
  - name: Redaktionen
    email: redaktion@medborgarloften.example.se
licence: CC0-1.0
feedback: >-
  Har du synpunkter? Kontakta kommunen eller polisen på telefon 114 14. Vid pågående brott
  eller när liv är i fara: ring 112.
accessibility:
  status: delvis
  known_issues:
    - Innehållet är påhittat och bara till för prestandatester.
  assessed: 2026-11-22
  statement_date: 2026-11-22
  method: Egen granskning
  contact_email: tillganglighet@medborgarloften.example.se
  response_time: Vi svarar inom fem arbetsdagar.
"""


def slugify(text: str) -> str:
    out, dash = [], False
    for ch in text.lower().translate(TRANSLIT):
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# --------------------------------------------------------------------------- text

class Text:
    """Swedish-like sentences and paragraphs from one seeded RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, lo: int = 6, hi: int = 15) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi))]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def words(self, target: int) -> str:
        out, count = [], 0
        while count < target:
            s = self.sentence()
            out.append(s)
            count += s.count(" ") + 1
        return " ".join(out)

    def folded(self, target: int, indent: str = "  ") -> str:
        """A YAML folded block (`>-`) of about `target` words."""
        words, lines, line = self.words(target).split(), [], []
        for w in words:
            if line and len(" ".join(line)) + len(w) > 80:
                lines.append(indent + " ".join(line))
                line = []
            line.append(w)
        lines.append(indent + " ".join(line))
        return ">-\n" + "\n".join(lines)

    def promise_body(self) -> str:
        """~210 words of Markdown: paragraphs, two headings, a list, bold text."""
        p3 = self.words(45).split()
        k = self.rng.randrange(len(p3) - 2)
        p3[k], p3[k + 1] = "**" + p3[k], p3[k + 1].rstrip(".") + "**"
        items = "\n".join(f"- {self.sentence(4, 9)}" for _ in range(4))
        return (f"{self.words(60)}\n\n## Bakgrund\n\n{self.words(50)}\n\n"
                f"## Så gör vi\n\n{items}\n\n{' '.join(p3)}\n")


# --------------------------------------------------------------------------- files

def municipality_names(rng: random.Random, n: int) -> list[str]:
    combos = sorted({p + s for p in PREFIXES for s in SUFFIXES})
    names = rng.sample(combos, min(n, len(combos)))
    k = 2
    while len(names) < n:  # beyond 640: numbered names, still deterministic
        names += [f"{c} {k}" for c in combos][: n - len(names)]
        k += 1
    return [nm[0] + nm[1:].lower() for nm in names]


def kommun_yaml(name: str, slug: str) -> str:
    return (f"# Påhittad kommun för prestandatest.\nname: {q(name + ' kommun')}\n"
            f"short_name: {q(name)}\npolice_area: {q('Lokalpolisområde ' + name)}\n"
            "example: true\ncontact:\n"
            f"  name: {q(name + ' kommun')}\n  email: trygghet@{slug}.example.org\n"
            f"  url: https://example.org/{slug}\n")


def lofte_yaml(t: Text, name: str, period: tuple, focus: list[str], ended: bool) -> str:
    slug, start, end = period
    rng = t.rng
    out = [
        f"title: {q(f'Medborgarlöften i {name} {start.year}–{end.year}')}",
        f"start: {start}", f"end: {end}",
        f"signed: {start - dt.timedelta(days=rng.randint(10, 40))}", f"signed_place: {q(name)}",
        "signatories:",
        f"  - name: {q('Kommunstyrelsens ordförande i ' + name)}", "    role: Kommunstyrelsens ordförande",
        "    party: kommunen",
        f"  - name: {q('Lokalpolisområdeschef i ' + name)}", "    role: Lokalpolisområdeschef",
        "    party: polisen",
        f"intro: {t.folded(40)}", f"purpose: {t.folded(30)}", f"situation: {t.folded(40)}",
        "focus_areas:", *(f"  - {q(f)}" for f in focus),
        "origins:",
        f"  - kind: enkät\n    text: {q('Trygghetsenkät ' + str(start.year - 1))}",
        f"  - kind: lägesbild\n    text: {q('Gemensam lägesbild ' + str(start.year - 1))}",
        f"feedback_plan:\n  text: {t.folded(20, '    ')}\n  interval_days: 90",
    ]
    if ended:
        follow = end + dt.timedelta(days=rng.randint(30, 80))
        out += [
            "follow_up:", f"  date: {follow}",
            f"  summary: {t.folded(50, '    ')}", f"  activities: {t.folded(30, '    ')}",
            f"  quality: {t.folded(30, '    ')}", f"  effects: {t.folded(30, '    ')}",
            "  document:", f"    title: {q(f'Uppföljning av medborgarlöften {start.year}–{end.year}')}",
            f"    document: {q(f'KS-{follow.year}/{rng.randint(100, 999)}')}",
        ]
    return "\n".join(out) + "\n"


def promise_md(t: Text, order: int, title: str, focus: str, counted: str, period: tuple,
               ended: bool) -> tuple[str, int]:
    """index.md of a promise, and its measure's baseline (updates report near it)."""
    rng = t.rng
    _, start, end = period
    base = rng.randint(48, 70)
    status = rng.choice(("genomfört", "pågår")) if ended else "ej påbörjat"
    fm = [
        f"title: {q(title)}", f"order: {order}", f"summary: {t.folded(25)}",
        f"focus_area: {q(focus)}", f"approach: {t.folded(35)}",
        "activities:", *(f"  - {q(t.sentence(4, 8))}" for _ in range(3)),
        "effects:", *(f"  - {q(t.sentence(4, 8))}" for _ in range(2)),
        "origins:", f"  - kind: {rng.choice(ORIGINS)}\n    text: {q(t.sentence(5, 10))}",
        "actors:",
        f"  - actor: polisen\n    status: {status}\n    responsible: Kommunpolisen",
        f"  - actor: kommunen\n    status: {status}\n    responsible: Trygghetssamordnaren",
        f"status: {status}",
        "indicators:",
        f"  - id: genomforda\n    name: {q('Genomförda ' + counted)}\n    unit: {counted}\n"
        f"    kind: count\n    target: {{value: {rng.choice((12, 18, 24))}, date: {end}}}",
        f"  - id: andel-trygga\n    name: {q(rng.choice(MEASURED))}\n    unit: procent\n"
        f"    kind: measure\n    direction: increase\n"
        f"    baseline: {{value: {base}, date: {start - dt.timedelta(days=90)}}}\n"
        f"    target: {{value: {base + rng.randint(5, 12)}, date: {end}}}",
    ]
    if ended:
        fm.append(f"verdict:\n  verdict: {rng.choice(VERDICTS)}\n  text: {t.folded(30, '    ')}")
    return "---\n" + "\n".join(fm) + "\n---\n" + t.promise_body(), base


def update_dates(rng: random.Random) -> list[dt.date]:
    """12 updates about every second month, the last before BUILD_DATE."""
    out = []
    for i in range(UPDATES):
        month = CURRENT[1].month - 1 + 2 * i
        out.append(dt.date(CURRENT[1].year + month // 12, month % 12 + 1, rng.randint(1, 20)))
    return out


def update_md(t: Text, i: int, date: dt.date, counted: str, base_measure: int) -> tuple[str, str]:
    rng = t.rng
    slug = f"lagesrapport-{MONTHS[date.month - 1]}"
    fm = [f"title: {q(f'Lägesrapport {MONTHS[date.month - 1]} {date.year}: {counted}')}"]
    if i == 0:
        fm += ["status: pågår", "actor_status:", "  - actor: polisen\n    status: pågår",
               "  - actor: kommunen\n    status: pågår"]
    elif i == 6 and rng.random() < 0.2:
        fm.append("status: försenat")
    elif i == 11 and rng.random() < 0.3:
        fm.append("status: genomfört")
    fm += ["progress:", f"  - indicator: genomforda\n    value: {rng.randint(1, 3)}"]
    if i % 4 == 3:
        fm.append(f"  - indicator: andel-trygga\n    value: {base_measure + rng.randint(-2, 6)}")
    if i % 6 == 5:
        fm += ["evidence:", f"  - title: {q('Protokoll ' + MONTHS[date.month - 1])}\n"
               f"    url: https://example.org/protokoll/{date}"]
    return f"{date}-{slug}.md", "---\n" + "\n".join(fm) + "\n---\n" + t.words(52) + "\n"


def corpus_files(municipalities: int = DEFAULT_MUNICIPALITIES, seed: int = DEFAULT_SEED):
    """Yield (relative path, text) for the whole corpus, in a fixed order."""
    rng = random.Random(seed)
    t = Text(rng)
    yield "site.yaml", SITE_YAML
    used: set[str] = set()
    for index, name in enumerate(municipality_names(rng, municipalities)):
        slug = base = slugify(name)
        k = 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        yield f"{slug}/kommun.yaml", kommun_yaml(name, slug)
        periods = [(CURRENT, False)] + ([(ENDED, True)] if index % 10 == 0 else [])
        for period, ended in periods:
            pdir = f"{slug}/{period[0]}"
            titles, focus = [], []
            while len(titles) < PROMISES:
                place = rng.choice(PLACES)
                title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {place}"
                if slugify(title) not in map(slugify, titles):
                    titles.append(title)
                    focus.append(f"Trygghet {place}")
            yield f"{pdir}/lofte.yaml", lofte_yaml(t, name, period, sorted(set(focus)), ended)
            for order, title in enumerate(titles, 1):
                counted = rng.choice(COUNTED)
                text, base_measure = promise_md(t, order, title, focus[order - 1], counted, period, ended)
                prdir = f"{pdir}/{slugify(title)}"
                yield f"{prdir}/index.md", text
                if ended:
                    continue
                for i, date in enumerate(update_dates(rng)):
                    fname, body = update_md(t, i, date, counted, base_measure)
                    yield f"{prdir}/updates/{fname}", body


def generate(out: Path, municipalities: int = DEFAULT_MUNICIPALITIES, seed: int = DEFAULT_SEED) -> dict:
    """Write the corpus to out/content (replacing an earlier generated one); return counts."""
    out = Path(out)
    if out.exists():
        if (out / MARKER).exists():
            shutil.rmtree(out)
        elif any(out.iterdir()):
            raise SystemExit(f"refusing to overwrite non-empty {out} (no {MARKER} marker)")
    (out / "content").mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("generated by bench/gen_corpus.py; safe to delete\n")
    counts = {"version": VERSION, "municipalities": municipalities, "seed": seed,
              "build_date": BUILD_DATE.isoformat(), "files": 0, "periods": 0, "promises": 0,
              "updates": 0, "words": 0}
    made: set[Path] = set()
    for rel, text in corpus_files(municipalities, seed):
        path = out / "content" / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8", newline="\n")
        counts["files"] += 1
        counts["words"] += len(text.split())
        kind = rel.rsplit("/", 1)[-1]
        counts["periods"] += kind == "lofte.yaml"
        counts["promises"] += kind == "index.md"
        counts["updates"] += "/updates/" in rel
    (out / "corpus.json").write_text(json.dumps(counts, indent=2) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="output directory (replaced if generated before)")
    ap.add_argument("--municipalities", "-n", type=int, default=DEFAULT_MUNICIPALITIES)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if args.municipalities < 1:
        ap.error("--municipalities must be at least 1")
    counts = generate(args.out, args.municipalities, args.seed)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
