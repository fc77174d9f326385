"""kommun.yaml's optional `police_contact`: the local police's, its gaps the national 114 14 and polisen.se."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from lofte.content.assemble import assemble
from lofte.content.errors import BuildAborted, ErrorList
from lofte.content.load import load
from lofte.content.model import POLICE_CONTACT, Contact

CONTENT = Path(__file__).parent / "fixtures" / "posters" / "content"


def ankeby(tmp_path, extra: str = ""):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    kommun = content / "ankeby" / "kommun.yaml"
    kommun.write_text(kommun.read_text() + extra)
    errors = ErrorList()
    site = assemble(load(content, "content", errors), errors, dt.date(2026, 11, 22))
    errors.raise_if_any()
    return next(m for m in site.municipalities if m.slug == "ankeby")


def test_without_it_the_police_are_reached_nationally(tmp_path):
    assert ankeby(tmp_path).police_contact == POLICE_CONTACT == Contact(phone="114 14", url="https://polisen.se")


def test_what_it_leaves_out_is_the_national_contact(tmp_path):
    m = ankeby(tmp_path, "police_contact:\n  name: Lokalpolisområde Ankeby\n  email: ankeby@polisen.example.se\n")
    assert m.police_contact == Contact("Lokalpolisområde Ankeby", "ankeby@polisen.example.se", "114 14",
                                       "https://polisen.se")


def test_an_unknown_field_in_it_is_an_error(tmp_path):
    with pytest.raises(BuildAborted) as e:
        ankeby(tmp_path, "police_contact:\n  telefon: 114 14\n")
    assert "ankeby/kommun.yaml" in e.value.report() and "telefon" in e.value.report()
