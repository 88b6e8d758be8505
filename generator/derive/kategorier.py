"""Cost per category (individinriktad, strukturövergripande, drift och administration).

A category's utfall is the sum of its insatser's utfall, and drift och administration is
what the insatser did not use of verksamhetens kostnader (seeds/000 §1.6).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import IN
from ..texts import DRIFT_OCH_ADMINISTRATION, KATEGORI
from .insatser import InsatsResultat, share
from .report import ZERO, Figures


@dataclass(frozen=True)
class Kategori:
    key: str  # individinriktad, strukturovergripande, drift_och_administration
    namn: str
    utfall: Decimal
    budget: Decimal | None
    andel: Decimal | None  # of verksamhetens kostnader


def derive_kategorier(results: list[InsatsResultat], verksamhetens_kostnader: Decimal) -> list[Kategori]:
    """Cost per category and its share of verksamhetens kostnader (seeds/000 §1.6).

    Drift och administration is what the insatser did not use: verksamhetens kostnader
    less every insats's utfall.
    """
    total_cost = -verksamhetens_kostnader
    out = []
    used = ZERO
    for key, namn in KATEGORI.items():
        mine = [r for r in results if r.insats.kategori == key]
        if not mine:
            continue
        utfall = sum((r.utfall or ZERO for r in mine), ZERO)
        budgets = [r.budget for r in mine if r.budget is not None]
        used += utfall
        out.append(Kategori(key, namn, utfall, sum(budgets, ZERO) if budgets else None, share(utfall, total_cost)))
    if out:
        rest = total_cost - used
        out.append(Kategori("drift_och_administration", DRIFT_OCH_ADMINISTRATION, rest, None, share(rest, total_cost)))
    return out


def kategori_figures(categories: list[Kategori]) -> Figures:
    f: Figures = {}
    for c in categories:
        f[IN.kategori(c.key, "utfall")] = c.utfall
        if c.andel is not None:
            f[IN.kategori(c.key, "andel_av_kostnaderna")] = c.andel
        if c.budget is not None:
            f[IN.kategori(c.key, "budget")] = c.budget
    return f
