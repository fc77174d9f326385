"""`check`: the same errors as a build, then advice with exact messages, and exit codes."""
from pathlib import Path

import pytest
from conftest import options, write_tree

from lofte.authoring import check
from lofte.authoring.advice import KINDS, NOT_ACKNOWLEDGEABLE, Lines
from lofte.authoring.textadvice import Where, link_advice, text_advice
from lofte.authoring.unknownadvice import no_promises, not_stated_as_text
from lofte.build.pipeline import read_site
from lofte.cli import main
from lofte.content.errors import BuildAborted
from lofte.content.model import Text

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
    site = small_content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("example.se", "storby.se"), encoding="utf-8")
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
     "content/storby/2025/lofte.yaml:1: råd [aterkoppling-saknas]: perioden har ingen återkopplingsplan (feedback_plan), så invånarna vet "
     "inte när de får höra hur det går. Så här åtgärdar du: lägg till feedback_plan med text (hur och hur ofta ni "
     "berättar) och interval_days (se docs/innehall.md, avsnitt 7); säger källan inget om det, skriv feedback_plan: okänt"
     " (docs/innehall.md, Okänt)."),
    (PERIOD, "  interval_days: 100\n", "",
     "content/storby/2025/lofte.yaml:19: råd [intervall-saknas]: återkopplingsplanen säger inte hur många dagar det högst får gå mellan "
     "två uppdateringar, så webbplatsen kan inte visa när nästa uppdatering ska komma. Så här åtgärdar du: lägg till "
     "interval_days under feedback_plan, t.ex. interval_days: 91 för en gång i kvartalet; säger källan inget om det, "
     "skriv interval_days: okänt under feedback_plan (docs/innehall.md, Okänt)."),
    (KONTROLLER, "indicators:\n  - id: kontroller\n    name: Hastighetskontroller\n    unit: kontroller\n"
     "    kind: frequency\n    frequency: month\n    target: {value: 2}\n", "",
     "content/storby/2025/fler-kontroller/index.md:2: råd [mal-saknas]: löftet har inget mätbart mål (indicators). Så här åtgärdar "
     "du: lägg till ett mål under indicators, t.ex. antal trygghetsvandringar (kind: count) eller andel invånare som "
     "känner sig trygga (kind: measure); se docs/innehall.md, Mål; säger källan inget om det, skriv indicators: okänt "
     "(docs/innehall.md, Okänt)."),
    (PARK, "    baseline: {value: 60, date: 2024-10-01}\n", "",
     "content/storby/2025/trygg-park/index.md:23: råd [utgangslage-saknas]: målet 'trygga' har inget utgångsläge (baseline). Så här "
     "åtgärdar du: lägg till baseline med value och date, t.ex. från den senaste trygghetsmätningen; säger källan inget "
     "om det, skriv baseline: okänt (docs/innehall.md, Okänt)."),
    (PARK, "    target: {value: 70, date: 2025-12-31}\n", "",
     "content/storby/2025/trygg-park/index.md:23: råd [malvarde-saknas]: målet 'trygga' har inget målvärde (target). Så här åtgärdar "
     "du: lägg till target med value och date; säger källan inget om det, skriv target: okänt (docs/innehall.md, Okänt)."),
    (PERIOD, "start: 2025-01-01\nend: 2025-12-31\n", "start: okänt\nend: okänt\n",
     "content/storby/2025/fler-kontroller/index.md:10: råd [maldatum-saknas]: målet 'kontroller' säger inte när det ska vara nått. Så "
     "här åtgärdar du: lägg till date under target, eller start och end för löftet eller perioden; säger källan inget om "
     "det, skriv date: okänt under target (docs/innehall.md, Okänt)."),
    (KONTROLLER, "actors:\n  - actor: polisen\n    status: pågår\n    responsible: Trafikpolisen\n", "actors: []\n",
     "content/storby/2025/fler-kontroller/index.md:4: råd [aktorer-saknas]: löftet säger inte vem som lovar (actors är tom). Så här "
     "åtgärdar du: lägg till minst en aktör under actors: polisen, kommunen eller en part från kommun.yaml."),
    (PARK, "    responsible: Kommunpolisen\n", "",
     "content/storby/2025/trygg-park/index.md:7: råd [ansvarig-saknas]: aktören 'polisen' har ingen ansvarig enhet (responsible). Så "
     "här åtgärdar du: skriv vilken enhet som svarar för löftet, t.ex. responsible: Kommunpolisen eller "
     "responsible: Lokalpolisområde Storby; säger källan inget om det, skriv responsible: okänt (docs/innehall.md, Okänt)."),
    (PARK, "Vi går **trygghetsvandringar** i parken.", f"Vi går **trygghetsvandringar** i parken.\n\n{LONG}",
     "content/storby/2025/trygg-park/index.md:34: råd [lang-mening]: meningen ”Polisen och kommunen ska tillsammans med …” har 31 "
     "ord, och över 25 ord blir svårt att läsa. Så här åtgärdar du: dela upp meningen i två eller fler; är texten "
     "ett citat ur löftesdokumentet, skriv i stället en lättläst sammanfattning i summary."),
    (PARK, "summary: Fem trygghetsvandringar i parken.", f"summary: {LONG}",
     "content/storby/2025/trygg-park/index.md:3: råd [lang-mening]: meningen ”Polisen och kommunen ska tillsammans med …” har 31 "
     "ord, och över 25 ord blir svårt att läsa. Så här åtgärdar du: dela upp meningen i två eller fler."),
    (KONTROLLER_UPDATE, "Polisen gjorde fem kontroller vid skolorna.", HARD,
     "content/storby/2025/fler-kontroller/updates/2025-06-01-kontroller.md:4: råd [svar-text]: texten är svår att läsa (LIX 93; "
     "sikta på högst 50). Så här åtgärdar du: skriv kortare meningar och byt långa ord mot vanliga, korta ord."),
    (PARK, "Vi går **trygghetsvandringar** i parken.",
     "Vi går **trygghetsvandringar** i parken.\nSe [kontrollerna](../fler-kontroller/), [statusarna](../../../status/)"
     " och [protokollet](#protokoll).\nMen [parken](../trygg-parken/) finns inte.",
     "content/storby/2025/trygg-park/index.md:34: råd [trasig-lank]: länken '../trygg-parken/' leder inte till någon sida eller fil "
     "på webbplatsen. Så här åtgärdar du: kontrollera stavningen; en länk till ett annat löfte i samma period skrivs "
     "t.ex. ../loftets-mapp/ och en fil i löftets mapp med bara filnamnet."),
    (KONTROLLER, "    unit: kontroller\n", "    unit: trafikkontrollinsatser\n",
     "content/storby/2025/fler-kontroller/index.md:12: råd [singular-saknas]: målet 'kontroller' har enheten "
     "'trafikkontrollinsatser' men ingen singularform, så sidan kan visa ”1 trafikkontrollinsatser”. Så här åtgärdar "
     "du: lägg till unit_one med ordet i singular under unit, så som unit_one: möte hör till unit: möten (se "
     "docs/innehall.md, Mål)."),
    # issue 19.1: "Anges inte i källan." written as the value gets advice with the field's okänt form
    ("storby/kommun.yaml", "police_area: Lokalpolisområde Storby", "police_area: Anges inte i källan.",
     "content/storby/kommun.yaml:3: råd [polisomrade-saknas]: police_area säger ”Anges inte i källan.” som text, så "
     "sidorna skriver ”polisen i Anges inte i källan.” där lokalpolisområdet ska stå. Så här åtgärdar du: skriv "
     "lokalpolisområdet som löftesdokumentet skriver det, t.ex. police_area: Lokalpolisområde Storby; nämner källan "
     "inget, skriv police_area: okänt, så säger sidorna det med egna ord (docs/innehall.md, Okänt)."),
    (PERIOD, "situation: Otrygghet i parken på kvällar.", "situation: Anges inte i källan. Kommunen hänvisar till en rapport.",
     "content/storby/2025/lofte.yaml:14: råd [anges-inte-text]: situation säger ”Anges inte i källan. Kommunen "
     "hänvisar till en rapport.” som text, och sidorna skriver texten där värdet ska stå. Så här åtgärdar du: skriv "
     "situation: okänt i stället, så säger sidorna själva att källan inte anger det; resten av texten blir en "
     "förklaring på raden under: situation: och sedan okänt: Kommunen hänvisar till en rapport. (docs/innehall.md, Okänt)."),
    (PARK, "    responsible: Parkenheten\n", "    responsible: Anges inte i källan.\n",
     "content/storby/2025/trygg-park/index.md:12: råd [anges-inte-text]: actors.responsible säger ”Anges inte i "
     "källan.” som text, och sidorna skriver texten där värdet ska stå. Så här åtgärdar du: skriv responsible: okänt "
     "under actors i stället, så säger sidorna själva att källan inte anger det (docs/innehall.md, Okänt)."),
    (PERIOD, "  text: Vi uppdaterar varje kvartal.\n", "  text: Anges inte i källan.\n",
     "content/storby/2025/lofte.yaml:20: råd [anges-inte-text]: feedback_plan.text säger ”Anges inte i källan.” som "
     "text, och sidorna skriver texten där värdet ska stå. Så här åtgärdar du: skriv feedback_plan: okänt i stället, "
     "så säger sidorna själva att källan inte anger det (docs/innehall.md, Okänt)."),
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
        "content/storby/2025/lofte.yaml:1: råd [for-manga-loften]: perioden har 4 löften; Genomförandekommittén (Ju 2012:16, citerad i "
        "Brå 2018:14) rekommenderar ett till tre löften som går att uppfylla. Så här åtgärdar du: välj ut de "
        "viktigaste löftena eller slå ihop löften som hör ihop."]


def test_promise_without_update_for_longer_than_the_feedback_plan(good):
    (good / KONTROLLER_UPDATE).unlink()
    assert advice(good) == [
        "content/storby/2025/fler-kontroller/index.md:2: råd [uppdatering-sen]: löftet har inte uppdaterats sedan perioden började; "
        "återkopplingsplanen lovar en uppdatering minst en gång på 100 dagar, och nästa skulle ha kommit senast "
        "2025-04-11. Så här åtgärdar du: skriv en uppdatering: lofte new uppdatering "
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
    assert out[-1] == ("Inga fel, men 1 råd. Ett råd som inte går att följa kan kvitteras med ett skäl: "
                       "docs/publicera.md, avsnitt 4.")
    assert cli(good, "--strict") == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Inga fel, men 1 råd. (--strict: råd som inte är kvitterade räknas som fel)")
    assert not (good.parent / "site").exists()  # check never writes


def test_errors_are_reported_like_a_build_and_fail(good, capsys):
    edit(good, KONTROLLER, "status: pågår\nindicators", "status: pagar\nindicators")
    assert cli(good) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("fler-kontroller/index.md:8: status: 'pagar' är inte en status; menade du 'pågår'?")
    assert err[-1] == "Kontrollen hittade 1 fel. Rätta felen först; råden visas när innehållet är giltigt."


@pytest.mark.parametrize("actor, old, expected", [
    ("kommunen", "    status: ej påbörjat\n    responsible: Parkenheten\n", "responsible: Trygghetssamordnaren eller "
     "responsible: Kommunledningsförvaltningen"),
    ("bostadsbolaget", "    status: pågår\n    responsible: Storby Bostäder\n",
     "den avdelning hos Storby Bostäder AB som svarar för löftet"),
])
def test_the_suggested_responsible_unit_fits_the_actor(good, actor, old, expected):
    edit(good, PARK, old, old.split("    responsible")[0])
    [line] = advice(good)
    assert f"aktören '{actor}' har ingen ansvarig enhet (responsible)" in line
    assert line.endswith(f"t.ex. {expected}; säger källan inget om det, skriv responsible: okänt "
                         "(docs/innehall.md, Okänt).") and "Kommunpolisen" not in line


def test_example_addresses_in_site_yaml_and_kommun_yaml(good):
    edit(good, "site.yaml", "webb@storby.se", "webb@kommunen.example")
    edit(good, "storby/kommun.yaml", "example: true", "contact:\n  url: https://example.org/storby\nexample: true")
    assert advice(good) == [
        "content/site.yaml:18: råd [exempeladress]: accessibility.contact_email är en exempeladress "
        "(webb@kommunen.example), inte en som invånarna kan använda. Så här åtgärdar du: skriv den riktiga adressen.",
        "content/storby/kommun.yaml:8: råd [exempeladress]: contact.url är en exempeladress "
        "(https://example.org/storby), inte en som invånarna kan använda. Så här åtgärdar du: skriv den riktiga adressen."]


@pytest.fixture
def ended(good):
    """The fixture's period after its end, followed up, with gaps its source would not fill."""
    edit(good, PERIOD, "  interval_days: 100\n", "")
    edit(good, PERIOD, "example: true", "follow_up:\n  summary: Perioden är slut.\nexample: true")
    edit(good, KONTROLLER, "indicators:\n  - id: kontroller\n    name: Hastighetskontroller\n    unit: kontroller\n"
         "    kind: frequency\n    frequency: month\n    target: {value: 2}\n", "")
    return good


MAL_SAKNAS = ("content/storby/2025/fler-kontroller/index.md:2: råd [mal-saknas]: löftet har inget mätbart mål "
              "(indicators). Så här åtgärdar du: lägg till ett mål under indicators, t.ex. antal trygghetsvandringar "
              "(kind: count) eller andel invånare som känner sig trygga (kind: measure); se docs/innehall.md, Mål; säger "
              "källan inget om det, skriv indicators: okänt (docs/innehall.md, Okänt).")


def test_an_ended_period_is_not_asked_to_plan_ahead(ended):
    """No interval for the feedback plan, no target dates; what the source does not state is marked okänt."""
    assert advice(ended) == [MAL_SAKNAS]
    edit(ended, KONTROLLER, "\nstatus: pågår\n", "\nstatus: pågår\nindicators:\n  okänt: Löftet anger inget mål.\n")
    assert advice(ended) == []


def test_acknowledged_advice_is_shown_with_its_reason_and_passes_strict(ended, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751241600")
    edit(ended, PERIOD, "example: true", "acknowledged:\n  - advice: mal-saknas\n"
         "    reason: Löftesdokumentet anger inga mätbara mål.\nexample: true")
    assert cli(ended, "--strict") == 0
    assert capsys.readouterr().out.splitlines() == [
        "content/storby/2025/fler-kontroller/index.md:2: kvitterat råd [mal-saknas]: löftet har inget mätbart mål "
        "(indicators). Skäl: Löftesdokumentet anger inga mätbara mål.".replace("content/", f"{ended}/", 1),
        "Inga fel och inga råd utom 1 kvitterat råd."]


def test_an_acknowledgement_covers_its_file_or_folder_only(ended):
    edit(ended, PARK, "example: true", "acknowledged:\n  - advice: mal-saknas\n    reason: Fel fil.\nexample: true")
    assert advice(ended) == [
        MAL_SAKNAS,
        "content/storby/2025/trygg-park/index.md:31: råd [onodig-kvittering]: kvitteringen av 'mal-saknas' svarar "
        "inte på något råd om den här filen eller filerna i mappen. Så här åtgärdar du: ta bort kvitteringen; rådet "
        "gäller inte längre."]


def test_an_acknowledgement_must_name_an_advice(good, capsys):
    edit(good, PARK, "example: true", "acknowledged:\n  - advice: mal-saknad\n    reason: Källan säger inget.\n"
         "example: true")
    assert advice(good) == [
        "content/storby/2025/trygg-park/index.md:31: råd [okand-kvittering]: 'mal-saknad' är inget råd som kan "
        "kvitteras. Så här åtgärdar du: skriv rådets id som det står inom hakparentes i rådet, här troligen "
        "advice: mal-saknas."]
    assert cli(good, "--strict") == 1


def test_an_acknowledgement_needs_a_reason(good):
    edit(good, PARK, "example: true", "acknowledged:\n  - advice: mal-saknas\nexample: true")
    with pytest.raises(BuildAborted) as raised:
        advice(good)
    assert [str(e) for e in raised.value.errors] == [
        "content/storby/2025/trygg-park/index.md:31: acknowledged (första punkten).reason: saknas: fältet är obligatoriskt"]


def test_check_only_some_municipalities(good, capsys):
    write_tree(good, {"annanby/kommun.yaml": "name: Annanby kommun\nshort_name: Annanby\npolice_area: Okänt\n",
                      "annanby/2025/lofte.yaml": "title: Annanby 2025\nstart: 2025-01-01\nend: 2025-12-31\n"})
    assert advice(good) == [
        "content/annanby/2025/lofte.yaml:1: råd [aterkoppling-saknas]: perioden har ingen återkopplingsplan "
        "(feedback_plan), så invånarna vet inte när de får höra hur det går. Så här åtgärdar du: lägg till "
        "feedback_plan med text (hur och hur ofta ni berättar) och interval_days (se docs/innehall.md, avsnitt 7); "
        "säger källan inget om det, skriv feedback_plan: okänt (docs/innehall.md, Okänt).",
        "content/annanby/2025/lofte.yaml:1: råd [loften-saknas]: perioden har inga löften, så sidorna kan bara säga "
        "att inga löften är publicerade. Så här åtgärdar du: skriv löftena: lofte new löfte annanby/2025 \"Rubrik\"; "
        "listar källan inga löften, skriv promises: okänt i lofte.yaml, så säger sidorna det (med en förklaring på "
        "raden under: okänt: …)."]
    assert cli(good, "storby", "--strict") == 0
    assert cli(good, "Storby") == 0  # the name works as well as the folder
    assert capsys.readouterr().out.splitlines()[-1] == "Inga fel och inga råd. Bra jobbat!"
    assert cli(good, "storbi") == 1
    assert capsys.readouterr().err == ("Fel: 'storbi' är ingen kommun på webbplatsen; menade du 'storby'? "
                                       "Kommunerna (mapparnas namn): annanby, storby\n")


def test_every_advice_kind_is_documented():
    guide = (Path(__file__).parent.parent / "docs/publicera.md").read_text(encoding="utf-8")
    assert [kind for kind in {**KINDS, **NOT_ACKNOWLEDGEABLE} if f"`{kind}`" not in guide] == []


def test_the_demo_content_passes_strict_with_its_reasons(capsys, monkeypatch):
    """Archived periods whose sources give no targets pass --strict by saying so, not by invented facts."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796428800")  # 2026-12-05
    demo = Path(__file__).parent.parent / "content"
    assert main(["check", "--content", str(demo), "--strict"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("Inga fel och inga råd utom ") and out[-1].endswith(" kvitterade råd.")
    assert all(": kvitterat råd [" in line and ". Skäl: " in line for line in out[:-1])


def test_characters_the_poster_font_lacks_are_named_with_file_line_and_field(good):
    edit_file = good / "storby/2025/trygg-park/index.md"
    edit_file.write_text(edit_file.read_text().replace("title: Tryggare park", "title: Tryggare park 😀 حديقة 公园"))
    found = [a for a in advice(good) if "typsnitt" in a]
    assert found == [
        "content/storby/2025/trygg-park/index.md:2: råd [tecken-affisch]: title: affischens typsnitt saknar tecknen 😀 ح د ي ق ة 公 园"
        "; på affischen står ”[tecken som inte kan skrivas ut]” i stället. Så här åtgärdar du: skriv texten utan dem (webbsidan visar "
        "dem som vanligt), eller skriv dem med ord."]


def test_swedish_typography_is_drawable():
    from lofte.authoring import glyphs
    assert glyphs.missing("Åsa öppnar ”Trygg” – 50 % € · … é ü ł") == ""


def test_a_build_with_posters_warns_about_them_too(good, tmp_path, capsys):
    from lofte.cli import main
    edit_file = good / "storby/2025/trygg-park/index.md"
    edit_file.write_text(edit_file.read_text().replace("summary: Fem", "summary: 🚶 Fem"))
    assert main(["build", "--content", str(good), "--out", str(tmp_path / "ut")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{good}/storby/2025/trygg-park/index.md:3: råd [tecken-affisch]: summary: affischens typsnitt saknar tecknen 🚶; på "
        "affischen står ”[tecken som inte kan skrivas ut]” i stället. Så här åtgärdar du: skriv texten utan dem (webbsidan visar dem som "
        "vanligt), eller skriv dem med ord."]


def test_an_update_dated_before_its_period_gets_advice(good):
    """Issue 19.7: 2015-12-01 in a 2016 period is most often the wrong year in the file name."""
    write_tree(good, {"storby/2025/fler-kontroller/updates/2024-12-01-tidigt.md": "---\ntitle: Tidigt\n---\nText.\n"})
    assert advice(good) == [
        "content/storby/2025/fler-kontroller/updates/2024-12-01-tidigt.md:1: råd [uppdatering-fore-start]: "
        "uppdateringen är daterad 2024-12-01, före periodens start 2025-01-01. Så här åtgärdar du: kontrollera datumet "
        "i filnamnet (ÅÅÅÅ-MM-DD); gäller uppdateringen en tidigare period, flytta den dit."]


def test_marking_what_the_source_does_not_state_answers_the_advice(good):
    """Issue 19.1 and 19.4: a period whose source lists no promises, no plan, no police area: okänt, and no advice."""
    write_tree(good, {"annanby/kommun.yaml": "name: Annanby kommun\nshort_name: Annanby\npolice_area: okänt\n",
                      "annanby/2025/lofte.yaml": "title: Annanby 2025\nstart: 2025-01-01\nend: 2025-12-31\n"
                                                 "feedback_plan: okänt\npromises:\n  okänt: Källan nämner inga löften.\n"})
    assert advice(good) == []
    edit(good, PARK, "    responsible: Parkenheten\n", "    responsible: okänt\n")
    edit(good, PERIOD, "  interval_days: 100\n", "  interval_days:\n    okänt: Planen säger inte hur ofta.\n")
    assert advice(good) == []


def test_text_advice_names_the_long_sentence_and_where_it_is(tmp_path):
    """A long sentence in a promise's body (index.md) also suggests a summary; in a key, it points at the key's line."""
    write_tree(tmp_path, {"k/2025/p/index.md": f"---\ntitle: T\nsummary: S\n---\nKort mening.\n\n{LONG}\n"})
    lines = Lines(tmp_path, "innehall/")
    where = Where("k/2025/p/index.md", None, "k/2025/p/")
    body = [str(a) for a in text_advice(f"Kort mening.\n\n{LONG}", where, lines)]
    assert body == [
        "innehall/k/2025/p/index.md:7: råd [lang-mening]: meningen ”Polisen och kommunen ska tillsammans med …” har 31 "
        "ord, och över 25 ord blir svårt att läsa. Så här åtgärdar du: dela upp meningen i två eller fler; är texten ett "
        "citat ur löftesdokumentet, skriv i stället en lättläst sammanfattning i summary."]
    in_key = text_advice(HARD, Where("k/2025/p/index.md", "summary", "k/2025/p/"), lines)
    assert [(a.line, a.kind) for a in in_key] == [(3, "svar-text")]
    assert str(in_key[0]).endswith(": råd [svar-text]: texten är svår att läsa (LIX 93; sikta på högst 50). Så här "
                                   "åtgärdar du: skriv kortare meningar och byt långa ord mot vanliga, korta ord.")
    assert text_advice("Kort mening. En till.", where, lines) == []


def test_relative_links_are_resolved_from_the_page_they_are_shown_on(tmp_path):
    write_tree(tmp_path, {"k/2025/lofte.yaml": "title: T\nintro: |\n  Se länkarna.\n"})
    known = {"", "k/2025/", "k/2025/a/", "k/2025/a/karta.pdf"}
    markdown = ("[ok](a/) [ok](a/karta.pdf#s2) [ok](a/index.html) [ok](../../) [ok](#rubrik) [ok](https://x.se/) "
                "![bild](saknas.png) [fel](b/) [fel](../../../../etc/passwd) [fel](a/karta%202.pdf)")
    found = link_advice(Text(markdown, ""), Where("k/2025/lofte.yaml", "intro", "k/2025/"), known, Lines(tmp_path, "c"))
    assert [a.message for a in found] == [
        "länken 'b/' leder inte till någon sida eller fil på webbplatsen",
        "länken '../../../../etc/passwd' leder inte till någon sida eller fil på webbplatsen",
        "länken 'a/karta%202.pdf' leder inte till någon sida eller fil på webbplatsen"]
    assert {(a.path, a.line, a.kind) for a in found} == {("c/k/2025/lofte.yaml", 2, "trasig-lank")}


def test_not_stated_written_as_text_is_advised_as_okant_with_the_rest_as_its_note(good):
    edit(good, PERIOD, "purpose: Öka tryggheten i centrum.", "purpose: Anges inte i källan. Mätningen saknas.")
    edit(good, PERIOD, "  text: Vi uppdaterar varje kvartal.", "  text: anges inte i källan")
    site = read_site(options(good))
    lines = Lines(good, "content")
    assert [str(a) for a in not_stated_as_text(site.municipalities[0], lines)] == [
        "content/storby/2025/lofte.yaml:13: råd [anges-inte-text]: purpose säger ”Anges inte i källan. Mätningen "
        "saknas.” som text, och sidorna skriver texten där värdet ska stå. Så här åtgärdar du: skriv purpose: okänt i "
        "stället, så säger sidorna själva att källan inte anger det; resten av texten blir en förklaring på raden under: "
        "purpose: och sedan okänt: Mätningen saknas. (docs/innehall.md, Okänt).",
        "content/storby/2025/lofte.yaml:20: råd [anges-inte-text]: feedback_plan.text säger ”anges inte i källan” som "
        "text, och sidorna skriver texten där värdet ska stå. Så här åtgärdar du: skriv feedback_plan: okänt i stället, "
        "så säger sidorna själva att källan inte anger det (docs/innehall.md, Okänt)."]
    assert no_promises(site.municipalities[0].periods[0], lines) == []
