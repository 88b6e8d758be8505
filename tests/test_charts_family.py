"""The charts as a family: one unit, the body's size, numbered, legible on a phone.

The charts draw their text as paths; here they are drawn once more with the text kept as
<text>, so that what each chart says can be read and measured.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from html import unescape

import pytest

import generator.charts as charts_module
import generator.charts.style as style
from generator.charts import Chart
from generator.formatting import NBSP
from generator.pipeline import render_report

from .conftest import DATA, FORBUND, LATEST, derive_year

AMOUNT_CHARTS = ("femar", "eget-kapital", "kostnad-per-kategori")
_TEXT = re.compile(r'<text\b[^>]*style="([^"]*)"[^>]*>([^<]*)</text>')
_derived: dict[str, object] = {}


def report(name: str):
    if name not in _derived:
        _derived[name] = derive_year(DATA / name, LATEST[name])
    return _derived[name]


_readable: dict[int, tuple[object, dict[str, Chart]]] = {}  # the report kept, so its id is not reused


def _charts_as_text(r) -> dict[str, Chart]:
    if id(r) not in _readable:
        # The settings are part of a drawing's cache key, so text drawn as text is drawn anew.
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(style, "SETTINGS", {**style.SETTINGS, "svg.fonttype": "none"})
            _readable[id(r)] = (r, {c.id: c for c in charts_module.charts(r)})
    return _readable[id(r)][1]


@pytest.fixture
def readable():
    """charts() with the text left as text (drawn once per report object)."""
    return _charts_as_text


def texts(svg: str) -> list[tuple[float, str]]:
    """(font size, text) of every text in the SVG."""
    return [(float(re.search(r"font-size: ([\d.]+)px", style).group(1)), unescape(t).replace(NBSP, " "))
            for style, t in _TEXT.findall(svg)]


def width(svg: str) -> float:
    return float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))


@pytest.mark.parametrize("name", FORBUND)
def test_one_unit_for_all_the_reports_charts(name, readable):
    r = report(name)
    shown = readable(r)
    amounts = [abs(v) for row in r.femar for v in (row.verksamhetens_intakter, row.verksamhetens_kostnader,
                                                   row.arets_resultat, row.eget_kapital) if v is not None]
    unit = "mnkr" if max(amounts) >= 10_000_000 else "tkr"
    for chart_id in AMOUNT_CHARTS:
        if chart_id in shown:
            for svg in (shown[chart_id].svg, shown[chart_id].narrow_svg):
                labels = [t for _, t in texts(svg) if t.startswith("Belopp")]
                assert labels == [f"Belopp i {unit}"], (chart_id, labels)
                # The axis says the unit once; no figure in the chart repeats it.
                assert not any(t.endswith(("tkr", "mnkr")) for _, t in texts(svg) if not t.startswith("Belopp"))


def test_halland_is_in_mnkr_throughout(readable):
    """Halland's intäkter pass ten million, so eget kapital is in mnkr too, not tkr as before."""
    shown = readable(report("halland"))
    said = [t for _, t in texts(shown["eget-kapital"].svg)]
    assert "Belopp i mnkr" in said and "Tak 2,9" in said and "2,7" in said


@pytest.mark.parametrize("name", FORBUND)
def test_text_is_the_body_size_at_printed_size(name, readable):
    for chart in readable(report(name)).values():
        assert width(chart.svg) == pytest.approx(16 / 2.54 * 72)  # pt: the 16 cm it is printed at
        for svg in (chart.svg, chart.narrow_svg):
            sizes = {size for size, _ in texts(svg)}
            assert sizes == {10.0}, (chart.id, sizes)


# The phone: 390 CSS px wide, body padding 0.6rem at html font-size 10.5pt (styles/web.css, under
# 40rem); the narrow drawing is used up to 30rem = 480 px (the <source> media of the chart macro).
PHONE, PADDING, BREAKPOINT = 390, 2 * 0.6 * 14, 480
PX_PER_PT = 96 / 72


def shown_px(svg: str, screen: float) -> float:
    """How high 10 pt text appears when the SVG is scaled to the screen's column."""
    return 10 * PX_PER_PT * (screen - PADDING) / (width(svg) * PX_PER_PT)


@pytest.mark.parametrize("name", FORBUND)
def test_legible_at_390_px(name):
    html = render_report(report(name))
    assert html.count('<source media="(max-width: 30rem)"') == len(charts_module.charts(report(name)))
    for chart in charts_module.charts(report(name)):
        assert shown_px(chart.narrow_svg, PHONE) >= 12  # 13.9 px
        assert shown_px(chart.narrow_svg, 320) >= 9
        # Just above the breakpoint the wide drawing is used, and is still legible there.
        assert shown_px(chart.svg, BREAKPOINT + 1) >= 9
        assert shown_px(chart.svg, PHONE) < 9  # why the narrow drawing exists


@pytest.mark.parametrize("name", FORBUND)
def test_numbered_in_report_order(name):
    r = report(name)
    html = render_report(r)
    captions = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)]
    shown = charts_module.charts(r)
    assert captions == [f"Diagram {n} {c.title}" for n, c in enumerate(shown, start=1)]
    ids = re.findall(r'<figure class="chart" id="diagram-([^"]+)"', html)
    assert ids == [c.id for c in shown]


def test_sydnarke_captions():
    html = render_report(report("sydnarke"))
    assert re.findall(r"<figcaption>(.*?)</figcaption>", html) == [
        '<span class="chart-number">Diagram 1</span> Intäkter, kostnader och resultat 2019–2023',
        '<span class="chart-number">Diagram 2</span> Eget kapital och rekommenderat tak 2021–2023',
        '<span class="chart-number">Diagram 3</span> Kostnader per kategori 2023',
        '<span class="chart-number">Diagram 4</span> Deltagare per kön och insats 2023']


def _with_annan(r, count: int):
    first = r.insatser[0]
    d = dataclasses.replace(first.insats.deltagare, annan=count)
    changed = dataclasses.replace(first, insats=dataclasses.replace(first.insats, deltagare=d),
                                  deltagare=first.deltagare + count)
    return dataclasses.replace(r, insatser=[changed, *r.insatser[1:]])


def test_a_group_nobody_is_in_has_no_legend_entry(readable):
    r = report("sydnarke")
    assert all(res.insats.deltagare.annan == 0 for res in r.insatser if res.insats.deltagare)
    said = [t for _, t in texts(readable(r)["deltagare"].svg)]
    assert "Kvinnor" in said and "Män" in said and "Annan/okänt" not in said
    said = [t for _, t in texts(readable(_with_annan(r, 7))["deltagare"].svg)]
    assert "Annan/okänt" in said and "7" in said and "79 totalt" in said


def _bar_styles(chart: Chart) -> list[str]:
    # The bars are the patches clipped to the axes.
    found = re.findall(r'<path d="[^"]*"\s+clip-path="url\(#[^"]+\)" style="([^"]*)"', chart.svg)
    return [s for s in found if not s.startswith("fill: none")]  # not the zero line


@pytest.mark.parametrize("chart_id", ["femar", "eget-kapital", "kostnad-per-kategori", "deltagare"])
def test_no_edge_lines_around_bars(chart_id):
    r = _with_annan(report("sydnarke"), 7)
    chart = next(c for c in charts_module.charts(r) if c.id == chart_id)
    styles = _bar_styles(chart)
    assert len(styles) >= 3
    assert not any("stroke" in s for s in styles), styles
    if chart_id == "deltagare":
        # Greyscale still tells them apart: the men's and the others' segments are hatched,
        # by a pattern without a background over a plain bar (a background shows tile seams).
        hatched = [s for s in styles if "url(#deltagare-h" in s]
        assert len(hatched) == 4 and len(styles) == 6 + 4
        used = {re.search(r"url\(#([^)]+)\)", s).group(1) for s in hatched}
        backgrounds = dict(re.findall(r'<pattern id="([^"]+)"[^>]*>\s*<rect [^>]*fill="([^"]+)"', chart.svg))
        assert used and all(backgrounds[u] == "none" for u in used), backgrounds


def test_ceiling_mark_only_where_the_year_has_one(readable):
    r = report("sydnarke")
    chart = readable(r)["eget-kapital"]
    said = [t for _, t in texts(chart.svg)]
    assert said.count("Tak 1 044") == 1  # this year's ceiling, labelled; last year's drawn unlabelled
    assert [t for t in said if t.isdigit() or re.fullmatch(r"\d+ \d+", t)][-3:] == ["843", "492", "801"]
    assert Decimal(843007) in [row.eget_kapital for row in r.femar]


def test_a_sliver_too_narrow_for_its_count_is_not_labelled(readable):
    """Exempelbygd's Unga vuxna has one participant of another or unknown gender: the
    segment is drawn and the legend names it, but a "1" would overlap "52 totalt"."""
    r = report("exempelbygd")
    unga = next(res for res in r.insatser if res.insats.namn.startswith("Unga vuxna"))
    assert (unga.insats.deltagare.annan, unga.deltagare) == (1, 52)
    chart = readable(r)["deltagare"]
    for svg in (chart.svg, chart.narrow_svg):
        said = [t for _, t in texts(svg)]
        assert "Annan/okänt" in said and "52 totalt" in said and "29" in said and "1" not in said
    assert "Unga vuxna Påhittsta: kvinnor 22, män 29, annan/okänt 1, totalt 52" in chart.alt
