"""Reconciliation: the SIE file's own sums against the statements imported from it.

* The year's result: what the result accounts (#RES) say, against årets resultat as the
  report derives it from the imported year file.
* The balance: the balance accounts' closing balances (#UB) add up to nothing when the
  year's result is booked to eget kapital, or to the result when it is not; and eget
  kapital by the file (class 20 and that difference) equals eget kapital as the report
  derives it (last year's, plus the year's result).
* The opening balances (#IB) against last year's closing balances in last year's file,
  line by line, and eget kapital.

Each disagreement is an error at the SIE line where the first account of it stands.
"""
from __future__ import annotations

from decimal import Decimal

from ..figures import FigureTable
from ..findings import Finding, Pos, error
from .importer import ZERO, Utfall, first_pos, kronor
from .kontoplan import ASSETS, LIABILITIES, MEDLEMSAVGIFTER, Kontoplan
from .model import Saldo, Sie


def _sum(saldon: dict[str, Saldo]) -> Decimal:
    return sum((s.belopp for s in saldon.values()), ZERO)


def _first(saldon: dict[str, Saldo], fallback: Pos) -> Pos:
    return min((s.pos for s in saldon.values()), default=fallback)


def resultat_enligt_filen(sie: Sie, ut: Utfall) -> Decimal:
    """The year's result by the file: its result accounts turned over, less any closing entry (class 89)."""
    return -_sum(sie.res.get(0, {})) - ut.bokfort_resultat


def medlemsavgifter(sie: Sie, ut: Utfall, where: str) -> list[Finding]:
    if ut.medlemsavgifter:
        return []
    return [error("E-SIE-MEDLEM", f"inget konto går till {MEDLEMSAVGIFTER}: skriv en regel per medlem i {where} "
                  "(konto, till: medlemsavgifter, medlem: namnet som i forbund.yaml)",
                  _first(sie.res.get(0, {}), Pos(sie.path, 1, 1)))]


def balans(sie: Sie, ut: Utfall) -> tuple[Decimal, list[Finding]]:
    """Eget kapital by the file's closing balances, and an error when they do not add up."""
    ub = sie.ub.get(0, {})
    rest, result = _sum(ub), resultat_enligt_filen(sie, ut)
    if rest in (ZERO, result):
        return ut.eget_kapital + rest, []
    return ut.eget_kapital + rest, [error(
        "E-SIE-UB", f"balanskontonas #UB summerar till {kronor(rest)}; de ska summera till 0 (årets resultat "
        f"bokfört mot eget kapital) eller till årets resultat, {kronor(result)}: filen är ofullständig eller "
        "fel, exportera den igen", _first(ub, Pos(sie.path, 1, 1)))]


def mot_harlett(sie: Sie, ut: Utfall, plan: Kontoplan, after: FigureTable, year: int) -> list[Finding]:
    """The file's result and eget kapital against what the report derives from the imported file."""
    found = []
    result = resultat_enligt_filen(sie, ut)
    derived = after.get("resultatrakning.arets_resultat", {}).get(year)
    if derived is not None and derived != result:
        found.append(error("E-SIE-RES", f"resultatkontonas #RES ger årets resultat {kronor(result)}, men de "
                           f"importerade raderna ger {kronor(derived)}",
                           _first(sie.res.get(0, {}), Pos(sie.path, 1, 1))))
    equity, _ = balans(sie, ut)
    derived = after.get("balansrakning.summa_eget_kapital", {}).get(year)
    if derived is not None and derived != equity:
        found.append(error("E-SIE-UB", f"eget kapital enligt filens #UB är {kronor(equity)}, men fjolårets eget "
                           f"kapital och årets resultat ger {kronor(derived)}",
                           first_pos(ut, "eget_kapital", plan, _first(sie.ub.get(0, {}), Pos(sie.path, 1, 1)))))
    return found


def ingaende(sie: Sie, opening: Utfall, plan: Kontoplan, last: FigureTable, year: int) -> list[Finding]:
    """The file's #IB, line by line, against last year's closing balances (from last year's file)."""
    found = []
    fallback = _first(sie.ib.get(0, {}), Pos(sie.path, 1, 1))
    for name in ASSETS + LIABILITIES:
        key = f"balansrakning.{name}"
        then = last.get(key, {}).get(year - 1)
        now = opening.linje(key)
        if then is not None and then != now:
            found.append(error("E-SIE-IB", f"#IB för {name.replace('_', ' ')} är {kronor(now)}, men fjolårets fil "
                               f"säger {kronor(then)} vid årets slut", first_pos(opening, key, plan, fallback)))
    then = last.get("balansrakning.summa_eget_kapital", {}).get(year - 1)
    now = opening.eget_kapital + _sum(sie.ib.get(0, {}))
    if then is not None and then != now:
        found.append(error("E-SIE-IB", f"#IB för eget kapital är {kronor(now)}, men fjolårets fil säger {kronor(then)}",
                           first_pos(opening, "eget_kapital", plan, fallback)))
    return found
