"""Goals: delmål, unassessed goals, targets per year with outcome, and their Swedish counts."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest

from generator.formatting import NBSP
from generator.layout.mal import sammanfattning
from generator.pipeline import render_report as render_html

from .conftest import DATA, derive_year, run_cli


@pytest.fixture(scope="module")
def halland():
    return derive_year(DATA / "halland", 2023)


def _rows(html: str, table_id: str) -> list[tuple[str, str]]:
    table = re.search(rf'id="{table_id}".*?</table>', html, re.S).group(0)
    return re.findall(r'<th scope="row" class="label">([^<]+)</th><td class="status">([^<]+)</td>', table)


def test_mal_halland_shows_its_five_financial_goals_and_only_the_one_assessment(halland):
    html = render_html(halland)
    rows = _rows(html, "tabell-finansiella-mal")
    assert len(rows) == 5
    assert [status for _text, status in rows] == ["Ej bedömt", "Ej bedömt", "Ej bedömt", "Uppnått", "Ej bedömt"]
    assert rows[3][0].startswith("Eget kapital når på sikt Nationella rådets nyckeltal")
    assert "Styrelsen har bedömt 1 av 5 finansiella mål, och det är uppnått." in html
    f = halland.figures[2023]
    assert (f["mal.finansiella_mal.uppnadda"], f["mal.finansiella_mal.bedomda"], f["mal.finansiella_mal.antal"]) \
        == (1, 1, 5)


def test_mal_halland_verksamhetsmal_are_the_four_the_board_judged_reached(halland):
    html = render_html(halland)
    rows = _rows(html, "tabell-verksamhetsmal")
    # four mål (all Uppnått, as the report says) with their delmål indented under a and c
    assert [s for _t, s in rows] == ["Uppnått", "Uppnått", "Uppnått", "Uppnått", "Delvis uppnått", "Ej bedömt",
                                     "Uppnått"]
    assert html.count('<tr class="indrag status-') == 3
    assert "4 av 4 verksamhetsmål uppnådda." in html
    assert "Styrelsen har bedömt 1 av 2 delmål, och det är delvis uppnått." in html
    assert "1 av 1 delmål uppnått." in html
    # The 50 % goal has a target and no outcome: said so, never 0 %.
    assert f"Målvärde 2023: 50{NBSP}%. Utfall 2023: uppgift saknas." in html
    f = halland.figures[2023]
    assert (f["mal.verksamhetsmal.uppnadda"], f["mal.verksamhetsmal.bedomda"], f["mal.verksamhetsmal.antal"]) \
        == (4, 4, 4)
    assert (f["mal.verksamhetsmal.3.delmal_uppnadda"], f["mal.verksamhetsmal.3.delmal_bedomda"],
            f["mal.verksamhetsmal.3.delmal_antal"]) == (0, 1, 2)
    assert f["mal.verksamhetsmal.3_2.malvarde"] == 0.5
    assert "mal.verksamhetsmal.3_2.utfall" not in f


@pytest.mark.parametrize(("group", "counts", "statuses", "said"), [
    ("finansiella_mal", (1, 1, 1), ("uppnatt",), "1 av 1 finansiellt mål uppnått"),
    ("finansiella_mal", (0, 1, 1), ("ej_uppnatt",), "0 av 1 finansiellt mål uppnått"),
    ("verksamhetsmal", (3, 5, 5), ("uppnatt",) * 3 + ("ej_uppnatt",) * 2, "3 av 5 verksamhetsmål uppnådda"),
    ("verksamhetsmal", (1, 5, 5), ("uppnatt",) + ("ej_uppnatt",) * 4, "1 av 5 verksamhetsmål uppnått"),
    ("finansiella_mal", (1, 1, 5), ("uppnatt",), "Styrelsen har bedömt 1 av 5 finansiella mål, och det är uppnått"),
    ("finansiella_mal", (0, 0, 1), (), "Styrelsen har inte bedömt det finansiella målet"),
    ("finansiella_mal", (0, 0, 5), (), "Styrelsen har inte bedömt något av de 5 finansiella målen"),
    ("delmal", (0, 0, 2), (), "Styrelsen har inte bedömt något av de 2 delmålen"),
    ("delmal", (0, 1, 2), ("delvis_uppnatt",), "Styrelsen har bedömt 1 av 2 delmål, och det är delvis uppnått"),
    ("verksamhetsmal", (2, 4, 6), ("uppnatt", "ej_uppnatt", "uppnatt", "delvis_uppnatt"),
     "Styrelsen har bedömt 4 av 6 verksamhetsmål: 2 uppnådda, 1 delvis uppnått, 1 ej uppnått"),
])
def test_mal_summary_is_swedish_in_singular_and_plural(group, counts, statuses, said):
    assert sammanfattning(group, *counts, statuses) == said


def _sydnarke_with_goals(tmp_path, goals: str):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "sydnarke" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("mal:\n"), text.index("# Budget och utfall för insatser")
    path.write_text(text[:start] + goals + "\n" + text[end:], encoding="utf-8")
    return tmp_path / "data" / "sydnarke"


TARGETS = """mal:
  verksamhetsmal:
    - text: Deltagarna kommer närmare arbete eller studier.
      delmal:
        - text: Andelen avslutade med stegförflyttning ökar.
          status: ej_uppnatt
          malvarden: {2023: 0.50, 2025: 0.80}
          utfall_enligt: insatser.coachingteamet.andel_stegforflyttning
        - text: Andelen nöjda deltagare.
          malvarden: {2025: 0.90}
          utfall: 0.85
"""


def test_mal_targets_per_year_with_the_outcome_from_a_figure_key(tmp_path):
    r = derive_year(_sydnarke_with_goals(tmp_path, TARGETS), 2023)
    f = r.figures[2023]
    assert f["mal.verksamhetsmal.1_1.utfall"] == f["insatser.coachingteamet.andel_stegforflyttning"]
    assert f["mal.verksamhetsmal.1_1.malvarde"] == 0.5
    assert f["mal.verksamhetsmal.1_2.utfall"] == Decimal("0.85") and "mal.verksamhetsmal.1_2.malvarde" not in f
    assert (f["mal.verksamhetsmal.antal"], f["mal.verksamhetsmal.bedomda"]) == (1, 0)
    html = render_html(r).replace(NBSP, " ")
    assert "Målvärden 2023: 50 %, 2025: 80 %. Utfall 2023: 48 % mot målvärdet 50 %." in html
    assert "Målvärde 2025: 90 %. Utfall 2023: 85 %." in html
    assert "Styrelsen har bedömt 1 av 2 delmål, och det är ej uppnått." in html
    assert "Styrelsen har inte bedömt verksamhetsmålet." in html


def test_mal_an_unknown_outcome_key_is_an_error_with_a_suggestion(tmp_path):
    _sydnarke_with_goals(tmp_path, TARGETS.replace("coachingteamet.andel_stegforflyttning",
                                                   "coachingteamet.andel_stegforflytning"))
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert ('data/sydnarke/2023.yaml:74:26: fel: mål "Andelen avslutade med stegförflyttning …": '
            'utfall_enligt "insatser.coachingteamet.andel_stegforflytning" är ingen siffra för 2023; menade du '
            '"insatser.coachingteamet.andel_stegforflyttning"? [E-MAL]') in result.stdout, result.stdout


def test_mal_outcome_entered_twice_is_an_error(tmp_path):
    _sydnarke_with_goals(tmp_path, TARGETS.replace("          malvarden: {2025: 0.90}\n",
                                                   "          utfall_enligt: insatser.coachingteamet.andel_man\n"))
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert ('data/sydnarke/2023.yaml:77:19: fel: mål "Andelen nöjda deltagare.": både utfall och utfall_enligt; '
            "ta bort det ena, utfallet anges en gång [E-MAL]") in result.stdout, result.stdout


def test_mal_the_halland_pdf_shows_five_financial_goals_one_assessed(built):
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(built["halland"]["pdf"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Styrelsen har bedömt 1 av 5 finansiella mål, och det är uppnått." in text
    part = text[text.index("Finansiella mål 2023"):]
    part = part[:part.index("1.")] if "1." in part[:4000] else part[:4000]
    assert part.count("Ej bedömt") == 4 and part.count("Uppnått") == 1


def test_mal_a_target_written_as_a_percentage_is_an_error_with_the_share_to_write(tmp_path):
    _sydnarke_with_goals(tmp_path, TARGETS.replace("{2023: 0.50, 2025: 0.80}", "{2023: 50, 2025: 0.80}"))
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert ('data/sydnarke/2023.yaml:73:29: fel: mål "Andelen avslutade med stegförflyttning …": malvarden 2023 är '
            "50, ingen andel mellan 0 och 1; skriv 0.5 för 50 % [E-ANDEL]") in result.stdout, result.stdout
