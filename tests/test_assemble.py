"""Assemble (content/assemble.py): the loaded tree made one Site, with the checks that span
files (references between files, reserved names, order) reported with file and line."""
import datetime as dt
import shutil

from conftest import edit

from lofte.content.assemble import assemble
from lofte.content.errors import ErrorList
from lofte.content.load import load

TODAY = dt.date(2025, 6, 30)
PARK = "storby/2025/trygg-park"


def assembled(root):
    errors = ErrorList()
    site = assemble(load(root, "content", errors), errors, TODAY)
    return site, [str(e) for e in errors.items]


def copy_municipality(root, slug: str, short: str) -> None:
    shutil.copytree(root / "storby", root / slug)
    edit(root, f"{slug}/kommun.yaml", "name: Storby kommun\nshort_name: Storby", f"name: {short} kommun\n"
         f"short_name: {short}")


def test_the_fixture_becomes_one_site_with_its_promises_and_updates(small_content):
    site, errors = assembled(small_content)
    assert errors == []
    (storby,) = site.municipalities
    (period,) = storby.periods
    assert site.build_date == TODAY and period.start == dt.date(2025, 1, 1)
    park = next(p for p in period.promises if p.slug == "trygg-park")
    assert [u.title for u in park.updates] == ["Rättelse av antalet vandringar", "Andra vandringen",
                                               "Första vandringen"]  # newest first
    assert {i.id for i in park.indicators} == {"vandringar", "trygga"}


def test_municipalities_are_in_swedish_alphabetical_order_of_their_short_name(small_content):
    copy_municipality(small_content, "angby", "Ängby")
    copy_municipality(small_content, "arboga", "Arboga")
    copy_municipality(small_content, "zeta", "Zeta")
    site, errors = assembled(small_content)
    assert errors == []
    assert [m.slug for m in site.municipalities] == ["arboga", "storby", "zeta", "angby"]  # Ä after Z


def test_a_reference_to_what_another_file_does_not_define_is_an_error_there(small_content):
    edit(small_content, f"{PARK}/updates/2025-03-01-forsta-vandringen.md", "indicator: vandringar", "indicator: promenader")
    assert assembled(small_content)[1] == [
        f"content/{PARK}/updates/2025-03-01-forsta-vandringen.md:5: progress (första värdet).indicator: "
        "'promenader' är ingen indikator i löftet (trygga, vandringar)"]


def test_a_municipality_folder_named_like_a_site_page_is_refused_and_the_rest_still_checked(small_content):
    shutil.copytree(small_content / "storby", small_content / "status")
    site, errors = assembled(small_content)
    assert errors == ["content/status/kommun.yaml: mappnamnet 'status' är reserverat för webbplatsens egna sidor; "
                      "byt namn på mappen"]
    assert [m.slug for m in site.municipalities] == ["storby"]
