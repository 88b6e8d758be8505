"""The follow-up of insatser: budget, utfall, participants, categories, mål, indikatormätning.

Budget and utfall of an insats are kronor spent, positive, as the per-insats tables show
them. An insats linked to a driftredovisning row (by `driftredovisning:` or by having the
same name) takes both from that row, so they are entered once; `check` compares them when
they are entered as well.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import INDIKATOR, INSATS, SA
from ..model import Arsfil, Insats, Verksamhet
from ..slug import unique_slugs
from ..texts import KATEGORI
from .report import ZERO, Figures


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
    enligt_redovisningen: Decimal | None = None  # utfall as the figures `utfall_enligt` names give it


def drift_row_for(insats: Insats, arsfil: Arsfil) -> Verksamhet | None:
    """The driftredovisning row an insats is linked to, by `driftredovisning:` or by name."""
    if arsfil.driftredovisning is None:
        return None
    wanted = (insats.driftredovisning or insats.namn).strip().lower()
    return next((row for row in arsfil.driftredovisning.verksamheter if row.namn.strip().lower() == wanted), None)


def share(part: int | Decimal | None, whole: int | Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole)


def from_accounts(insats: Insats, figures: Figures) -> Decimal | None:
    """The utfall the accounts give: minus the sum of the figures `utfall_enligt` names.

    Costs are negative in the export (a note row, a bilaga row, a driftredovisning row's
    kostnad or netto); an insats's utfall is kronor spent, positive. None when a key is
    not in the export (check names it).
    """
    values = [figures.get(k.strip()) for k in insats.utfall_enligt]
    if not values or any(v is None for v in values):
        return None
    return -sum((v for v in values if v is not None), ZERO)


def _insats(insats: Insats, key: str, arsfil: Arsfil, figures: Figures) -> InsatsResultat:
    row = drift_row_for(insats, arsfil)
    accounts = from_accounts(insats, figures)
    budget, utfall = insats.budget, insats.utfall if insats.utfall is not None else accounts
    if row is not None:
        utfall = -(row.intakt + row.kostnad)
        budget = -row.budget if row.budget is not None else budget
    d = insats.deltagare
    total = (d.kvinnor + d.man + d.annan) if d else None
    return InsatsResultat(
        insats, key, budget, utfall,
        budget - utfall if budget is not None and utfall is not None else None,
        total,
        share(d.kvinnor, total) if d else None,
        share(d.man, total) if d else None,
        share(d.annan, total) if d else None,
        utfall / total if utfall is not None and total else None,
        share(insats.avslutade_med_stegforflyttning, insats.avslutade),
        row.namn if row is not None else None,
        accounts,
    )


# The insatser's own keys may not take the category totals' (`insatser.individinriktad.utfall`).
RESERVED = (*KATEGORI, "drift_och_administration")


def derive_insatser(arsfil: Arsfil, figures: Figures | None = None) -> list[InsatsResultat]:
    """Each insats's figures; `figures` (the year's so far) give the utfall `utfall_enligt` names."""
    keys = unique_slugs([i.namn for i in arsfil.insatser], RESERVED)
    return [_insats(insats, key, arsfil, figures or {}) for insats, key in zip(arsfil.insatser, keys, strict=True)]




_INSATS_FIELDS = ("budget", "utfall", "avvikelse", "deltagare", "andel_kvinnor", "andel_man", "andel_annan",
                  "kostnad_per_deltagare", "andel_stegforflyttning")


def _insats_figures(results: list[InsatsResultat]) -> Figures:
    f: Figures = {}
    for r in results:
        values = {name: getattr(r, name) for name in _INSATS_FIELDS}
        values["avslutade"] = r.insats.avslutade
        values["avslutade_med_stegforflyttning"] = r.insats.avslutade_med_stegforflyttning
        f.update({INSATS(r.key, name): Decimal(v) for name, v in values.items() if v is not None})
    return f


def _follow_up_figures(arsfil: Arsfil, results: list[InsatsResultat]) -> Figures:
    f: Figures = {}
    if arsfil.strukturaktiviteter:
        f[SA.antal] = Decimal(len(arsfil.strukturaktiviteter))
        f[SA.deltagare] = Decimal(sum(a.deltagare or 0 for a in arsfil.strukturaktiviteter))
    by_name = {r.insats.namn.lower(): r for r in results}
    for m, key in zip(arsfil.indikatormatning, unique_slugs([m.insats for m in arsfil.indikatormatning]),
                      strict=True):
        f[INDIKATOR(key, "svarande")] = Decimal(m.svarande)
        linked = by_name.get(m.insats.lower())
        if linked is not None and linked.insats.avslutade:
            f[INDIKATOR(key, "avslutade")] = Decimal(linked.insats.avslutade)
            f[INDIKATOR(key, "svarsfrekvens")] = Decimal(m.svarande) / Decimal(linked.insats.avslutade)
    return f


def insats_figures(arsfil: Arsfil, results: list[InsatsResultat]) -> Figures:
    return {**_insats_figures(results), **_follow_up_figures(arsfil, results)}
