"""The 2024 rules: resultatreserv, the table of deficits and the board's decision not to restore.

A copy of data/halland gets a 2024 year file (a fictional year: the fees and costs are round
figures, the balance sheet balances against 2023's eget kapital) and, for the reserve,
a resultatutjämningsreserv in 2023.
"""
from __future__ import annotations

import html
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator import check
from generator.figures import figure_table
from generator.pipeline import check_year, render_report

REPO = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"

AR_2024 = """\
ar: 2024
styrelsens_beslut: 2025-03-07
underskrift:
  ort: Halmstad
  datum: 2025-03-07
antal_anstallda: 5
medlemsavgifter:
  Staten: 10000000
  Region Halland: 5000000
  Falkenbergs kommun: 600000
  Halmstads kommun: 1600000
  Hylte kommun: 200000
  Laholms kommun: 400000
  Kungsbacka kommun: 1200000
  Varbergs kommun: 1000000
resultatrakning:
  verksamhetens_kostnader: -19500000
balansrakning:
  maskiner_och_inventarier: 111255
  fordringar: 649130
  kassa_och_bank: 6037448
  kortfristiga_skulder: 3629798
  resultatreserv: 300000
balanskrav:
  till_resultatreserv: 200000
  tidigare_underskott:
    2022: -150000
    2023: -400000
"""


class Halland:
    def __init__(self, tmp_path: Path, ar_2024: str = AR_2024):
        self.root = tmp_path
        self.folder = tmp_path / "data" / "halland"
        shutil.copytree(REPO / "data" / "halland", self.folder)
        self.replace("2023.yaml", "  kortfristiga_skulder:",
                     "  resultatutjamningsreserv: 500000\n  kortfristiga_skulder:")
        (self.folder / "2024.yaml").write_text(ar_2024, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    def outcome(self, year: int = 2024):
        return check_year(self.folder, year, base=self.root)

    def report(self, year: int = 2024):
        outcome = self.outcome(year)
        assert outcome.report is not None, [str(f) for f in outcome.findings]
        return outcome.report


def text_of(page: str) -> str:
    """The HTML's text, tags dropped and spaces (no-break ones too) made one."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).replace(NBSP, " ")


def table_text(page: str, table_id: str) -> str:
    start = page.index(">", page.index(f'id="{table_id}"')) + 1
    return text_of(page[start:page.index("</table>", start)]).strip()


@pytest.fixture
def halland(tmp_path):
    return Halland(tmp_path)


# --- Resultatreserv --------------------------------------------------------------------

def test_the_2024_balance_sheet_has_one_resultatreserv_line_with_both_years(halland):
    page = render_report(halland.report())
    balans = table_text(page, "tabell-balansrakning")
    assert "Resultatreserv 300 000 500 000" in balans
    assert "Resultatutjämningsreserv" not in page


def test_the_2023_report_keeps_the_old_name(halland):
    balans = table_text(render_report(halland.report(2023)), "tabell-balansrakning")
    assert "Resultatutjämningsreserv 500 000 –" in balans
    assert "Resultatreserv " not in balans


def test_the_2024_export_names_the_comparison_year_reserve_as_2024_does(halland):
    figures = figure_table(halland.report())
    assert figures["balansrakning.resultatreserv"] == {2024: Decimal(300000), 2023: Decimal(500000)}
    assert figures["balanskravsresultat.till_resultatreserv"] == {2024: Decimal(-200000), 2023: Decimal(0)}
    assert figures["balanskravsresultat.fran_resultatreserv"] == {2024: Decimal(0), 2023: Decimal(0)}
    assert not [k for k in figures if "resultatutjamningsreserv" in k]
    old = figure_table(halland.report(2023))
    assert old["balansrakning.resultatutjamningsreserv"] == {2023: Decimal(500000), 2022: Decimal(0)}
    assert "balansrakning.resultatreserv" not in old


def test_the_2024_balanskravsresultat_shows_medel_till_resultatreserv(halland):
    table = table_text(render_report(halland.report()), "tabell-balanskravsresultat")
    assert "Medel till resultatreserv −200 000 –" in table
    assert "Årets balanskravsresultat 300 000 −2 812 499" in table


def test_the_2024_report_checks_clean(halland):
    codes = {f.code for f in halland.outcome().findings}
    assert not codes & {"E-RESERV", "E-ATERSTALLS", "E-KONTROLL"}, codes


def test_a_control_total_of_2023_may_use_the_name_the_reserve_had_then(halland):
    halland.replace("2024.yaml", "balanskrav:\n", "kontrollsummor:\n  belopp:\n    2023:\n"
                    "      balansrakning.resultatutjamningsreserv: 500000\n    2024:\n"
                    "      balansrakning.resultatreserv: 300000\nbalanskrav:\n")
    assert list(check.check_kontrollsummor(halland.report())) == []


# --- The table of deficits --------------------------------------------------------------

def test_a_positive_result_restores_the_oldest_deficit_first(halland):
    figures = halland.report().figures[2024]
    u = "balanskravsresultat.underskott."
    assert {k: figures[k] for k in figures if k.startswith(u)} == {
        u + "2022.belopp": -150000, u + "2022.aterstallt": 150000, u + "2022.kvar": 0,
        u + "2023.belopp": -400000, u + "2023.aterstallt": 150000, u + "2023.kvar": -250000,
        u + "summa.belopp": -550000, u + "summa.aterstallt": 300000, u + "summa.kvar": -250000}
    assert figures["balanskravsresultat.tidigare_underskott"] == -550000
    assert figures["balanskravsresultat.aterstallt"] == 300000
    assert figures["balanskravsresultat.underskott_att_aterstalla"] == -250000
    assert "balanskravsresultat.aterstalls_inte" not in figures


def test_the_table_of_deficits_shows_carried_restored_and_left(halland):
    table = table_text(render_report(halland.report()), "tabell-underskott")
    assert table == ("Underskott att återställa (belopp i kr) År Underskott Återställt 2024 Kvar att återställa "
                     "Underskott 2022 −150 000 150 000 – Underskott 2023 −400 000 150 000 −250 000 "
                     "Summa −550 000 300 000 −250 000")


def test_no_deficit_no_table(tmp_path):
    halland = Halland(tmp_path, AR_2024.split("balanskrav:")[0])
    page = render_report(halland.report())
    assert "tabell-underskott" not in page
    assert not [k for k in halland.report().figures[2024] if k.startswith("balanskravsresultat.underskott.")]


# --- Återställs inte ------------------------------------------------------------------

def test_halland_2023_the_board_decided_not_to_restore(tmp_path):
    r = check_year(REPO / "data" / "halland", 2023).report
    assert r is not None
    f = r.figures[2023]
    assert f["balanskravsresultat.aterstalls_inte"] == Decimal(-2812499)
    assert f["balanskravsresultat.underskott_att_aterstalla"] == 0
    page = render_report(r)
    assert table_text(page, "tabell-underskott") == (
        "Underskott att återställa (belopp i kr) År Underskott Återställt 2023 Återställs inte enligt styrelsens "
        "beslut Kvar att återställa Årets underskott 2023 −2 812 499 – −2 812 499 –")
    assert ("Styrelsen beslutade den 2024-03-08 att inte återställa årets underskott på 2 812 499 kr. "
            "Styrelsens synnerliga skäl: Underskottet finansieras med överskott") in text_of(page)


def test_a_decision_for_part_of_the_deficit_leaves_the_rest_to_restore(halland):
    halland.replace("2024.yaml", "  verksamhetens_kostnader: -19500000", "  verksamhetens_kostnader: -20500000")
    halland.replace("2024.yaml", "  kassa_och_bank: 6037448", "  kassa_och_bank: 5037448")
    halland.replace("2024.yaml", "  till_resultatreserv: 200000\n", "  aterstalls_inte:\n    beslut: 2025-03-07\n"
                    "    skal: Kostnaderna för en avslutad insats föll på året.\n    belopp: -100000\n")
    r = halland.report()
    f = r.figures[2024]
    assert f["balanskravsresultat.arets_balanskravsresultat"] == -500000
    assert f["balanskravsresultat.aterstalls_inte"] == -100000
    assert f["balanskravsresultat.underskott.2024.kvar"] == -400000
    assert f["balanskravsresultat.underskott_att_aterstalla"] == -950000  # 150 000 + 400 000 + 400 000
    text = text_of(render_report(r))
    assert ("Styrelsen beslutade den 2025-03-07 att inte återställa 100 000 kr av årets underskott på "
            "500 000 kr.") in text
    assert ("Årets underskott 2024 −500 000 – −100 000 −400 000 Summa −1 050 000 – −100 000 −950 000"
            in table_text(render_report(r), "tabell-underskott"))
    assert not [x for x in check.run_checks(r) if x.code.startswith("E-")]


# --- The third example uses all of it ------------------------------------------------------

def test_exempelbygd_2024_shows_resultatreserv_deficits_and_the_decision():
    r = check_year(REPO / "data" / "exempelbygd", 2024).report
    assert r is not None
    page = render_report(r)
    assert "Resultatreserv 100 000 150 000" in table_text(page, "tabell-balansrakning")
    assert "Medel från resultatreserv 50 000 –" in table_text(page, "tabell-balanskravsresultat")
    assert table_text(page, "tabell-underskott") == (
        "Underskott att återställa (belopp i kr) År Underskott Återställt 2024 Återställs inte enligt styrelsens "
        "beslut Kvar att återställa Underskott 2022 −40 000 – – −40 000 Årets underskott 2024 −250 000 – −200 000 "
        "−50 000 Summa −290 000 – −200 000 −90 000")
    assert ("Styrelsen beslutade den 14 mars 2025 att inte återställa 200 000 kr av årets underskott på "
            "250 000 kr.") in text_of(page)
    figures = figure_table(r)
    assert figures["balanskravsresultat.underskott_att_aterstalla"][2024] == -90000
    assert figures["balanskravsresultat.aterstalls_inte"] == {2024: -200000}
    assert "Resultatutjämningsreserv" not in page


def test_exempelbygd_2023_control_totals_in_tkr_agree():
    outcome = check_year(REPO / "data" / "exempelbygd", 2023)
    assert outcome.report is not None
    ks = outcome.report.arsfil.kontrollsummor
    assert ks is not None and ks.enhet == "tkr"
    assert list(check.check_kontrollsummor(outcome.report)) == []
