"""Charts of the report's derived figures, as accessible, deterministic SVG.

Each chart only displays figures derive.py has computed; the only arithmetic here is
scaling to the display unit, one unit for all of a report's charts. Text is drawn as
paths, so the PDF needs no font of its own and the bytes depend on nothing but the input
(golden files and diffs stay meaningful). The text alternative states every figure the
chart shows, because a reader of a screen reader or of a greyscale print must not lose
any of it. The charts are numbered in the order the report shows them.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from ..formatting import NBSP, heltal, kr, procent
from ..keys import IN, NT
from . import cache
from .eget_kapital import eget_kapital
from .style import (
    CROSS,
    DARK,
    HATCH,
    INK,
    LIGHT,
    MID,
    NARROW,
    WIDE,
    Chart,
    Plan,
    Size,
    amount_axis,
    amount_label,
    bar_labels,
    bars,
    figure,
    finish_horizontal,
    finish_vertical,
    gridlines,
    legend,
    rc,
    row_height,
    svg,
    unit_for,
    year_span,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def charts(r) -> list[Chart]:
    """The report's charts in the order the report shows them, leaving out those it has no data for."""
    unit = unit_for(_amounts(r))
    plans = [p for p in (make(r, unit) for make in (femar, eget_kapital, kostnad_per_kategori, deltagare))
             if p is not None]
    return [Chart(p.id, n, p.title, p.alt, _drawn(p, unit, WIDE), _drawn(p, unit, NARROW))
            for n, p in enumerate(plans, start=1)]


# Drawn charts by what they show (cache.key), in this process and on disk: a process that lays
# out the same year again (a watch rebuild, the tests) reuses the SVG, and so does the next
# build of unchanged figures, without importing matplotlib at all.
_DRAWN: dict[str, str] = {}


def _drawn(p: Plan, unit: str, size: Size) -> str:
    key = cache.key(p.id, p.title, p.alt, unit, size)
    if key not in _DRAWN:
        if len(_DRAWN) >= 256:  # a long fuzz run draws many; keep memory bounded
            _DRAWN.clear()
        _DRAWN[key] = cache.read(key) or _draw(p, unit, size, key)
    return _DRAWN[key]


def _draw(p: Plan, unit: str, size: Size, key: str) -> str:
    import matplotlib

    with matplotlib.rc_context(rc()):
        drawn = svg(p.draw(size), p.id, p.title, p.alt)
    cache.write(key, drawn)
    return drawn


def _amounts(r) -> Iterator[Decimal]:
    """Every amount a chart may show, so that one unit fits them all."""
    for row in r.femar:
        yield from (row.verksamhetens_intakter, row.verksamhetens_kostnader, row.arets_resultat, row.eget_kapital)
    yield from (f.get(NT.eget_kapital_tak) for f in r.figures.values())
    yield from (k.utfall for k in r.kategorier)


# --- The charts ---------------------------------------------------------------------

FEMAR = (("Intäkter", "verksamhetens_intakter", 1, DARK, None),
         ("Kostnader", "verksamhetens_kostnader", -1, LIGHT, HATCH),
         ("Resultat", "arets_resultat", 1, MID, CROSS))


def femar(r, unit: str) -> Plan | None:
    """Intäkter, kostnader and årets resultat over five years, oldest first.

    The overview's table stands right above it with every figure, so the bars carry no
    labels of their own (fifteen of them at the body's size would collide); gridlines
    and the text alternative give the amounts.
    """
    rows = sorted(r.femar, key=lambda row: row.year)
    shown = {name: [(row.year, getattr(row, attr) * sign) for row in rows if getattr(row, attr) is not None]
             for name, attr, sign, _, _ in FEMAR}
    years = sorted({y for points in shown.values() for y, _ in points})
    if not years:
        return None

    def draw(size: Size) -> Figure:
        fig, ax = figure(size)
        width = 0.27
        for i, (name, _, _, colour, hatch) in enumerate(FEMAR):
            points = shown[name]
            bars(ax, False, [years.index(y) + (i - 1) * width for y, _ in points], [float(v) for _, v in points],
                 width, colour, hatch, name)
        finish_vertical(ax, [str(y) for y in years], unit)
        gridlines(ax.yaxis)
        return fig

    alt = "; ".join(_femar_alt(y, {name: dict(points).get(y) for name, points in shown.items()})
                    for y in reversed(years))
    return Plan("femar", f"Intäkter, kostnader och resultat {year_span(years)}", alt, draw)


def _femar_alt(year: int, values: dict[str, Decimal | None]) -> str:
    parts = [f"{name.lower()} {kr(v)}" for name, v in values.items() if v is not None]
    return f"{year}: " + ", ".join(parts)


DELTAGARE = (("Kvinnor", "kvinnor", DARK, None, "white"), ("Män", "man", LIGHT, HATCH, INK),
             ("Annan/okänt", "annan", MID, CROSS, INK))


def deltagare(r, unit: str) -> Plan | None:
    """Deltagare per kön per insats, stacked; counts written in the segments."""
    rows = [res for res in r.insatser if res.insats.deltagare is not None]
    if not rows:
        return None
    # A group nobody belongs to is neither drawn nor named in the legend.
    groups = [g for g in DELTAGARE if any(getattr(res.insats.deltagare, g[1]) for res in rows)]

    def draw(size: Size) -> Figure:
        fig, ax = figure(size, row_height(len(rows)))
        left = [0] * len(rows)
        # A sliver too narrow for its count is left unlabelled (the total and the text
        # alternative still give it), rather than a figure overlapping its neighbour.
        widest, room = max(res.deltagare or 0 for res in rows), 0.07 if size.narrow else 0.035
        for name, attr, colour, hatch, text in groups:
            counts = [getattr(res.insats.deltagare, attr) for res in rows]
            # No edge: a hairline would show between the segments; hatching tells them apart.
            segments = bars(ax, True, range(len(rows)), counts, 0.6, colour, hatch, name, left=left)
            ax.bar_label(segments, labels=[heltal(c) if c and c >= room * widest else "" for c in counts],
                         label_type="center", color=text,
                         bbox={"boxstyle": "round,pad=0.15", "fc": "white", "lw": 0} if hatch else None)
            left = [a + c for a, c in zip(left, counts, strict=True)]
        for i, res in enumerate(rows):
            ax.annotate(f"{heltal(res.deltagare)} totalt", (left[i], i), xytext=(4, 0), textcoords="offset points",
                        va="center", color=INK)
        finish_horizontal(ax, [res.insats.namn for res in rows], "Antal deltagare", heltal, size)
        if size.narrow:
            ax.margins(x=0.4)
        legend(ax)
        return fig

    alt = "; ".join(f"{res.insats.namn}: " + ", ".join(
        f"{name.lower()} {heltal(getattr(res.insats.deltagare, attr))}" for name, attr, *_ in DELTAGARE)
        + f", totalt {heltal(res.deltagare)}" for res in rows)
    return Plan("deltagare", f"Deltagare per kön och insats {r.year}", alt, draw)


def kostnad_per_kategori(r, unit: str) -> Plan | None:
    """Verksamhetens kostnader by category, each bar labelled with amount and share.

    A category without utfall is left out (and with it drift och administration, then
    unknown too); the chart is not drawn when fewer than two categories are known, nor
    without the table it stands under (which needs verksamhetens kostnader).
    """
    rows = [k for k in r.kategorier if k.utfall is not None]
    if len(rows) < 2 or r.value(IN.verksamhetens_kostnader) is None:
        return None

    def draw(size: Size) -> Figure:
        fig, ax = figure(size, row_height(len(rows)))
        shown = ax.barh(range(len(rows)), [float(k.utfall) for k in rows], 0.6, color=DARK, linewidth=0)
        bar_labels(ax, shown, [amount_label(k.utfall, unit) + (f"{NBSP}({procent(k.andel)})" if k.andel is not None
                                                               else "") for k in rows])
        finish_horizontal(ax, [k.namn for k in rows], "", heltal, size)
        amount_axis(ax.xaxis, unit)
        ax.margins(x=0.45 if size.narrow else 0.3)
        ax.set_xlim(left=min(0, min(float(k.utfall) for k in rows)))
        return fig

    alt = "; ".join(f"{k.namn}: {kr(k.utfall)}" + (f" ({procent(k.andel)})" if k.andel is not None else "")
                    for k in rows)
    return Plan("kostnad-per-kategori", f"Kostnader per kategori {r.year}", alt, draw)


__all__ = ["Chart", "Plan", "charts"]
