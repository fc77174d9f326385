"""Load (content/load.py): the content tree read from disk into line-numbered documents;
what a file system can get wrong is reported with the path, never raised."""
from lofte.content.errors import ErrorList
from lofte.content.load import load, skipped


def loaded(root):
    errors = ErrorList()
    return load(root, "content", errors), [str(e) for e in errors.items]


def test_the_tree_holds_every_file_as_a_document_in_folder_order(small_content):
    content, errors = loaded(small_content)
    assert errors == []
    assert content.site.rel == "site.yaml" and content.site.display == "content/site.yaml"
    (storby,) = content.municipalities
    assert (storby.slug, storby.doc.display, storby.doc.data["short_name"]) == (
        "storby", "content/storby/kommun.yaml", "Storby")
    (period,) = storby.periods
    assert [p.slug for p in period.promises] == ["fler-kontroller", "trygg-park"]
    park = period.promises[1]
    assert [date for date, _ in park.updates] == ["2025-03-01", "2025-04-01", "2025-04-10"]
    assert park.index.data.lines["title"] == 2  # front matter lines are file lines (after ---)
    assert park.index.body_line > park.index.data.lines["title"] and "trygghetsvandringar" in park.index.body


def test_hidden_files_and_editor_backups_are_not_content(small_content):
    (small_content / "storby/2025/.DS_Store").write_bytes(b"\0\1")
    (small_content / "storby/2025/trygg-park/index.md~").write_text("gammal", encoding="utf-8")
    assert loaded(small_content)[1] == []
    assert skipped(".git") and skipped("index.md~") and not skipped("index.md")


def test_what_does_not_belong_is_named_with_its_path_and_all_problems_come_at_once(small_content):
    (small_content / "storby/2025/anteckningar.txt").write_text("x", encoding="utf-8")
    (small_content / "storby/2025/trygg-park/updates/2025-05-01-mote.md").write_bytes(
        "---\ntitle: Möte\n---\nå".encode("latin-1"))
    assert loaded(small_content)[1] == [
        "content/storby/2025/anteckningar.txt: oväntad fil: en periodmapp innehåller lofte.yaml, bilder och en "
        "mapp per löfte",
        "content/storby/2025/trygg-park/updates/2025-05-01-mote.md:2: filen är inte UTF-8; spara den med "
        "teckenkodningen UTF-8"]


def test_a_file_that_cannot_be_parsed_keeps_its_place_without_data(small_content):
    (small_content / "storby/2025/lofte.yaml").write_text("title: Trygghet: så gör vi\n", encoding="utf-8")
    content, errors = loaded(small_content)
    assert content.municipalities[0].periods[0].doc.data is None
    assert errors[0].startswith("content/storby/2025/lofte.yaml:1: ") and "citattecken" in errors[0]
