"""The kinds of origin a promise or period may give (`origins[].kind`): a fixed vocabulary,
with the word residents read in each UI language."""
from __future__ import annotations

ORIGIN_KINDS = {
    "medborgardialog": {"sv": "Medborgardialog", "en": "Citizen dialogue"},
    "medarbetardialog": {"sv": "Medarbetardialog", "en": "Staff dialogue"},
    "enkät": {"sv": "Enkät", "en": "Survey"},
    "statistik": {"sv": "Statistik", "en": "Statistics"},
    "lägesbild": {"sv": "Lägesbild", "en": "Situation picture"},
    "samverkansöverenskommelse": {"sv": "Samverkansöverenskommelse", "en": "Cooperation agreement"},
    "analys": {"sv": "Analys", "en": "Analysis"},
    "annat": {"sv": "Annat", "en": "Other"},
}
