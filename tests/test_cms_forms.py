"""The editor's forms offer only what the build accepts, and every field the schema reads.

Each form is filled in the way Decap saves it (every field, YAML front matter)
and the result goes through the real build; and the keys each form names are
compared with the keys the schema asks for, so a field added to the schema
without the form (or the other way round) fails here.
"""
import datetime as dt
import re

import pytest
import yaml
from conftest import content_errors, options

from lofte.build.pipeline import read_site
from lofte.content import fields as schema_fields
from lofte.content import statuses
from lofte.content.model import Unknown
from lofte.outputs import cmsfields, cmsforms

PERIOD = "storby/2025"
PROMISE = "storby/2025/trygg-park"


def sample(field: dict, choose: dict, day: dt.date):
    """The value Decap would save for a filled-in field (first choice unless told)."""
    widget, name = field["widget"], field["name"]
    if widget == "hidden" or widget == "lofte-okant" and not field["inner"]:
        return None
    if widget == "lofte-okant":  # a value the editor may also save as okänt: here the value
        return sample({**field, "widget": field["inner"]}, choose, day)
    if widget == "select":
        values = [o["value"] for o in field["options"]]
        return choose[name] if choose.get(name) in values else values[0]
    if name in choose:
        return choose[name]
    if widget == "object":
        return {c["name"]: sample(c, choose, day) for c in field["fields"]}
    if widget == "list":
        if "field" in field:
            return ["En rad, med kommatecken."]
        return [{c["name"]: sample(c, choose, day) for c in field["fields"]}]
    if widget == "datetime":
        return day.isoformat()
    if widget == "number":
        return 2 if field["value_type"] == "int" else 1.5
    if widget == "boolean":
        return True
    if "pattern" in field and field["pattern"][0] == schema_fields.SLUG_RE.pattern or name == "id":
        return "exempel"
    if "pattern" in field and "namn@kommun.se" in field["pattern"][1]:
        return "trygghet@example.se"
    if "pattern" in field and "mailto" in field["pattern"][1]:
        return "https://example.org/underlag"
    if "pattern" in field and "18:00" in field["pattern"][1]:
        return f"{day.isoformat()} 18:00"
    return f"Exempel: {field['label']}"


def front_matter(form: list[dict], choose: dict, day: dt.date, body: bool = True) -> str:
    data = {f["name"]: sample(f, choose, day) for f in form if f["name"] != "body"}
    data = {k: v for k, v in data.items() if v is not None}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{text}---\nExempel: brödtext.\n" if body else text


def site(content):
    return read_site(options(content))


def test_every_form_filled_in_builds(small_content):
    s = site(small_content)
    m = s.municipalities[0]
    parties = cmsforms.Parties.of(m)
    period = m.periods[0]
    promise = next(p for p in period.promises if p.slug == "trygg-park")
    day = dt.date(2025, 6, 1)
    update = small_content / PROMISE / "updates" / f"{day.isoformat()}-ny.md"
    update.write_text(front_matter(cmsforms.update(promise, parties), {"indicator": "vandringar"}, day),
                      encoding="utf-8")
    new = small_content / PERIOD / "ny" / "index.md"
    new.parent.mkdir()
    new.write_text(front_matter(cmsforms.promise(parties, period.focus_areas, False),
                                {"kind": "frequency"}, day), encoding="utf-8")
    later = small_content / "storby" / "2026" / "lofte.yaml"
    later.parent.mkdir()
    later.write_text(front_matter(cmsforms.period(parties), {"start": "2026-01-01", "end": "2026-12-31"},
                                  day, body=False), encoding="utf-8")
    kommun = small_content / "storby" / "kommun.yaml"
    kommun.write_text(front_matter([f for f in cmsforms.municipality() if f["name"] != "logo"],
                                   {"id": "bostadsbolaget"}, day,
                                   body=False), encoding="utf-8")
    assert content_errors(small_content) == []
    built = site(small_content)
    park = next(p for p in built.municipalities[0].periods[0].promises if p.slug == "trygg-park")
    assert park.updates[0].slug == "2025-06-01-ny" and park.updates[0].progress[0].value == 1.5


def keys_read(monkeypatch, content) -> dict[str, set[str]]:
    """Top-level keys the schema asks for, by file kind."""
    seen: dict[str, set[str]] = {}
    finish = schema_fields.Fields.finish

    def record(self):
        if not self.prefix:
            kind = ("update" if "/updates/" in self.path else "promise" if self.path.endswith("index.md")
                    else "period" if self.path.endswith("lofte.yaml") else "municipality"
                    if self.path.endswith("kommun.yaml") else "site")
            seen.setdefault(kind, set()).update(self.known)
        finish(self)
    monkeypatch.setattr(schema_fields.Fields, "finish", record)
    site(content)
    return seen


def test_forms_name_every_key_the_schema_reads(small_content, monkeypatch):
    read = keys_read(monkeypatch, small_content)
    s = site(small_content)
    m = s.municipalities[0]
    parties = cmsforms.Parties.of(m)
    promise = m.periods[0].promises[0]
    forms = {"update": cmsforms.update(promise, parties),
             "promise": cmsforms.promise(parties, (), True),
             "period": cmsforms.period(parties), "municipality": cmsforms.municipality()}
    for kind, form in forms.items():
        named = {f["name"] for f in form} - {"body"}
        assert named == read[kind], kind


def test_choices_come_from_the_status_vocabulary(monkeypatch):
    assert [v for v, _ in cmsforms.status_options()] == list(statuses.PROGRESS_KEYS)
    assert [v for v, _ in cmsforms.status_options("verdict")] == list(statuses.VERDICT_KEYS)
    renamed = tuple(statuses.Status(s.key.replace("pågår", "i gång"), s.kind, s.symbol, s.tone,
                                    {"sv": s.label["sv"].replace("Pågår", "I gång")}, s.definition)
                    for s in statuses.PROGRESS)
    monkeypatch.setattr(statuses, "PROGRESS", renamed)
    assert ("i gång", "◐ I gång – Arbetet pågår enligt plan.") in cmsforms.status_options()


def test_goal_ids_and_parties_are_the_promises_own(small_content):
    m = site(small_content).municipalities[0]
    park = next(p for p in m.periods[0].promises if p.slug == "trygg-park")
    form = {f["name"]: f for f in cmsforms.update(park, cmsforms.Parties.of(m))}
    goals = [o["value"] for o in form["progress"]["fields"][0]["options"]]
    assert goals == [i.id for i in park.indicators]
    actors = [o["value"] for o in form["actor_status"]["fields"][0]["options"]]
    assert actors == [a.actor for a in park.actors]
    earlier = [o["value"] for o in form["corrects"]["fields"][0]["options"]]
    assert earlier == [u.slug for u in park.updates]


@pytest.mark.parametrize("value, ok", [("https://example.org/a", True), ("HTTPS://EXAMPLE.ORG", True),
                                       ("mailto:a@b.se", True), ("/sida/", True), ("javascript:alert(1)", False),
                                       ("www.example.org", False)])
def test_url_pattern_is_the_builds(value, ok):
    """The form's link rule, run as JavaScript would (no flags), agrees with the build's."""
    import re
    js = cmsforms.url("url", "Länk")["pattern"][0]
    assert bool(re.match(js, value)) is ok is bool(schema_fields.SAFE_URL_RE.match(value))


def unknown_everywhere(form: list[dict], day: dt.date, note: bool, choose: dict | None = None) -> dict:
    """The form filled in with every field that may be `okänt` saved as the editor saves it."""
    def fill(field):
        if field["widget"] == "lofte-okant":
            return {"okänt": f"Källan säger inget om {field['name']}."} if note else "okänt"
        if field["widget"] == "object":
            return {c["name"]: fill(c) for c in field["fields"]}
        if field["widget"] == "list" and "fields" in field:
            return [{c["name"]: fill(c) for c in field["fields"]}]
        return sample(field, {"kind": "count", **(choose or {})}, day)
    data = {f["name"]: fill(f) for f in form if f["name"] != "body"}
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("note", [False, True])
def test_the_forms_can_mark_every_unknown_field(small_content, note):
    """Every field the editor offers "Anges inte i källan" for is read as okänt by the build."""
    s = site(small_content)
    m = s.municipalities[0]
    parties = cmsforms.Parties.of(m)
    day = dt.date(2025, 6, 1)
    promise = unknown_everywhere(cmsforms.promise(parties, (), False), day, note)
    assert promise["indicators"] != [] and promise["actors"][0]["responsible"]
    new = small_content / PERIOD / "ny" / "index.md"
    new.parent.mkdir()
    new.write_text("---\n" + yaml.safe_dump(promise, allow_unicode=True) + "---\nText.\n", encoding="utf-8")
    period = unknown_everywhere(cmsforms.period(parties), day, note)
    later = small_content / "storby" / "odaterad" / "lofte.yaml"
    later.parent.mkdir()
    later.write_text(yaml.safe_dump(period, allow_unicode=True), encoding="utf-8")
    kommun = small_content / "storby" / "kommun.yaml"
    kommun.write_text(yaml.safe_dump(unknown_everywhere(
        [f for f in cmsforms.municipality() if f["name"] != "logo"], day, note, {"id": "bostadsbolaget"}),
        allow_unicode=True), encoding="utf-8")
    assert content_errors(small_content) == []
    built = site(small_content).municipalities[0]
    made = next(p for p in built.periods if p.slug == "odaterad")
    ny = next(p for p in built.periods if p.slug == "2025").promises
    ny = next(p for p in ny if p.slug == "ny")
    expected = Unknown("Källan säger inget om {}.") if note else Unknown()
    for value, name in ((built.police_area, "police_area"), (made.start, "start"), (made.signatories, "signatories"),
                        (made.feedback_plan, "feedback_plan"), (made.promises_unknown, "promises"),
                        (ny.indicators_unknown, "indicators"), (ny.actors[0].responsible, "responsible"),
                        (ny.activities, "activities")):
        assert value == Unknown(expected.note.format(name)), name


# -- the field helpers (lofte/outputs/cmsfields.py) ---------------------------------------------------

def test_a_case_insensitive_pattern_is_spelled_out_for_javascript():
    js, message = cmsfields.pattern(re.compile(r"^ab\d[a-z]x\Z", re.I), "Fel.")
    # letters become [aA]; escapes (\d) and classes ([a-z]) stay; Python's \Z is JavaScript's $
    assert (js, message) == (r"^[aA][bB]\d[a-z][xX]$", "Fel.")
    assert cmsfields.pattern(re.compile(r"^a\Z"), "m")[0] == "^a$"  # no flag: left alone


def test_slug_and_length_patterns_accept_and_refuse_what_the_build_does():
    rule, message = cmsfields.slug("slug", "Adress", "t.ex. trygg-centrum", ("admin", "api"))["pattern"]
    assert message.startswith("Bara små bokstäver a–z, siffror och bindestreck")
    assert [bool(re.match(rule, s)) for s in ("trygg-centrum", "admin", "api", "admin2", "Trygg", "a--b")] == [
        True, False, False, True, False, False]
    limit, text = cmsfields.max_length(5)
    assert text == "Högst 5 tecken."
    assert re.match(limit, "ab\ncd") and not re.match(limit, "abcdef")


def test_optional_groups_make_children_optional_and_unknowable_keeps_the_widget():
    child = cmsfields.string("value", "Värde", required=True)
    assert cmsfields.group("target", "Mål", [child])["fields"][0]["required"] is False
    assert cmsfields.group("target", "Mål", [child], required=True)["fields"][0]["required"] is True
    end = cmsfields.unknowable(cmsfields.date("end", "Slutdatum", hint="Sista dagen."))
    assert (end["widget"], end["inner"], end["format"]) == ("lofte-okant", "datetime", "YYYY-MM-DD")
    assert end["hint"] == "Sista dagen. " + cmsfields.UNKNOWN_HINT
    assert cmsfields.boolean("example", "Exempel") == {"name": "example", "label": "Exempel", "widget": "boolean",
                                                        "required": False, "default": False}
