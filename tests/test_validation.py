"""Every class of content error, with the exact message a communicator sees."""
import os

import pytest
from conftest import content_errors, write_tree

PROMISE = "storby/2025/fler-kontroller/index.md"
PARK = "storby/2025/trygg-park/index.md"
UPDATE = "storby/2025/trygg-park/updates/2025-03-01-forsta-vandringen.md"


def edit(root, rel, old, new):
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


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
     "content/storby/2025/lofte.yaml:4: signed: väntade ett datum som ÅÅÅÅ-MM-DD, fick '10/12/2024'"),
    ("storby/2025/lofte.yaml", "end: 2025-12-31", "end: 2024-12-31",
     "content/storby/2025/lofte.yaml:3: end: slutdatumet 2024-12-31 ligger före startdatumet 2025-01-01"),
    ("storby/2025/lofte.yaml", "interval_days: 100", "interval_days: ofta",
     "content/storby/2025/lofte.yaml:21: feedback_plan.interval_days: väntade ett heltal, fick text"),
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
