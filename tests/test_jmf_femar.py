"""The five-year overview: no back-computed figure, history in tkr, a predecessor's years,
a column defined otherwise, and every cell a key of the export a control total can check."""
from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

from generator.charts import charts
from generator.figures import figure_table
from generator.formatting import NBSP

from .conftest import DATA, derive_year


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "data" / name
    shutil.copytree(DATA / name, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _femar_html(r) -> tuple[list[list[str]], list[str]]:
    """The overview's cells as text, row by row, and the notes under it."""
    from generator.pipeline import render_report

    page = render_report(r)
    table = re.search(r'id="tabell-femarsoversikt".*?</table>(.*?)(?=<figure|<h[23])', page, re.S)
    assert table
    rows = [[htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr,
                                                                                      re.S)]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)]
    notes = [htmllib.unescape(n) for n in re.findall(r'<p class="table-note">(.*?)</p>', table.group(1), re.S)]
    return rows, notes


def test_eget_kapital_nobody_entered_is_a_dash_not_back_computed(tmp_path):
    r = derive_year(DATA / "sydnarke", 2023)
    rows, _ = _femar_html(r)
    assert rows[0] == ["", "2023", "2022", "2021", "2020", "2019"]
    assert rows[4] == ["Eget kapital", f"801{NBSP}162", f"492{NBSP}374", f"843{NBSP}007", "–", "–"]
    figures = figure_table(r)
    assert "femar.2020.eget_kapital" not in figures and "femar.2019.eget_kapital" not in figures
    assert figures["femar.2021.eget_kapital"] == {2023: 843007}
    # Neither chart draws a year's eget kapital nobody entered.
    alts = " ".join(c.alt for c in charts(r))
    assert "2020: eget kapital" not in alts and "2019: eget kapital" not in alts


def test_every_cell_of_the_overview_is_an_export_key():
    r = derive_year(DATA / "halland", 2023)
    figures = figure_table(r)
    names = ("verksamhetens_intakter", "verksamhetens_kostnader", "arets_resultat", "eget_kapital", "soliditet",
             "antal_anstallda")
    for row in r.femar:
        for name in names:
            assert figures[f"femar.{row.year}.{name}"] == {2023: getattr(row, name)}
    assert figures["femar.2019.arets_resultat"] == {2023: 1813708}
    assert "femar.2018.arets_resultat" not in figures  # five years: 2019–2023
    assert figures["femar.2023.verksamhetens_kostnader"] == {2023: -22680898}


def test_control_totals_check_the_overview(tmp_path):
    from generator.pipeline import check_year

    folder = _copy(tmp_path, "halland")
    _edit(folder / "2023.yaml", "antal_anstallda: 5\n",
          "antal_anstallda: 5\nkontrollsummor:\n  belopp:\n    2023:\n      femar.2021.arets_resultat: 574164\n"
          "      femar.2019.eget_kapital: 5800000\n")
    found = [str(f) for f in check_year(folder, 2023).findings if f.code == "E-KONTROLL"]
    assert found == [f"{folder / '2023.yaml'}:15:32: fel: kontrollsumma femar.2019.eget_kapital 2023: angivet "
                     "5 800 000, framräknat 5 850 000, skillnad -50 000 [E-KONTROLL]"]


def test_history_in_tkr_predecessor_and_definition(tmp_path):
    folder = _copy(tmp_path, "halland")
    _edit(folder / "forbund.yaml",
          "  2019:\n    verksamhetens_intakter: 20372769\n    verksamhetens_kostnader: -18559061\n"
          "    arets_resultat: 1813708\n    eget_kapital: 5850000\n",
          "  2019:\n    enhet: tkr\n    foregangare: Samordningsförbundet Norra Halland\n    definitioner:\n"
          "      verksamhetens_intakter: inklusive finansiella intäkter\n    verksamhetens_intakter: 20372.8\n"
          "    verksamhetens_kostnader: -18559.1\n    arets_resultat: 1813.7\n    eget_kapital: 5850\n")
    _edit(folder / "forbund.yaml", "  2020:\n", "  2020:\n    foregangare: Samordningsförbundet Norra Halland\n")
    r = derive_year(folder, 2023)
    figures = figure_table(r)
    assert figures["femar.2019.verksamhetens_intakter"] == {2023: 20372800}
    assert figures["femar.2019.eget_kapital"] == {2023: 5850000}
    rows, notes = _femar_html(r)
    assert rows[1] == ["Verksamhetens intäkter", f"19{NBSP}847,6", f"23{NBSP}903,6", f"21{NBSP}965,3",
                       f"20{NBSP}527,4", f"20{NBSP}372,8"]
    assert rows[3][5] == f"1{NBSP}813,7" and rows[5][5] == f"72{NBSP}%"
    assert notes == [
        "Åren 2019 och 2020 avser Samordningsförbundet Norra Halland.",
        "Verksamhetens intäkter 2019: inklusive finansiella intäkter; övriga år enligt resultat- och balansräkningen.",
        "Beloppen är i tusental kronor; de år som redovisats i kronor är avrundade till närmaste hundratal kronor "
        "(vid exakt hälften till jämnt hundratal).",
        "Soliditet: eget kapital i procent av summa tillgångar. Åren 2019–2021 är hämtade ur tidigare "
        "årsredovisningar.",
    ]


def test_history_in_whole_tkr_is_shown_in_whole_tkr(tmp_path):
    folder = _copy(tmp_path, "sydnarke")
    _edit(folder / "forbund.yaml", "  2019:\n    verksamhetens_intakter: 6049407\n",
          "  2019:\n    enhet: tkr\n    verksamhetens_intakter: 6049\n")
    _edit(folder / "forbund.yaml", "    verksamhetens_kostnader: -5724755\n    arets_resultat: 323481\n",
          "    verksamhetens_kostnader: -5725\n    arets_resultat: 324\n")
    r = derive_year(folder, 2023)
    rows, notes = _femar_html(r)
    assert rows[1] == ["Verksamhetens intäkter", f"5{NBSP}222", f"5{NBSP}217", f"5{NBSP}673", f"5{NBSP}972",
                       f"6{NBSP}049"]
    assert rows[2][1:] == [f"−4{NBSP}921", f"−5{NBSP}567", f"−6{NBSP}077", f"−5{NBSP}846", f"−5{NBSP}725"]
    assert ("Beloppen är i tusental kronor; de år som redovisats i kronor är avrundade till närmaste tusental kronor "
            "(vid exakt hälften till jämnt tusental).") in notes
    # The opening balance and the export stay exact kronor.
    assert figure_table(r)["femar.2019.arets_resultat"] == {2023: 324000}


def test_exempelbygd_shows_its_predecessor_years_in_tkr():
    r = derive_year(DATA / "exempelbygd", 2024)
    rows, notes = _femar_html(r)
    assert rows[0] == ["", "2024", "2023", "2022", "2021", "2020"]
    assert rows[4] == ["Eget kapital", f"1{NBSP}115", f"1{NBSP}415", f"1{NBSP}200", f"1{NBSP}100", "950"]
    assert notes[:2] == [
        "Åren 2020 och 2021 avser Samordningsförbundet Gamla Exempelbygd (fiktivt).",
        "Beloppen är i tusental kronor; de år som redovisats i kronor är avrundade till närmaste tusental kronor "
        "(vid exakt hälften till jämnt tusental).",
    ]
    assert figure_table(r)["femar.2020.eget_kapital"] == {2024: 950000}


def test_one_history_year_is_named_in_the_singular(tmp_path):
    from generator.layout.oversikt import femar_note

    folder = _copy(tmp_path, "halland")
    _edit(folder / "forbund.yaml", "  2020:\n", "  2010:\n")
    _edit(folder / "forbund.yaml", "  2019:\n", "  2009:\n")
    r = derive_year(folder, 2023)
    assert [row.year for row in r.femar] == [2023, 2022, 2021]
    assert femar_note(r) == ("Soliditet: eget kapital i procent av summa tillgångar. Året 2021 är hämtat ur en "
                             "tidigare årsredovisning.")


def test_sydnarkes_published_five_year_table_as_control_totals(tmp_path):
    """Every cell of the published table (seed 001, §1.6) entered in tkr-free kronor and whole
    percent: only DESIGN.md's known slip (2022 costs −5 566 727, income statement −5 566 728) fails."""
    from generator.pipeline import check_year

    published = {2023: (5222000, -4920564, 308788, "0.19"), 2022: (5217397, -5566727, -350632, "0.11"),
                 2021: (5673188, -6077235, -405155, "0.19"), 2020: (5971971, -5845502, 125388, "0.51"),
                 2019: (6049407, -5724755, 323481, "0.42")}
    lines = ["kontrollsummor:", "  kalla: Publicerad årsredovisning 2023, femårsöversikten", "  belopp:", "    2023:"]
    for year, (intakter, kostnader, resultat, soliditet) in published.items():
        lines += [f"      femar.{year}.verksamhetens_intakter: {intakter}",
                  f"      femar.{year}.verksamhetens_kostnader: {kostnader}",
                  f"      femar.{year}.arets_resultat: {resultat}", f"      femar.{year}.soliditet: {soliditet}",
                  f"      femar.{year}.antal_anstallda: 0"]
    folder = _copy(tmp_path, "sydnarke")
    path = folder / "2023.yaml"
    first = len(path.read_text(encoding="utf-8").splitlines()) + 2
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    found = [str(f) for f in check_year(folder, 2023).findings if f.severity == "fel" or f.code.startswith("E")]
    row_2022 = first + 4 + 5
    assert found == [
        f"{path}:{row_2022 + 1}:43: fel: kontrollsumma femar.2022.verksamhetens_kostnader 2023: angivet -5 566 727, "
        "framräknat -5 566 728, skillnad 1 [E-KONTROLL]",
        f"{path}:{row_2022 + 2}:34: fel: kontrollsumma femar.2022.arets_resultat 2023: angivet -350 632, "
        "framräknat -350 633, skillnad 1 [E-KONTROLL]",
    ]
