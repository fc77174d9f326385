"""Units of measurement in words: singular and plural, Swedish and English.

Content writes a unit in the Swedish plural (`unit: möten`) and may give the
singular (`unit_one: möte`) and English names (in the promise's
`translations: en: indicators:`). Where it does not, these built-in lists of
common units keep "1 möten" and "4 möten a year" off the pages; `check` advises
adding `unit_one` for units not listed here.
"""
from __future__ import annotations

# Swedish plural → singular.
SINGULAR = {
    "möten": "möte", "tillfällen": "tillfälle", "dagar": "dag", "kvällar": "kväll", "nätter": "natt",
    "veckor": "vecka", "gånger": "gång", "vandringar": "vandring", "trygghetsvandringar": "trygghetsvandring",
    "kontroller": "kontroll", "hastighetskontroller": "hastighetskontroll", "insatser": "insats",
    "aktiviteter": "aktivitet", "träffar": "träff", "dialoger": "dialog", "medborgardialoger": "medborgardialog",
    "platser": "plats", "personer": "person", "deltagare": "deltagare", "timmar": "timme",
    "utbildningar": "utbildning", "kameror": "kamera", "skolor": "skola", "patrulleringar": "patrullering",
    "besök": "besök", "procent": "procent", "st": "st", "procentenheter": "procentenhet",
    "anmälningar": "anmälan", "brott": "brott", "ärenden": "ärende", "informationsträffar": "informationsträff",
    "dialogmöten": "dialogmöte", "samtal": "samtal", "föräldravandringar": "föräldravandring",
    "nattvandringar": "nattvandring", "kurser": "kurs", "lampor": "lampa", "ungdomar": "ungdom",
    "elever": "elev", "föreningar": "förening", "butiker": "butik", "fastigheter": "fastighet",
}

# Swedish plural → English (singular, plural).
ENGLISH = {
    "möten": ("meeting", "meetings"), "tillfällen": ("occasion", "occasions"), "dagar": ("day", "days"),
    "kvällar": ("evening", "evenings"), "nätter": ("night", "nights"), "veckor": ("week", "weeks"),
    "gånger": ("time", "times"), "vandringar": ("walk", "walks"),
    "trygghetsvandringar": ("safety walk", "safety walks"), "kontroller": ("check", "checks"),
    "hastighetskontroller": ("speed check", "speed checks"), "insatser": ("operation", "operations"),
    "aktiviteter": ("activity", "activities"), "träffar": ("meeting", "meetings"),
    "dialoger": ("dialogue", "dialogues"), "medborgardialoger": ("citizen dialogue", "citizen dialogues"),
    "platser": ("place", "places"), "personer": ("person", "people"), "deltagare": ("participant", "participants"),
    "timmar": ("hour", "hours"), "utbildningar": ("training course", "training courses"),
    "kameror": ("camera", "cameras"), "skolor": ("school", "schools"), "patrulleringar": ("patrol", "patrols"),
    "besök": ("visit", "visits"), "procent": ("per cent", "per cent"), "st": ("", ""),
    "procentenheter": ("percentage point", "percentage points"), "anmälningar": ("report", "reports"),
    "brott": ("offence", "offences"), "ärenden": ("case", "cases"),
    "informationsträffar": ("information meeting", "information meetings"),
    "dialogmöten": ("dialogue meeting", "dialogue meetings"), "samtal": ("conversation", "conversations"),
    "föräldravandringar": ("parents' walk", "parents' walks"), "nattvandringar": ("night walk", "night walks"),
    "kurser": ("course", "courses"), "lampor": ("lamp", "lamps"), "ungdomar": ("young person", "young people"),
    "elever": ("pupil", "pupils"), "föreningar": ("association", "associations"), "butiker": ("shop", "shops"),
    "fastigheter": ("property", "properties"),
}


def known_singular(unit: str, unit_one: str = "") -> bool:
    """Can the singular of `unit` be written without asking the content?"""
    return bool(unit_one) or unit in SINGULAR or unit in SINGULAR.values()
