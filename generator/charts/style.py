"""How the report's charts look: colours, font, units, axes and SVG output.

Text is drawn as paths, so the PDF needs no font of its own and the bytes depend on
nothing but the input; the font is the report's own, Source Sans Pro, at the body's
size: each figure is drawn at the size it is printed (16 cm wide), so 10 pt in the
figure is 10 pt on paper. A narrow variant, 9.5 cm wide with the same text, is what a
phone shows: scaled to a 390 px screen its text stays about 13 px high.
"""
from __future__ import annotations

import base64
import io
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..formatting import belopp
from ..texts import ENHET

# matplotlib is imported where a chart is drawn, not here: a chart found in the drawing cache
# (charts/cache.py) needs none of it, and importing it is half a second of every build.
if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

CM = 1 / 2.54
HEIGHT = 8 * CM
BODY = 10  # pt, the body text in print (styles/print.css)


@dataclass(frozen=True)
class Size:
    """Which variant a chart is drawn in: as printed, or for a phone's narrow column."""

    width: float  # inches
    narrow: bool


WIDE = Size(16 * CM, False)
NARROW = Size(9.5 * CM, True)

# The report's accent and ink (styles/report.css). Dark, light-hatched and mid tones stay
# apart in greyscale; hatching and direct labels carry the meaning besides colour.
INK = "#1b1f24"
MUTED = "#4a5360"
DARK = "#1f4e79"
LIGHT = "#a9c4de"
MID = "#c55a11"
GRID = "#d5dae0"
HATCH = "////"
CROSS = "xx"


def data_uri(svg_text: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode("utf-8")).decode("ascii")


@dataclass(frozen=True)
class Chart:
    """One chart of the report: its number in report order, title, text alternative, SVGs."""

    id: str
    number: int
    title: str
    alt: str
    svg: str
    narrow_svg: str

    @property
    def label(self) -> str:
        return f"Diagram {self.number}"

    @property
    def data_uri(self) -> str:
        return data_uri(self.svg)

    @property
    def narrow_uri(self) -> str:
        return data_uri(self.narrow_svg)


@dataclass(frozen=True)
class Plan:
    """A chart before it is drawn: what it says, and how to draw it in either size."""

    id: str
    title: str
    alt: str
    draw: Callable[[Size], Figure]


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


# matplotlib's settings for every chart (the font besides, which is registered on first use).
SETTINGS = {
    "svg.hashsalt": "finsam",  # fixed ids for clip paths and hatches
    "svg.fonttype": "path",
    "font.size": BODY,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.labelsize": BODY,
    "xtick.labelsize": BODY,
    "ytick.labelsize": BODY,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "hatch.color": DARK,
    "hatch.linewidth": 0.6,
    "legend.frameon": False,
    "legend.fontsize": BODY,
    "axes.unicode_minus": True,
}


def rc() -> dict:
    return {**SETTINGS, "font.family": [_font()]}


# --- Units and formatting -----------------------------------------------------------

def unit_for(values) -> str:
    """The one unit of all of a report's charts, from every amount they show: mnkr once an
    amount reaches ten million, else tkr: with one decimal, mnkr would round a small
    förbund's figures together (1 046 800 and 1 044 400 both "1,0")."""
    return "mnkr" if max((abs(v) for v in values if v is not None), default=0) >= 10_000_000 else "tkr"


def amount_label(value: Decimal, unit: str) -> str:
    return belopp(value, unit, 1 if unit == "mnkr" else 0)


def _tick_decimals(ticks, unit: str) -> int:
    # One number of decimals for the whole axis, the fewest that shows every tick exactly.
    size = 1_000_000 if unit == "mnkr" else 1000
    for decimals in range(3):
        if all(abs(round(t / size, decimals) - t / size) < 1e-9 for t in ticks):
            return decimals
    return 2


def amount_axis(axis, unit: str) -> None:
    """Amounts in kronor, labelled in the unit with Swedish digits; the axis says the unit."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(FuncFormatter(lambda x, pos: belopp(
        Decimal(str(float(x))), unit, _tick_decimals(axis.get_majorticklocs(), unit))))
    axis.set_label_text(ENHET[unit])


def year_span(ar: list[int]) -> str:
    return f"{min(ar)}–{max(ar)}" if min(ar) != max(ar) else str(ar[0])


# --- SVG ----------------------------------------------------------------------------

def svg(fig: Figure, chart_id: str, title: str, alt: str) -> str:
    """The figure as SVG with role, aria-label and a <title> first in the root element."""
    from xml.sax.saxutils import escape, quoteattr  # here: it imports urllib, http and ssl (50 ms)

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    # Ids prefixed by the chart's, so that several charts inlined in one page never share one.
    text = re.sub(r'(\bid="|href="#|url\(#)', rf"\g<1>{chart_id}-", buf.getvalue())
    match = re.search(r"<svg\b[^>]*>", text)
    assert match is not None, "matplotlib wrote SVG without an <svg> element"
    opening = match.group(0)[:-1] + f' role="img" aria-label={quoteattr(alt)}>'
    return (text[:match.start()] + opening + f"\n <title>{escape(title)}</title>"
            + text[match.end():])


def figure(size: Size, height: float = HEIGHT) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    # Figure, not pyplot: no global figure registry, nothing left open between calls.
    fig = Figure(figsize=(size.width, height), layout="constrained")
    return fig, fig.add_subplot()


def bar_labels(ax, bars, texts, **kw) -> None:
    ax.bar_label(bars, labels=texts, **{"padding": 2, "color": INK, **kw})


def finish_vertical(ax, categories: list[str], unit: str) -> None:
    ax.set_xticks(range(len(categories)), categories)
    ax.tick_params(axis="x", length=0)
    ax.axhline(0, color=INK, linewidth=0.8)
    amount_axis(ax.yaxis, unit)
    ax.margins(y=0.12)
    legend(ax)


def bars(ax, horizontal: bool, positions, values, width: float, colour: str, hatch: str | None, label: str,
         **kw) -> BarContainer:
    """Bars without edge lines, the hatching laid over the colour as bars of its own: a
    hatch pattern with a background of its own shows the seams of its tiles as hairlines
    in the PDF. The legend's key shows colour and hatching together."""
    from matplotlib.patches import Patch

    draw = ax.barh if horizontal else ax.bar
    plain = draw(positions, values, width, color=colour, linewidth=0, label=label, **kw)
    if hatch:
        draw(positions, values, width, color="none", hatch=hatch, hatchcolor=DARK, linewidth=0, **kw)
        plain.legend_key = Patch(facecolor=colour, hatch=hatch, hatchcolor=DARK, linewidth=0)
    return plain


def gridlines(axis) -> None:
    """Faint lines at the ticks, behind the bars, where the bars are not labelled."""
    axis.grid(True, color=GRID, linewidth=0.6)
    axis.axes.set_axisbelow(True)


def legend(ax) -> None:
    from matplotlib.container import BarContainer

    # Above the plot so it never covers a bar; bars before lines, whatever the drawing order.
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(handles)), key=lambda i: not isinstance(handles[i], BarContainer))
    keys = [getattr(handles[i], "legend_key", handles[i]) for i in order]
    ax.legend(keys, [labels[i] for i in order], loc="lower left", bbox_to_anchor=(0, 1.0),
              ncols=3, handlelength=1.6, handletextpad=0.5, columnspacing=1.2, borderaxespad=0.2)


def row_height(n: int) -> float:
    # Horizontal bars keep a steady thickness; the figure grows with the rows instead.
    return max(5.5, min(2.5 + 1.1 * n, 16)) * CM


def wrap(name: str, size: Size) -> str:
    return "\n".join(textwrap.wrap(name, 14 if size.narrow else 26, break_long_words=False)) or name


def finish_horizontal(ax, names: list[str], xlabel: str, fmt, size: Size) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_yticks(range(len(names)), [wrap(n, size) for n in names])
    ax.invert_yaxis()  # the data's first row on top, as in the tables
    ax.tick_params(axis="y", length=0)
    ax.axvline(0, color=INK, linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10], integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, pos: fmt(Decimal(str(float(x))))))
    ax.set_xlabel(xlabel)
    ax.margins(x=0.22)
    ax.set_xlim(left=0)


