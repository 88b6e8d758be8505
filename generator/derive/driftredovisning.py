"""The driftredovisning (RKR R14): netto, avvikelse and totals of each verksamhet."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import DR, DRIFT, Key
from ..model import Arsfil
from ..slug import unique_slugs
from .report import ZERO, Figures

FIELDS = ("intakt", "kostnad", "netto", "budget", "avvikelse", "netto_fjol")
_TOTALS: dict[str, Key] = {"intakt": DR.summa_intakt, "kostnad": DR.summa_kostnad, "netto": DR.summa_netto,
                           "budget": DR.summa_budget, "netto_fjol": DR.summa_netto_fjol}


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


def _last_year(fjol: Arsfil | None) -> tuple[dict[str, Decimal], dict[str, str]]:
    netto: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    if fjol is not None and fjol.driftredovisning is not None:
        rows = fjol.driftredovisning.verksamheter
        for v, key in zip(rows, unique_slugs([v.namn for v in rows]), strict=True):
            netto[key] = v.intakt + v.kostnad
            names[key] = v.namn
    return netto, names


def derive_driftredovisning(arsfil: Arsfil, fjol: Arsfil | None) -> tuple[list[DriftRad], Figures]:
    if arsfil.driftredovisning is None:
        return [], {}
    prev_netto, prev_names = _last_year(fjol)
    rows = []
    verksamheter = arsfil.driftredovisning.verksamheter
    for v, key in zip(verksamheter, unique_slugs([v.namn for v in verksamheter]), strict=True):
        netto = v.intakt + v.kostnad
        avvikelse = netto - v.budget if v.budget is not None else None
        rows.append(DriftRad(v.namn, key, v.intakt, v.kostnad, netto, v.budget, avvikelse, prev_netto.pop(key, None)))
    for key, netto in prev_netto.items():  # last year's rows that ended
        rows.append(DriftRad(prev_names[key], key, None, None, None, None, None, netto))
    f: Figures = {DRIFT(r.key, name): value for r in rows for name in FIELDS
                  if (value := getattr(r, name)) is not None}
    for name, total in _TOTALS.items():
        values = [value for r in rows if (value := getattr(r, name)) is not None]
        if values:  # a column nobody filled in has no total, not a total of 0
            f[total] = sum(values, ZERO)
    if DR.summa_budget in f:
        f[DR.summa_avvikelse] = f[DR.summa_netto] - f[DR.summa_budget]
    return rows, f
