"""`check`: the same errors as a build, then advice with exact messages, and exit codes."""
import pytest
from conftest import options, write_tree

from lofte.authoring import check
from lofte.cli import main

PERIOD = "storby/2025/lofte.yaml"
KONTROLLER = "storby/2025/fler-kontroller/index.md"
PARK = "storby/2025/trygg-park/index.md"
KONTROLLER_UPDATE = "storby/2025/fler-kontroller/updates/2025-06-01-kontroller.md"


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def good(small_content):
    """The small fixture with everything the advice asks for."""
    edit(small_content, KONTROLLER, "    status: pågår\n", "    status: pågår\n    responsible: Trafikpolisen\n")
    edit(small_content, PARK, "    status: ej påbörjat\n", "    status: ej påbörjat\n    responsible: Parkenheten\n")
    edit(small_content, PARK, "    status: pågår\nstatus:", "    status: pågår\n    responsible: Storby Bostäder\nstatus:")
    write_tree(small_content, {KONTROLLER_UPDATE: """
        ---
        title: Kontroller i maj
        ---
        Polisen gjorde fem kontroller vid skolorna.
        """})
    return small_content


def advice(content, **kw):
    return [str(a) for a in check.check(options(content, **kw))]


def test_good_content_gets_no_advice(good):
    assert advice(good) == []


LONG = ("Polisen och kommunen ska tillsammans med fastighetsägarna och föreningarna i området gå "
        "trygghetsvandringar varje månad och skriva ner allt som kommer fram så att det kan åtgärdas snabbt av rätt part.")
HARD = " ".join(["Kommunstyrelsen prioriterar trygghetsskapande investeringar i stadsdelscentrumets belysningsanläggningar."] * 5)


@pytest.mark.parametrize("rel, old, new, expected", [
    (PERIOD, "feedback_plan:\n  text: Vi uppdaterar varje kvartal.\n  interval_days: 100\n", "",
     "content/storby/2025/lofte.yaml:1: råd: perioden har ingen återkopplingsplan (feedback_plan), så invånarna vet "
     "inte när de får höra hur det går. Så här åtgärdar du: lägg till feedback_plan med text (hur och hur ofta ni "
     "berättar) och interval_days (se docs/innehall.md, avsnitt 7)."),
    (PERIOD, "  interval_days: 100\n", "",
     "content/storby/2025/lofte.yaml:19: råd: återkopplingsplanen säger inte hur många dagar det högst får gå mellan "
     "två uppdateringar, så webbplatsen kan inte visa när nästa uppdatering ska komma. Så här åtgärdar du: lägg till "
     "interval_days under feedback_plan, t.ex. interval_days: 91 för en gång i kvartalet."),
    (KONTROLLER, "indicators:\n  - id: kontroller\n    name: Hastighetskontroller\n    unit: kontroller\n"
     "    kind: frequency\n    frequency: month\n    target: {value: 2}\n", "",
     "content/storby/2025/fler-kontroller/index.md:2: råd: löftet har inget mätbart mål (indicators). Så här åtgärdar "
     "du: lägg till ett mål under indicators, t.ex. antal trygghetsvandringar (kind: count) eller andel invånare som "
     "känner sig trygga (kind: measure); se docs/innehall.md, Mål."),
    (PARK, "    baseline: {value: 60, date: 2024-10-01}\n", "",
     "content/storby/2025/trygg-park/index.md:23: råd: målet 'trygga' har inget utgångsläge (baseline). Så här "
     "åtgärdar du: lägg till baseline med value och date, t.ex. från den senaste trygghetsmätningen."),
    (PARK, "    target: {value: 70, date: 2025-12-31}\n", "",
     "content/storby/2025/trygg-park/index.md:23: råd: målet 'trygga' har inget målvärde (target). Så här åtgärdar "
     "du: lägg till target med value och date."),
    (PERIOD, "start: 2025-01-01\nend: 2025-12-31\n", "dates_note: Anges inte i källan.\n",
     "content/storby/2025/fler-kontroller/index.md:10: råd: målet 'kontroller' säger inte när det ska vara nått. Så "
     "här åtgärdar du: lägg till date under target, eller start och end för löftet eller perioden."),
    (KONTROLLER, "actors:\n  - actor: polisen\n    status: pågår\n    responsible: Trafikpolisen\n", "actors: []\n",
     "content/storby/2025/fler-kontroller/index.md:4: råd: löftet säger inte vem som lovar (actors är tom). Så här "
     "åtgärdar du: lägg till minst en aktör under actors: polisen, kommunen eller en part från kommun.yaml."),
    (PARK, "    responsible: Kommunpolisen\n", "",
     "content/storby/2025/trygg-park/index.md:7: råd: aktören 'polisen' har ingen ansvarig enhet (responsible). Så "
     "här åtgärdar du: skriv vilken enhet som svarar för löftet, t.ex. responsible: Kommunpolisen."),
    (PARK, "Vi går **trygghetsvandringar** i parken.", f"Vi går **trygghetsvandringar** i parken.\n\n{LONG}",
     "content/storby/2025/trygg-park/index.md:34: råd: meningen ”Polisen och kommunen ska tillsammans med …” har 31 "
     "ord, och över 25 ord blir svårt att läsa. Så här åtgärdar du: dela upp meningen i två eller fler; är texten "
     "ett citat ur löftesdokumentet, skriv i stället en lättläst sammanfattning i summary."),
    (PARK, "summary: Fem trygghetsvandringar i parken.", f"summary: {LONG}",
     "content/storby/2025/trygg-park/index.md:3: råd: meningen ”Polisen och kommunen ska tillsammans med …” har 31 "
     "ord, och över 25 ord blir svårt att läsa. Så här åtgärdar du: dela upp meningen i två eller fler."),
    (KONTROLLER_UPDATE, "Polisen gjorde fem kontroller vid skolorna.", HARD,
     "content/storby/2025/fler-kontroller/updates/2025-06-01-kontroller.md:4: råd: texten är svår att läsa (LIX 93; "
     "sikta på högst 50). Så här åtgärdar du: skriv kortare meningar och byt långa ord mot vanliga, korta ord."),
    (PARK, "Vi går **trygghetsvandringar** i parken.",
     "Vi går **trygghetsvandringar** i parken.\nSe [kontrollerna](../fler-kontroller/), [statusarna](../../../status/)"
     " och [protokollet](#protokoll).\nMen [parken](../trygg-parken/) finns inte.",
     "content/storby/2025/trygg-park/index.md:34: råd: länken '../trygg-parken/' leder inte till någon sida eller fil "
     "på webbplatsen. Så här åtgärdar du: kontrollera stavningen; en länk till ett annat löfte i samma period skrivs "
     "t.ex. ../loftets-mapp/ och en fil i löftets mapp med bara filnamnet."),
    (KONTROLLER, "example: true\n", "approach: \"Se kartan: ![Karta](karta.png)\"\nexample: true\n",
     "content/storby/2025/fler-kontroller/index.md:16: råd: bilden 'karta.png' finns inte på webbplatsen. Så här "
     "åtgärdar du: lägg bildfilen i samma mapp som texten och skriv filnamnet, t.ex. ![Beskrivning](bild.jpg)."),
    (KONTROLLER, "    unit: kontroller\n", "    unit: trafikkontrollinsatser\n",
     "content/storby/2025/fler-kontroller/index.md:12: råd: målet 'kontroller' har enheten 'trafikkontrollinsatser' "
     "men ingen singularform, så sidan kan visa ”1 trafikkontrollinsatser”. Så här åtgärdar du: lägg till unit_one "
     "med ordet i singular under unit, så som unit_one: möte hör till unit: möten (se docs/innehall.md, Mål)."),
])
def test_each_kind_of_advice(good, rel, old, new, expected):
    edit(good, rel, old, new)
    assert advice(good) == [expected]


def test_a_unit_with_its_singular_gets_no_advice(good):
    edit(good, KONTROLLER, "    unit: kontroller\n", "    unit: trafikkontrollinsatser\n    unit_one: trafikkontrollinsats\n")
    assert advice(good) == []


def test_more_than_three_promises(good):
    for slug in ("tredje", "fjarde"):
        write_tree(good, {f"storby/2025/{slug}/index.md": f"""
            ---
            title: Löfte {slug}
            actors:
              - actor: polisen
                status: pågår
                responsible: Kommunpolisen
            status: pågår
            indicators:
              - id: moten
                name: Möten
                unit: möten
                kind: count
                target: {{value: 4}}
            ---
            Polisen håller fyra möten.
            """})
    write_tree(good, {f"storby/2025/{slug}/updates/2025-06-01-mote.md": "---\ntitle: Ett möte\n---\n"
                      for slug in ("tredje", "fjarde")})
    assert advice(good) == [
        "content/storby/2025/lofte.yaml:1: råd: perioden har 4 löften; Genomförandekommittén (Ju 2012:16, citerad i "
        "Brå 2018:14) rekommenderar ett till tre löften som går att uppfylla. Så här åtgärdar du: välj ut de "
        "viktigaste löftena eller slå ihop löften som hör ihop."]


def test_promise_without_update_for_longer_than_the_feedback_plan(good):
    (good / KONTROLLER_UPDATE).unlink()
    assert advice(good) == [
        "content/storby/2025/fler-kontroller/index.md:2: råd: löftet har inte uppdaterats sedan perioden började; "
        "återkopplingsplanen lovar en uppdatering minst en gång på 100 dagar, och nästa skulle ha kommit senast "
        "2025-04-11. Så här åtgärdar du: skriv en uppdatering: python build.py new uppdatering "
        "storby/2025/fler-kontroller \"Rubrik\"."]


def test_an_update_naming_the_responsible_unit_satisfies_the_advice(good):
    edit(good, PARK, "    responsible: Kommunpolisen\n", "")
    write_tree(good, {"storby/2025/trygg-park/updates/2025-05-01-ansvar.md": """
        ---
        title: Ansvaret är klart
        actor_status:
          - actor: polisen
            status: pågår
            responsible: Kommunpolisen
        ---
        """})
    assert advice(good) == []


def cli(content, *args):
    return main(["check", "--content", str(content), *args])


def test_cli_exit_codes(good, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751241600")  # 2025-06-30, the fixture's build date
    assert cli(good) == 0
    assert capsys.readouterr().out == "Inga fel och inga råd. Bra jobbat!\n"
    edit(good, PARK, "    responsible: Kommunpolisen\n", "")
    assert cli(good) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Inga fel, men 1 råd."
    assert cli(good, "--strict") == 1
    assert capsys.readouterr().out.splitlines()[-1] == "Inga fel, men 1 råd. (--strict: råden räknas som fel)"
    assert not (good.parent / "site").exists()  # check never writes


def test_errors_are_reported_like_a_build_and_fail(good, capsys):
    edit(good, KONTROLLER, "status: pågår\nindicators", "status: pagar\nindicators")
    assert cli(good) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("fler-kontroller/index.md:8: status: 'pagar' är inte en status; menade du 'pågår'?")
    assert err[-1] == "Kontrollen hittade 1 fel. Rätta felen först; råden visas när innehållet är giltigt."
