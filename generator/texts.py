"""Display texts: the Swedish words the report shows for the model's choices.

The model holds choices as stable ASCII values (`uppnatt`, `individinriktad`); what a
reader sees for each is decided here, once.
"""
from __future__ import annotations

MAL_STATUS = {
    "uppnatt": "Uppnått",
    "delvis_uppnatt": "Delvis uppnått",
    "ej_uppnatt": "Ej uppnått",
    "kan_ej_matas": "Kan ej mätas",
}

# The categories of the national follow-up, in the order the report shows them.
KATEGORI = {
    "individinriktad": "Individinriktade insatser",
    "strukturovergripande": "Strukturövergripande insatser",
}
DRIFT_OCH_ADMINISTRATION = "Drift och administration"

ENHET = {"kr": "Belopp i kr", "tkr": "Belopp i tkr", "mnkr": "Belopp i mnkr"}

# Standard sections of the report with their headings, in the order of the report.
AVSNITT = {
    "ordforanden_har_ordet": "Ordföranden har ordet",
    "organisation": "Organisation",
    "uppdrag": "Uppdrag",
    "finansiering": "Finansiering",
    "verksamhetside_och_vision": "Verksamhetsidé och vision",
    "oversikt": "Översikt över verksamhetens utveckling",
    "viktiga_forhallanden": "Viktiga förhållanden för resultat och ekonomisk ställning",
    "vasentliga_handelser": "Händelser av väsentlig betydelse",
    "styrning_och_uppfoljning": "Styrning och uppföljning av verksamheten",
    "god_ekonomisk_hushallning": "God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning",
    "uppfoljning_av_insatser": "Uppföljning av insatser",
    "balanskravsresultat": "Balanskravsresultat",
    "personalforhallanden": "Väsentliga personalförhållanden",
    "forvantad_utveckling": "Förväntad utveckling",
    "redovisningsprinciper": "Redovisningsprinciper",
}

# Shorter names people give the same sections in their Markdown.
AVSNITT_ALIAS = {
    "ordförande har ordet": "ordforanden_har_ordet",
    "finansiering/medlemsavgifter": "finansiering",
    "verksamhetsidé": "verksamhetside_och_vision",
    "händelser": "vasentliga_handelser",
    "intern kontroll": "styrning_och_uppfoljning",
    "personal": "personalforhallanden",
    "god ekonomisk hushållning": "god_ekonomisk_hushallning",
}
