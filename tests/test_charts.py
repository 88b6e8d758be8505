"""The charts: which exist, accessible SVG, figures in the text alternative, determinism."""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from generator.charts import Chart, charts
from generator.formatting import MINUS, NBSP, belopp, heltal, kr, procent

from .conftest import DATA, FORBUND, LATEST, ROOT, derive_year

SVG = "{http://www.w3.org/2000/svg}"
_derived: dict[str, object] = {}


def report(name: str):
    if name not in _derived:
        _derived[name] = derive_year(DATA / name, LATEST[name])
    return _derived[name]


def by_id(r) -> dict[str, Chart]:
    return {c.id: c for c in charts(r)}


def bar_count(chart: Chart) -> int:
    # Every bar is one matplotlib patch; the figure and axes backgrounds and legend keys too.
    return len(re.findall(rf'<g id="{chart.id}-patch_\d+"', chart.svg))


@pytest.mark.parametrize("name", FORBUND)
def test_charts_present_exactly_when_their_data_exists(name):
    r = report(name)
    expected = ["femar", "eget-kapital"]
    if r.kategorier:
        expected.append("kostnad-per-kategori")
    if any(res.insats.deltagare is not None for res in r.insatser):
        expected.append("deltagare")
    assert [c.id for c in charts(r)] == expected


def test_sydnarke_has_every_chart():
    assert [c.id for c in charts(report("sydnarke"))] == ["femar", "eget-kapital", "kostnad-per-kategori", "deltagare"]


@pytest.mark.parametrize("name", FORBUND)
def test_svg_is_accessible(name):
    for chart in charts(report(name)):
        for svg in (chart.svg, chart.narrow_svg):
            root = ET.fromstring(svg.encode("utf-8"))
            assert root.tag == f"{SVG}svg"
            assert root.get("role") == "img"
            assert root.get("aria-label") == chart.alt
            assert root[0].tag == f"{SVG}title" and root[0].text == chart.title
        assert chart.title and chart.alt


@pytest.mark.parametrize("name", FORBUND)
def test_data_uri_is_the_svg(name):
    for chart in charts(report(name)):
        prefix = "data:image/svg+xml;base64,"
        assert chart.data_uri.startswith(prefix)
        assert base64.b64decode(chart.data_uri[len(prefix):]).decode("utf-8") == chart.svg
        assert base64.b64decode(chart.narrow_uri[len(prefix):]).decode("utf-8") == chart.narrow_svg


def test_halland_femar_alt_and_title():
    chart = by_id(report("halland"))["femar"]
    assert chart.title == "Intäkter, kostnader och resultat 2019–2023"
    assert belopp(Decimal(-2812499)) == f"{MINUS}2{NBSP}812{NBSP}499"
    assert belopp(Decimal(-2812499)) in chart.alt
    assert chart.alt.startswith(f"2023: intäkter {kr(Decimal(19847560))}, kostnader {kr(Decimal(22680898))}, "
                                f"resultat {kr(Decimal(-2812499))}; 2022: ")


@pytest.mark.parametrize("name", FORBUND)
def test_alt_states_every_figure(name):
    r = report(name)
    year = r.year
    shown = by_id(r)
    for row in r.femar:
        text = next(part for part in shown["femar"].alt.split("; ") if part.startswith(f"{row.year}:"))
        for label, value in (("intäkter", row.verksamhetens_intakter), ("kostnader", -row.verksamhetens_kostnader),
                             ("resultat", row.arets_resultat)):
            assert f"{label} {kr(value)}" in text
    for y in (year, year - 1):
        assert kr(r.figures[y]["balansrakning.summa_eget_kapital"]) in shown["eget-kapital"].alt
        assert kr(r.figures[y]["nyckeltal.eget_kapital_tak"]) in shown["eget-kapital"].alt
    for res in r.insatser:
        if res.insats.deltagare is not None:
            d = res.insats.deltagare
            assert (f"{res.insats.namn}: kvinnor {heltal(d.kvinnor)}, män {heltal(d.man)}, "
                    f"annan/okänt {heltal(d.annan)}, totalt {heltal(res.deltagare)}") in shown["deltagare"].alt
    for k in r.kategorier:
        assert f"{k.namn}: {kr(k.utfall)} ({procent(k.andel)})" in shown["kostnad-per-kategori"].alt


@pytest.mark.parametrize("name", FORBUND)
def test_text_is_paths_and_there_is_no_timestamp(name):
    for chart in charts(report(name)):
        for svg in (chart.svg, chart.narrow_svg):
            assert "<text" not in svg
            assert "<dc:date" not in svg and "Date" not in svg
            assert "Matplotlib v" not in svg  # the Creator entry
            assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", svg)


def test_ids_are_unique_across_charts():
    ids = [i for c in charts(report("sydnarke")) for i in re.findall(r'\bid="([^"]+)"', c.svg)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", FORBUND)
def test_same_input_same_bytes(name):
    r = report(name)
    assert [(c.svg, c.narrow_svg) for c in charts(r)] == [(c.svg, c.narrow_svg) for c in charts(r)]


_CHILD = """
import hashlib, json, sys
import matplotlib
before = dict(matplotlib.rcParams)
from generator.charts import charts
from tests.conftest import DATA, LATEST, derive_year
after_import = dict(matplotlib.rcParams)
out = {}
for name in sys.argv[1:]:
    r = derive_year(DATA / name, LATEST[name])
    out[name] = [(c.id, hashlib.sha256((c.svg + c.narrow_svg).encode()).hexdigest()) for c in charts(r)]
print(json.dumps({"charts": out, "import_kept_rc": before == after_import,
                  "charts_kept_rc": before == dict(matplotlib.rcParams)}))
"""


@pytest.mark.slow
def test_same_bytes_in_another_process_and_no_global_change():
    # The child draws every chart (no drawing cache); here they may come from the cache, so the
    # cache is held to what drawing gives, too.
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "random", "FINSAM_NO_CACHE": "1"}
    result = subprocess.run([sys.executable, "-c", _CHILD, *FORBUND], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    child = json.loads(result.stdout)
    assert child["import_kept_rc"] and child["charts_kept_rc"]
    for name in FORBUND:
        here = [[c.id, hashlib.sha256((c.svg + c.narrow_svg).encode()).hexdigest()] for c in charts(report(name))]
        assert child["charts"][name] == here


def test_a_missing_value_is_not_drawn():
    r = report("halland")
    rows = [dataclasses.replace(row, verksamhetens_intakter=None) if row.year == 2021 else
            dataclasses.replace(row, verksamhetens_intakter=None, verksamhetens_kostnader=None, arets_resultat=None)
            if row.year == 2020 else row for row in r.femar]
    full = by_id(r)["femar"]
    gappy = by_id(dataclasses.replace(r, femar=rows))["femar"]
    years = [part.split(":")[0] for part in gappy.alt.split("; ")]
    assert years == ["2023", "2022", "2021", "2019"]
    assert "2021: kostnader" in gappy.alt  # intäkter left out, not shown as 0
    # 2020's and 2021's intäkter, and 2020's kostnader and resultat: two patches each, the
    # colour and the hatching laid over it.
    assert bar_count(full) - bar_count(gappy) == 6
    assert re.findall(r'<g id="femar-patch_\d+"', gappy.narrow_svg) == re.findall(r'<g id="femar-patch_\d+"', gappy.svg)
    assert gappy.title == "Intäkter, kostnader och resultat 2019–2023"


def test_no_chart_without_data():
    r = report("sydnarke")
    empty = dataclasses.replace(r, femar=[], insatser=[], kategorier=[],
                                figures={y: {} for y in r.figures})
    assert charts(empty) == []


def test_eget_kapital_without_last_years_file_has_no_ceiling_that_year():
    r = report("sydnarke")
    only_this_year = dataclasses.replace(r, figures={r.year: r.figures[r.year]})
    chart = by_id(only_this_year)["eget-kapital"]
    assert chart.alt == (f"2023: eget kapital {kr(Decimal(801162))}, rekommenderat tak {kr(Decimal(1044400))}; "
                         f"2022: eget kapital {kr(Decimal(492374))}; 2021: eget kapital {kr(Decimal(843007))}")
    assert chart.title == "Eget kapital och rekommenderat tak 2021–2023"


@pytest.mark.parametrize("name", FORBUND)
def test_eget_kapital_over_every_year_the_overview_has_it(name):
    """Five years where the data has them; a ceiling only for a year whose file gives it."""
    r = report(name)
    chart = by_id(r)["eget-kapital"]
    expected = []
    for row in r.femar:  # newest first, as the text alternative
        if row.eget_kapital is None:
            continue
        tak = r.figures.get(row.year, {}).get("nyckeltal.eget_kapital_tak")
        expected.append(f"{row.year}: eget kapital {kr(row.eget_kapital)}"
                        + (f", rekommenderat tak {kr(tak)}" if tak is not None else ""))
    assert chart.alt == "; ".join(expected)
    assert len(expected) >= 3 and chart.alt.count("rekommenderat tak") == 2


def test_eget_kapital_chart_only_with_its_text():
    """The chart stands under the text stating this year's ceiling; without it, no chart and no number."""
    r = report("sydnarke")
    figures = {**r.figures, r.year: {k: v for k, v in r.figures[r.year].items() if k != "nyckeltal.eget_kapital_tak"}}
    shown = charts(dataclasses.replace(r, figures=figures))
    assert [(c.number, c.id) for c in shown] == [(1, "femar"), (2, "kostnad-per-kategori"), (3, "deltagare")]


_CACHED_CHILD = """
import json, sys
from generator.charts import cache, charts
from tests.conftest import DATA, LATEST, derive_year
cache.FOLDER = cache.Path(sys.argv[1])
r = derive_year(DATA / "halland", LATEST["halland"])
print(json.dumps({"svgs": [c.svg + c.narrow_svg for c in charts(r)], "matplotlib": "matplotlib" in sys.modules}))
"""


def _child(folder) -> dict:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", _CACHED_CHILD, str(folder)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_a_drawing_cache_hit_needs_no_matplotlib_and_a_spoilt_entry_is_drawn_again(tmp_path):
    first = _child(tmp_path)
    assert first["matplotlib"]  # an empty cache: every chart drawn
    kept = sorted(tmp_path.glob("*.svg"))
    assert len(kept) == 2 * len(first["svgs"])  # each chart in both sizes
    second = _child(tmp_path)
    assert second == {"svgs": first["svgs"], "matplotlib": False}
    kept[0].write_text("<?xml half a file", encoding="utf-8")  # not an SVG: drawn again, and kept again
    third = _child(tmp_path)
    assert third == {"svgs": first["svgs"], "matplotlib": True}
    assert kept[0].read_text(encoding="utf-8").rstrip().endswith("</svg>")
    assert not list(tmp_path.glob("*.tmp"))
