"""Charts of the report's derived figures, as accessible, deterministic SVG.

Each chart only displays figures derive.py has computed; the only arithmetic here is
scaling to the display unit. Text is drawn as paths, so the PDF needs no font of its own
and the bytes depend on nothing but the input (golden files and diffs stay meaningful).
The text alternative states every figure the chart shows, because a reader of a screen
reader or of a greyscale print must not lose any of it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import matplotlib

from ..formatting import NBSP, heltal, kr, procent
from ..keys import BR, NT
from .style import (
    CROSS,
    DARK,
    HATCH,
    INK,
    LIGHT,
    MID,
    Chart,
    amount_axis,
    amount_label,
    bar_labels,
    figure,
    finish_horizontal,
    finish_vertical,
    legend,
    rc,
    row_height,
    svg,
    unit_for,
    year_span,
)


def charts(r) -> list[Chart]:
    """The report's charts, in order, leaving out those it has no data for."""
    makers = (femar, eget_kapital, deltagare, kostnad_per_kategori)
    with matplotlib.rc_context(rc()):
        return [c for c in (make(r) for make in makers) if c is not None]


# --- The charts ---------------------------------------------------------------------

def femar(r) -> Chart | None:
    """Intäkter, kostnader and årets resultat over five years, oldest first."""
    rows = sorted(r.femar, key=lambda row: row.year)
    series = (("Intäkter", "verksamhetens_intakter", 1, DARK, None),
              ("Kostnader", "verksamhetens_kostnader", -1, LIGHT, HATCH),
              ("Resultat", "arets_resultat", 1, MID, CROSS))
    shown = {name: [(row.year, getattr(row, attr) * sign) for row in rows if getattr(row, attr) is not None]
             for name, attr, sign, _, _ in series}
    years = sorted({y for points in shown.values() for y, _ in points})
    if not years:
        return None
    unit = unit_for(v for points in shown.values() for _, v in points)
    fig, ax = figure()
    width = 0.27
    for i, (name, _, _, colour, hatch) in enumerate(series):
        points = shown[name]
        bars = ax.bar([years.index(y) + (i - 1) * width for y, _ in points], [float(v) for _, v in points],
                      width, label=name, color=colour, hatch=hatch, edgecolor=DARK, linewidth=0.6)
        bar_labels(ax, bars, [amount_label(v, unit) for _, v in points])
    finish_vertical(ax, [str(y) for y in years], unit)
    alt = "; ".join(_femar_alt(y, {name: dict(points).get(y) for name, points in shown.items()})
                    for y in reversed(years))
    title = f"Intäkter, kostnader och resultat {year_span(years)}"
    return Chart("femar", title, alt, svg(fig, "femar", title, alt))


def _femar_alt(year: int, values: dict[str, Decimal | None]) -> str:
    parts = [f"{name.lower()} {kr(v)}" for name, v in values.items() if v is not None]
    return f"{year}: " + ", ".join(parts)


def _ceilings(ax: Any, rows: list[tuple[int, Decimal, Decimal | None]], unit: str) -> None:
    """The recommended ceiling as a dashed line across each year's bar, labelled at its end."""
    ceilings = [(i, tak) for i, (_, _, tak) in enumerate(rows) if tak is not None]
    if not ceilings:
        return
    ax.hlines([float(t) for _, t in ceilings], [i - 0.36 for i, _ in ceilings], [i + 0.36 for i, _ in ceilings],
              colors=MID, linewidth=2, linestyles=(0, (4, 1.5)), label="Rekommenderat tak", zorder=3)
    for i, tak in ceilings:
        ax.annotate(f"Tak {amount_label(tak, unit)}", (i + 0.36, float(tak)), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=7, color=INK)


def _eget_kapital_alt(rows: list[tuple[int, Decimal, Decimal | None]]) -> str:
    return "; ".join(f"{y}: eget kapital {kr(ek)}" + (f", rekommenderat tak {kr(tak)}" if tak is not None else "")
                     for y, ek, tak in reversed(rows))


def eget_kapital(r) -> Chart | None:
    """Eget kapital against Nationella rådets recommended ceiling, this year and last."""
    rows = [(y, ek, r.figures.get(y, {}).get(NT.eget_kapital_tak)) for y in (r.year - 1, r.year)
            if (ek := r.figures.get(y, {}).get(BR.summa_eget_kapital)) is not None]
    if not rows:
        return None
    unit = unit_for([v for _, ek, tak in rows for v in (ek, tak) if v is not None])
    fig, ax = figure()
    bars = ax.bar(range(len(rows)), [float(ek) for _, ek, _ in rows], 0.45, color=DARK, label="Eget kapital")
    # Inside the bar's top on a bar-coloured patch, so a ceiling line near the top
    # cannot run through the figure.
    bar_labels(ax, bars, [amount_label(ek, unit) for _, ek, _ in rows], padding=-12, color="white", zorder=4,
               bbox={"boxstyle": "square,pad=0.2", "fc": DARK, "lw": 0})
    _ceilings(ax, rows, unit)
    finish_vertical(ax, [str(y) for y, _, _ in rows], unit)
    ax.set_xlim(-0.7, len(rows) - 0.1)
    if all(ek >= 0 for _, ek, _ in rows):
        ax.set_ylim(bottom=0)  # no empty band below the axis when nothing is negative
    alt = _eget_kapital_alt(rows)
    title = f"Eget kapital och rekommenderat tak {year_span([y for y, _, _ in rows])}"
    return Chart("eget-kapital", title, alt, svg(fig, "eget-kapital", title, alt))


def deltagare(r) -> Chart | None:
    """Deltagare per kön per insats, stacked; counts written in the segments."""
    rows = [res for res in r.insatser if res.insats.deltagare is not None]
    if not rows:
        return None
    groups = (("Kvinnor", "kvinnor", DARK, None, "white"), ("Män", "man", LIGHT, HATCH, INK),
              ("Annan/okänt", "annan", MID, CROSS, "white"))
    fig, ax = figure(row_height(len(rows)))
    y = range(len(rows))
    left = [0] * len(rows)
    for name, attr, colour, hatch, text in groups:
        counts = [getattr(res.insats.deltagare, attr) for res in rows]
        bars = ax.barh(y, counts, 0.6, left=left, label=name, color=colour, hatch=hatch,
                       edgecolor=DARK, linewidth=0.6)
        ax.bar_label(bars, labels=[heltal(c) if c else "" for c in counts], label_type="center",
                     fontsize=7, color=text, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "lw": 0}
                     if hatch else None)
        left = [a + c for a, c in zip(left, counts, strict=True)]
    for i, res in enumerate(rows):
        ax.annotate(f"{heltal(res.deltagare)} totalt", (left[i], i), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=7, color=INK)
    finish_horizontal(ax, [res.insats.namn for res in rows], "Antal deltagare", heltal)
    legend(ax)
    alt = "; ".join(f"{res.insats.namn}: " + ", ".join(
        f"{name.lower()} {heltal(getattr(res.insats.deltagare, attr))}" for name, attr, *_ in groups)
        + f", totalt {heltal(res.deltagare)}" for res in rows)
    title = f"Deltagare per kön och insats {r.year}"
    return Chart("deltagare", title, alt, svg(fig, "deltagare", title, alt))


def kostnad_per_kategori(r) -> Chart | None:
    """Verksamhetens kostnader by category, each bar labelled with amount and share.

    A category without utfall is left out (and with it drift och administration, then
    unknown too); the chart is not drawn when fewer than two categories are known.
    """
    rows = [k for k in r.kategorier if k.utfall is not None]
    if len(rows) < 2:
        return None
    unit = unit_for(k.utfall for k in rows)
    fig, ax = figure(row_height(len(rows)))
    bars = ax.barh(range(len(rows)), [float(k.utfall) for k in rows], 0.6, color=DARK)
    bar_labels(ax, bars, [f"{amount_label(k.utfall, unit)}{NBSP}{unit} ({procent(k.andel)})" if k.andel is not None
                           else f"{amount_label(k.utfall, unit)}{NBSP}{unit}" for k in rows])
    finish_horizontal(ax, [k.namn for k in rows], "", heltal)
    amount_axis(ax.xaxis, unit)
    ax.margins(x=0.3)
    ax.set_xlim(left=min(0, min(float(k.utfall) for k in rows)))
    alt = "; ".join(f"{k.namn}: {kr(k.utfall)}" + (f" ({procent(k.andel)})" if k.andel is not None else "")
                    for k in rows)
    title = f"Kostnader per kategori {r.year}"
    return Chart("kostnad-per-kategori", title, alt, svg(fig, "kostnad-per-kategori", title, alt))
