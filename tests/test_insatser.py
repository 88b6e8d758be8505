"""Insatser, mål, structural activities, indikatormätning and figures named in the narrative."""
from __future__ import annotations

import re
import shutil

import pytest

from generator.formatting import NBSP, belopp, procent
from generator.narrative import fill
from generator.pipeline import render_report as render_html

from .conftest import DATA, derive_year, run_cli


@pytest.fixture(scope="module")
def sydnarke():
    return derive_year(DATA / "sydnarke", 2023)


@pytest.fixture(scope="module")
def halland():
    return derive_year(DATA / "halland", 2023)


def test_sydnarke_insatser_are_derived_from_the_driftredovisning(sydnarke):
    f = sydnarke.figures[2023]
    assert f["insatser.mottagningsteamet.budget"] == 1193955
    assert f["insatser.mottagningsteamet.utfall"] == 1086516
    assert f["insatser.mottagningsteamet.avvikelse"] == 107439
    assert f["insatser.coachingteamet.avvikelse"] == 32323
    assert belopp(f["insatser.mottagningsteamet.kostnad_per_deltagare"]) == f"15{NBSP}090"
    assert belopp(f["insatser.coachingteamet.kostnad_per_deltagare"]) == f"24{NBSP}939"
    assert procent(f["insatser.mottagningsteamet.andel_kvinnor"]) == f"56{NBSP}%"
    assert procent(f["insatser.coachingteamet.andel_kvinnor"]) == f"64{NBSP}%"
    # 16 of 33: the seed printed 49 %, but 16/33 is 48,5 %.
    assert procent(f["insatser.coachingteamet.andel_stegforflyttning"]) == f"48{NBSP}%"
    assert procent(f["indikatormatning.coachingteamet.svarsfrekvens"]) == f"94{NBSP}%"
    # Budget and utfall are not entered in the insats: only the link to the row is.
    assert all(i.insats.utfall is None and i.insats.budget is None for i in sydnarke.insatser)


def test_sydnarke_report_shows_both_insats_tables(sydnarke):
    html = render_html(sydnarke)
    for key, avvikelse, per_deltagare in (("mottagningsteamet", "107 439", "15 090"),
                                          ("coachingteamet", "32 323", "24 939")):
        table = re.search(rf'id="insats-{key}".*?</table>', html, re.S).group(0).replace(NBSP, " ")
        assert f"Avvikelse budget − utfall</th><td class=\"amount\">{avvikelse} kr" in table
        assert f"Kostnad per deltagare</th><td class=\"amount\">{per_deltagare} kr" in table


def test_halland_shows_the_cost_split_by_category(halland):
    f = halland.figures[2023]
    assert f["insatser.individinriktad.utfall"] == 14636498
    assert f["insatser.strukturovergripande.utfall"] == 911010
    assert f["insatser.drift_och_administration.utfall"] == 7133390
    total = sum(k.utfall for k in halland.kategorier)
    assert total == -f["resultatrakning.verksamhetens_kostnader"] == 22680898
    html = render_html(halland).replace(NBSP, " ")
    table = re.search(r'id="tabell-kategorier".*?<tbody>(.*?)</table>', html, re.S).group(1)
    cells = re.findall(r'class="amount">([^<]+)<', table)
    assert cells == ["14 636 498", "65 %", "911 010", "4 %", "7 133 390", "31 %", "22 680 898", "100 %"]


def test_goal_summary_counts_the_goals(halland, sydnarke):
    assert (halland.value("mal.finansiella_mal.uppnadda"), halland.value("mal.finansiella_mal.antal")) == (1, 5)
    html = render_html(halland)
    assert "4 av 4 verksamhetsmål uppnådda. Styrelsen har bedömt 1 av 5 finansiella mål, och det är uppnått." in html
    assert "2 av 2 verksamhetsmål uppnådda. 2 av 2 finansiella mål uppnådda." in render_html(sydnarke)


def test_a_figure_in_the_narrative_is_the_same_string_as_in_the_table(sydnarke, halland):
    html = render_html(sydnarke)
    table = re.search(r'id="insats-mottagningsteamet".*?</table>', html, re.S).group(0)
    cell = re.search(r"Kostnad per deltagare</th><td class=\"amount\">([^<]+)\u00a0kr<", table).group(1)
    text = fill("{{ insatser.mottagningsteamet.kostnad_per_deltagare }}", sydnarke.figures, 2023)
    assert text == cell == f"15{NBSP}090"
    assert f"Kostnaden per deltagare var {cell} kr i" in html
    h = render_html(halland)
    rr = re.search(r'id="tabell-resultatrakning".*?</table>', h, re.S).group(0)
    result_cell = re.search(r"Årets resultat</th>.*?class=\"amount\">([^<]+)<", rr, re.S).group(1)
    prose = h.replace("\n", " ")
    assert f"Utfallet blev ett underskott på {result_cell.lstrip('−')}{NBSP}kr," in prose
    assert fill("{{ resultatrakning.arets_resultat@2022 }}", halland.figures, 2023) == f"−423{NBSP}974"
    assert fill("{{ nyckeltal.soliditet }}", halland.figures, 2023) == f"42{NBSP}%"
    assert fill("{{ resultatrakning.arets_resultat | tkr }}", halland.figures, 2023) == f"−2{NBSP}812,5{NBSP}tkr"
    assert fill("{{ resultatrakning.arets_resultat | mnkr }}", halland.figures, 2023) == f"−2,8{NBSP}mnkr"
    assert fill("{{ resultatrakning.arets_resultat | absolut }}", halland.figures, 2023) == \
        f"2{NBSP}812{NBSP}499{NBSP}kr"
    assert fill("{{ resultatrakning.arets_resultat | resultat }}", halland.figures, 2023) == \
        f"ett underskott på 2{NBSP}812{NBSP}499{NBSP}kr"
    assert fill("{{ resultatrakning.arets_resultat@2022 | resultat }}", halland.figures, 2023) == \
        f"ett underskott på 423{NBSP}974{NBSP}kr"
    assert fill("{{ kassaflodesanalys.likvida_medel_vid_arets_slut | resultat }}", halland.figures, 2023) == \
        f"ett överskott på 5{NBSP}537{NBSP}448{NBSP}kr"


def _write_md(tmp_path, text: str):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "sydnarke" / "2023.md").write_text(text, encoding="utf-8")


def test_an_unknown_figure_name_fails_check_with_file_and_line(tmp_path):
    _write_md(tmp_path, "## Organisation\n\nFörbundet.\n\nResultatet var {{ resultatrakning.arets_resultatt }} kr.\n")
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert ('data/sydnarke/2023.md:5:16: fel: "resultatrakning.arets_resultatt" är inget belopp som räknas fram '
            'för 2023; '
            'menade du "resultatrakning.arets_resultat"? [E-REFERENS]') in result.stdout


@pytest.mark.parametrize("attempt", ["{{ 7*7 }}", "{{ config.__class__.__init__.__globals__ }}",
                                     "{% for x in range(3) %}x{% endfor %}", "{{ ''.__class__ }}",
                                     "{{ resultatrakning.arets_resultat | attr('x') }}"])
@pytest.mark.slow
def test_template_code_in_the_narrative_is_refused(tmp_path, attempt):
    _write_md(tmp_path, f"## Organisation\n\nText {attempt} slut.\n")
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert "data/sydnarke/2023.md:3:6: fel:" in result.stdout and "[E-REFERENS]" in result.stdout
    assert "kan inte köra mallkod" in result.stdout
    report = run_cli("report", "--forbund", "sydnarke", "--html-only", cwd=tmp_path)
    assert report.returncode == 1 and not (tmp_path / "build" / "sydnarke-2023.html").exists()
    # Rendered anyway (as a preview would), the attempt is shown as a placeholder, never run.
    r = derive_year(tmp_path / "data" / "sydnarke", 2023)
    html = render_html(r)
    assert "Text [?]" in html and "49" not in re.sub(r"<[^>]+>", "", html).split("Text [?]")[1][:20]


def test_insats_links_and_entered_figures_are_checked(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "sydnarke" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    driftredovisning: Mottagningsteam\n",
                        "    driftredovisning: Mottagningsteem\n    utfall: 1000000\n")
    text = text.replace("    driftredovisning: Coachingteam Sydnärke\n",
                        "    driftredovisning: Coachingteam Sydnärke\n    utfall: 2020055\n")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    link_line = lines.index("    driftredovisning: Mottagningsteem") + 1
    utfall_line = lines.index("    utfall: 2020055") + 1
    result = run_cli("check", "--forbund", "sydnarke", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert (f'data/sydnarke/2023.yaml:{link_line}:23: fel: insats "Mottagningsteamet": driftredovisning '
            f'"Mottagningsteem" är ingen rad i driftredovisningen; menade du "Mottagningsteam"? [E-INSATS]') \
        in result.stdout
    assert (f'data/sydnarke/2023.yaml:{utfall_line}:13: fel: insats "Coachingteamet": utfall 2 020 055 skiljer sig '
            'från raden "Coachingteam Sydnärke" i driftredovisningen, som ger 2 020 054 (skillnad 1)') in result.stdout


def test_more_insatser_than_costs_is_an_error(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "halland" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("utfall: 14036493", "utfall: 24036493"), encoding="utf-8")
    result = run_cli("check", "--forbund", "halland", "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert "insatsernas utfall summerar till 25 547 508, mer än verksamhetens kostnader (22 680 898)" in result.stdout
