"""The order in which a model object's keys are written in a file, where it is not the fields' order.

A dataclass lists its required fields before the ones with a default, so the model's
field order says more about Python than about reading: `verksamhetens_kostnader` (needed)
comes before `verksamhetens_intakter` (optional). The files are written in the order one
reads an annual report (intäkter before kostnader, the year and the signing first, a
table's settings before its rows), which is how the examples are written. An object not
named here, and a field not named in its entry, follow the model's field order (a field
not named comes after the named ones). tests/test_fmt.py checks that every name here is
a field of its class.
"""
from __future__ import annotations

ORDNING: dict[str, tuple[str, ...]] = {
    "Arsfil": ("ar", "styrelsens_beslut", "diarienummer", "underskrift", "antal_anstallda", "medlemsavgifter",
               "resultatrakning", "balansrakning", "investeringar", "noter", "driftredovisning", "balanskrav", "mal",
               "kategorier", "insatser", "strukturaktiviteter", "indikatormatning", "uppfoljning", "publicerat",
               "kontrollsummor"),
    "Underskrift": ("ort", "datum", "elektronisk", "ej_undertecknat", "beslut"),
    "Resultatrakning": ("verksamhetens_intakter", "verksamhetens_kostnader", "avskrivningar", "finansiella_intakter",
                        "finansiella_kostnader", "extraordinara_poster"),
    "Driftredovisning": ("enhet", "summa_text", "finansiella_poster", "jamforelse", "fotnoter", "minnesposter",
                         "verksamheter"),
    "Kontrollsummor": ("kalla", "enhet", "belopp"),
    "Balanskrav": ("styrelsens_forklaring", "samtliga_realisationsvinster", "realisationsvinster_undantag",
                   "realisationsforluster_undantag", "orealiserade_vinster_forluster", "aterforing_orealiserade",
                   "till_resultatutjamningsreserv", "fran_resultatutjamningsreserv", "till_resultatreserv",
                   "fran_resultatreserv", "tidigare_underskott", "aterstalls_inte"),
    "Mal": ("text", "status", "malvarden", "utfall", "utfall_enligt", "kommentar", "delmal"),
    "Insats": ("namn", "kategori", "budget", "driftredovisning", "projektagare", "syfte", "malgrupp", "mal",
               "kvantitativt_mal", "deltagare", "avslutade", "avslutade_med_stegforflyttning", "utfall",
               "utfall_enligt", "maluppfyllelse", "uppfoljning", "kommentar"),
    "Uppfoljningstabell": ("rubrik", "dimension", "totalt", "summeras", "rader", "kommentar"),
    "Indikatormatning": ("insats", "svarande", "svarsalternativ", "fragor"),
    "Publicerat": ("forklaring", "belopp"),
    "Forbund": ("namn", "organisationsnummer", "sate", "logotyp", "verksamhetside", "vision", "kontakt", "medlemmar",
                "styrelse", "ersattare", "revisorer", "installningar", "historik"),
    "Revisor": ("namn", "titel", "utsedd_av"),
    "Installningar": ("titel", "titel_bestamd", "revisorernas_patekning", "eget_kapital_tak", "signeringsrad",
                      "datumformat", "accentfarg", "not_eget_kapital", "aret_i_korthet"),
    "Historik": ("enhet", "foregangare", "definitioner", "verksamhetens_intakter", "verksamhetens_kostnader",
                 "arets_resultat", "eget_kapital", "summa_tillgangar", "soliditet", "anlaggningstillgangar", "forrad",
                 "fordringar", "kortfristiga_placeringar", "kassa_och_bank", "avsattningar", "langfristiga_skulder",
                 "kortfristiga_skulder", "antal_anstallda"),
}
