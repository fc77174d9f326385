"""The editor's forms, one per content file kind, from the schema's own vocabulary.

Every choice a form offers comes from where validation takes it: statuses from
content/statuses.py, indicator kinds and the like from content/schema.py,
parties and goal ids from the model, so the form cannot offer what the build
would refuse (tests/test_cms_forms.py feeds every form's fields back through
the schema). Fields appear in the order docs/innehall.md lists them; Decap
writes a file's keys in that order. Fields the forms do not edit (translations, acknowledged advice)
are `kept` as they are. Labels and help texts are the documentation's, in Swedish.
"""
from __future__ import annotations

from dataclasses import dataclass

from lofte.content import schema, statuses
from lofte.content.model import Municipality, Promise
from lofte.content.origins import ORIGIN_KINDS

from .cmsfields import (boolean, date, email, group, items, kept, lines, markdown, number, only_unknown, select, slug,
                        string, text, unknowable, url, when)

TITLE_LIMIT, SUMMARY_LIMIT = 300, 400  # as schema.read_promise/read_update
KIND_LABELS = {"count": "Räknas ihop (t.ex. minst fem vandringar)",
               "frequency": "Så många gånger per dag, vardag, vecka, månad, kvartal eller år",
               "measure": "Ett mätvärde (t.ex. andel som känner sig trygga)"}
FREQUENCY_LABELS = {"day": "per dag", "weekday": "per vardag (måndag–fredag)", "week": "per vecka",
                    "month": "per månad", "quarter": "per kvartal", "year": "per år"}
DIRECTION_LABELS = {"increase": "ska öka", "decrease": "ska minska", "maintain": "ska hållas"}


def status_options(kind: str = "progress") -> list[tuple[str, str]]:
    """Each status as 'symbol Label – definition', from the public vocabulary."""
    chosen = statuses.PROGRESS if kind == "progress" else statuses.VERDICTS
    return [(s.key, f"{s.symbol} {s.text('sv')} – {s.definition['sv']}") for s in chosen]


@dataclass(frozen=True)
class Parties:
    """Who can promise in a municipality: the police, the municipality and its partners."""
    options: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, m: Municipality) -> "Parties":
        return cls((("polisen", "Polisen"), ("kommunen", m.name or "Kommunen"))
                   + tuple((p.id, p.name) for p in m.partners))


def source_fields() -> list[dict]:
    return [
        string("title", "Dokumentets titel", True),
        string("document", "Filnamn eller diarienummer"),
        url("url", "Länk till dokumentet"),
        date("date", "Dokumentets datum"),
        text("note", "Anteckning", hint="Det läsaren behöver veta: vem som skrev det, vad som saknas, var det "
                                        "skiljer sig från en annan källa."),
    ]


def source(name: str = "source", label: str = "Källa", required: bool = False) -> dict:
    return group(name, label, source_fields(), required, "Var uppgifterna kommer från (ett offentligt dokument).",
                 "{{fields.title}}")


def sources(required: bool = False) -> list[dict]:
    """`sources`: one or more documents; a file's older `source:` is kept as it is (not both)."""
    return [items("sources", "Källor", "källa", source_fields(), required,
                  "Var uppgifterna kommer från: ett eller flera offentliga dokument. Säger två källor olika, "
                  "skriv var de skiljer sig i anteckningen.", "{{fields.title}}"),
            kept("source")]


def origins() -> dict:
    return items("origins", "Ursprung", "ursprung", [
        select("kind", "Slag", [(k, v["sv"]) for k, v in ORIGIN_KINDS.items()], True),
        text("text", "Vad det var, som i källan", True),
    ], hint="Varför löftena finns: medborgardialog, enkät, statistik …", summary="{{fields.kind}}: {{fields.text}}")


def events() -> dict:
    return items("events", "Händelser", "händelse", [
        string("title", "Vad det är", True),
        when("start", "Börjar", True),
        when("end", "Slutar"),
        string("location", "Plats"),
        text("description", "Kort beskrivning"),
    ], hint="Möten, trygghetsvandringar och annat som invånare kan delta i.",
        summary="{{fields.start}} {{fields.title}}")


def actor_statuses(name: str, label: str, actors: tuple[tuple[str, str], ...], required: bool, hint: str,
                   silent: bool = False) -> dict:
    """`silent`: the responsible unit may be `okänt` (a promise's actors; an update only names a new one)."""
    responsible = string("responsible", "Ansvarig enhet", hint="T.ex. Säkerhetsavdelningen.")
    return items(name, label, "aktör", [
        select("actor", "Aktör", list(actors), True),
        select("status", "Status", status_options(), True),
        unknowable(responsible) if silent else responsible,
    ], required, hint, "{{fields.actor}}: {{fields.status}}")


def common_tail() -> list[dict]:
    return [boolean("example", "Påhittat exempel", "Slå på bara för påhittat innehåll som visar hur "
                                                   "webbplatsen fungerar; texten ska då börja med ”Exempel:”."),
            text("lattlast", "Lättläst version", hint="Korta meningar, en mening per rad, vanliga ord.")]


def update(promise: Promise, parties: Parties) -> list[dict]:
    """A progress update: `<kommun>/<period>/<löfte>/updates/ÅÅÅÅ-MM-DD-namn.md`."""
    names = dict(parties.options)
    actors = tuple((a.actor, names.get(a.actor, a.actor)) for a in promise.actors)
    fields = [
        string("title", "Rubrik", True, "Vad hände? Högst 300 tecken. Rubriken blir också filens namn.",
               TITLE_LIMIT),
        date("date", "Datum", hint="Dagen det hände. Tomt: i dag. Datumet står i filnamnet och kan inte "
                                   "ändras efter att uppdateringen har sparats."),
        select("status", "Ny status för löftet", status_options(),
               hint="Bara om statusen ändras. Lämna tomt annars."),
        actor_statuses("actor_status", "Ny status för en aktör", actors, False,
                       "Bara för aktörer vars status ändras."),
    ]
    if promise.indicators:
        fields.append(items("progress", "Siffror till målen", "siffra", [
            select("indicator", "Mål", [(i.id, f"{i.name} ({i.unit})") for i in promise.indicators], True),
            number("value", "Värde", True, "Räknade mål: hur många sedan förra uppdateringen. "
                                           "Mätningar: det nya mätvärdet. Decimaler med punkt: 3.5."),
        ], hint="Ett mål kan få en siffra per uppdatering.", summary="{{fields.indicator}}: {{fields.value}}"))
    else:
        fields.append(kept("progress"))
    fields += [
        items("evidence", "Underlag", "länk", [string("title", "Vad länken visar", True), url("url", "Länk", True)],
              hint="Länkar till protokoll, nyheter och annat som visar vad som hänt.", summary="{{fields.title}}"),
        events(),
    ]
    earlier = [(u.slug, f"{u.date} {u.title}") for u in promise.updates]
    fields.append(group("corrects", "Rättar en tidigare uppdatering", [
        select("update", "Uppdateringen som rättas", earlier, True) if earlier else string("update", "Uppdatering"),
        text("note", "Vad som var fel", True),
    ], hint="Ändra aldrig en publicerad uppdatering: skriv en ny som rättar den, med de rätta siffrorna."))
    fields += [boolean("example", "Påhittat exempel", "Bara för påhittade uppdateringar; rubriken och texten "
                                                      "ska då börja med ”Exempel:”."),
               date("revised", "Texten ändrad i sak"), kept("translations"), kept("acknowledged"),
               markdown("body", "Text", hint="Vad har hänt? Skriv kort och konkret.")]
    return fields


def indicators() -> dict:
    return unknowable(items("indicators", "Mätbara mål", "mål", [
        slug("id", "Kortnamn", "Unikt inom löftet, t.ex. vandringar. Ändra det inte när uppdateringar använder det."),
        string("name", "Vad som mäts", True),
        string("unit", "Enhet", True, "I plural, t.ex. vandringar."),
        string("unit_one", "Enhet i singular", hint="T.ex. vandring.", limit=100),
        select("kind", "Sort", [(k, KIND_LABELS[k]) for k in schema.INDICATOR_KINDS], True),
        select("frequency", "Hur ofta", [(k, FREQUENCY_LABELS[k]) for k in schema.FREQUENCIES],
               hint="Bara för sorten ”så många gånger per …”."),
        select("direction", "Riktning", [(k, DIRECTION_LABELS[k]) for k in schema.DIRECTIONS],
               hint="Standard: ska öka."),
        unknowable(group("baseline", "Utgångsläge", [number("value", "Värde", True), date("date", "Datum"),
                                                     string("note", "Anteckning")])),
        unknowable(group("target", "Målvärde", [number("value", "Värde", True, "För ”per dag, vecka …”: antalet "
                                                                              "per dag, vecka …"),
                                                unknowable(date("date", "Senast"))], hint="Krävs för räknade mål.")),
        text("note", "Förklaring", hint="Gärna med citat ur källan."),
    ], hint="Gör löftet mätbart: ”minst fem trygghetsvandringar”, ”minst en dag i veckan”.",
        summary="{{fields.id}}: {{fields.name}}"))


def promise(parties: Parties, focus_areas: tuple[str, ...], follow_up: bool) -> list[dict]:
    """A promise: `<kommun>/<period>/<löfte>/index.md`, its text the Markdown body."""
    areas = f" Periodens fokusområden: {'; '.join(focus_areas)}." if focus_areas else ""
    verdict = group("verdict", "Slutbedömning", [
        select("verdict", "Bedömning", status_options("verdict"), hint="Utelämna om källan inte anger någon."),
        markdown("text", "Motivering"),
    ], hint="Efter uppföljningen.") if follow_up else kept("verdict")
    return [
        string("title", "Rubrik", True, "Löftets rubrik, som i källan. Högst 300 tecken. "
                                        "Rubriken blir också mappens namn i webbadressen.", TITLE_LIMIT),
        number("order", "Ordning", hint="Lägst först bland periodens löften.", whole=True, minimum=0),
        text("summary", "Sammanfattning", hint="Visas i listor. Högst 400 tecken.", limit=SUMMARY_LIMIT),
        unknowable(string("focus_area", "Fokusområde", hint=f"Fokusområdet löftet hör till.{areas}")),
        unknowable(markdown("approach", "Tillvägagångssätt")),
        unknowable(lines("activities", "Aktiviteter", "aktivitet")),
        unknowable(lines("effects", "Eftersträvade effekter", "effekt")),
        origins(),
        actor_statuses("actors", "Aktörer", parties.options, True, "Vilka som lovar, med status för var och en.",
                       silent=True),
        select("status", "Status när löftet publiceras", status_options(), True,
               "Ändra den inte i efterhand: skriv en uppdatering med ny status i stället."),
        indicators(),
        date("start", "Egen tidsram: första dag", hint="Bara om löftet inte gäller hela perioden."),
        date("end", "Egen tidsram: sista dag"),
        events(),
        verdict,
        *sources(required=True),
        *common_tail(),
        date("revised", "Texten ändrad i sak"),
        kept("translations"), kept("acknowledged"),
        markdown("body", "Löftestexten", True, "Ordagrant från källan."),
    ]


def period(parties: Parties) -> list[dict]:
    """A promise period: `<kommun>/<period>/lofte.yaml`."""
    return [
        string("title", "Periodens namn", True, "Som i källan, t.ex. Medborgarlöften i Köpings kommun 2027."),
        unknowable(date("start", "Första dag", True, "Mappens namn blir startåret.")),
        unknowable(date("end", "Sista dag", True)),
        text("dates_note", "Om datumen", hint="Till exempel hur ett datum är härlett ur källan."),
        unknowable(date("signed", "Undertecknat")),
        unknowable(string("signed_place", "Ort där det undertecknades")),
        unknowable(items("signatories", "Undertecknare", "undertecknare", [
            string("name", "Namn", True), string("role", "Befattning", True),
            select("party", "Part", list(parties.options), True)], summary="{{fields.name}}")),
        only_unknown("promises", "Källan listar inte (alla) löftena",
                     "Kryssa i om källan inte listar periodens löften, eller inte alla; skriv gärna vad den säger."),
        markdown("intro", "Inledning"),
        unknowable(markdown("purpose", "Syfte")),
        unknowable(markdown("situation", "Gemensam lägesbild")),
        unknowable(lines("focus_areas", "Fokusområden", "fokusområde")),
        origins(),
        unknowable(group("feedback_plan", "Plan för återkoppling", [
            unknowable(markdown("text", "Hur och hur ofta invånarna får veta hur det går", True)),
            unknowable(number("interval_days", "Längsta tid mellan uppdateringar (dagar)", whole=True, minimum=1))])),
        group("follow_up", "Uppföljning", [
            unknowable(date("date", "Datum")), unknowable(markdown("summary", "Sammanfattning")),
            unknowable(markdown("activities", "Aktiviteter som genomfördes")),
            unknowable(markdown("quality", "Hur bra arbetet gjordes")),
            unknowable(markdown("effects", "Effekter")), source("document", "Uppföljningsdokumentet")],
            hint="Skriv den när perioden har följts upp; då visas slutbedömningar i stället för statusar."),
        *sources(required=True),
        *common_tail(),
        date("revised", "Texten ändrad i sak"),
        kept("translations"), kept("acknowledged"),
    ]


def municipality() -> list[dict]:
    """A municipality: `<kommun>/kommun.yaml`, with its contact for the promises."""
    return [
        string("name", "Kommunens namn", True, "T.ex. Köpings kommun."),
        string("short_name", "Kort namn", True, "Ortens namn, t.ex. Köping."),
        unknowable(string("police_area", "Lokalpolisområde", True)),
        items("partners", "Andra parter", "part", [
            slug("id", "Kortnamn", "Används under aktörer och undertecknare, t.ex. kbab.", schema.BUILTIN_ACTORS),
            string("name", "Namn", True), string("description", "Kort beskrivning"), url("url", "Länk")],
            hint="Andra än polisen och kommunen, t.ex. ett bostadsbolag.", summary="{{fields.name}}"),
        group("contact", "Kontakt för löftena", [string("name", "Namn"), email("email", "E-post"),
                                                 string("phone", "Telefon"), url("url", "Webbsida")],
              hint="Visas på kommunens sidor."),
        group("logo", "Logotyp", [string("file", "Bildfil", True, "En bild bredvid kommun.yaml, t.ex. logo.png."),
                                  string("alt", "Alternativtext", True)]),
        group("police_contact", "Polisens kontakt", [string("name", "Namn"), email("email", "E-post"), string("phone", "Telefon"),
                                                     url("url", "Webbsida")],
              hint="Tomt: 114 14 och polisen.se."),
        *sources(),
        boolean("example", "Påhittad kommun"),
        kept("acknowledged"),
    ]
