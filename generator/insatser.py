"""Derive the follow-up of insatser, mål, structural activities and indikatormätning.

Budget and utfall of an insats are kronor spent, positive, as the per-insats tables show
them. An insats linked to a driftredovisning row (by `driftredovisning:` or by having the
same name) takes both from that row, so they are entered once; `check` compares them when
they are entered as well.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Ar, Insats, Mal
from .slug import slug, unique_slugs

ZERO = Decimal(0)
CATEGORIES = (("individinriktad", "Individinriktade insatser"),
              ("strukturovergripande", "Strukturövergripande insatser"))


@dataclass(frozen=True)
class InsatsResultat:
    insats: Insats
    key: str
    budget: Decimal | None
    utfall: Decimal | None
    avvikelse: Decimal | None  # budget − utfall: positive is below budget
    deltagare: int | None
    andel_kvinnor: Decimal | None
    andel_man: Decimal | None
    andel_annan: Decimal | None
    kostnad_per_deltagare: Decimal | None
    andel_stegforflyttning: Decimal | None
    drift_rad: str | None  # the driftredovisning row it was taken from


@dataclass(frozen=True)
class Kategori:
    key: str
    namn: str
    utfall: Decimal
    budget: Decimal | None
    andel: Decimal | None  # of verksamhetens kostnader


@dataclass(frozen=True)
class Malsammanfattning:
    uppnadda: int
    antal: int


def drift_row_for(insats: Insats, ar: Ar):
    """The driftredovisning row an insats is linked to, by `driftredovisning:` or by name."""
    if ar.driftredovisning is None:
        return None
    wanted = (insats.driftredovisning or insats.namn).strip().lower()
    for row in ar.driftredovisning.verksamheter:
        if row.namn.strip().lower() == wanted:
            return row
    return None


def _share(part: int | Decimal | None, whole: int | Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole)


def insatser(ar: Ar) -> list[InsatsResultat]:
    out = []
    for insats, key in zip(ar.insatser, unique_slugs([i.namn for i in ar.insatser])):
        row = drift_row_for(insats, ar)
        budget, utfall = insats.budget, insats.utfall
        if row is not None:
            utfall = -(row.intakt + row.kostnad)
            budget = -row.budget if row.budget is not None else budget
        d = insats.deltagare
        total = (d.kvinnor + d.man + d.annan) if d else None
        out.append(InsatsResultat(
            insats, key, budget, utfall,
            budget - utfall if budget is not None and utfall is not None else None,
            total,
            _share(d.kvinnor, total) if d else None,
            _share(d.man, total) if d else None,
            _share(d.annan, total) if d else None,
            utfall / total if utfall is not None and total else None,
            _share(insats.avslutade_med_stegforflyttning, insats.avslutade),
            row.namn if row is not None else None,
        ))
    return out


def kategorier(results: list[InsatsResultat], verksamhetens_kostnader: Decimal) -> list[Kategori]:
    """Cost per category and its share of verksamhetens kostnader (seeds/000 §1.6).

    Drift och administration is what the insatser did not use: verksamhetens kostnader
    less every insats's utfall.
    """
    total_cost = -verksamhetens_kostnader
    out = []
    used = ZERO
    for key, namn in CATEGORIES:
        mine = [r for r in results if r.insats.kategori == key]
        if not mine:
            continue
        utfall = sum((r.utfall or ZERO for r in mine), ZERO)
        budgets = [r.budget for r in mine if r.budget is not None]
        used += utfall
        out.append(Kategori(key, namn, utfall, sum(budgets, ZERO) if budgets else None, _share(utfall, total_cost)))
    if out:
        rest = total_cost - used
        out.append(Kategori("drift_och_administration", "Drift och administration", rest, None, _share(rest, total_cost)))
    return out


def malsammanfattning(mal: tuple[Mal, ...]) -> Malsammanfattning:
    return Malsammanfattning(sum(m.status == "uppnatt" for m in mal), len(mal))


def figures(ar: Ar, results: list[InsatsResultat], categories: list[Kategori]) -> dict[str, Decimal]:
    f: dict[str, Decimal] = {}
    for r in results:
        for name in ("budget", "utfall", "avvikelse", "deltagare", "andel_kvinnor", "andel_man", "andel_annan",
                     "kostnad_per_deltagare", "andel_stegforflyttning"):
            value = getattr(r, name)
            if value is not None:
                f[f"insatser.{r.key}.{name}"] = Decimal(value)
        for name in ("avslutade", "avslutade_med_stegforflyttning"):
            value = getattr(r.insats, name)
            if value is not None:
                f[f"insatser.{r.key}.{name}"] = Decimal(value)
    for c in categories:
        f[f"insatser.{c.key}.utfall"] = c.utfall
        if c.andel is not None:
            f[f"insatser.{c.key}.andel_av_kostnaderna"] = c.andel
        if c.budget is not None:
            f[f"insatser.{c.key}.budget"] = c.budget
    if ar.mal is not None:
        for group in ("verksamhetsmal", "finansiella_mal"):
            summary = malsammanfattning(getattr(ar.mal, group))
            if summary.antal:
                f[f"mal.{group}.uppnadda"] = Decimal(summary.uppnadda)
                f[f"mal.{group}.antal"] = Decimal(summary.antal)
    if ar.strukturaktiviteter:
        f["strukturaktiviteter.antal"] = Decimal(len(ar.strukturaktiviteter))
        f["strukturaktiviteter.deltagare"] = Decimal(sum(a.deltagare or 0 for a in ar.strukturaktiviteter))
    by_name = {r.insats.namn.lower(): r for r in results}
    for m in ar.indikatormatning:
        key = f"indikatormatning.{slug(m.insats)}"
        f[f"{key}.svarande"] = Decimal(m.svarande)
        linked = by_name.get(m.insats.lower())
        if linked is not None and linked.insats.avslutade:
            f[f"{key}.avslutade"] = Decimal(linked.insats.avslutade)
            f[f"{key}.svarsfrekvens"] = Decimal(m.svarande) / Decimal(linked.insats.avslutade)
    return f
