"""Cost per category (individinriktad, strukturövergripande, drift och administration).

A category's utfall is the total given for it under `kategorier:` in the year file, or
else the sum of its insatser's utfall when every one of them has an utfall; otherwise it
is unknown, and so are its share and drift och administration (what the insatser did
not use of verksamhetens kostnader, seeds/000 §1.6): missing is never zero. The figures
the follow-up tables show row by row (each aktivitet's deltagare, each question's share)
get their keys here too.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import AKTIVITET, FRAGA, IN
from ..model import Arsfil
from ..slug import unique_slugs
from ..texts import DRIFT_OCH_ADMINISTRATION, KATEGORI
from .insatser import InsatsResultat, share
from .report import Figures


@dataclass(frozen=True)
class Kategori:
    key: str  # individinriktad, strukturovergripande, drift_och_administration
    namn: str
    utfall: Decimal | None  # None: an insats of it has no utfall and no total was given
    budget: Decimal | None
    andel: Decimal | None  # of verksamhetens kostnader
    summerat: Decimal | None = None  # the insatser's utfall added up, when every one has one


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """The sum when every value is there; none when one is missing (never a total of a hole)."""
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def _kategori(key: str, results: list[InsatsResultat], arsfil: Arsfil, total_cost: Decimal) -> Kategori | None:
    mine = [r for r in results if r.insats.kategori == key]
    given = getattr(arsfil.kategorier, key, None) if arsfil.kategorier else None
    if not mine and given is None:
        return None
    summerat = _sum([r.utfall for r in mine])
    utfall = given.utfall if given is not None else summerat
    budget = given.budget if given is not None and given.budget is not None else _sum([r.budget for r in mine])
    return Kategori(key, KATEGORI[key], utfall, budget, share(utfall, total_cost), summerat)


def derive_kategorier(results: list[InsatsResultat], verksamhetens_kostnader: Decimal,
                      arsfil: Arsfil) -> list[Kategori]:
    """Cost per category and its share of verksamhetens kostnader; drift och administration the rest."""
    total_cost = -verksamhetens_kostnader
    out = [k for key in KATEGORI if (k := _kategori(key, results, arsfil, total_cost)) is not None]
    if out:
        used = _sum([k.utfall for k in out])
        rest = total_cost - used if used is not None else None
        out.append(Kategori("drift_och_administration", DRIFT_OCH_ADMINISTRATION, rest, None,
                            share(rest, total_cost)))
    return out


def kategori_figures(categories: list[Kategori], verksamhetens_kostnader: Decimal) -> Figures:
    f: Figures = {}
    for c in categories:
        values = {"utfall": c.utfall, "budget": c.budget, "andel_av_kostnaderna": c.andel,
                  "avvikelse": c.budget - c.utfall if c.budget is not None and c.utfall is not None else None}
        f.update({IN.kategori(c.key, name): v for name, v in values.items() if v is not None})
    if categories:
        f[IN.verksamhetens_kostnader] = -verksamhetens_kostnader
        andelar = _sum([c.andel for c in categories])
        if andelar is not None:  # the total row's share; unknown when a category's is
            f[IN.summa_andel] = andelar
    return f


def follow_up_row_figures(arsfil: Arsfil) -> Figures:
    """Each aktivitet's deltagare and each question's share of positive answers, by key."""
    f: Figures = {}
    aktiviteter = arsfil.strukturaktiviteter
    for a, key in zip(aktiviteter, unique_slugs([a.aktivitet for a in aktiviteter]), strict=True):
        if a.deltagare is not None:
            f[AKTIVITET(key, "deltagare")] = Decimal(a.deltagare)
    matningar = arsfil.indikatormatning
    for m, key in zip(matningar, unique_slugs([m.insats for m in matningar]), strict=True):
        for n, fraga in enumerate(m.fragor, start=1):
            f[FRAGA(f"{key}_{n}", "andel_positiva")] = fraga.andel_positiva
    return f
