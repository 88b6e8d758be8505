"""Control totals as a report printed them: in tkr or mnkr, shares in whole percent, every key.

The margin is half a unit of the last digit written, exactly half included: −2 813 tkr
agrees with −2 812 500 kr and with −2 813 499,99 kr, not with −2 812 499 kr.
"""
from __future__ import annotations

import shutil
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest

from generator import check
from generator.check.kontroll import _compare
from generator.keys import ANDEL, format_of
from generator.pipeline import check_year

REPO = Path(__file__).resolve().parent.parent
D = Decimal
KEY = "balansrakning.summa_tillgangar"


@pytest.mark.parametrize(("written", "computed", "unit"), [
    ("2813", "2812500", "tkr"),  # exactly half a tkr below
    ("2813", "2813500", "tkr"),  # exactly half a tkr above
    ("-2813", "-2812500", "tkr"),
    ("2812.5", "2812450", "tkr"),  # one decimal: half of 0,1 tkr
    ("2.8", "2850000", "mnkr"),
    ("2.8", "2750000", "mnkr"),
    ("3", "2500000", "mnkr"),
    ("6297833", "6297833", "kr"),
])
def test_within_half_a_unit_of_the_last_digit_agrees(written, computed, unit):
    assert _compare(KEY, 2023, D(written), D(computed), unit) is None


@pytest.mark.parametrize(("written", "computed", "unit"), [
    ("2813", "2812499.99", "tkr"),
    ("2813", "2813500.01", "tkr"),
    ("2812.5", "2812449.99", "tkr"),
    ("2.8", "2850000.01", "mnkr"),
    ("2.8", "2749999.99", "mnkr"),
    ("6297833", "6297833.40", "kr"),  # kr is exact, to the öre
])
def test_beyond_half_a_unit_disagrees(written, computed, unit):
    assert _compare(KEY, 2023, D(written), D(computed), unit) is not None


def test_the_message_shows_both_figures_in_the_unit():
    assert _compare(KEY, 2023, D("6.2"), D("6297833"), "mnkr") == (
        "kontrollsumma balansrakning.summa_tillgangar 2023: angivet 6,2 mnkr, framräknat 6,297833 mnkr "
        "(6 297 833 kr), skillnad -0,097833 mnkr: mer än avrundningens ±0,05 mnkr")


def test_a_share_is_compared_as_printed_in_whole_percent_whatever_the_unit():
    assert _compare("nyckeltal.soliditet", 2023, D("0.42"), D("0.425"), "tkr") is None
    assert _compare("nyckeltal.soliditet", 2023, D("0.42"), D("0.415"), "kr") is None
    assert _compare("nyckeltal.soliditet", 2023, D("0.42"), D("0.4251"), "kr") == (
        "kontrollsumma nyckeltal.soliditet 2023: angivet 0,42, framräknat 0,4251, skillnad -0,0051: "
        "mer än avrundningens ±0,005")


def test_a_quotient_in_kr_is_compared_as_printed():
    key = "insatser.coachingteamet.kostnad_per_deltagare"
    assert _compare(key, 2023, D("24939"), D("24938.938272"), "kr") is None
    assert _compare(key, 2023, D("24940"), D("24938.938272"), "kr") is not None


def _rounded_as_printed(key: str, value: Decimal) -> Decimal:
    if format_of(key) == ANDEL or value != value.quantize(D("0.01")):
        return value.quantize(D("0.01") if format_of(key) == ANDEL else D(1), rounding=ROUND_HALF_EVEN)
    return value


@pytest.mark.parametrize("forbund", ["halland", "sydnarke"])
def test_every_key_of_the_export_is_accepted_as_a_control_total(forbund, tmp_path):
    folder = tmp_path / "data" / forbund
    shutil.copytree(REPO / "data" / forbund, folder)
    report = check_year(folder, 2023, base=tmp_path).report
    assert report is not None
    lines = ["kontrollsummor:", "  belopp:"]
    for year in (2023, 2022):
        lines.append(f"    {year}:")
        lines += [f"      {key}: {_rounded_as_printed(key, value)}" for key, value in report.figures[year].items()]
    path = folder / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    outcome = check_year(folder, 2023, base=tmp_path)
    assert outcome.report is not None, [str(f) for f in outcome.findings]
    assert list(check.check_kontrollsummor(outcome.report)) == []
    assert len(lines) > 200


def test_the_published_summary_of_sydnarke_2023_disagrees_with_its_insats_tables(tmp_path):
    """Seeds/001 §1.1 prints 155 deltagare and 72 procent; the two insats tables give 81 + 72 = 153
    deltagare and 16 + 56 = 72 of 33 + 59 avslutade with a step forward, 78 %."""
    folder = tmp_path / "data" / "sydnarke"
    shutil.copytree(REPO / "data" / "sydnarke", folder)
    path = folder / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nkontrollsummor:\n  kalla: Årsredovisning 2023, 1.1\n"
                    "  belopp:\n    2023:\n      insatser.individinriktad.deltagare: 155\n"
                    "      insatser.individinriktad.andel_stegforflyttning: 0.72\n"
                    "      insatser.individinriktad.avslutade_med_stegforflyttning: 72\n", encoding="utf-8")
    report = check_year(folder, 2023, base=tmp_path).report
    assert report is not None
    assert [f.message for f in check.check_kontrollsummor(report)] == [
        "kontrollsumma insatser.individinriktad.deltagare 2023: angivet 155, framräknat 153, skillnad 2",
        "kontrollsumma insatser.individinriktad.andel_stegforflyttning 2023: angivet 0,72, framräknat 0,782609, "
        "skillnad -0,062609: mer än avrundningens ±0,005"]


def test_kostnad_per_deltagare_of_the_whole_forbund_is_utfall_over_deltagare_of_the_individinriktade():
    report = check_year(REPO / "data" / "sydnarke", 2023).report
    assert report is not None
    f = report.figures[2023]
    assert f["insatser.individinriktad.deltagare"] == 81 + 72
    assert f["insatser.individinriktad.kostnad_per_deltagare"] == D(2020054 + 1086516) / 153
    assert f["insatser.individinriktad.avslutade"] == 33 + 59


def test_a_missing_deltagare_leaves_the_whole_forbund_figures_out(tmp_path):
    folder = tmp_path / "data" / "sydnarke"
    shutil.copytree(REPO / "data" / "sydnarke", folder)
    path = folder / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    deltagare: {kvinnor: 52, man: 29}\n", ""), encoding="utf-8")
    f = check_year(folder, 2023, base=tmp_path).report.figures[2023]
    assert "insatser.coachingteamet.deltagare" not in f
    assert "insatser.individinriktad.deltagare" not in f
    assert "insatser.individinriktad.kostnad_per_deltagare" not in f
    assert f["insatser.individinriktad.avslutade"] == 33 + 59
