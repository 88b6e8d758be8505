"""The balanskravsresultat (11 kap. LKBR, 11 kap. 12 § KL) and deficits left to restore.

From 2024 the resultatutjämningsreserv is a resultatreserv (prop. 2022/23:119): a year's
figures carry the name of its own year. In a report whose year is 2024 or later and whose
comparison year is earlier, the comparison year's reserve figures are exported under the
report year's names, so the balance sheet shows one line "Resultatreserv" with both years
(the reserve is the same money; only the law's name for it changed).

Deficits: each carried deficit (`tidigare_underskott`, negative) and this year's, if the
balanskravsresultat is negative, is a row of the table of deficits. A positive result
restores the oldest deficit first. The part of this year's deficit that the board decided
not to restore (`aterstalls_inte`, synnerliga skäl) is its own column and is not in what
remains to restore.
"""
from __future__ import annotations

from decimal import Decimal

from ..keys import BK, BR, UNDERSKOTT, Key
from ..model import Arsfil
from ..rules import RESULTATRESERV_FRAN
from .report import ZERO, Figures

# The reserve's keys before 2024 → from 2024.
_NEW_NAME: dict[str, str] = {BR.resultatutjamningsreserv: BR.resultatreserv,
             BK.till_resultatutjamningsreserv: BK.till_resultatreserv,
             BK.fran_resultatutjamningsreserv: BK.fran_resultatreserv}


def reserv_keys(year: int) -> tuple[Key, Key, Key]:
    """The balance-sheet line, and the balanskravsresultat's to/from lines, as named in `year`."""
    if year >= RESULTATRESERV_FRAN:
        return BR.resultatreserv, BK.till_resultatreserv, BK.fran_resultatreserv
    return BR.resultatutjamningsreserv, BK.till_resultatutjamningsreserv, BK.fran_resultatutjamningsreserv


def as_key_of_report(key: str, report_year: int) -> str:
    """A comparison year's key as the report of `report_year` exports it (the reserve renamed from 2024)."""
    return _NEW_NAME.get(key, key) if report_year >= RESULTATRESERV_FRAN else key


def as_named_in(figures: Figures, year: int) -> Figures:
    """A comparison year's figures (a copy) with the reserve under the names of report year `year`."""
    if year < RESULTATRESERV_FRAN:
        return dict(figures)
    return {_NEW_NAME.get(k, k): v for k, v in figures.items()}


def reserv_i_balansrakningen(arsfil: Arsfil) -> Decimal:
    """The reserve as entered, under whichever name (check reports a name from the wrong year)."""
    br = arsfil.balansrakning
    value = br.resultatreserv if br.resultatreserv is not None else br.resultatutjamningsreserv
    return value or ZERO


def derive_balanskravsresultat(arsfil: Arsfil, arets_resultat: Decimal) -> Figures:
    bk = arsfil.balanskrav
    adjustments: Figures = {BK.arets_resultat: arets_resultat,
                            BK.samtliga_realisationsvinster: -bk.samtliga_realisationsvinster,
                            BK.realisationsvinster_undantag: bk.realisationsvinster_undantag,
                            BK.realisationsforluster_undantag: bk.realisationsforluster_undantag,
                            BK.orealiserade_vinster_forluster: -bk.orealiserade_vinster_forluster,
                            BK.aterforing_orealiserade: bk.aterforing_orealiserade}
    f: Figures = dict(adjustments)
    f[BK.resultat_efter_balanskravsjusteringar] = sum(adjustments.values(), ZERO)
    _, till, fran = reserv_keys(arsfil.ar)
    f[till] = -(bk.till_resultatreserv or bk.till_resultatutjamningsreserv)
    f[fran] = bk.fran_resultatreserv or bk.fran_resultatutjamningsreserv
    result = f[BK.resultat_efter_balanskravsjusteringar] + f[till] + f[fran]
    f[BK.arets_balanskravsresultat] = result
    f.update(_underskott(arsfil, result))
    return f


def aterstalls_inte(arsfil: Arsfil, result: Decimal) -> Decimal | None:
    """The part of this year's deficit the board decided not to restore, negative; None without a decision.

    Check refuses an amount outside the deficit; derive keeps it within so nothing else goes wrong.
    """
    beslut = arsfil.balanskrav.aterstalls_inte
    if beslut is None:
        return None
    deficit = min(result, ZERO)
    wanted = deficit if beslut.belopp is None else beslut.belopp
    return max(min(wanted, ZERO), deficit)


def _underskott(arsfil: Arsfil, result: Decimal) -> Figures:
    """The table of deficits: carried ones oldest first, then this year's; restored, not restored, left."""
    f: Figures = {}
    carried = sorted(arsfil.balanskrav.tidigare_underskott.items())
    available = max(result, ZERO)
    not_restored = aterstalls_inte(arsfil, result)
    # The column of what is not restored exists only where the board decided so.
    fields = ("belopp", "aterstallt") + (("aterstalls_inte",) if not_restored is not None else ()) + ("kvar",)
    totals = dict.fromkeys(fields, ZERO)
    rows: list[tuple[str, dict[str, Decimal]]] = []
    for year, amount in carried:
        restored = min(available, -amount) if amount < 0 else ZERO
        available -= restored
        rows.append((str(year), {"belopp": amount, "aterstallt": restored, "aterstalls_inte": ZERO,
                                 "kvar": amount + restored}))
    if result < 0:
        rows.append((str(arsfil.ar), {"belopp": result, "aterstallt": ZERO, "aterstalls_inte": not_restored or ZERO,
                                      "kvar": result - (not_restored or ZERO)}))
    for name, values in rows:
        for field in fields:
            f[UNDERSKOTT(name, field)] = values[field]
            totals[field] += values[field]
    if rows:
        f.update({UNDERSKOTT("summa", field): totals[field] for field in fields})
    f[BK.tidigare_underskott] = sum((amount for _, amount in carried), ZERO)
    f[BK.aterstallt] = totals["aterstallt"]
    if not_restored is not None:
        f[BK.aterstalls_inte] = not_restored
    f[BK.underskott_att_aterstalla] = totals["kvar"]
    return f
