"""The URL scheme (content/urls.py): where every page and file lives, and relative links between them."""
import pytest

from lofte.content import urls


class P:  # what urls needs of a Period
    municipality, slug = "koping", "2024"


class Pr:
    slug = "est"


def test_pages_mirror_the_content_folders():
    assert urls.period(P) == "koping/2024/" and urls.promise(P, Pr) == "koping/2024/est/"
    assert urls.follow_up(P) == "koping/2024/uppfoljning/" and urls.embed(P) == "koping/2024/inbaddning/"
    assert urls.localized("koping/2024/", "sv") == "koping/2024/" and urls.localized("koping/2024/", "en") == \
        "en/koping/2024/"
    assert urls.output_file("") == "index.html" and urls.output_file("koping/") == "koping/index.html"
    assert urls.output_file("atom.xml") == "atom.xml" and urls.is_page("") and not urls.is_page("atom.xml")


def test_files_beside_their_pages():
    assert urls.poster(P, "a4", "pdf") == "koping/2024/affisch/medborgarloften-koping-2024-a4.pdf"
    assert urls.poster(P, "a4", "png", page=2) == "koping/2024/affisch/medborgarloften-koping-2024-a4-2.png"
    assert urls.share_image("koping/2024/est/") == "koping/2024/est/dela.png"
    assert urls.feed("") == "atom.xml" and urls.feed("koping/") == "koping/atom.xml"
    assert urls.period_data(P) == "koping/2024/data/medborgarloften-koping-2024.json"
    assert urls.embed_code(P) == "webbredaktorer/kod/#koping-2024"


@pytest.mark.parametrize("from_page, to, link", [
    ("", "koping/", "koping/"),
    ("koping/2024/est/", "koping/2024/", "../"),
    ("koping/2024/est/", "status/", "../../../status/"),
    ("koping/2024/", "koping/2024/", "./"),
    ("koping/2024/", "koping/2024/est/dela.png", "est/dela.png"),
    ("en/koping/", "koping/", "../../koping/"),
    ("koping/2024/atom.xml", "koping/2024/est/", "est/"),  # from a file: its folder
    ("kop/", "koping/", "../koping/"),  # a shared prefix that is not a shared folder
])
def test_relative_links_work_under_any_path_prefix(from_page, to, link):
    assert urls.relative(from_page, to) == link


def test_base_path_and_absolute():
    assert urls.base_path("https://example.se/trygghet/lofte/") == "/trygghet/lofte/"
    assert urls.base_path("https://example.se") == "/"
    assert urls.absolute("https://example.se/l/", "koping/") == "https://example.se/l/koping/"


def test_generated_folders_are_reserved():
    assert {"affisch", "uppfoljning", "inbaddning"} <= urls.RESERVED_IN_PERIOD
    assert {"status", "om", "en", "data", "assets"} <= urls.RESERVED_TOP
