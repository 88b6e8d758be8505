"""Resultaträkning, balansräkning and kassaflödesanalys of one year, as figures.

Each statement is derived from the lines entered once: totals, the balance sheet's årets
resultat and eget kapital, and the whole cash-flow analysis (indirect method, RKR R13).
"""
from __future__ import annotations

from decimal import Decimal

from ..keys import BR, KF, RR
from ..model import Arsfil, Historik, Linje
from .balanskrav import reserv_i_balansrakningen, reserv_keys
from .noter import line_amount
from .report import ZERO, Figures


def _sum(*values: Decimal | None) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


def derive_resultatrakning(arsfil: Arsfil) -> Figures:
    rr = arsfil.resultatrakning
    medlemsavgifter = sum(arsfil.medlemsavgifter.values(), ZERO)
    f: Figures = {RR.medlemsavgifter: medlemsavgifter}
    f[RR.verksamhetens_intakter] = medlemsavgifter + (line_amount(rr.verksamhetens_intakter) or ZERO)
    f[RR.verksamhetens_kostnader] = line_amount(rr.verksamhetens_kostnader) or ZERO
    f[RR.avskrivningar] = line_amount(rr.avskrivningar) or ZERO
    f[RR.verksamhetens_nettokostnader] = _sum(f[RR.verksamhetens_intakter], f[RR.verksamhetens_kostnader],
                                              f[RR.avskrivningar])
    # A förbund has no skatteintäkter or generella statsbidrag: verksamhetens resultat
    # equals its nettokostnader.
    f[RR.verksamhetens_resultat] = f[RR.verksamhetens_nettokostnader]
    f[RR.finansiella_intakter] = line_amount(rr.finansiella_intakter) or ZERO
    f[RR.finansiella_kostnader] = line_amount(rr.finansiella_kostnader) or ZERO
    f[RR.resultat_efter_finansiella_poster] = _sum(f[RR.verksamhetens_resultat], f[RR.finansiella_intakter],
                                                   f[RR.finansiella_kostnader])
    f[RR.extraordinara_poster] = line_amount(rr.extraordinara_poster) or ZERO
    f[RR.arets_resultat] = f[RR.resultat_efter_finansiella_poster] + f[RR.extraordinara_poster]
    return f


# The balance-sheet lines a year file may enter, as amounts or with a note.
BR_LINES = (BR.immateriella_anlaggningstillgangar, BR.maskiner_och_inventarier, BR.finansiella_anlaggningstillgangar,
            BR.forrad, BR.fordringar, BR.kortfristiga_placeringar, BR.kassa_och_bank, BR.avsattningar_pensioner,
            BR.andra_avsattningar, BR.langfristiga_skulder, BR.kortfristiga_skulder, BR.ansvarsforbindelser)


def field_of(key: str) -> str:
    """The model field a statement key names: `balansrakning.forrad` → `forrad`."""
    return key.split(".", 1)[1]


def derive_balansrakning(arsfil: Arsfil, arets_resultat: Decimal, opening_equity: Decimal | None) -> Figures:
    br = arsfil.balansrakning
    f: Figures = {}
    for key in BR_LINES:
        linje: Linje | None = getattr(br, field_of(key))
        f[key] = line_amount(linje) or ZERO
    f[BR.summa_materiella_anlaggningstillgangar] = f[BR.maskiner_och_inventarier]
    f[BR.summa_anlaggningstillgangar] = _sum(f[BR.immateriella_anlaggningstillgangar], f[BR.maskiner_och_inventarier],
                                             f[BR.finansiella_anlaggningstillgangar])
    f[BR.summa_omsattningstillgangar] = _sum(f[BR.forrad], f[BR.fordringar], f[BR.kortfristiga_placeringar],
                                             f[BR.kassa_och_bank])
    f[BR.summa_tillgangar] = f[BR.summa_anlaggningstillgangar] + f[BR.summa_omsattningstillgangar]
    f[BR.arets_resultat] = arets_resultat
    reserve = reserv_keys(arsfil.ar)[0]
    f[reserve] = reserv_i_balansrakningen(arsfil)
    f[BR.summa_avsattningar] = f[BR.avsattningar_pensioner] + f[BR.andra_avsattningar]
    f[BR.summa_skulder] = f[BR.langfristiga_skulder] + f[BR.kortfristiga_skulder]
    if opening_equity is not None:
        # Övrigt eget kapital is what last year's equity was, less what sits in the reserve.
        f[BR.ovrigt_eget_kapital] = opening_equity - f[reserve]
        f[BR.summa_eget_kapital] = opening_equity + arets_resultat
        f[BR.summa_eget_kapital_avsattningar_och_skulder] = (f[BR.summa_eget_kapital] + f[BR.summa_avsattningar]
                                                              + f[BR.summa_skulder])
    return f


def balance_from_history(h: Historik) -> Figures:
    """The figures a compact history block gives, under the same keys as a year file's."""
    pairs = {
        BR.summa_anlaggningstillgangar: h.anlaggningstillgangar, BR.forrad: h.forrad, BR.fordringar: h.fordringar,
        BR.kortfristiga_placeringar: h.kortfristiga_placeringar, BR.kassa_och_bank: h.kassa_och_bank,
        BR.summa_avsattningar: h.avsattningar, BR.langfristiga_skulder: h.langfristiga_skulder,
        BR.kortfristiga_skulder: h.kortfristiga_skulder, BR.summa_eget_kapital: h.eget_kapital,
        BR.summa_tillgangar: h.summa_tillgangar, RR.arets_resultat: h.arets_resultat,
        RR.verksamhetens_intakter: h.verksamhetens_intakter, RR.verksamhetens_kostnader: h.verksamhetens_kostnader,
    }
    f: Figures = {key: value for key, value in pairs.items() if value is not None}
    if h.summa_tillgangar is None and h.kassa_och_bank is not None:
        f[BR.summa_tillgangar] = _sum(h.anlaggningstillgangar, h.forrad, h.fordringar, h.kortfristiga_placeringar,
                                      h.kassa_och_bank)
    return f


# Last year's balances the cash-flow analysis cannot do without; the others (förråd,
# placeringar …) count as 0 when a history block leaves them out.
OPENING_REQUIRED = (BR.fordringar, BR.kassa_och_bank, BR.kortfristiga_skulder)


def derive_kassaflodesanalys(arsfil: Arsfil, now: Figures, before: Figures) -> Figures:
    """Indirect method (RKR R13) from the income statement, both balance sheets and investments."""
    inv = arsfil.investeringar
    f: Figures = {KF.arets_resultat: now[RR.arets_resultat], KF.avskrivningar: -now[RR.avskrivningar]}
    f[KF.forandring_avsattningar] = now.get(BR.summa_avsattningar, ZERO) - before.get(BR.summa_avsattningar, ZERO)
    f[KF.realisationsresultat] = -inv.realisationsresultat
    f[KF.justering_ej_likviditetspaverkande_poster] = (f[KF.avskrivningar] + f[KF.forandring_avsattningar]
                                                       + f[KF.realisationsresultat])
    f[KF.medel_fore_forandring_av_rorelsekapital] = (f[KF.arets_resultat]
                                                     + f[KF.justering_ej_likviditetspaverkande_poster])
    f[KF.forandring_forrad] = before.get(BR.forrad, ZERO) - now.get(BR.forrad, ZERO)
    f[KF.forandring_kortfristiga_fordringar] = before.get(BR.fordringar, ZERO) - now.get(BR.fordringar, ZERO)
    f[KF.forandring_kortfristiga_skulder] = (now.get(BR.kortfristiga_skulder, ZERO)
                                             - before.get(BR.kortfristiga_skulder, ZERO))
    f[KF.kassaflode_fran_den_lopande_verksamheten] = (
        f[KF.medel_fore_forandring_av_rorelsekapital] + f[KF.forandring_forrad]
        + f[KF.forandring_kortfristiga_fordringar] + f[KF.forandring_kortfristiga_skulder])
    f[KF.investeringar] = -inv.investeringar
    f[KF.forsaljningar] = inv.forsaljningar
    f[KF.kassaflode_fran_investeringsverksamheten] = f[KF.investeringar] + f[KF.forsaljningar]
    f[KF.forandring_langfristiga_skulder] = (now.get(BR.langfristiga_skulder, ZERO)
                                             - before.get(BR.langfristiga_skulder, ZERO))
    f[KF.kassaflode_fran_finansieringsverksamheten] = f[KF.forandring_langfristiga_skulder]
    f[KF.arets_kassaflode] = (f[KF.kassaflode_fran_den_lopande_verksamheten]
                              + f[KF.kassaflode_fran_investeringsverksamheten]
                              + f[KF.kassaflode_fran_finansieringsverksamheten])
    f[KF.likvida_medel_vid_arets_borjan] = (before.get(BR.kassa_och_bank, ZERO)
                                            + before.get(BR.kortfristiga_placeringar, ZERO))
    f[KF.likvida_medel_vid_arets_slut] = now.get(BR.kassa_och_bank, ZERO) + now.get(BR.kortfristiga_placeringar, ZERO)
    return f

