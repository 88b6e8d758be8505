"""The web page passes axe-core (WCAG 2.0/2.1 A and AA and axe's best practices) in real
headless Chromium, at a desktop width and a phone width, for every example; and the page
structure axe cannot judge (row groups, the skip link's target, charts titled once) is the
one the layout decided.

axe runs through tests/axe/run_axe.mjs (playwright-core and axe-core, pinned in
package-lock.json; `make test` runs `npm ci`) in Debian's Chromium, one browser for every
page and width. Without Node's packages or Chromium the axe tests skip and say what to install.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from .conftest import DATA, FORBUND, LATEST, ROOT, derive_year

WIDTHS = (1280, 390)
RUNNER = ROOT / "tests" / "axe" / "run_axe.mjs"
# A page axe must fault: an empty header cell, a scrolling box the keyboard cannot reach,
# text outside every landmark. Checked with the examples, so a runner that finds nothing fails.
BAD_PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Fel</title></head>
<body><main><table><thead><tr><th></th><th scope="col">2023</th></tr></thead>
<tbody><tr><th scope="row">Rad</th><td>1</td></tr></tbody></table>
<div style="overflow-x:auto;width:100px"><p style="width:900px">Bred text som rullar i sidled.</p></div>
</main><p>Utanför alla landmärken.</p></body></html>"""


def _missing() -> str | None:
    """What the axe tests lack on this machine, said as what to install; None when ready."""
    if shutil.which("node") is None:
        return "needs Node.js: sudo apt-get install nodejs npm, then npm ci (make test does)"
    for package in ("playwright-core", "axe-core"):
        if not (ROOT / "node_modules" / package / "package.json").is_file():
            return f"needs the npm package {package}: run  npm ci  in {ROOT} (make test does)"
    if _chromium() is None:
        return "needs Chromium: sudo apt-get install chromium (make test does, as root)"
    return None


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def describe(result: dict) -> str:
    """One line per violation and the elements it was found on: what to fix."""
    lines = [f"{Path(result['file']).name} at {result['width']} px:"]
    for v in result["violations"]:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}  {v['helpUrl']}")
        lines += [f"      {' '.join(n['target'])}   {n['html'][:160]}" for n in v["nodes"]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe(built, tmp_path_factory) -> dict[tuple[str, int], dict]:
    """axe's findings for every example's page at every width (and for BAD_PAGE), one Chromium."""
    missing = _missing()
    if missing:
        pytest.skip(f"axe-core not run: {missing}")
    bad = tmp_path_factory.mktemp("axe") / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    pages = {str(built[name]["html"]): name for name in FORBUND} | {str(bad): "bad"}
    env = {**os.environ, "CHROMIUM": str(_chromium())}
    done = subprocess.run(["node", str(RUNNER), "--widths", ",".join(map(str, WIDTHS)), *pages],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return {(pages[r["file"]], r["width"]): r for r in json.loads(done.stdout)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", FORBUND)
def test_axe_finds_no_violation(axe, name, width):
    result = axe[(name, width)]
    assert result["violations"] == [], describe(result)


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_runner_finds_what_is_wrong(axe, width):
    found = {v["id"] for v in axe[("bad", width)]["violations"]}
    assert {"empty-table-header", "scrollable-region-focusable", "region"} <= found, found


# What axe cannot judge: the structure itself, from the rendered page.

@cache
def html_of(name: str) -> str:
    from generator.pipeline import render_report

    return render_report(derive_year(DATA / name, LATEST[name]))


def table_of(html: str, table_id: str) -> str:
    start = html.index(f'id="{table_id}"')
    return html[start:html.index("</table>", start)]


def test_balance_sheet_row_groups_cover_only_their_rows():
    """Each heading row opens its own <tbody>; a sum closes its group, a total stands outside."""
    table = table_of(html_of("halland"), "tabell-balansrakning")
    groups = [re.findall(r'<th scope="(row|rowgroup)"[^>]*>([^<]*)</th>', body)
              for body in re.findall(r"<tbody>(.*?)</tbody>", table, re.S)]
    assert [g[0][1] for g in groups] == [
        "Tillgångar", "Anläggningstillgångar", "Omsättningstillgångar", "Summa tillgångar",
        "Eget kapital, avsättningar och skulder", "Eget kapital", "Skulder",
        "Summa eget kapital, avsättningar och skulder"]
    assert groups[2] == [("rowgroup", "Omsättningstillgångar"), ("row", "Fordringar"), ("row", "Kassa och bank"),
                         ("row", "Summa omsättningstillgångar")]
    assert all(scope == "row" for g in groups for scope, _ in g[1:])  # a heading is only ever first


def test_cash_flow_group_runs_to_its_closing_sum():
    """The löpande verksamheten's group holds its intermediate sum and ends at its own."""
    table = table_of(html_of("halland"), "tabell-kassaflodesanalys")
    first = re.findall(r'<th scope="(?:row|rowgroup)"[^>]*>([^<]*)</th>', table.split("</tbody>")[0])
    assert first[0] == "Den löpande verksamheten" and first[-1] == "Kassaflöde från den löpande verksamheten"
    assert "Medel från verksamheten före förändring av rörelsekapital" in first
    assert "Årets kassaflöde" not in first


def test_note_group_ends_at_its_sum():
    table = table_of(html_of("exempelbygd"), "tabell-not-3")
    bodies = re.findall(r"<tbody>(.*?)</tbody>", table, re.S)
    kansli = next(b for b in bodies if 'scope="rowgroup"' in b)
    labels = re.findall(r'<th scope="(?:row|rowgroup)"[^>]*>([^<]*)</th>', kansli)
    assert labels[0] == "Kansli" and labels[-1] == "Summa kansli" and "Revision" not in labels


def test_no_empty_header_cell_and_every_scroll_box_named():
    html = html_of("exempelbygd")
    assert not re.search(r"<th[^>]*>\s*</th>", html)
    boxes = re.findall(r'<div class="table-scroll" role="group" tabindex="0" aria-labelledby="([^"]+)">', html)
    assert len(boxes) > 10 and all(f'<caption id="{label}">' in html for label in boxes)
    written = html.count('<div class="table-scroll" role="group" tabindex="0" aria-label="Tabell"><table')
    assert written >= 1 and len(boxes) + written == html.count('<div class="table-scroll"')


def test_skip_link_leads_to_main_with_the_whole_report():
    html = html_of("sydnarke")
    assert '<a class="skip-link" href="#huvudinnehall">Hoppa till innehållet</a>' in html
    main = html[html.index('<main id="huvudinnehall">'):html.index("</main>")]
    assert '<header class="front' in main and 'id="aret-i-korthet"' in main and 'id="noter"' in main
    assert html.count("<header") == 2 and html.index('class="site-header"') < html.index("<main")


def test_chart_title_is_read_once():
    """The caption says the title; the image's text alternative adds the figures only."""
    html = html_of("exempelbygd")
    figures = re.findall(r'<figcaption><span class="chart-number">[^<]*</span> ([^<]*)</figcaption>.*?'
                         r'<img src="data:image/svg\+xml[^"]*" alt="([^"]*)"', html, re.S)
    assert len(figures) >= 4
    for title, alt in figures:
        assert alt and title not in alt
