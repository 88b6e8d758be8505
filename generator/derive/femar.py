"""The five-year overview: each year from its own file, or from the history block.

Every cell is a figure someone entered or one derived from that year's own figures; a
figure nobody entered stays None ("–"), never computed back from a neighbouring year.
A history year entered in tkr is converted exactly to kronor here, once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..keys import BR, FEMAR, NT, RR
from ..model import Forbund
from .report import Figures
from .statements import balance_from_history

# The overview's columns, in the table's order: field of FemArsRad = key family field.
COLUMNS = ("verksamhetens_intakter", "verksamhetens_kostnader", "arets_resultat", "eget_kapital", "soliditet",
           "antal_anstallda")
FACTOR = {"kr": Decimal(1), "tkr": Decimal(1000)}


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
    enhet: Literal["kr", "tkr"] = "kr"  # the unit the year was entered in
    foregangare: str | None = None  # the predecessor förbund the year is of
    definitioner: tuple[tuple[str, str], ...] = ()  # (column, what it means that year) where it differs


def history_figures(forbund: Forbund, year: int) -> Figures:
    """The figures a compact history block gives for a year without a file, in kronor."""
    h = forbund.historik.get(year)
    if h is None:
        return {}
    factor = FACTOR[h.enhet]
    f = {key: value * factor for key, value in balance_from_history(h).items()}
    if h.soliditet is not None and BR.summa_tillgangar not in f:
        f[NT.soliditet] = h.soliditet
    elif BR.summa_eget_kapital in f and f.get(BR.summa_tillgangar):
        f[NT.soliditet] = f[BR.summa_eget_kapital] / f[BR.summa_tillgangar]
    if h.antal_anstallda is not None:
        f[NT.antal_anstallda] = Decimal(h.antal_anstallda)
    return f


def _history_marks(forbund: Forbund, y: int) -> dict:
    h = forbund.historik.get(y)
    if h is None:
        return {}
    d = h.definitioner
    definitions = tuple((c, getattr(d, c)) for c in COLUMNS if d is not None and getattr(d, c))
    return {"enhet": h.enhet, "foregangare": h.foregangare, "definitioner": definitions}


def derive_femar(forbund: Forbund, year: int, by_year: dict[int, Figures]) -> list[FemArsRad]:
    """The report year and up to four earlier years, newest first; years without figures left out."""
    rows = []
    for y in range(year, year - 5, -1):
        f = by_year.get(y) or history_figures(forbund, y)
        if not f:
            continue
        anst = f.get(NT.antal_anstallda)
        marks = _history_marks(forbund, y) if y not in by_year else {}
        rows.append(FemArsRad(
            y, f.get(RR.verksamhetens_intakter), f.get(RR.verksamhetens_kostnader), f.get(RR.arets_resultat),
            f.get(NT.soliditet), f.get(BR.summa_eget_kapital), int(anst) if anst is not None else None,
            "årsfil" if y in by_year else "historik", **marks))
    return rows


def femar_figures(rows: list[FemArsRad]) -> Figures:
    """Every cell of the overview under `femar.<år>.<kolumn>`, so control totals can check it."""
    f: Figures = {}
    for row in rows:
        for column in COLUMNS:
            value = getattr(row, column)
            if value is not None:
                f[FEMAR(str(row.year), column)] = Decimal(value)
    return f
