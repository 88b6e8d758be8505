"""Focused tests of single checks in generator/check.py, on modified copies of the example data.

Each test copies data/<förbund> into tmp_path, changes the YAML text there (never the
frozen model objects), loads and derives the copy, and calls one check function.
Expected lines are looked up in the modified text, not hard-coded.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import check
from generator.findings import Severity
from generator.pipeline import check_year

from .conftest import FORBUND, LATEST

REPO = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


class Copy:
    """A copy of one förbund's data under tmp_path/data/<förbund>."""

    def __init__(self, tmp_path: Path, forbund: str):
        self.root = tmp_path
        self.forbund = forbund
        self.folder = tmp_path / "data" / forbund
        shutil.copytree(REPO / "data" / forbund, self.folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def shown(self, name: str) -> str:
        return f"data/{self.forbund}/{name}"

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.path(name).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {name}"
        self.path(name).write_text(text.replace(old, new), encoding="utf-8")

    def append(self, name: str, block: str) -> None:
        text = self.path(name).read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        self.path(name).write_text(text + block, encoding="utf-8")

    def cut_from(self, name: str, marker: str) -> None:
        """Remove everything from the line that starts with marker to the end of the file."""
        text = self.path(name).read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith(marker)]
        assert len(starts) == 1, f"{marker!r} does not start exactly one line of {name}"
        self.path(name).write_text("".join(lines[:starts[0]]), encoding="utf-8")

    def line_of(self, name: str, needle: str) -> int:
        """1-based number of the one line of the file that contains needle."""
        lines = self.path(name).read_text(encoding="utf-8").splitlines()
        hits = [i + 1 for i, line in enumerate(lines) if needle in line]
        assert len(hits) == 1, f"{needle!r} is on lines {hits} of {name}"
        return hits[0]

    def report(self, year: int = 2023):
        outcome = check_year(self.folder, year, base=self.root)
        assert outcome.report is not None, [str(f) for f in outcome.findings]
        return outcome.report


@pytest.fixture
def halland(tmp_path):
    return Copy(tmp_path, "halland")


@pytest.fixture
def sydnarke(tmp_path):
    return Copy(tmp_path, "sydnarke")


def text_of(finding) -> str:
    """The message with no-break spaces as ordinary ones, for comparing with plain text."""
    return finding.message.replace(NBSP, " ")


# --- The example data ----------------------------------------------------------------

@pytest.mark.parametrize("forbund", FORBUND)
def test_example_data_has_no_findings(forbund, tmp_path):
    assert check.run_checks(Copy(tmp_path, forbund).report(LATEST[forbund])) == []


# --- kontrollsummor ------------------------------------------------------------------

KONTROLL = """\
kontrollsummor:
  kalla: Huvudbok 2023-12-31
  belopp:
    2023:
      resultatrakning.arets_resultat: -2812499
      balansrakning.summa_tillgangar: {tillgangar}
    2022:
      resultatrakning.arets_resultat: -423974
"""


def test_kontrollsumma_that_agrees_gives_no_finding(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297833))
    assert list(check.check_kontrollsummor(halland.report())) == []


def test_kontrollsumma_that_disagrees_gives_one_error_with_expected_computed_difference(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297834))
    findings = list(check.check_kontrollsummor(halland.report()))
    assert len(findings) == 1
    f = findings[0]
    assert (f.code, f.severity) == ("E-KONTROLL", Severity.ERROR)
    assert f.message == ("kontrollsumma balansrakning.summa_tillgangar 2023: "
                         "angivet 6 297 834, framräknat 6 297 833, skillnad 1")
    assert "angivet 6 297 834, framräknat 6 297 833, skillnad 1" in f.message
    assert f.pos.path == halland.shown("2023.yaml")
    assert f.pos.line == halland.line_of("2023.yaml", "balansrakning.summa_tillgangar: 6297834")
    assert str(f).startswith(f"{halland.shown('2023.yaml')}:{f.pos.line}:")
    assert str(f).endswith(": fel: " + f.message + " [E-KONTROLL]")


def test_kontrollsumma_below_the_derived_figure_has_a_negative_difference(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297832))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.message.endswith("angivet 6 297 832, framräknat 6 297 833, skillnad -1")


def test_kontrollsumma_with_ore_is_compared_exactly(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar="6297833.50"))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.message.endswith("angivet 6 297 833,50, framräknat 6 297 833, skillnad 0,50")


def test_kontrollsumma_with_the_opposite_sign_says_so(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=-6297833))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.message == ("kontrollsumma balansrakning.summa_tillgangar 2023: angivet -6 297 833, framräknat 6 297 833, "
                         "skillnad -12 595 666; bara tecknet skiljer: i de här filerna är intäkter och tillgångar "
                         "positiva och kostnader negativa, som resultaträkningen visar dem")


def test_kontrollsumma_for_last_year_is_checked_against_last_year(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297833).replace("-423974", "-423973"))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.message == ("kontrollsumma resultatrakning.arets_resultat 2022: "
                         "angivet -423 973, framräknat -423 974, skillnad 1")
    assert f.pos.line == halland.line_of("2023.yaml", "resultatrakning.arets_resultat: -423973")


def test_kontrollsumma_with_unknown_key_suggests_the_key(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297833).replace(
        "balansrakning.summa_tillgangar:", "balansrakning.summa_tillgangr:"))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.code == "E-KONTROLL"
    assert f.message == ('kontrollsumma "balansrakning.summa_tillgangr" är inget belopp som räknas fram för 2023; '
                         'menade du "balansrakning.summa_tillgangar"?')
    assert f.pos.line == halland.line_of("2023.yaml", "balansrakning.summa_tillgangr:")


def test_kontrollsumma_for_a_year_outside_the_report(halland):
    halland.append("2023.yaml", KONTROLL.format(tillgangar=6297833).replace("    2022:", "    2021:"))
    [f] = check.check_kontrollsummor(halland.report())
    assert f.code == "E-KONTROLL"
    assert f.message == "kontrollsummor för 2021: bara 2023 och 2022 finns i den här årsredovisningen"


# --- balanskrav ----------------------------------------------------------------------

def test_negative_balanskravsresultat_with_explanation_gives_nothing(halland):
    assert list(check.check_balanskrav(halland.report())) == []


def test_negative_balanskravsresultat_without_explanation_warns(halland):
    halland.cut_from("2023.yaml", "balanskrav:")
    findings = list(check.check_balanskrav(halland.report()))
    assert [(f.code, f.severity) for f in findings] == [("W-BALANSKRAV", Severity.WARNING)]
    assert "årets balanskravsresultat är negativt (-2 812 499 kr)" in findings[0].message
    assert "styrelsens_forklaring" in findings[0].message
    assert findings[0].pos.path == halland.shown("2023.yaml")


def test_positive_balanskravsresultat_needs_no_explanation(sydnarke):
    # Sydnärke 2023 has no balanskrav block and a result of 308 788.
    assert sydnarke.report().figures[2023]["balanskravsresultat.arets_balanskravsresultat"] == 308788
    assert list(check.check_balanskrav(sydnarke.report())) == []


# --- datum ---------------------------------------------------------------------------

def test_signing_date_after_31_march_warns(halland):
    halland.replace("2023.yaml", "  datum: 2024-03-08", "  datum: 2024-04-15")
    findings = list(check.check_datum(halland.report()))
    assert [(f.code, f.severity) for f in findings] == [("W-DATUM", Severity.WARNING)]
    assert findings[0].message.startswith("underskrift.datum 2024-04-15 är efter 2024-03-31")
    assert findings[0].pos.line == halland.line_of("2023.yaml", "datum: 2024-04-15")


def test_board_decision_after_31_march_warns(halland):
    halland.replace("2023.yaml", "styrelsens_beslut: 2024-03-08", "styrelsens_beslut: 2024-04-15")
    [f] = check.check_datum(halland.report())
    assert f.code == "W-DATUM"
    assert f.message.startswith("styrelsens_beslut 2024-04-15 är efter 2024-03-31")
    assert f.pos.line == halland.line_of("2023.yaml", "styrelsens_beslut: 2024-04-15")


def test_signing_on_31_march_is_in_time(halland):
    halland.replace("2023.yaml", "  datum: 2024-03-08", "  datum: 2024-03-31")
    assert list(check.check_datum(halland.report())) == []


def test_signing_before_the_year_ended_is_an_error(halland):
    halland.replace("2023.yaml", "  datum: 2024-03-08", "  datum: 2023-12-31")
    [f] = check.check_datum(halland.report())
    assert (f.code, f.severity) == ("E-DATUM", Severity.ERROR)
    assert f.message.startswith("underskrift.datum 2023-12-31 är före slutet av 2023")


# --- eget kapital against the ceiling ------------------------------------------------

def test_eget_kapital_below_the_ceiling_gives_nothing(halland):
    # 2 668 035 kr is 14 % of 19 085 200 kr, below the configured 15 % (2 862 780 kr).
    r = halland.report()
    assert r.figures[2023]["nyckeltal.eget_kapital_over_tak"] == -194745
    assert list(check.check_eget_kapital_tak(r)) == []


def test_eget_kapital_above_the_ceiling_warns_with_the_figures(halland):
    halland.replace("forbund.yaml", "eget_kapital_tak: 0.15", "eget_kapital_tak: 0.10")
    r = halland.report()
    # Ceiling 0.10 × 19 085 200 = 1 908 520; 2 668 035 − 1 908 520 = 759 515 over.
    assert r.figures[2023]["nyckeltal.eget_kapital_tak"] == 1908520
    assert r.figures[2023]["nyckeltal.eget_kapital_over_tak"] == 759515
    findings = list(check.check_eget_kapital_tak(r))
    assert [(f.code, f.severity) for f in findings] == [("W-EK-TAK", Severity.WARNING)]
    assert text_of(findings[0]).startswith(
        "eget kapital 2 668 035 kr är 14 % av årets medlemsavgifter, 759 515 kr över Nationella rådets "
        "rekommenderade tak på 10 % (1 908 520 kr)")
    assert findings[0].pos.path == halland.shown("2023.yaml")


# --- members' shares -----------------------------------------------------------------

def test_shares_within_a_tenth_of_a_percentage_point_give_nothing(halland):
    # Halland 2023: staten 9 531 000 of 19 085 200 = 49,94 %, within 0,1 procentenhet.
    assert list(check.check_medlemsandelar(halland.report())) == []


def test_shares_off_50_25_25_warn_with_the_figures(sydnarke):
    # 100 000 kr moved from the region to staten; the total stays 5 222 000.
    sydnarke.replace("2023.yaml", "Staten: 2611000.00", "Staten: 2711000.00")
    sydnarke.replace("2023.yaml", "Region Örebro län: 1305500.00", "Region Örebro län: 1205500.00")
    findings = list(check.check_medlemsandelar(sydnarke.report()))
    assert [(f.code, f.severity) for f in findings] == [("W-ANDEL", Severity.WARNING)] * 2
    # 2 711 000 / 5 222 000 = 51,91 %; 1 205 500 / 5 222 000 = 23,09 %.
    assert [text_of(f) for f in findings] == [
        "staten betalade 2 711 000 kr, 51,91 % av 5 222 000 kr; lagens andel är 50 % (2 611 000 kr)",
        "regionen betalade 1 205 500 kr, 23,09 % av 5 222 000 kr; lagens andel är 25 % (1 305 500 kr)",
    ]
    assert {f.pos.path for f in findings} == {sydnarke.shown("2023.yaml")}


def test_kommun_off_its_fordelningsnyckel_warns_at_its_line(halland):
    # 100 000 kr moved from Hylte to Halmstad: the kommuner's quarter is unchanged, but
    # Halmstad (key 8 of 25 → 8 %) and Hylte (key 1 of 25 → 1 %) are off their keys.
    halland.replace("2023.yaml", "Halmstads kommun: 1528640", "Halmstads kommun: 1628640")
    halland.replace("2023.yaml", "Hylte kommun: 191180", "Hylte kommun: 91180")
    findings = list(check.check_medlemsandelar(halland.report()))
    assert [f.code for f in findings] == ["W-ANDEL", "W-ANDEL"]
    assert [text_of(f) for f in findings] == [
        # 1 628 640 / 19 085 200 = 8,53 %; 0,08 × 19 085 200 = 1 526 816.
        "Halmstads kommun betalade 1 628 640 kr, 8,53 % av avgifterna; dess fördelningsnyckel ger 8,00 % "
        "(1 526 816 kr)",
        # 91 180 / 19 085 200 = 0,48 %; 0,01 × 19 085 200 = 190 852.
        "Hylte kommun betalade 91 180 kr, 0,48 % av avgifterna; dess fördelningsnyckel ger 1,00 % (190 852 kr)",
    ]
    assert [f.pos.line for f in findings] == [halland.line_of("2023.yaml", "Halmstads kommun: 1628640"),
                                              halland.line_of("2023.yaml", "Hylte kommun: 91180")]


# --- identities ----------------------------------------------------------------------

def test_balance_sheet_that_does_not_balance(halland):
    # The published Plusgirokonto 2 603 109 instead of the data's rounding-krona 2 603 108.
    halland.replace("2023.yaml", "belopp: 2603108}", "belopp: 2603109}")
    r = halland.report()
    [f] = check.check_balans(r)
    assert (f.code, f.severity) == ("E-BALANS", Severity.ERROR)
    assert ("summa tillgångar 6 297 834, summa eget kapital, avsättningar och skulder 6 297 833, "
            "skillnad 1") in f.message
    [g] = check.check_kassaflode(r)
    assert g.code == "E-KASSAFLODE"
    assert "8 528 237 + årets kassaflöde -2 990 789 = 5 537 448, men likvida medel vid årets slut är 5 537 449" \
        in g.message


def test_varav_and_bilaga_as_published_do_not_add_up(halland):
    # The published "varav Projektkostnader 695 646" of Avgifter för kurser (740 065).
    halland.replace("2023.yaml", "belopp: -695645}", "belopp: -695646}")
    findings = list(check.check_specifikationer(halland.report()))
    assert sorted(f.code for f in findings) == ["E-BILAGA", "E-VARAV"]
    varav = next(f for f in findings if f.code == "E-VARAV")
    assert varav.message.startswith('"Avgifter för kurser": varav-raderna summerar till -740 066, raden är '
                                    "-740 065 (skillnad -1)")
    bilaga = next(f for f in findings if f.code == "E-BILAGA")
    assert bilaga.message == ('bilaga "Projektkostnader per insats" summerar till -15 547 508, men '
                              '"varav Projektkostnader" i noten är -15 547 509 (skillnad 1)')


def test_driftredovisning_that_misses_a_krona(sydnarke):
    sydnarke.replace("2023.yaml", "kostnad: -1392951", "kostnad: -1392950")
    [f] = check.check_driftredovisning(sydnarke.report())
    assert f.code == "E-DRIFT"
    assert f.message.startswith("driftredovisningen 2023 summerar till netto 308 789, men årets resultat är "
                                "308 788 (skillnad 1)")


def test_members_share_of_no_fees_at_all_is_missing_not_zero(sydnarke):
    """Fees that add up to 0 kr give no share: the export has none and the table shows "–"."""
    for name, fee in (("Staten", "2611000.00"), ("Region Örebro län", "1305500.00"), ("Askersunds kommun", "268726.00"),
                      ("Hallsbergs kommun", "380422.00"), ("Kumla kommun", "525685.00"), ("Laxå kommun", "130667.00")):
        sydnarke.replace("2023.yaml", f"  {name}: {fee}", f"  {name}: 0")
    r = sydnarke.report()
    assert r.value("medlemsavgifter.summa") == 0
    assert [k for k in r.figures[2023] if k.startswith("medlemsavgifter.") and "andel" in k] == []
    assert [m.andel for m in r.medlemmar] == [None] * 6
