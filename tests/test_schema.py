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


# -- origins, indicators and translations (origins.py, indicatorschema.py, translationschema.py) ---

def test_origin_kinds_come_from_the_vocabulary_and_each_has_a_word_in_both_ui_languages():
    from lofte.content.origins import ORIGIN_KINDS
    assert all(ORIGIN_KINDS[kind]["sv"] and ORIGIN_KINDS[kind]["en"] for kind in ORIGIN_KINDS)
    for kind in ORIGIN_KINDS:
        p, errors = period(PERIOD.replace("kind: enkät", f"kind: {kind}"))
        assert errors == [] and [o.kind for o in p.origins] == [kind]
    assert period(PERIOD.replace("kind: enkät", "kind: enkat"))[1] == [
        "content/storby/2025/lofte.yaml:17: origins (första ursprunget).kind: 'enkat' är inte ett känt ursprung; "
        "menade du 'enkät'?"]


def indicator(text: str):
    from lofte.content import indicatorschema
    errors = ErrorList()
    ind = indicatorschema.indicator(Fields(parse_yaml(text), "content/x/index.md", errors,
                                           prefix="indicators (första målet)"))
    return ind, [str(e) for e in errors.items]


def test_a_bare_target_number_gets_one_error_that_says_where_value_goes():
    ind, errors = indicator("id: vandringar\nname: Vandringar\nunit: st\nkind: frequency\nfrequency: month\n"
                            "target: 3\n")
    assert errors == ["content/x/index.md:6: indicators (första målet).target: skriv målvärdet på en egen rad "
                      "under target, indraget två mellanslag: target: och sedan value: 3"]
    assert ind.target.value == 3.0 and ind.frequency == "month"


def test_counted_targets_are_positive_and_a_missing_one_names_the_frequency():
    from lofte.content.indicatorschema import target_missing
    _, errors = indicator("id: v\nname: V\nunit: st\nkind: count\ntarget:\n  value: 0\nbaseline:\n  value: -2\n")
    assert errors == [
        "content/x/index.md:8: indicators (första målet).baseline.value: kan inte vara negativt (-2)",
        "content/x/index.md:6: indicators (första målet).target.value: ett mål som räknas (kind: count eller "
        "frequency) måste vara större än 0"]
    # a measure may be negative (a temperature, a change), but frequency belongs to kind: frequency
    ind, errors = indicator("id: v\nname: V\nunit: grader\nkind: measure\nbaseline:\n  value: -2\n"
                            "frequency: week\n")
    assert ind.kind == "measure" and ind.baseline.value == -2.0
    assert errors == ["content/x/index.md:7: indicators (första målet).frequency: används bara när kind är "
                      "'frequency'"]
    assert "hur många gånger per kvartal" in target_missing(None, "frequency", "quarter")
    assert "(kind: count)" in target_missing(None, "count", None)


def translations(text: str, translatable, ids=(), dated=True):
    from lofte.content import translationschema
    errors = ErrorList()
    out = translationschema.translations(Fields(parse_yaml(text), "content/x/index.md", errors), translatable,
                                         ids, dated)
    return out, [str(e) for e in errors.items]


def test_translations_are_sorted_by_language_and_keep_only_translatable_fields():
    from lofte.content.translationschema import LANGUAGES, UPDATE_TRANSLATABLE
    out, errors = translations("translations:\n  fa:\n    translated: 2024-05-01\n    title: سلام\n"
                               "  en:\n    translated: 2024-05-02\n    title: Hello\n    focus_area: x\n",
                               UPDATE_TRANSLATABLE)
    assert [(t.lang, t.translated, t.fields) for t in out] == [
        ("en", dt.date(2024, 5, 2), {"title": "Hello"}), ("fa", dt.date(2024, 5, 1), {"title": "سلام"})]
    assert errors == ["content/x/index.md:8: translations.en.focus_area: okänt fält"]
    # Swedish is the original, not a translation
    out, errors = translations("translations:\n  sv:\n    title: x\n", UPDATE_TRANSLATABLE)
    assert out == () and errors == [f"content/x/index.md:2: translations.sv: 'sv' är inget språk att översätta "
                                    f"till; välj bland {', '.join(LANGUAGES[1:])}"]


def test_translated_indicator_names_must_name_a_target_of_the_promise():
    from lofte.content.translationschema import PROMISE_TRANSLATABLE, SITE_TRANSLATABLE
    out, errors = translations("translations:\n  en:\n    translated: 2024-05-02\n    indicators:\n"
                               "      vandringar:\n        name: Walks\n        unit: walks\n"
                               "      vandring:\n        name: X\n", PROMISE_TRANSLATABLE, ("vandringar",))
    assert out[0].fields["indicators"]["vandringar"] == {"name": "Walks", "unit": "walks"}
    assert errors == ["content/x/index.md:8: translations.en.indicators.vandring: 'vandring' är inget mål i "
                      "löftet; skriv id:t för ett mål under indicators (vandringar)"]
    # `translated:` is required where the translation can fall behind the original, not on the site
    assert translations("translations:\n  en:\n    title: Hi\n", SITE_TRANSLATABLE, dated=False)[1] == []
    assert translations("translations:\n  en:\n    title: Hi\n", SITE_TRANSLATABLE)[1] == [
        "content/x/index.md:3: translations.en.translated: saknas: fältet är obligatoriskt"]
