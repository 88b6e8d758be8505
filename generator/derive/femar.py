"""The five-year overview: each year from its own file, or from the history block."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..keys import BR, NT, RR
from ..model import Forbund
from .report import Figures
from .statements import balance_from_history


@dataclass(frozen=True)
class FemArsRad:
    year: int
    verksamhetens_intakter: Decimal | None
    verksamhetens_kostnader: Decimal | None
    arets_resultat: Decimal | None
    soliditet: Decimal | None
    eget_kapital: Decimal | None
    antal_anstallda: int | None
    kalla: Literal["årsfil", "historik"]


def history_figures(forbund: Forbund, year: int) -> Figures:
    """The figures a compact history block gives for a year without a file."""
    h = forbund.historik.get(year)
    if h is None:
        return {}
    f = balance_from_history(h)
    if h.soliditet is not None and BR.summa_tillgangar not in f:
        f[NT.soliditet] = h.soliditet
    elif BR.summa_eget_kapital in f and f.get(BR.summa_tillgangar):
        f[NT.soliditet] = f[BR.summa_eget_kapital] / f[BR.summa_tillgangar]
    if h.antal_anstallda is not None:
        f[NT.antal_anstallda] = Decimal(h.antal_anstallda)
    return f


def derive_femar(forbund: Forbund, year: int, by_year: dict[int, Figures]) -> list[FemArsRad]:
    rows = []
    later: Figures = {}
    for y in range(year, year - 5, -1):
        f = dict(by_year.get(y) or history_figures(forbund, y))
        if not f:
            continue
        # Eget kapital of a history year that does not give it: the next year's, less
        # the next year's result.
        ek_next, result_next = later.get(BR.summa_eget_kapital), later.get(RR.arets_resultat)
        if BR.summa_eget_kapital not in f and ek_next is not None and result_next is not None:
            f[BR.summa_eget_kapital] = ek_next - result_next
        later = f
        anst = f.get(NT.antal_anstallda)
        rows.append(FemArsRad(
            y, f.get(RR.verksamhetens_intakter), f.get(RR.verksamhetens_kostnader), f.get(RR.arets_resultat),
            f.get(NT.soliditet), f.get(BR.summa_eget_kapital), int(anst) if anst is not None else None,
            "årsfil" if y in by_year else "historik"))
    return rows
