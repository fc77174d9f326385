"""CSV round trip: Excel-friendly export, all-or-nothing import with exact messages, idempotency."""
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, content_errors, options

from lofte.authoring import excelcsv, spreadsheet
from lofte.authoring.sheetrows import NewUpdate, check_file, describe
from lofte.build.pipeline import read_site
from lofte.cli import main
from lofte.content.errors import BuildAborted, ContentError

CSV = FIXTURES / "csv"
PARK = "storby/2025/trygg-park/updates"


def tree_bytes(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(content, *args):
    return main([*args, "--content", str(content)])


def test_export_writes_excel_in_swedish_locale(small_content, tmp_path, capsys):
    """Every update, a status column per party, and under each promise a row to fill in that names
    its goals and parties (fler-kontroller has no update yet)."""
    target = tmp_path / "uppdateringar.csv"
    assert run(small_content, "export-updates", str(target)) == 0
    assert capsys.readouterr().out == (
        f"Skrev 3 uppdateringar till {target}. Under vart och ett av de 2 löftena finns en tom rad att fylla i (datum "
        "och titel) för en ny uppdatering; kopiera raden för fler.\n")
    assert target.read_bytes() == "\ufeff".encode() + (
        "id;kommun;period;löfte;datum;titel;text;status;status polisen;status kommunen;status bostadsbolaget;exempel;"
        "indikator;värde;indikator 2;värde 2;mål i löftet;parter i löftet\r\n"
        "storby/2025/trygg-park/2025-03-01-forsta-vandringen;storby;2025;trygg-park;2025-03-01;Första vandringen;"
        "Tjugo personer kom.;pågår;;;;ja;vandringar;1;;;;\r\n"
        "storby/2025/trygg-park/2025-04-01-andra-vandringen;storby;2025;trygg-park;2025-04-01;Andra vandringen;"
        "Två vandringar samma vecka.;;;försenat;;ja;vandringar;2;trygga;64;;\r\n"
        "storby/2025/trygg-park/2025-04-10-rattelse;storby;2025;trygg-park;2025-04-10;"
        "Rättelse av antalet vandringar;Vi räknade fel.;;;försenat;;ja;vandringar;1;trygga;64;;\r\n"
        ";storby;2025;trygg-park;;;;;;;;;;;;;vandringar (Trygghetsvandringar), trygga (Andel som känner sig trygga);"
        "polisen, kommunen, bostadsbolaget (Storby Bostäder AB)\r\n"
        ";storby;2025;fler-kontroller;;;;;;;;;;;;;kontroller (Hastighetskontroller);polisen\r\n").encode("utf-8")


def test_export_of_one_period_and_an_unknown_period(small_content, tmp_path, capsys):
    assert run(small_content, "export-updates", str(tmp_path / "a.csv"), "--period", "storby/2025") == 0
    assert run(small_content, "export-updates", str(tmp_path / "b.csv"), "--period", "storby/2052") == 1
    assert capsys.readouterr().err == "Fel: perioden 'storby/2052' finns inte eller har inga löften; menade du 'storby/2025'?\n"


def test_import_reads_excel_csv_and_creates_valid_updates(small_content, capsys):
    assert run(small_content, "import-updates", str(CSV / "excel-sv.csv")) == 0
    assert capsys.readouterr().out == (
        f"Skapade {small_content}/{PARK}/2025-05-15-tredje-vandringen-vid-dammen.md\n"
        f"Skapade {small_content}/storby/2025/fler-kontroller/updates/2025-05-20-kontroller-i-maj.md\n"
        "Klart: 2 nya uppdateringar.\n")
    assert (small_content / PARK / "2025-05-15-tredje-vandringen-vid-dammen.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Tredje vandringen: vid dammen"\nprogress:\n  - indicator: vandringar\n    value: 1\n'
        "  - indicator: trygga\n    value: 66.5\nexample: true\n---\n"
        "Femton personer kom.\n\nVi gick till dammen; den är mörk.\n")
    assert (small_content / "storby/2025/fler-kontroller/updates/2025-05-20-kontroller-i-maj.md").read_text(
        encoding="utf-8") == ('---\ntitle: "Kontroller i maj"\nstatus: pågår\nprogress:\n'
                              "  - indicator: kontroller\n    value: 2\n---\n")
    assert content_errors(small_content) == []


def test_a_second_import_creates_nothing(small_content, capsys):
    run(small_content, "import-updates", str(CSV / "excel-sv.csv"))
    before = tree_bytes(small_content)
    capsys.readouterr()
    assert run(small_content, "import-updates", str(CSV / "excel-sv.csv")) == 0
    assert capsys.readouterr().out == "Klart: inga nya rader att importera.\n"
    assert tree_bytes(small_content) == before


def test_comma_separated_and_windows_1252_files(small_content, capsys):
    assert run(small_content, "import-updates", str(CSV / "google-comma.csv")) == 0
    assert run(small_content, "import-updates", str(CSV / "excel-ansi.csv")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Skapade {small_content}/{PARK}/2025-06-10-matning.md", "Klart: 1 ny uppdatering.",
                   f"Skapade {small_content}/{PARK}/2025-05-30-vandring-i-maj.md", "Klart: 1 ny uppdatering."]
    assert "title: \"Mätning, juni\"" in (small_content / PARK / "2025-06-10-matning.md").read_text(encoding="utf-8")
    assert "Många äldre" in (small_content / PARK / "2025-05-30-vandring-i-maj.md").read_text(encoding="utf-8")


def test_export_then_import_round_trips_without_changes(small_content, tmp_path, capsys):
    run(small_content, "import-updates", str(CSV / "excel-sv.csv"))
    run(small_content, "export-updates", str(tmp_path / "alla.csv"))
    before = tree_bytes(small_content)
    capsys.readouterr()
    assert run(small_content, "import-updates", str(tmp_path / "alla.csv")) == 0
    assert capsys.readouterr().out == "Klart: inga nya rader att importera.\n"
    assert tree_bytes(small_content) == before


def test_an_edited_row_of_a_published_update_is_not_imported_but_noticed(small_content, tmp_path, capsys):
    run(small_content, "export-updates", str(tmp_path / "alla.csv"))
    path = tmp_path / "alla.csv"
    path.write_bytes(path.read_bytes().replace("Tjugo personer".encode(), "Trettio personer".encode()))
    before = tree_bytes(small_content)
    capsys.readouterr()
    assert run(small_content, "import-updates", str(path)) == 0
    assert capsys.readouterr().out == (
        f"{path}:rad 2: storby/2025/trygg-park/2025-03-01-forsta-vandringen finns redan och skiljer sig från raden i "
        "kolumn text ('Tjugo personer kom.' i filen, 'Trettio personer kom.' på raden); raden importerades inte. Rätta en publicerad uppdatering med en ny uppdatering (docs/innehall.md, avsnitt 14)\n"
        "Klart: inga nya rader att importera.\n")
    assert tree_bytes(small_content) == before


def test_every_bad_row_is_reported_and_nothing_is_written(small_content, capsys):
    before = tree_bytes(small_content)
    bad = CSV / "bad.csv"
    assert run(small_content, "import-updates", str(bad)) == 1
    assert capsys.readouterr().err.splitlines() == [f"{bad}:{line}" for line in [
        "rad 2: kolumn kommun: 'storbi' finns inte; menade du 'storby'?",
        "rad 3: kolumn period: '2024' finns inte i storby; menade du '2025'?",
        "rad 4: kolumn löfte: 'trygg-parken' finns inte i storby/2025; menade du 'trygg-park'?",
        "rad 5: kolumn datum: väntade ett datum som ÅÅÅÅ-MM-DD, fick '15/5/2025'",
        "rad 5: kolumn titel: saknas",
        "rad 5: kolumn status: 'pagar' är inte en status; menade du 'pågår'?",
        "rad 5: kolumn exempel: väntade ja eller nej, fick 'kanske'",
        "rad 5: kolumn indikator: 'vandring' är ingen indikator i löftet (vandringar, trygga)",
        "rad 5: kolumn värde: väntade ett tal (t.ex. 3,5), fick 'fem'",
        "rad 6: kolumn datum: '2025-02-30' är inget riktigt datum",
        "rad 6: kolumn indikator: saknas: värdet 3 behöver en indikator",
        "rad 7: kolumn värde: saknas: indikatorn 'vandringar' behöver ett värde",
        "rad 7: kolumn id: 'storby/2025/fler-kontroller/2025-05-15-vandring' stämmer inte med kommun, period, löfte "
        "och datum på raden; lämna id tomt för en ny rad",
        "rad 9: kolumn id: samma uppdatering som på rad 8 (storby/2025/trygg-park/2025-05-16-vandring)",
        "rad 10: kolumn 11: raden har fler celler än det finns kolumner",
    ]] + [f"Ingenting importerades: 15 fel i {bad}. Rätta raderna och importera igen."]
    assert tree_bytes(small_content) == before


def test_header_problems(small_content, tmp_path, capsys):
    path = tmp_path / "rubriker.csv"
    path.write_text("kommun;period;lofte;datum;titl;indikator 2\n", encoding="utf-8")
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:rad 1: kolumn titl: okänd kolumn; menade du 'titel'?",
        f"{path}:rad 1: kolumn titel: saknas: kolumnen behövs",
        f"{path}:rad 1: kolumn värde 2: saknas: kolumnen 'indikator 2' behöver den",
        f"Ingenting importerades: 3 fel i {path}. Rätta raderna och importera igen."]


def test_new_files_that_fail_validation_are_removed_again(small_content, monkeypatch, capsys):
    """A rule the importer does not know about still stops the import (simulated here)."""
    real = spreadsheet.read_site
    calls = []

    def read_site(opts):
        calls.append(1)
        if len(calls) == 2:  # the validation after writing
            raise BuildAborted([ContentError(f"{opts.display_root}/{PARK}/2025-05-15-tredje-vandringen-vid-dammen.md",
                                             2, "title", "en ny regel")])
        return real(opts)

    monkeypatch.setattr(spreadsheet, "read_site", read_site)
    before = tree_bytes(small_content)
    assert run(small_content, "import-updates", str(CSV / "excel-sv.csv")) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{CSV / 'excel-sv.csv'}:rad 2: {small_content}/{PARK}/2025-05-15-tredje-vandringen-vid-dammen.md:2: "
        "title: en ny regel")
    assert tree_bytes(small_content) == before
    assert not (small_content / "storby/2025/fler-kontroller/updates").exists()


@pytest.mark.parametrize("text, number", [
    ("3,5", 3.5), ("3.5", 3.5), ("1 000", 1000.0), ("1\u00a0000,25", 1000.25), ("1.000,5", 1000.5),
    ("\u22122", -2.0), ("-0,5", -0.5), ("tre", None), ("", None), ("inf", None), ("3,5,1", None),
])
def test_parse_number(text, number):
    assert excelcsv.parse_number(text) == number


def test_cells():
    assert [excelcsv.number_cell(v) for v in (1.0, 66.5, -2.0)] == ["1", "66,5", "-2"]
    assert excelcsv.text_cell("=SUMMA(A1)") == "'=SUMMA(A1)"
    assert excelcsv.from_text_cell("'=SUMMA(A1)") == "=SUMMA(A1)"
    assert excelcsv.from_text_cell("'citat'") == "'citat'"


TODAY = "1751241600"  # 2025-06-30, the fixture's build date


def exported(content, tmp_path) -> tuple[Path, list[list[str]]]:
    path = tmp_path / "alla.csv"
    assert run(content, "export-updates", str(path)) == 0
    return path, excelcsv.read(path)


def save(path, table):
    excelcsv.write(path, table[0], table[1:])


def set_cells(table, row, **cells):
    """Row `row` as the spreadsheet numbers it (header = 1); columns by name (spaces as _)."""
    for name, value in cells.items():
        table[row - 1][table[0].index(name.replace("_", " "))] = value


def test_a_filled_in_template_row_with_a_status_per_party(small_content, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    path, table = exported(small_content, tmp_path)
    assert table[5][3] == "fler-kontroller" and table[5][4] == ""  # its row to fill in
    set_cells(table, 6, datum="2025-06-01", titel="Kontroller i juni", status_polisen="pågår",
              indikator="kontroller", värde="2")
    save(path, table)
    capsys.readouterr()
    assert run(small_content, "import-updates", str(path)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Klart: 1 ny uppdatering."
    assert (small_content / "storby/2025/fler-kontroller/updates/2025-06-01-kontroller-i-juni.md").read_text(
        encoding="utf-8") == ('---\ntitle: "Kontroller i juni"\nactor_status:\n  - actor: polisen\n    status: pågår\n'
                              "progress:\n  - indicator: kontroller\n    value: 2\n---\n")
    assert content_errors(small_content) == []


def test_a_status_for_a_party_not_in_the_promise(small_content, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    path, table = exported(small_content, tmp_path)
    set_cells(table, 6, datum="2025-06-01", titel="Kontroller", status_bostadsbolaget="pågår")
    save(path, table)
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:rad 6: kolumn status bostadsbolaget: 'bostadsbolaget' är ingen part i löftet (polisen)")


def test_an_edited_title_with_a_cleared_id_is_a_likely_duplicate(small_content, tmp_path, capsys, monkeypatch):
    """30 police evenings counted twice: a colleague edits a title and clears the id."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    path, table = exported(small_content, tmp_path)
    set_cells(table, 2, id="", titel="Första vandringen i parken")
    save(path, table)
    before = tree_bytes(small_content)
    capsys.readouterr()
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:rad 2: kolumn id: raden ser ut som uppdateringen storby/2025/trygg-park/2025-03-01-forsta-vandringen, "
        "som redan finns (samma löfte, datum, mål och värde), men har ett annat id och skiljer sig i kolumn titel "
        "('Första vandringen' i filen, 'Första vandringen i parken' på raden). Är det en ny uppdatering, skriv ja i "
        "kolumnen 'ny ändå'; annars skriv tillbaka id och det som ändrats",
        f"Ingenting importerades: 1 fel i {path}. Rätta raderna och importera igen."]
    assert tree_bytes(small_content) == before
    table[0].append("ny ändå")
    for row in table[1:]:
        row.append("")
    set_cells(table, 2, ny_ändå="ja")
    save(path, table)
    assert run(small_content, "import-updates", str(path)) == 0
    assert (small_content / PARK / "2025-03-01-forsta-vandringen-i-parken.md").is_file()


def test_two_new_rows_alike(small_content, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    path = tmp_path / "nya.csv"
    path.write_text("kommun;period;löfte;datum;titel;indikator;värde\n"
                    "storby;2025;trygg-park;2025-06-02;Vandring;vandringar;1\n"
                    "storby;2025;trygg-park;2025-06-02;Vandring vid dammen;vandringar;1\n", encoding="utf-8")
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:rad 3: kolumn id: raden ser ut som rad 2 (samma löfte, datum, mål och värde). Är båda nya "
        "uppdateringar, skriv ja i kolumnen 'ny ändå'")


@pytest.mark.parametrize("date, message", [
    ("2025-07-01", "2025-07-01 har inte varit än (i dag är det 2025-06-30); skriv bara det som redan har hänt"),
    ("2024-12-31", "2024-12-31 ligger före löftets början (2025-01-01)"),
])
def test_dates_in_the_future_or_outside_the_time_frame(small_content, tmp_path, capsys, monkeypatch, date, message):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    path = tmp_path / "nya.csv"
    path.write_text(f"kommun;period;löfte;datum;titel\nstorby;2025;trygg-park;{date};Vandring\n", encoding="utf-8")
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"{path}:rad 2: kolumn datum: {message}"


def test_a_date_after_the_end(small_content, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    path = tmp_path / "nya.csv"
    path.write_text("kommun;period;löfte;datum;titel\nstorby;2025;trygg-park;2026-01-01;Vandring\n", encoding="utf-8")
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:rad 2: kolumn datum: 2026-01-01 ligger efter löftets slut (2025-12-31); det som händer efter slutet "
        "hör till uppföljningen (follow_up i lofte.yaml) eller en ny period")


def test_hostile_cells_are_refused_with_their_column_and_nothing_is_written(small_content, tmp_path, capsys):
    path = tmp_path / "elak.csv"
    head = "kommun;period;löfte;datum;titel;text;indikator;värde\r\n"
    path.write_text(head + "storby;2025;trygg-park;2025-05-01;Vandring\x1b[2J;Text;vandringar;1e300\r\n"
                    "storby;2025;trygg-park;9999-12-31;Sen;Text\u202e;vandringar;-2\r\n", encoding="utf-8")
    before = tree_bytes(small_content)
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err.splitlines() == [f"{path}:{line}" for line in [
        "rad 2: kolumn titel: innehåller ett osynligt styrtecken (U+001B) efter 'Vandring'; ta bort det (sådana "
        "tecken kommer ofta med när text kopieras från ett annat program eller ett kalkylblad)",
        "rad 2: kolumn värde: är för stort (1e+300); högst 1\u00a0000\u00a0000\u00a0000",
        "rad 3: kolumn text: innehåller ett osynligt tecken som ändrar textens riktning (U+202E) efter 'Text'; "
        "ta bort det, det kan användas för att visa något annat än det som står i filen",
        "rad 3: kolumn datum: 9999-12-31 ligger utanför åren 1900–2099; kontrollera årtalet",
        "rad 3: kolumn värde: kan inte vara negativt (-2)",
    ]] + ["Ingenting importerades: 5 fel i " + str(path) + ". Rätta raderna och importera igen."]
    assert tree_bytes(small_content) == before


def test_a_cell_over_128_kb_is_an_error_not_a_traceback(small_content, tmp_path, capsys):
    path = tmp_path / "stor.csv"
    path.write_text("kommun;period;löfte;datum;titel;text\r\nstorby;2025;trygg-park;2025-05-01;Stor;\""
                    + "a" * 140_000 + "\"\r\n", encoding="utf-8")
    assert run(small_content, "import-updates", str(path)) == 1
    assert capsys.readouterr().err == (
        f"Fel: {path}:rad 2: en cell är för stor (över 128 kB) eller har ett citattecken som inte avslutas (eller "
        "ett osynligt nolltecken); korta texten eller rätta raden och spara igen\n")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\uff1dHYPERLINK(\"x\")",
                                  "\uff0b1", "\uff0d1", "\uff20x"])
def test_one_formula_guard_for_the_export_and_open_data(text):
    from lofte.outputs import opendata_csv
    assert excelcsv.text_cell(text) == opendata_csv.cell(text) == "'" + text
    assert excelcsv.from_text_cell(excelcsv.text_cell(text)) == text


SHEET = ["kommun", "period", "löfte", "datum", "titel", "status", "indikator", "värde", "indikator 2", "värde 2"]


def test_sheet_rows_read_swedish_numbers_and_write_them_back(small_content, tmp_path):
    """Rows checked on their own: "66,5" becomes 66.5, and the update file
    writes the values so that YAML reads the same numbers back; a Swedish-style date, a negative count ("−1", with a
    typographic minus) and a word are refused with their row and column."""
    site = read_site(options(small_content))
    path = tmp_path / "rader.csv"
    excelcsv.write(path, SHEET, [
        ["storby", "2025", "trygg-park", "2025-05-15", "Vandring i maj", "Pågår", "vandringar", "2", "trygga", "66,5"],
        ["storby", "2025", "trygg-park", "15/5 2025", "Fel datum", "", "vandringar", "\u22121", "", ""],
        ["storby", "2025", "trygg-park", "2025-05-16", "Fel tal", "", "vandringar", "tre", "", ""],
    ])
    found, errors, existing = check_file(path, site)
    assert errors == [f"{path}:rad 3: kolumn datum: väntade ett datum som ÅÅÅÅ-MM-DD, fick '15/5 2025'",
                      f"{path}:rad 3: kolumn värde: kan inte vara negativt (-1)",
                      f"{path}:rad 4: kolumn värde: väntade ett tal (t.ex. 3,5), fick 'tre'"]
    [update] = found
    assert (update.row, update.id, update.status) == (2, "storby/2025/trygg-park/2025-05-15-vandring-i-maj", "pågår")
    assert update.progress == [("vandringar", 2.0), ("trygga", 66.5)]
    assert update.rel == "storby/2025/trygg-park/updates/2025-05-15-vandring-i-maj.md"
    text = update.file_text()
    assert text == ('---\ntitle: "Vandring i maj"\nstatus: pågår\nprogress:\n'
                    "  - indicator: vandringar\n    value: 2\n  - indicator: trygga\n    value: 66.5\n---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert [(p["indicator"], p["value"]) for p in front["progress"]] == update.progress
    assert "storby/2025/trygg-park/2025-04-01-andra-vandringen" in existing


def test_sheet_rows_describe_how_a_row_differs_from_the_file_in_swedish_numbers(small_content):
    site = read_site(options(small_content))
    [old] = [u for p in site.municipalities[0].periods for pr in p.promises for u in pr.updates
             if u.slug == "2025-04-01-andra-vandringen"]
    row = NewUpdate(5, "storby/2025/trygg-park/2025-04-01-andra-vandringen", "Andra vandringen", old.body.markdown,
                    "", old.example, [("vandringar", 2.0), ("trygga", 64.5)], [("kommunen", "försenat")])
    assert row.differences(old) == [("indikator och värde", "vandringar 2, trygga 64", "vandringar 2, trygga 64,5")]
    row.title, row.example = "Andra  vandringen\ni april", False
    assert describe(row.differences(old)) == (
        "kolumn titel ('Andra vandringen' i filen, 'Andra vandringen i april' på raden), "
        "och i exempel, indikator och värde")
