"""The driftredovisning (RKR R14): netto, avvikelse and totals of each verksamhet.

With `finansiella_poster: ja` a row Finansiella poster is derived from the
resultaträkning's finansiella intäkter and kostnader, so the verksamheter add up to
verksamhetens resultat and the table still ends at årets resultat. Memo rows
(`minnesposter`) show a derived figure named by its key, never a typed one.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import DR, DRIFT, MINNESPOST, RR, Key
from ..model import Arsfil
from ..slug import unique_slugs
from .report import ZERO, Figures

FIELDS = ("intakt", "kostnad", "netto", "budget", "avvikelse", "netto_fjol", "intakt_fjol", "kostnad_fjol")
_TOTALS: dict[str, Key] = {"intakt": DR.summa_intakt, "kostnad": DR.summa_kostnad, "netto": DR.summa_netto,
                           "budget": DR.summa_budget, "netto_fjol": DR.summa_netto_fjol,
                           "intakt_fjol": DR.summa_intakt_fjol, "kostnad_fjol": DR.summa_kostnad_fjol}
FINANSIELLA_POSTER = "Finansiella poster"
_RESERVED = ("finansiella_poster",)  # the derived row's slug


@dataclass(frozen=True)
class DriftRad:
    namn: str
    key: str  # the verksamhet's slug
    intakt: Decimal | None
    kostnad: Decimal | None
    netto: Decimal | None
    budget: Decimal | None
    avvikelse: Decimal | None  # netto − budget: positive is better than budget
    netto_fjol: Decimal | None
    intakt_fjol: Decimal | None = None
    kostnad_fjol: Decimal | None = None
    harledd: bool = False  # derived from the resultaträkning (finansiella poster), not entered


@dataclass(frozen=True)
class Minnesrad:
    text: str
    key: str
    netto: Decimal | None
    budget: Decimal | None
    avvikelse: Decimal | None
    netto_fjol: Decimal | None


def _rows_of(arsfil: Arsfil | None, figures: Figures) -> dict[str, tuple[str, Decimal, Decimal]]:
    """A year's rows by slug: name, intäkt, kostnad; finansiella poster from its resultaträkning."""
    if arsfil is None or arsfil.driftredovisning is None:
        return {}
    rows = arsfil.driftredovisning.verksamheter
    out = {key: (v.namn, v.intakt, v.kostnad)
           for v, key in zip(rows, unique_slugs([v.namn for v in rows], _RESERVED), strict=True)}
    if arsfil.driftredovisning.finansiella_poster:
        out["finansiella_poster"] = (FINANSIELLA_POSTER, figures.get(RR.finansiella_intakter, ZERO),
                                     figures.get(RR.finansiella_kostnader, ZERO))
    return out


def derive_driftredovisning(arsfil: Arsfil, fjol: Arsfil | None, figures: Figures | None = None,
                            before: Figures | None = None) -> tuple[list[DriftRad], Figures]:
    """The rows and figures; `figures`/`before` are this and last year's, for finansiella poster."""
    if arsfil.driftredovisning is None:
        return [], {}
    prev = _rows_of(fjol, before or {})
    budgets = {key: v.budget for v, key in zip(arsfil.driftredovisning.verksamheter, unique_slugs(
        [v.namn for v in arsfil.driftredovisning.verksamheter], _RESERVED), strict=True)}
    rows = []
    for key, (namn, intakt, kostnad) in _rows_of(arsfil, figures or {}).items():
        netto, budget = intakt + kostnad, budgets.get(key)
        last = prev.pop(key, None)
        rows.append(DriftRad(namn, key, intakt, kostnad, netto, budget,
                             netto - budget if budget is not None else None,
                             last[1] + last[2] if last else None, last[1] if last else None,
                             last[2] if last else None, key == "finansiella_poster"))
    for key, (namn, intakt, kostnad) in prev.items():  # last year's rows that ended
        rows.append(DriftRad(namn, key, None, None, None, None, None, intakt + kostnad, intakt, kostnad))
    return rows, _figures(rows)


def _figures(rows: list[DriftRad]) -> Figures:
    f: Figures = {DRIFT(r.key, name): value for r in rows for name in FIELDS
                  if (value := getattr(r, name)) is not None}
    for name, total in _TOTALS.items():
        values = [value for r in rows if (value := getattr(r, name)) is not None]
        if values:  # a column nobody filled in has no total, not a total of 0
            f[total] = sum(values, ZERO)
    if DR.summa_budget in f:
        f[DR.summa_avvikelse] = f[DR.summa_netto] - f[DR.summa_budget]
    return f


def derive_minnesposter(arsfil: Arsfil, figures: dict[int, Figures]) -> tuple[list[Minnesrad], Figures]:
    """Each memo row's figure by its key (this year and last), its budget and avvikelse."""
    drift = arsfil.driftredovisning
    if drift is None or not drift.minnesposter:
        return [], {}
    rows = []
    for m, key in zip(drift.minnesposter, unique_slugs([m.text for m in drift.minnesposter]), strict=True):
        netto = figures.get(arsfil.ar, {}).get(m.nyckel)
        rows.append(Minnesrad(m.text, key, netto, m.budget,
                              netto - m.budget if netto is not None and m.budget is not None else None,
                              figures.get(arsfil.ar - 1, {}).get(m.nyckel)))
    f: Figures = {MINNESPOST(r.key, name): v for r in rows for name in ("netto", "budget", "avvikelse", "netto_fjol")
                  if (v := getattr(r, name)) is not None}
    return rows, f
