"""The schema (content/schema.py): one reader per file kind turns a parsed mapping into a
model object; every field's problem is reported in Swedish with its line and plain name."""
import datetime as dt
from pathlib import Path

from lofte.content import schema
from lofte.content.errors import ErrorList
from lofte.content.fields import Fields
from lofte.content.model import is_unknown
from lofte.content.yamlsource import parse_yaml, split_front_matter

SMALL = Path(__file__).parent / "fixtures/small"
PERIOD = (SMALL / "storby/2025/lofte.yaml").read_text(encoding="utf-8")
PROMISE_YAML, BODY, BODY_LINE = split_front_matter((SMALL / "storby/2025/trygg-park/index.md").read_text("utf-8"))
PROMISE_YAML = PROMISE_YAML.replace("order: 1\n", "")  # `order` is read where promises are put in order
MUNICIPALITY = (SMALL / "storby/kommun.yaml").read_text(encoding="utf-8")


def period(text: str = PERIOD):
    errors = ErrorList()
    p = schema.read_period(Fields(parse_yaml(text), "content/storby/2025/lofte.yaml", errors), "2025",
                           "storby/2025", "storby")
    return p, [str(e) for e in errors.items]


def promise(text: str = PROMISE_YAML):
    errors = ErrorList()
    p = schema.read_promise(Fields(parse_yaml(text), "content/storby/2025/trygg-park/index.md", errors), BODY,
                            "trygg-park", "storby/2025/trygg-park", BODY_LINE)
    return p, [str(e) for e in errors.items]


def test_a_period_file_becomes_a_period():
    p, errors = period()
    assert errors == []
    assert (p.start, p.end, p.signed) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2024, 12, 10))
    assert p.feedback_plan.interval_days == 100 and p.signatories[1].party == "polisen"


def test_okant_stands_where_the_source_is_silent():
    p, errors = period(PERIOD.replace("end: 2025-12-31", "end: okänt"))
    assert errors == [] and is_unknown(p.end) and not p.end


def test_period_problems_name_line_and_field():
    assert period(PERIOD.replace("end: 2025-12-31", "end: 2024-12-31"))[1] == [
        "content/storby/2025/lofte.yaml:3: end: slutdatumet 2024-12-31 ligger före startdatumet 2025-01-01"]
    assert period(PERIOD.replace("  interval_days: 100", "  interval_days: 0"))[1] == [
        "content/storby/2025/lofte.yaml:21: feedback_plan.interval_days: måste vara minst 1, fick 0"]


def test_a_promise_file_becomes_a_promise():
    p, errors = promise()
    assert errors == []
    assert (p.title, p.status) == ("Tryggare park", "ej påbörjat")
    assert [(a.actor, a.status, a.responsible) for a in p.actors] == [
        ("polisen", "pågår", "Kommunpolisen"), ("kommunen", "ej påbörjat", ""), ("bostadsbolaget", "pågår", "")]
    assert [(i.id, i.kind) for i in p.indicators] == [("vandringar", "count"), ("trygga", "measure")]


def test_choices_come_from_the_vocabularies_and_list_items_have_plain_names():
    assert promise(PROMISE_YAML.replace("status: ej påbörjat\nindicators", "status: klart\nindicators"))[1] == [
        "content/storby/2025/trygg-park/index.md:12: status: 'klart' är inte en status; välj bland 'ingen uppgift', "
        "'ej påbörjat', 'pågår', 'försenat', 'genomfört'"]
    typo = PROMISE_YAML.replace("    status: pågår\n    responsible", "    status: pågått\n    responsible")
    assert promise(typo)[1] == [
        "content/storby/2025/trygg-park/index.md:6: actors (första aktören).status: 'pågått' är inte en status; "
        "menade du 'pågår'?"]
    assert promise(PROMISE_YAML.replace("kind: count", "kind: antal"))[1] == [
        "content/storby/2025/trygg-park/index.md:17: indicators (första målet).kind: 'antal' är inte en "
        "indikatortyp; välj bland 'count', 'frequency', 'measure'"]


def test_a_municipality_file_becomes_a_municipality():
    errors = ErrorList()
    m = schema.read_municipality(Fields(parse_yaml(MUNICIPALITY), "content/storby/kommun.yaml", errors), "storby",
                                 "storby")
    assert errors.items == []
    assert (m.name, m.short_name, m.police_area) == ("Storby kommun", "Storby", "Lokalpolisområde Storby")
    assert [(p.id, p.name) for p in m.partners] == [("bostadsbolaget", "Storby Bostäder AB")]
