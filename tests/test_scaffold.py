"""`new`: slugs from Swedish titles, scaffolded files that validate, and no overwriting."""
import datetime as dt
import shutil

import pytest
from conftest import SMALL, content_errors

from lofte.authoring.scaffold import slugify, title_slug
from lofte.cli import main
from lofte.content.yamlsource import parse_yaml, split_front_matter


@pytest.mark.parametrize("title, slug", [
    ("Trygg i Åby", "trygg-i-aby"),
    ("Fler vuxna ute på kvällar & helger!", "fler-vuxna-ute-pa-kvallar-helger"),
    ("Öppet café i Väster – även för unga", "oppet-cafe-i-vaster-aven-for-unga"),
    ("a\u030angström ÜBER straße", "angstrom-uber-strasse"),  # decomposed å, ü, ß
    ("  2026: Minst 5 trygghetsvandringar  ", "2026-minst-5-trygghetsvandringar"),
    ("Ett mycket långt löfte om att polisen och kommunen tillsammans ska göra väldigt mycket",
     "ett-mycket-langt-lofte-om-att-polisen-och-kommunen"),
    ("!!!", ""),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(SMALL / "site.yaml", root / "site.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763769600")  # 2025-11-22
    return root


def new(content, *args):
    return main(["new", *args, "--content", str(content)])


def test_a_scaffolded_tree_validates(content, capsys):
    assert new(content, "kommun", "aby", "--name", "Åby kommun") == 0
    assert new(content, "period", "aby/2026") == 0
    assert new(content, "löfte", "aby/2026", "Trygg i Åby: fler vandringar") == 0
    assert new(content, "lofte", "aby/2026", "Öppet café") == 0  # both spellings of the verb
    assert new(content, "uppdatering", "aby/2026/trygg-i-aby-fler-vandringar", "Första vandringen") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"Skapade {content}/aby/kommun.yaml. Fyll i filen och kontrollera med: lofte check "
                      f"--content {content}")
    update = content / "aby/2026/trygg-i-aby-fler-vandringar/updates/2025-11-22-forsta-vandringen.md"
    assert update.is_file()
    assert content_errors(content) == []

    fields = parse_yaml(split_front_matter(update.read_text(encoding="utf-8"))[0], 2)
    assert (fields["title"], fields["date"]) == ("Första vandringen", "2025-11-22")
    assert "# Ny status för en eller flera aktörer. Aktörerna i löftet: polisen, kommunen." in update.read_text()
    kommun = parse_yaml((content / "aby/kommun.yaml").read_text(encoding="utf-8"))
    assert (kommun["name"], kommun["short_name"]) == ("Åby kommun", "Åby")
    period = parse_yaml((content / "aby/2026/lofte.yaml").read_text(encoding="utf-8"))
    assert (period["title"], period["start"], period["end"]) == ("Medborgarlöften i Åby kommun 2026",
                                                                  "2026-01-01", "2026-12-31")
    promise = parse_yaml(split_front_matter(
        (content / "aby/2026/trygg-i-aby-fler-vandringar/index.md").read_text(encoding="utf-8"))[0], 2)
    assert promise["title"] == "Trygg i Åby: fler vandringar"


def test_period_dates_follow_the_folder_name(content):
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2024-2025")
    new(content, "period", "aby/odaterat")
    two = parse_yaml((content / "aby/2024-2025/lofte.yaml").read_text(encoding="utf-8"))
    assert (two["title"], two["start"], two["end"]) == ("Medborgarlöften i Åby kommun 2024–2025",
                                                        "2024-01-01", "2025-12-31")
    undated = parse_yaml((content / "aby/odaterat/lofte.yaml").read_text(encoding="utf-8"))
    assert (undated["start"], undated["end"]) == ("okänt", "okänt") and "dates_note" not in undated
    assert content_errors(content) == []


def test_update_date_and_slug_options(content):
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2026")
    new(content, "löfte", "aby/2026", "Trygg", "--slug", "trygg-centrum")
    assert new(content, "uppdatering", "aby/2026/trygg-centrum", "Möte", "--date", "2026-03-01", "--slug", "mars") == 0
    assert (content / "aby/2026/trygg-centrum/updates/2026-03-01-mars.md").is_file()


def test_refuses_to_overwrite(content, capsys):
    new(content, "kommun", "aby", "--name", "Åby kommun")
    kommun = content / "aby/kommun.yaml"
    kommun.write_text("name: Egen text\n", encoding="utf-8")
    assert new(content, "kommun", "aby", "--name", "Åby kommun") == 1
    assert capsys.readouterr().err == (f"Fel: {content}/aby/kommun.yaml finns redan; ingenting skrevs över. Välj ett "
                                       "annat namn eller ändra den befintliga filen\n")
    assert kommun.read_text(encoding="utf-8") == "name: Egen text\n"
    new(content, "period", "aby/2026")
    new(content, "löfte", "aby/2026", "Trygg")
    capsys.readouterr()
    assert new(content, "löfte", "aby/2026", "TRYGG!") == 1
    assert capsys.readouterr().err == (f"Fel: {content}/aby/2026/trygg/ finns redan; ingenting skrevs över. Välj en "
                                       "annan titel eller ange ett annat namn med --slug\n")


@pytest.mark.parametrize("args, message", [
    (("kommun", "Åby", "--name", "Åby kommun"),
     "Fel: 'Åby' är inget giltigt namn på en kommun: använd små bokstäver a–z, siffror och bindestreck, t.ex. 'aby'"),
    (("kommun", "status", "--name", "Status kommun"),
     "Fel: 'status' är upptaget av webbplatsens egna sidor; välj ett annat namn på en kommun"),
    (("period", "aby"), "Fel: 'aby' ska skrivas kommun/period, t.ex. koping/2026"),
    (("period", "ny/2026"),
     "Fel: {content}/ny/kommun.yaml finns inte: skapa kommunen först med: lofte new kommun ny --name \"…\" "
     "--content {content}"),
    (("löfte", "aby/2030", "Trygg"),
     "Fel: {content}/aby/2030/lofte.yaml finns inte: skapa perioden först med: lofte new period aby/2030 "
     "--content {content}"),
    (("löfte", "aby/2026", "???"),
     "Fel: kunde inte göra ett namn av titeln '???'; ange ett med --slug, t.ex. --slug trygg-centrum"),
    (("uppdatering", "aby/2026/saknas", "Möte"),
     "Fel: {content}/aby/2026/saknas/index.md finns inte: skapa löftet först med: lofte new löfte "
     "aby/2026 \"Titel\" --content {content}"),
])
def test_clear_messages_for_wrong_names(content, capsys, args, message):
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2026")
    capsys.readouterr()
    assert new(content, *args) == 1
    assert capsys.readouterr().err == message.format(content=content) + "\n"


def test_scaffolds_are_dated_by_the_build_date(content, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc).timestamp())))
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2026")
    new(content, "löfte", "aby/2026", "Trygg")
    new(content, "uppdatering", "aby/2026/trygg", "Möte")
    assert (content / "aby/2026/trygg/updates/2026-02-03-mote.md").is_file()


@pytest.mark.parametrize("title, slug", [
    # issue 19: a 62-character folder name from a long title
    ("Ökad polisiär närvaro på olika platser – ökad trygghet för alla invånare i kommunen",
     "okad-polisiar-narvaro-pa-olika-platser"),
    ("Ökad polisiär närvaro på olika platser i kommunen för ökad trygghet och minskad brottslighet",
     "okad-polisiar-narvaro-pa-olika-platser"),  # cut after a whole word, not on "…-i"
    ("Samverkan mellan polis, kommun och fastighetsägare för tryggare bostadsområden",
     "samverkan-mellan-polis-kommun"),
    ("EST: effektiv samordning för trygghet i hela kommunen och alla dess delar", "est-effektiv-samordning-for-trygghet"),
    ("Trygghetsvandringar", "trygghetsvandringar"),
])
def test_a_folder_name_from_a_long_title_stays_readable(title, slug):
    assert title_slug(title) == slug and len(slug) <= 40


def test_a_promise_in_an_ended_period_is_not_reported_and_asks_for_its_source(content, capsys, monkeypatch):
    """Issue 19.7: transcribing an archive never invents "ej påbörjat" for a period that ended years ago."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796428800")  # 2026-12-05
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2016")
    capsys.readouterr()
    assert new(content, "löfte", "aby/2016", "Trygg skolväg") == 0
    assert capsys.readouterr().out == (
        f"Skapade {content}/aby/2016/trygg-skolvag/index.md. Perioden är slut, så statusen är ingen uppgift (Inte "
        "rapporterat) tills källan säger något annat; skriv vilket dokument löftet kommer från under sources. Fyll i "
        f"filen och kontrollera med: lofte check --content {content}\n")
    text = (content / "aby/2016/trygg-skolvag/index.md").read_text(encoding="utf-8")
    fields = parse_yaml(split_front_matter(text)[0], 2)
    assert fields["status"] == "ingen uppgift" and {a["status"] for a in fields["actors"]} == {"ingen uppgift"}
    assert "# ÄNDRA: perioden är slut, så allt om löftet kommer från källan. Ta bort # framför\n# sources" in text
    assert content_errors(content) == []
    new(content, "period", "aby/2026")  # a running period: a new promise has not started yet
    new(content, "löfte", "aby/2026", "Trygg skolväg")
    running = parse_yaml(split_front_matter((content / "aby/2026/trygg-skolvag/index.md").read_text())[0], 2)
    assert running["status"] == "ej påbörjat" and "ÄNDRA" not in capsys.readouterr().out


def test_the_update_template_offers_example(content):
    new(content, "kommun", "aby", "--name", "Åby kommun")
    new(content, "period", "aby/2026")
    new(content, "löfte", "aby/2026", "Trygg")
    new(content, "uppdatering", "aby/2026/trygg", "Möte", "--date", "2026-03-01")
    text = (content / "aby/2026/trygg/updates/2026-03-01-mote.md").read_text(encoding="utf-8")
    assert ("# Bara för en påhittad uppdatering som visar hur webbplatsen fungerar: börja\n"
            "# då rubriken och texten med \"Exempel:\" (docs/innehall.md, avsnitt 13).\n# example: true\n") in text
    (content / "aby/2026/trygg/updates/2026-03-01-mote.md").write_text(text.replace("# example: true", "example: true"))
    assert content_errors(content) == []
