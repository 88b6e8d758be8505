"""The whole förbund's individinriktade insatser: the figures a report's summary prints.

Seeds/001 opens with how many took part in the individinriktade insatser and what share of
those who left made a step forward. Each figure is a sum over every individinriktad insats,
so it exists only when every one of them has its part: a missing count is never a zero.
Kostnad per deltagare for the whole förbund is defined as the individinriktade insatsers
utfall together divided by their deltagare together (the per-insats figure, summed).
"""
from __future__ import annotations

from decimal import Decimal

from ..keys import IN
from .insatser import InsatsResultat, share
from .report import Figures


def _total(values: list[int | Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((Decimal(v) for v in values if v is not None), Decimal(0))


def derive_individinriktade(results: list[InsatsResultat]) -> Figures:
    mine = [r for r in results if r.insats.kategori == "individinriktad"]
    deltagare = _total([r.deltagare for r in mine])
    utfall = _total([r.utfall for r in mine])
    avslutade = _total([r.insats.avslutade for r in mine])
    steg = _total([r.insats.avslutade_med_stegforflyttning for r in mine])
    candidates = {
        IN.individinriktad_deltagare: deltagare,
        IN.individinriktad_kostnad_per_deltagare: share(utfall, deltagare),
        IN.individinriktad_avslutade: avslutade,
        IN.individinriktad_avslutade_med_stegforflyttning: steg,
        IN.individinriktad_andel_stegforflyttning: share(steg, avslutade),
    }
    return {key: value for key, value in candidates.items() if value is not None}
