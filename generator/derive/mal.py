"""Goals: how many the board assessed and how many it found reached, per group and per mål.

A goal without `status` is one the board did not assess. It is counted in `antal` but
never among the assessed (`bedomda`) or the reached (`uppnadda`): the report must not
print an assessment the board did not make. A goal's outcome is entered (`utfall`) or
taken from a figure of the export (`utfall_enligt`), and compared with its target for
the report year, or the nearest later year's target when the year has none.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..keys import MAL_FINANSIELLT, MAL_VERKSAMHET, ML, Family
from ..model import Arsfil, Delmal, Mal
from .report import Figures

GROUPS: dict[str, Family] = {"verksamhetsmal": MAL_VERKSAMHET, "finansiella_mal": MAL_FINANSIELLT}


@dataclass(frozen=True)
class Malsammanfattning:
    uppnadda: int
    bedomda: int
    antal: int
    statuses: tuple[str, ...]  # the assessed goals' statuses, in the data's order


def malsammanfattning(goals: tuple[Mal | Delmal, ...]) -> Malsammanfattning:
    statuses = tuple(g.status for g in goals if g.status is not None)
    return Malsammanfattning(sum(s == "uppnatt" for s in statuses), len(statuses), len(goals), statuses)


def numbered(goals: tuple[Mal, ...]) -> Iterator[tuple[str, Mal | Delmal]]:
    """Each goal and delmål with its number: "2" for the second mål, "2_1" for its first delmål."""
    for i, goal in enumerate(goals, 1):
        yield str(i), goal
        for j, sub in enumerate(goal.delmal, 1):
            yield f"{i}_{j}", sub


def target(goal: Mal | Delmal, year: int) -> tuple[int, Decimal] | None:
    """The target the outcome is compared with: this year's, else the nearest later year's."""
    later = sorted(y for y in goal.malvarden if y >= year)
    return (later[0], goal.malvarden[later[0]]) if later else None


def outcome(goal: Mal | Delmal, figures: Figures) -> Decimal | None:
    """The outcome entered, or the figure `utfall_enligt` names (None when the export lacks it)."""
    if goal.utfall is not None:
        return goal.utfall
    return figures.get(goal.utfall_enligt.strip()) if goal.utfall_enligt else None


def _group_figures(arsfil: Arsfil, group: str, goals: tuple[Mal, ...], figures: Figures) -> Figures:
    f: Figures = {}
    summary = malsammanfattning(goals)
    f[ML.grupp(group, "uppnadda")] = Decimal(summary.uppnadda)
    f[ML.grupp(group, "bedomda")] = Decimal(summary.bedomda)
    f[ML.grupp(group, "antal")] = Decimal(summary.antal)
    family = GROUPS[group]
    for i, goal in enumerate(goals, 1):
        if goal.delmal:
            sub = malsammanfattning(goal.delmal)
            f[family(str(i), "delmal_uppnadda")] = Decimal(sub.uppnadda)
            f[family(str(i), "delmal_bedomda")] = Decimal(sub.bedomda)
            f[family(str(i), "delmal_antal")] = Decimal(sub.antal)
    for nr, one in numbered(goals):
        value, aim = outcome(one, figures), target(one, arsfil.ar)
        if value is not None:
            f[family(nr, "utfall")] = value
        if aim is not None and aim[0] == arsfil.ar:
            f[family(nr, "malvarde")] = aim[1]
    return f


def mal_figures(arsfil: Arsfil, figures: Figures) -> Figures:
    """Counts per group (mal.<grupp>.uppnadda|bedomda|antal), per mål's delmål, outcomes and targets."""
    f: Figures = {}
    if arsfil.mal is None:
        return f
    for group in GROUPS:
        goals = getattr(arsfil.mal, group)
        if goals:
            f.update(_group_figures(arsfil, group, goals, figures))
    return f
