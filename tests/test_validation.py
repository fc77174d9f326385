"""Every class of content error, with the exact message a communicator sees."""
import os

import pytest
from conftest import content_errors, edit, write_tree

PROMISE = "storby/2025/fler-kontroller/index.md"
PARK = "storby/2025/trygg-park/index.md"
UPDATE = "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"



def test_the_fixture_is_valid(small_content):
    assert content_errors(small_content) == []


@pytest.mark.parametrize("rel, old, new, expected", [
    (PROMISE, "status: pågår\nindicators", "status: pagar\nindicators",
     "content/storby/2025/fler-kontroller/index.md:7: status: 'pagar' är inte en status; menade du 'pågår'?"),
    (PROMISE, "title:", "titel:",
     "content/storby/2025/fler-kontroller/index.md:2: titel: okänt fält; menade du 'title'?"),
    (PROMISE, "title: Fler hastighetskontroller\n", "",
     "content/storby/2025/fler-kontroller/index.md:2: title: saknas: fältet är obligatoriskt"),
    ("storby/2025/lofte.yaml", "signed: 2024-12-10", "signed: 2024-02-30",
     "content/storby/2025/lofte.yaml:4: signed: '2024-02-30' är inget riktigt datum"),
    ("storby/2025/lofte.yaml", "signed: 2024-12-10", "signed: 10/12/2024",
     "content/storby/2025/lofte.yaml:4: signed: väntade ett datum som ÅÅÅÅ-MM-DD, fick '10/12/2024'; säger källan inget om "
         "det, skriv signed: okänt"),
    ("storby/2025/lofte.yaml", "end: 2025-12-31", "end: 2024-12-31",
     "content/storby/2025/lofte.yaml:3: end: slutdatumet 2024-12-31 ligger före startdatumet 2025-01-01"),
    ("storby/2025/lofte.yaml", "interval_days: 100", "interval_days: ofta",
     "content/storby/2025/lofte.yaml:21: feedback_plan.interval_days: väntade ett heltal, fick text; säger källan inget "
         "om det, skriv interval_days: okänt"),
    ("storby/2025/lofte.yaml", "party: polisen", "party: polis",
     "content/storby/2025/lofte.yaml:10: signatories (andra undertecknaren).party: 'polis' är ingen part; välj bland bostadsbolaget, kommunen, polisen"),
    (UPDATE, "indicator: vandringar", "indicator: promenader",
     "content/storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md:5: progress (första värdet).indicator: 'promenader' är ingen indikator i löftet (trygga, vandringar)"),
    (UPDATE, "title: Första vandringen", "title: Första vandringen\ndate: 2025-03-02",
     "content/storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md:3: date: 2025-03-02 stämmer inte med datumet i filnamnet (2025-03-01)"),
    (PARK, "actor: bostadsbolaget", "actor: fastighetsbolaget",
     "content/storby/2025/trygg-park/index.md:12: actors (tredje aktören).actor: 'fastighetsbolaget' är ingen känd aktör; välj bland bostadsbolaget, kommunen, polisen (andra parter läggs till under partners i kommun.yaml)"),
    (PARK, "kind: count", "kind: antal",
     "content/storby/2025/trygg-park/index.md:19: indicators (första målet).kind: 'antal' är inte en indikatortyp; välj bland 'count', 'frequency', 'measure'"),
    (PARK, "id: trygga", "id: vandringar",
     "content/storby/2025/trygg-park/index.md:15: indicators: id 'vandringar' används av två indikatorer"),
    (PARK, "title: Tryggare park", "title: Tryggare park\ntitle: Igen",
     "content/storby/2025/trygg-park/index.md:3: fältet 'title' står två gånger (första gången på rad 2); ta bort det ena"),
    (PARK, "status: ej påbörjat\nindicators", "status: ej påbörjat\nverdict:\n  verdict: hållet\nindicators",
     "content/storby/2025/trygg-park/index.md:15: verdict: en slutbedömning hör till uppföljningen: lägg först till follow_up i lofte.yaml"),
    ("storby/2025/trygg-park/updates/2025-04-10-rattelse.md", "update: 2025-04-01-andra-vandringen", "update: 2025-05-01-senare",
     "content/storby/2025/trygg-park/updates/2025-04-10-rattelse.md: corrects.update: '2025-05-01-senare' är ingen tidigare uppdatering av det här löftet"),
    ("site.yaml", "base_url: https://example.se/trygghet/lofte/", "base_url: example.se",
     "content/site.yaml:2: base_url: 'example.se/' måste vara en absolut adress som börjar med https://, t.ex. https://www.kommun.se/trygghet/lofte/"),
    ("storby/2025/trygg-park/updates/2025-04-01-andra-vandringen.md", "url: https://example.org/protokoll.pdf", "url: javascript:alert(1)",
     "content/storby/2025/trygg-park/updates/2025-04-01-andra-vandringen.md:13: evidence (första underlaget).url: 'javascript:alert(1)' är ingen tillåten länk: använd https://, http://, mailto: eller /"),
])
def test_error_messages(small_content, rel, old, new, expected):
    edit(small_content, rel, old, new)
    assert expected in content_errors(small_content)


def test_text_direction_overrides_are_refused(small_content):
    edit(small_content, PROMISE, "title: Fler hastighetskontroller", "title: Fler \u202ekontroller")
    assert ("content/storby/2025/fler-kontroller/index.md:2: title: innehåller ett osynligt tecken som ändrar "
            "textens riktning (U+202E) efter 'Fler'; ta bort det, det kan användas för att visa något annat än "
            "det som står i filen") in content_errors(small_content)


def test_all_errors_are_reported_in_one_run(small_content):
    edit(small_content, PROMISE, "status: pågår\nindicators", "status: pagar\nindicators")
    edit(small_content, "storby/2025/lofte.yaml", "signed: 2024-12-10", "signed: 2024-02-30")
    edit(small_content, UPDATE, "indicator: vandringar", "indicator: promenader")
    assert len(content_errors(small_content)) == 3


@pytest.mark.parametrize("files, expected", [
    ({"storby/2025/ny park/index.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/ny park: ogiltigt namn på löftesmapp: mellanslag går inte i mappnamn; skriv ny-park (använd små bokstäver a–z, siffror och bindestreck)"),
    ({"storby/2025/gård/index.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/gård: ogiltigt namn på löftesmapp: å, ä och ö går inte i mappnamn; skriv gard (använd små bokstäver a–z, siffror och bindestreck)"),
    ({"storby/20..25/index.md": "---\ntitle: x\n---\n"},
     "content/storby/20..25: ogiltigt namn på löftesperiod: understreck och punkter går inte i namnet; skriv 20-25 (använd små bokstäver a–z, siffror och bindestreck)"),
    ({"storby/2025/trygg-park/updates/vandring.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/trygg-park/updates/vandring.md: ogiltigt namn på uppdatering: namnet ska vara ÅÅÅÅ-MM-DD-kortnamn.md, t.ex. 2024-03-15-trygghetsvandring.md"),
    ({"storby/2025/trygg-park/updates/2024-02-30-fel.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/trygg-park/updates/2024-02-30-fel.md: filnamnets datum '2024-02-30' är inget riktigt datum"),
    ({"status/kommun.yaml": "name: x\n"},
     "content/status/kommun.yaml: mappnamnet 'status' är reserverat för webbplatsens egna sidor; byt namn på mappen"),
    ({"storby/2025/uppfoljning/index.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/uppfoljning/index.md: mappnamnet 'uppfoljning' är reserverat; byt namn på mappen"),
    ({"storby/2025/trygg-park/dela.png": b"\x89PNG"},
     "content/storby/2025/trygg-park/dela.png: filnamnet 'dela.png' är reserverat för bilden som visas när sidan delas; byt namn på bilden"),
    ({"storby/2025/tom/index.md": ""}, "content/storby/2025/tom/index.md: filen är tom"),
    ({"storby/2025/binar/index.md": b"---\x00\x01"}, "content/storby/2025/binar/index.md: filen är binär, inte text; spara den som UTF-8-text"),
    ({"storby/2025/latin/index.md": "---\ntitle: Gård\n---\n".encode("latin-1")},
     "content/storby/2025/latin/index.md:2: filen är inte UTF-8; spara den med teckenkodningen UTF-8"),
    ({"storby/2025/ingen-fm/index.md": "title: x\n"},
     "content/storby/2025/ingen-fm/index.md:1: filen ska börja med en rad med bara tre bindestreck (---), sedan fälten (t.ex. title: …) och en rad --- till; texten skrivs under den andra raden"),
    ({"storby/2025/stor/index.md": "---\ntitle: x\n---\n" + "a" * 1_000_001},
     "content/storby/2025/stor/index.md: filen är för stor (1 MB; högst 1 MB)"),
    ({"storby/2025/tom-mapp/bild.txt": "x"}, "content/storby/2025/tom-mapp/index.md: saknas: varje löftesmapp behöver en index.md"),
])
def test_file_errors(small_content, files, expected):
    write_tree(small_content, files)
    assert expected in content_errors(small_content)


def test_bom_and_crlf_are_accepted(small_content):
    path = small_content / PROMISE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert content_errors(small_content) == []


def test_symlink_out_of_content_is_refused(small_content, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: x\n---\n")
    os.symlink(outside, small_content / "storby/2025/trygg-park/updates/2025-05-01-lank.md")
    assert ("content/storby/2025/trygg-park/updates/2025-05-01-lank.md: är en symbolisk länk som pekar "
            "utanför content/; kopiera filen hit i stället") in content_errors(small_content)


# -- numbers and dates: never a traceback, always file:line: field: message ----------------

LOFTE = "storby/2025/lofte.yaml"


@pytest.mark.parametrize("rel, old, new, expected", [
    (UPDATE, "value: 1", "value: " + "9" * 5000,
     f"content/{UPDATE}:6: progress (första värdet).value: talet {'9' * 20}… har för många siffror; högst 1\u00a0000\u00a0000\u00a0000"),
    (UPDATE, "value: 1", "value: 1.0e300",
     f"content/{UPDATE}:6: progress (första värdet).value: är för stort (1e+300); högst 1\u00a0000\u00a0000\u00a0000"),
    (UPDATE, "value: 1", "value: 1.0e999",
     f"content/{UPDATE}:6: progress (första värdet).value: är inget tal man kan räkna med; skriv en siffra"),
    (UPDATE, "value: 1", "value: -3",
     f"content/{UPDATE}:5: progress (första värdet).value: kan inte vara negativt (-3): 'vandringar' räknar hur många "
     "gånger något har gjorts; rätta en för hög siffra med en rättelse (corrects, docs/innehall.md avsnitt 14)"),
    (PARK, "target: {value: 5, date: 2025-12-31}", "target: {value: 0, date: 2025-12-31}",
     f"content/{PARK}:20: indicators (första målet).target.value: ett mål som räknas (kind: count eller frequency) "
     "måste vara större än 0"),
    (PARK, "target: {value: 5, date: 2025-12-31}", "target: {value: -5, date: 2025-12-31}",
     f"content/{PARK}:20: indicators (första målet).target.value: kan inte vara negativt (-5)"),
    (PARK, "target: {value: 5, date: 2025-12-31}", "target: {value: 5, date: 9999-12-31}",
     f"content/{PARK}:20: indicators (första målet).target.date: 9999-12-31 ligger utanför åren 1900–2099; "
     "kontrollera årtalet"),
    (LOFTE, "interval_days: 100", "interval_days: 99999999999",
     f"content/{LOFTE}:21: feedback_plan.interval_days: är för stort (99999999999); högst 1\u00a0461"),
    (LOFTE, "interval_days: 100", "interval_days: 0",
     f"content/{LOFTE}:21: feedback_plan.interval_days: måste vara minst 1, fick 0"),
    (PARK, "order: 1", "order: 100000", f"content/{PARK}:5: order: är för stort (100000); högst 1\u00a0000"),
    ("storby/2025/trygg-park/updates/2025-04-01-andra-vandringen.md", "url: https://example.org/protokoll.pdf",
     "url: //example.org/protokoll.pdf",
     "content/storby/2025/trygg-park/updates/2025-04-01-andra-vandringen.md:13: evidence (första underlaget).url: "
     "'//example.org/protokoll.pdf' är ingen tillåten länk: använd https://, http://, mailto: eller /"),
])
def test_numbers_and_dates_out_of_range(small_content, rel, old, new, expected):
    edit(small_content, rel, old, new)
    assert expected in content_errors(small_content)


def test_an_update_dated_9999_12_31_is_an_error_not_a_crash(small_content):
    old = small_content / UPDATE
    old.rename(old.with_name("9999-12-31-forsta-vandringen.md"))
    assert ("content/storby/2025/trygg-park/updates/9999-12-31-forsta-vandringen.md: filnamnets datum 9999-12-31 "
            "ligger utanför åren 1900–2099; kontrollera årtalet") in content_errors(small_content)


def test_three_hundred_levels_of_nesting_is_an_error(small_content):
    edit(small_content, PARK, "focus_area: Parken", "focus_area: " + "[" * 300 + "]" * 300)
    assert [f"content/{PARK}:4: fälten är inbäddade i varandra i mer än 30 nivåer; kontrollera indragen "
            "(innehållet behöver högst fem nivåer)"] == content_errors(small_content)


def test_an_alias_bomb_in_a_word_field_is_refused_quickly(small_content):
    bomb = "".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9) if i else 'a'}]\n" for i in range(10))
    edit(small_content, PARK, "order: 1\n", f"order: 1\n{bomb}")
    errors = content_errors(small_content)
    assert any("aliasen (*namn) i filen upprepar så mycket text" in e for e in errors), errors


# -- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("files, expected", [
    ({"storby/2025/est\n/index.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/est<U+000A>: ogiltigt namn på löftesmapp: namnet innehåller en radbrytning; skriv est "
     "(använd små bokstäver a–z, siffror och bindestreck)"),
    ({"storby/2025/trygg-park/updates/2024-03-15-första.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/trygg-park/updates/2024-03-15-första.md: ogiltigt namn på uppdatering: å, ä och ö går "
     "inte i filnamn; skriv 2024-03-15-forsta.md"),
    ({"storby/2025/trygg-park/updates/2024-03-15-Vandring.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/trygg-park/updates/2024-03-15-Vandring.md: ogiltigt namn på uppdatering: stora bokstäver "
     "går inte i namnet; skriv 2024-03-15-vandring.md"),
    ({"storby/2025/trygg-park/updates/2024-03-15-vandring.txt": "x"},
     "content/storby/2025/trygg-park/updates/2024-03-15-vandring.txt: ogiltigt namn på uppdatering: filen ska sluta "
     "på .md; skriv 2024-03-15-vandring.md"),
    ({"storby/2025/trygg-park/bild\n1.png": b"x"},
     "content/storby/2025/trygg-park/bild<U+000A>1.png: ogiltigt filnamn: namnet innehåller en radbrytning; skriv bild-1.png"),
    ({'storby/2025/trygg-park/"bild".png': b"x"},
     "content/storby/2025/trygg-park/\"bild\".png: ogiltigt filnamn: tecknet '\"' går inte i filnamn; skriv bild.png"),
    ({"storby/2025/trygg-park/<b>.png": b"x"},
     "content/storby/2025/trygg-park/<b>.png: ogiltigt filnamn: tecknet '<' går inte i filnamn; skriv b.png"),
    ({"storby/2025/trygg-park/bild?x#y.png": b"x"},
     "content/storby/2025/trygg-park/bild?x#y.png: ogiltigt filnamn: tecknet '?' går inte i filnamn; skriv bild-x-y.png"),
    ({"storby/2025/trygg-park/bild\u202egnp.png": b"x"},
     "content/storby/2025/trygg-park/bild<U+202E>gnp.png: ogiltigt filnamn: namnet innehåller ett osynligt tecken "
     "(U+202E); skriv bildgnp.png"),
    ({"storby/2025/trygg-park/Trygg park.jpg": b"x"},
     "content/storby/2025/trygg-park/Trygg park.jpg: ogiltigt filnamn: mellanslag går inte i filnamn; skriv trygg-park.jpg"),
    ({"storby/2025/con/index.md": "---\ntitle: x\n---\n"},
     "content/storby/2025/con: ogiltigt namn på löftesmapp: namnet 'con' kan inte användas i Windows (det är "
     "reserverat där); skriv t.ex. con-1 (använd små bokstäver a–z, siffror och bindestreck)"),
    ({"storby/2025/trygg-park/NUL.png": b"x"},
     "content/storby/2025/trygg-park/NUL.png: ogiltigt filnamn: namnet 'NUL' kan inte användas i Windows (det är "
     "reserverat där); skriv t.ex. NUL-1.png"),
    ({"storby/2025/trygg-park/gården.jpg": b"x"},
     "content/storby/2025/trygg-park/gården.jpg: ogiltigt filnamn: å, ä och ö går inte i filnamn; skriv garden.jpg"),
    ({"storby/2025/ga\u030arden/index.md": "---\ntitle: x\n---\n"},  # å typed decomposed (older macOS)
     "content/storby/2025/ga\u030arden: ogiltigt namn på löftesmapp: å, ä och ö går inte i mappnamn; skriv garden "
     "(använd små bokstäver a–z, siffror och bindestreck)"),
])
def test_names_say_why_and_what_to_write(small_content, files, expected):
    write_tree(small_content, files)
    assert expected in content_errors(small_content)


def test_case_twins_are_refused(small_content):
    from test_images import jpeg_with_gps
    write_tree(small_content, {"storby/2025/trygg-park/Park.jpg": jpeg_with_gps(),
                               "storby/2025/trygg-park/park.jpg": jpeg_with_gps()})
    assert ("content/storby/2025/trygg-park/park.jpg: 'park.jpg' och 'Park.jpg' skiljer sig bara i stora och små "
            "bokstäver och blir samma fil på Windows och macOS; byt namn på den ena") in content_errors(small_content)



def test_nfc_and_nfd_twins_cannot_both_be_published(small_content):
    """Issue 18.9: 'bild-å.jpg' written composed (Windows, Linux) and decomposed (older macOS)
    are one file on macOS; names are ASCII, so each is refused with the name to use instead."""
    import unicodedata

    from test_images import jpeg_with_gps
    folder = small_content / "storby/2025/trygg-park"
    for form in ("NFC", "NFD"):
        (folder / unicodedata.normalize(form, "bild-å.jpg")).write_bytes(jpeg_with_gps())
    errors = [e for e in content_errors(small_content) if "bild-" in e]
    assert len(errors) == 2 and all("ogiltigt filnamn" in e and "skriv bild-a.jpg" in e for e in errors), errors

# -- base_url --------------------------------------------------------------------------------

SITE_URL = "base_url: https://example.se/trygghet/lofte/"


@pytest.mark.parametrize("value, expected", [
    ('"https://example.se/\\nRedirect 301 / https://evil.example/"',
     "'https://example.se/<U+000A>Redirect 301 / https://evil.example/' innehåller mellanslag, en radbrytning eller "
     "ett osynligt tecken; skriv adressen på en rad utan mellanslag, t.ex. https://www.kommun.se/trygghet/lofte/"),
    ("'https://example.se/a\"b/'", "'https://example.se/a\"b/' innehåller tecknet \", som inte hör hemma i en "
     "adress; t.ex. https://www.kommun.se/trygghet/lofte/"),
    ("https://user:pass@example.se/", "'https://user:pass@example.se/' innehåller ett användarnamn eller lösenord "
     "(före @); ta bort det"),
    ("https://example.se//evil/", "'https://example.se//evil/' har en sökväg med tecken som inte går i en adress, "
     "'//' eller '..'; använd a–z, A–Z, 0–9, bindestreck, punkt och snedstreck"),
    ("javascript:alert(1)//", "'javascript:alert(1)//' måste vara en absolut adress som börjar med https://, "
     "t.ex. https://www.kommun.se/trygghet/lofte/"),
])
def test_base_url_is_parsed_and_refused_with_the_reason(small_content, value, expected):
    edit(small_content, "site.yaml", SITE_URL, f"base_url: {value}")
    assert f"content/site.yaml:2: base_url: {expected}" in content_errors(small_content)


def test_base_url_option_is_checked_too(small_content):
    from conftest import options

    from lofte.build.pipeline import read_site
    from lofte.content.errors import BuildAborted
    with pytest.raises(BuildAborted) as exc:
        read_site(options(small_content, base_url="https://example.se/a b/"))
    assert [str(e) for e in exc.value.errors] == [
        "--base-url: 'https://example.se/a b/' innehåller mellanslag, en radbrytning eller ett osynligt tecken; "
        "skriv adressen på en rad utan mellanslag, t.ex. https://www.kommun.se/trygghet/lofte/"]


@pytest.mark.parametrize("value", ["info@example.se?bcc=alla@example.se", '"a b"@example.se', "info", "mailto:info@example.se"])
def test_email_addresses_are_addresses(small_content, value):
    edit(small_content, "site.yaml", "email: info@example.se", f"email: '{value}'")
    assert (f"content/site.yaml:6: contact.email: '{value}' är ingen e-postadress; skriv den som namn@kommun.se "
            "(utan mellanslag eller mailto:)") in content_errors(small_content)


def test_a_text_starting_with_a_hash_is_a_comment_and_the_error_says_so(small_content):
    edit(small_content, PROMISE, "title: Fler hastighetskontroller", "title: #1 i trygghet")
    assert ("content/storby/2025/fler-kontroller/index.md:2: title: är tomt: texten efter # läses som en kommentar; "
            'sätt texten inom citattecken, t.ex. title: "#1 …"') in content_errors(small_content)


PERIOD = "storby/2025/lofte.yaml"


@pytest.mark.parametrize("rel, old, new, expected", [
    (PERIOD, "start: 2025-01-01\n", "",
     "content/storby/2025/lofte.yaml:1: start: saknas: skriv periodens första dag (ÅÅÅÅ-MM-DD), eller start: okänt om "
     "källan inte anger den"),
    (PERIOD, "end: 2025-12-31\n", "",
     "content/storby/2025/lofte.yaml:1: end: saknas: skriv periodens sista dag (ÅÅÅÅ-MM-DD), eller end: okänt om "
     "källan inte anger den"),
    (PERIOD, "start: 2025-01-01\nend: 2025-12-31\n", "",
     "content/storby/2025/lofte.yaml:1: start: start och end saknas: skriv periodens första och sista dag "
     "(ÅÅÅÅ-MM-DD), eller start: okänt och end: okänt om källan inte anger dem"),
    (PERIOD, "example: true", "promises: alla\nexample: true",
     "content/storby/2025/lofte.yaml:22: promises: kan bara vara okänt (promises: okänt, när källan inte listar "
     "periodens löften); löftena själva är mappar bredvid lofte.yaml"),
    ("storby/kommun.yaml", "example: true", "source:\n  title: Kommunens sida\nsources:\n  - title: Planen\nexample: true",
     "content/storby/kommun.yaml:9: sources: skriv antingen source (en källa) eller sources (en lista med källor), "
     "inte båda; flytta källan under source till en rad i sources"),
    (PROMISE, "target: {value: 2}", "target: 2",
     "content/storby/2025/fler-kontroller/index.md:14: indicators (första målet).target: skriv målvärdet på en egen rad "
     "under target, indraget två mellanslag: target: och sedan value: 2"),
    (PROMISE, "    target: {value: 2}\n", "",
     "content/storby/2025/fler-kontroller/index.md:9: indicators (första målet).target: saknas: ett mål av sorten "
     "frequency behöver target med value, hur många gånger per månad, t.ex. target: och under det value: 1; säger "
     "källan inget om det, skriv target: okänt"),
    (PROMISE, "frequency: month", "frequency: daily",
     "content/storby/2025/fler-kontroller/index.md:13: indicators (första målet).frequency: 'daily' är inte en "
     "frekvens; menade du 'day'?"),
    (PROMISE, "frequency: month", "frequency: vardag",
     "content/storby/2025/fler-kontroller/index.md:13: indicators (första målet).frequency: 'vardag' är inte en "
     "frekvens; välj bland 'day', 'weekday', 'week', 'month', 'quarter', 'year'"),
])
def test_issue_19_messages_name_the_one_thing_that_is_wrong(small_content, rel, old, new, expected):
    """Each is the only error: `target: 2` for a frequency is one error, not two about "a counted indicator"."""
    edit(small_content, rel, old, new)
    assert content_errors(small_content) == [expected]


@pytest.mark.parametrize("frequency", ["day", "weekday", "week", "month", "quarter", "year"])
def test_every_frequency_is_accepted(small_content, frequency):
    edit(small_content, PROMISE, "frequency: month", f"frequency: {frequency}")
    assert content_errors(small_content) == []


@pytest.mark.parametrize("url, expected", [
    ("https://example.se:abc/", "'https://example.se:abc/' går inte att läsa som en adress; "
     "t.ex. https://www.kommun.se/trygghet/lofte/"),
    ("https://mölndal.se/", "'https://mölndal.se/' har inget giltigt värdnamn (skriv t.ex. www.kommun.se med små "
     "bokstäver; ett namn med å, ä eller ö skrivs i sin xn--form)"),
    ("https://Example.se/", "'https://Example.se/' har inget giltigt värdnamn (skriv t.ex. www.kommun.se med små "
     "bokstäver; ett namn med å, ä eller ö skrivs i sin xn--form)"),
    ("https://example.se/?utm=1", "'https://example.se/?utm=1' får inte innehålla ? eller #; ange bara adressen "
     "till webbplatsens startsida"),
    ("https://example.se/#", "'https://example.se/#' får inte innehålla ? eller #; ange bara adressen till "
     "webbplatsens startsida"),
    ("https://example.se/a/../b/", "'https://example.se/a/../b/' har en sökväg med tecken som inte går i en adress, "
     "'//' eller '..'; använd a–z, A–Z, 0–9, bindestreck, punkt och snedstreck"),
])
def test_base_url_problem_names_the_one_thing_wrong(url, expected):
    from lofte.content.baseurl import problem
    assert problem(url) == expected


@pytest.mark.parametrize("url", ["https://www.kommun.se/trygghet/lofte/", "https://xn--mlndal-bua.se/",
                                 "http://localhost:8000/", "https://example.se/a%20b/~x/"])
def test_base_url_problem_accepts_plain_addresses(url):
    from lofte.content import baseurl
    assert baseurl.problem(url) is None
