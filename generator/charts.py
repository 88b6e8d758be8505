"""Charts of the report's derived figures, as accessible, deterministic SVG.

Each chart only displays figures derive.py has computed; the only arithmetic here is
scaling to the display unit. Text is drawn as paths, so the PDF needs no font of its own
and the bytes depend on nothing but the input (golden files and diffs stay meaningful).
The text alternative states every figure the chart shows, because a reader of a screen
reader or of a greyscale print must not lose any of it.
"""
from __future__ import annotations

import base64
import io
import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import matplotlib
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .formatting import NBSP, belopp, heltal, kr, procent
from .keys import BR, NT

CM = 1 / 2.54
WIDTH = 16 * CM
HEIGHT = 8 * CM

# The report's accent and ink (styles/report.css). Dark, light-hatched and mid tones stay
# apart in greyscale; hatching and direct labels carry the meaning besides colour.
INK = "#1b1f24"
MUTED = "#4a5360"
DARK = "#1f4e79"
LIGHT = "#a9c4de"
MID = "#c55a11"
HATCH = "////"
CROSS = "xx"


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    alt: str
    svg: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


def charts(r) -> list[Chart]:
    """The report's charts, in order, leaving out those it has no data for."""
    makers = (femar, eget_kapital, deltagare, kostnad_per_kategori)
    with matplotlib.rc_context(_rc()):
        return [c for c in (make(r) for make in makers) if c is not None]


# --- Style --------------------------------------------------------------------------

_FONT_FILES = ("SourceSansPro-Regular.ttf",)
_font_family: str | None = None


def _font() -> str:
    """Source Sans Pro, as in the report's text; registered on first use, not on import."""
    global _font_family
    if _font_family is None:
        from matplotlib import font_manager
        try:
            import font_source_sans_pro
            folder = Path(font_source_sans_pro.__file__).parent / "files"
            files = [folder / name for name in _FONT_FILES]
            if not all(f.is_file() for f in files):
                raise FileNotFoundError(folder)
        except (ImportError, FileNotFoundError):
            _font_family = "DejaVu Sans"
        else:
            for f in files:
                font_manager.fontManager.addfont(str(f))
            _font_family = font_manager.FontProperties(fname=str(files[0])).get_name()
    return _font_family


def _rc() -> dict:
    return {
        "svg.hashsalt": "finsam",  # fixed ids for clip paths and hatches
        "svg.fonttype": "path",
        "font.family": [_font()],
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "axes.labelsize": 8,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "hatch.color": DARK,
        "hatch.linewidth": 0.6,
        "legend.frameon": False,
        "legend.fontsize": 8,
        "axes.unicode_minus": True,
    }


# --- Units and formatting -----------------------------------------------------------

def _unit(values) -> str:
    """mnkr once an amount reaches ten million, else tkr: with one decimal, mnkr would
    round a small förbund's figures together (1 046 800 and 1 044 400 both "1,0")."""
    return "mnkr" if max((abs(v) for v in values), default=0) >= 10_000_000 else "tkr"


def _label(value: Decimal, unit: str) -> str:
    return belopp(value, unit, 1 if unit == "mnkr" else 0)


def _tick_decimals(ticks, unit: str) -> int:
    # One number of decimals for the whole axis, the fewest that shows every tick exactly.
    size = 1_000_000 if unit == "mnkr" else 1000
    for decimals in range(3):
        if all(abs(round(t / size, decimals) - t / size) < 1e-9 for t in ticks):
            return decimals
    return 2


def _amount_axis(axis, unit: str) -> None:
    """Amounts in kronor, labelled in the unit with Swedish digits; the axis says the unit."""
    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(FuncFormatter(lambda x, pos: belopp(
        Decimal(str(float(x))), unit, _tick_decimals(axis.get_majorticklocs(), unit))))
    axis.set_label_text(f"Belopp, {unit}")


def _years(ar: list[int]) -> str:
    return f"{min(ar)}–{max(ar)}" if min(ar) != max(ar) else str(ar[0])


# --- SVG ----------------------------------------------------------------------------

def _svg(fig: Figure, chart_id: str, title: str, alt: str) -> str:
    """The figure as SVG with role, aria-label and a <title> first in the root element."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    # Ids prefixed by the chart's, so that several charts inlined in one page never share one.
    text = re.sub(r'(\bid="|href="#|url\(#)', rf"\g<1>{chart_id}-", buf.getvalue())
    match = re.search(r"<svg\b[^>]*>", text)
    opening = match.group(0)[:-1] + f' role="img" aria-label={quoteattr(alt)}>'
    return (text[:match.start()] + opening + f"\n <title>{escape(title)}</title>"
            + text[match.end():])


def _figure(height: float = HEIGHT) -> tuple[Figure, object]:
    # Figure, not pyplot: no global figure registry, nothing left open between calls.
    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    return fig, fig.add_subplot()


def _bar_labels(ax, bars, texts, **kw) -> None:
    ax.bar_label(bars, labels=texts, **{"padding": 2, "fontsize": 7, "color": INK, **kw})


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
    unit = _unit(v for points in shown.values() for _, v in points)
    fig, ax = _figure()
    width = 0.27
    for i, (name, _, _, colour, hatch) in enumerate(series):
        points = shown[name]
        bars = ax.bar([years.index(y) + (i - 1) * width for y, _ in points], [float(v) for _, v in points],
                      width, label=name, color=colour, hatch=hatch, edgecolor=DARK, linewidth=0.6)
        _bar_labels(ax, bars, [_label(v, unit) for _, v in points])
    _finish_vertical(ax, [str(y) for y in years], unit)
    alt = "; ".join(_femar_alt(y, {name: dict(points).get(y) for name, points in shown.items()})
                    for y in reversed(years))
    title = f"Intäkter, kostnader och resultat {_years(years)}"
    return Chart("femar", title, alt, _svg(fig, "femar", title, alt))


def _femar_alt(year: int, values: dict[str, Decimal | None]) -> str:
    parts = [f"{name.lower()} {kr(v)}" for name, v in values.items() if v is not None]
    return f"{year}: " + ", ".join(parts)


def _finish_vertical(ax, categories: list[str], unit: str) -> None:
    ax.set_xticks(range(len(categories)), categories)
    ax.tick_params(axis="x", length=0)
    ax.axhline(0, color=INK, linewidth=0.8)
    _amount_axis(ax.yaxis, unit)
    ax.margins(y=0.12)
    _legend(ax)


def _legend(ax) -> None:
    # Above the plot so it never covers a bar; bars before lines, whatever the drawing order.
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(handles)), key=lambda i: not isinstance(handles[i], BarContainer))
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="lower left", bbox_to_anchor=(0, 1.0),
              ncols=3, handlelength=2, borderaxespad=0.2)


def eget_kapital(r) -> Chart | None:
    """Eget kapital against Nationella rådets recommended ceiling, this year and last."""
    year = r.year
    rows = [(y, r.figures.get(y, {}).get(BR.summa_eget_kapital), r.figures.get(y, {}).get(NT.eget_kapital_tak))
            for y in (year - 1, year)]
    rows = [row for row in rows if row[1] is not None]
    if not rows:
        return None
    unit = _unit([v for _, ek, tak in rows for v in (ek, tak) if v is not None])
    fig, ax = _figure()
    bars = ax.bar(range(len(rows)), [float(ek) for _, ek, _ in rows], 0.45, color=DARK, label="Eget kapital")
    # Inside the bar's top on a bar-coloured patch, so a ceiling line near the top
    # cannot run through the figure.
    _bar_labels(ax, bars, [_label(ek, unit) for _, ek, _ in rows], padding=-12, color="white", zorder=4,
                bbox={"boxstyle": "square,pad=0.2", "fc": DARK, "lw": 0})
    ceilings = [(i, tak) for i, (_, _, tak) in enumerate(rows) if tak is not None]
    if ceilings:
        ax.hlines([float(t) for _, t in ceilings], [i - 0.36 for i, _ in ceilings], [i + 0.36 for i, _ in ceilings],
                  colors=MID, linewidth=2, linestyles=(0, (4, 1.5)), label="Rekommenderat tak", zorder=3)
        for i, tak in ceilings:
            ax.annotate(f"Tak {_label(tak, unit)}", (i + 0.36, float(tak)), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=7, color=INK)
    _finish_vertical(ax, [str(y) for y, _, _ in rows], unit)
    ax.set_xlim(-0.7, len(rows) - 0.1)
    if all(ek >= 0 for _, ek, _ in rows):
        ax.set_ylim(bottom=0)  # no empty band below the axis when nothing is negative
    alt = "; ".join(f"{y}: eget kapital {kr(ek)}" + (f", rekommenderat tak {kr(tak)}" if tak is not None else "")
                    for y, ek, tak in reversed(rows))
    title = f"Eget kapital och rekommenderat tak {_years([y for y, _, _ in rows])}"
    return Chart("eget-kapital", title, alt, _svg(fig, "eget-kapital", title, alt))


def _row_height(n: int) -> float:
    # Horizontal bars keep a steady thickness; the figure grows with the rows instead.
    return max(5.5, min(2.5 + 1.1 * n, 16)) * CM


def _wrap(name: str) -> str:
    return "\n".join(textwrap.wrap(name, 26)) or name


def deltagare(r) -> Chart | None:
    """Deltagare per kön per insats, stacked; counts written in the segments."""
    rows = [res for res in r.insatser if res.insats.deltagare is not None]
    if not rows:
        return None
    groups = (("Kvinnor", "kvinnor", DARK, None, "white"), ("Män", "man", LIGHT, HATCH, INK),
              ("Annan/okänt", "annan", MID, CROSS, "white"))
    fig, ax = _figure(_row_height(len(rows)))
    y = range(len(rows))
    left = [0] * len(rows)
    for name, attr, colour, hatch, text in groups:
        counts = [getattr(res.insats.deltagare, attr) for res in rows]
        bars = ax.barh(y, counts, 0.6, left=left, label=name, color=colour, hatch=hatch,
                       edgecolor=DARK, linewidth=0.6)
        ax.bar_label(bars, labels=[heltal(c) if c else "" for c in counts], label_type="center",
                     fontsize=7, color=text, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "lw": 0}
                     if hatch else None)
        left = [a + c for a, c in zip(left, counts)]
    for i, res in enumerate(rows):
        ax.annotate(f"{heltal(res.deltagare)} totalt", (left[i], i), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=7, color=INK)
    _finish_horizontal(ax, [res.insats.namn for res in rows], "Antal deltagare", heltal)
    _legend(ax)
    alt = "; ".join(f"{res.insats.namn}: " + ", ".join(
        f"{name.lower()} {heltal(getattr(res.insats.deltagare, attr))}" for name, attr, *_ in groups)
        + f", totalt {heltal(res.deltagare)}" for res in rows)
    title = f"Deltagare per kön och insats {r.year}"
    return Chart("deltagare", title, alt, _svg(fig, "deltagare", title, alt))


def _finish_horizontal(ax, names: list[str], xlabel: str, fmt) -> None:
    ax.set_yticks(range(len(names)), [_wrap(n) for n in names])
    ax.invert_yaxis()  # the data's first row on top, as in the tables
    ax.tick_params(axis="y", length=0)
    ax.axvline(0, color=INK, linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10], integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos: fmt(Decimal(str(float(x))))))
    ax.set_xlabel(xlabel)
    ax.margins(x=0.22)
    ax.set_xlim(left=0)


def kostnad_per_kategori(r) -> Chart | None:
    """Verksamhetens kostnader by category, each bar labelled with amount and share."""
    rows = list(r.kategorier)
    if not rows:
        return None
    unit = _unit(k.utfall for k in rows)
    fig, ax = _figure(_row_height(len(rows)))
    bars = ax.barh(range(len(rows)), [float(k.utfall) for k in rows], 0.6, color=DARK)
    _bar_labels(ax, bars, [f"{_label(k.utfall, unit)}{NBSP}{unit} ({procent(k.andel)})" if k.andel is not None
                           else f"{_label(k.utfall, unit)}{NBSP}{unit}" for k in rows])
    _finish_horizontal(ax, [k.namn for k in rows], "", heltal)
    _amount_axis(ax.xaxis, unit)
    ax.margins(x=0.3)
    ax.set_xlim(left=min(0, min(float(k.utfall) for k in rows)))
    alt = "; ".join(f"{k.namn}: {kr(k.utfall)}" + (f" ({procent(k.andel)})" if k.andel is not None else "")
                    for k in rows)
    title = f"Kostnader per kategori {r.year}"
    return Chart("kostnad-per-kategori", title, alt, _svg(fig, "kostnad-per-kategori", title, alt))
