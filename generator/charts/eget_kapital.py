"""Eget kapital against Nationella rådets recommended ceiling, over five years.

Eget kapital comes from the five-year overview; the ceiling is derived only for a year
with its own year file, so a history year shows its bar without a ceiling mark.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..formatting import kr
from ..keys import BR, NT
from .style import DARK, INK, MID, Plan, Size, amount_label, bar_labels, figure, finish_vertical, year_span

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Row = tuple[int, Decimal, Decimal | None]  # year, eget kapital, ceiling


def eget_kapital(r, unit: str) -> Plan | None:
    """Shown with the text that states this year's ceiling, so only when that text is."""
    if any(r.value(k) is None for k in (BR.summa_eget_kapital, NT.eget_kapital_over_tak, NT.eget_kapital_tak)):
        return None
    rows: list[Row] = [(row.year, row.eget_kapital, r.figures.get(row.year, {}).get(NT.eget_kapital_tak))
                       for row in sorted(r.femar, key=lambda row: row.year) if row.eget_kapital is not None]
    if not rows:
        return None

    def draw(size: Size) -> Figure:
        fig, ax = figure(size)
        bars = ax.bar(range(len(rows)), [float(ek) for _, ek, _ in rows], 0.7, color=DARK, label="Eget kapital")
        # Inside the bar's top on a bar-coloured patch, so a ceiling line near the top
        # cannot run through the figure; the bar is wide enough for it even on a phone.
        bar_labels(ax, bars, [amount_label(ek, unit) for _, ek, _ in rows], padding=-14, color="white", zorder=4,
                   bbox={"boxstyle": "square,pad=0.2", "fc": DARK, "lw": 0})
        _ceilings(ax, rows, unit)
        finish_vertical(ax, [str(y) for y, _, _ in rows], unit)
        ax.set_xlim(-0.6, len(rows) - 0.4 + (1.0 if size.narrow else 0.5))
        if all(ek >= 0 for _, ek, _ in rows):
            ax.set_ylim(bottom=0)  # no empty band below the axis when nothing is negative
        return fig

    with_ceiling = any(tak is not None for _, _, tak in rows)
    title = f"Eget kapital{' och rekommenderat tak' if with_ceiling else ''} {year_span([y for y, _, _ in rows])}"
    return Plan("eget-kapital", title, _alt(rows), draw)


def _ceilings(ax: Any, rows: list[Row], unit: str) -> None:
    """The recommended ceiling as a dashed line across each year's bar; the last year's
    labelled at its end, where there is room (the text above the chart states it too)."""
    ceilings = [(i, tak) for i, (_, _, tak) in enumerate(rows) if tak is not None]
    if not ceilings:
        return
    ax.hlines([float(t) for _, t in ceilings], [i - 0.4 for i, _ in ceilings], [i + 0.4 for i, _ in ceilings],
              colors=MID, linewidth=2, linestyles=(0, (4, 1.5)), label="Rekommenderat tak", zorder=3)
    i, tak = ceilings[-1]
    if i == len(rows) - 1:
        ax.annotate(f"Tak {amount_label(tak, unit)}", (i + 0.4, float(tak)), xytext=(3, 0),
                    textcoords="offset points", va="center", color=INK)


def _alt(rows: list[Row]) -> str:
    return "; ".join(f"{y}: eget kapital {kr(ek)}" + (f", rekommenderat tak {kr(tak)}" if tak is not None else "")
                     for y, ek, tak in reversed(rows))
