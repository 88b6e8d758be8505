"""Published figures entered as control totals make `check` report exactly the known errors.

Each fixture in tests/fixtures/published/ is a `kontrollsummor:` block holding every figure
printed in one seed report's resultaträkning, balansräkning, kassaflödesanalys and
driftredovisning (both columns), as published. Appended to a copy of the example data's
2023.yaml, `check` must report

* every arithmetic error DESIGN.md lists for that seed (the *_DESIGN_KNOWN lists), and
* the further disagreements the published report necessarily contains because of the
  rounding kronor the example data resolves (the *_EXTRAS lists, each with the arithmetic
  that proves the published figure cannot be right given the others),

each at the line of the fixture where its key stands, and no other finding.

Labelling errors (the "tkr" headings, "2023 | 2023", the ledger signs of notes 9 and 10,
the five-year table) are not control totals and are not in the fixtures.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "published"

# (key, year, published figure, figure the identities require)

HALLAND_DESIGN_KNOWN = [
    # Summa omsättningstillgångar: 649 130 + 5 537 448 = 6 186 578.
    ("balansrakning.summa_omsattningstillgangar", 2023, 6186579, 6186578),
    # Eget kapital 2 668 035 + skulder 3 629 798 = 6 297 833; the balance sheet prints
    # 6 297 834 on both sides.
    ("balansrakning.summa_tillgangar", 2023, 6297834, 6297833),
    ("balansrakning.summa_eget_kapital_avsattningar_och_skulder", 2023, 6297834, 6297833),
    # Balance sheet "Årets vinst" −2 812 500; the income statement says −2 812 499.
    ("balansrakning.arets_resultat", 2023, -2812500, -2812499),
    # Cash-flow 2022 result −423 973; the 2022 income statement says −423 974.
    ("kassaflodesanalys.arets_resultat", 2022, -423973, -423974),
    # Investment 123 618 in the cash flow (printed on the line and on its Summa line),
    # 123 617 in note 6.
    ("kassaflodesanalys.investeringar", 2023, -123618, -123617),
    ("kassaflodesanalys.kassaflode_fran_investeringsverksamheten", 2023, -123618, -123617),
]

HALLAND_EXTRAS = [
    # Not LKBR's line: the published "Verksamhetens nettokostnader" is kostnader +
    # avskrivningar (−22 680 898 − 12 362 = −22 693 260). LKBR's is intäkter + kostnader +
    # avskrivningar = 19 847 560 − 22 680 898 − 12 362 = −2 845 700, which a förbund
    # (no skatteintäkter) also prints as verksamhetens resultat: the published
    # "Verksamhetens resultat −2 845 700" one line below contradicts −22 693 260.
    ("resultatrakning.verksamhetens_nettokostnader", 2023, -22693260, -2845700),
    # The same for 2022: 23 903 561 − 24 279 606 + 0 = −376 045 (= published
    # verksamhetens resultat 2022), not −24 279 606.
    ("resultatrakning.verksamhetens_nettokostnader", 2022, -24279606, -376045),
    # The heading row "Materiella anläggningstillgångar Not 6" prints 0, but its one item,
    # maskiner och inventarier, is 111 255, note 6's "Summa Restvärde" is 111 255, and
    # summa anläggningstillgångar 111 255 has no other component.
    ("balansrakning.summa_materiella_anlaggningstillgangar", 2023, 0, 111255),
    # "Balanserat resultat" 2023 is eget kapital at the end of 2022:
    # 5 904 508 − 423 974 = 5 480 534, and also 2 668 035 − (−2 812 499) = 5 480 534.
    # The printed 5 480 535 only pairs with the wrong "Årets vinst" −2 812 500.
    ("balansrakning.ovrigt_eget_kapital", 2023, 5480535, 5480534),
    # Balance sheet "Årets vinst" 2022 −423 973; the 2022 income statement says −423 974.
    ("balansrakning.arets_resultat", 2022, -423973, -423974),
    # Summa eget kapital 2022: 5 904 508 + (−423 974) = 5 480 534; equally 2023's
    # 2 668 035 − (−2 812 499) = 5 480 534.
    ("balansrakning.summa_eget_kapital", 2022, 5480535, 5480534),
    # Rounding krona resolved in data/halland/2022.yaml: with eget kapital 5 480 534 the
    # 2022 balance sheet (tillgångar 10 245 551, printed and consistent with note 7, note 8
    # and likvida medel) balances only with skulder 10 245 551 − 5 480 534 = 4 765 017.
    ("balansrakning.kortfristiga_skulder", 2022, 4765016, 4765017),
    ("balansrakning.summa_skulder", 2022, 4765016, 4765017),
    # Medel före förändring av rörelsekapital 2022: −423 974 + 0 = −423 974 (the printed
    # −423 973 carries the DESIGN-listed wrong result).
    ("kassaflodesanalys.medel_fore_forandring_av_rorelsekapital", 2022, -423973, -423974),
    # Förändring kortfristiga skulder 2023: 3 629 798 − 4 765 017 = −1 135 219. Equally,
    # the cash flow must close with the income statement's result and note 6's investment:
    # (5 537 448 − 8 528 237) − (−2 812 499) − 12 362 − 1 068 184 − (−123 617) = −1 135 219.
    # The printed −1 135 218 only closes with the wrong investment −123 618.
    ("kassaflodesanalys.forandring_kortfristiga_skulder", 2023, -1135218, -1135219),
    # Förändring kortfristiga skulder 2022: 4 765 017 − 6 321 592 = −1 556 575; equally
    # (8 528 237 − 10 154 498) − (−423 974) − 0 − 354 288 = −1 556 575. The printed
    # −1 556 576 only closes with the wrong result −423 973.
    ("kassaflodesanalys.forandring_kortfristiga_skulder", 2022, -1556576, -1556575),
    # Kassaflöde från den löpande verksamheten 2023: −2 800 137 + 1 068 184 − 1 135 219 =
    # −2 867 172; equally årets kassaflöde −2 990 789 − investeringar (−123 617).
    ("kassaflodesanalys.kassaflode_fran_den_lopande_verksamheten", 2023, -2867171, -2867172),
    # Driftredovisning 2022 "Nettokostnad inkl finansiella poster": the income statement's
    # −24 279 606 + 0 + 5 725 − 53 654 = −24 327 535 (rounding krona resolved in
    # data/halland/2022.yaml).
    ("driftredovisning.summa_kostnad", 2022, -24327534, -24327535),
    # Driftredovisning 2022 "Resultat": 23 903 561 − 24 327 535 = −423 974, the income
    # statement's årets resultat.
    ("driftredovisning.summa_netto", 2022, -423973, -423974),
]

SYDNARKE_DESIGN_KNOWN = [
    # 2022 result −350 633 in the income statement, −350 632 in the balance sheet and
    # cash flow.
    ("balansrakning.arets_resultat", 2022, -350632, -350633),
    ("kassaflodesanalys.arets_resultat", 2022, -350632, -350633),
    # Cash flow "ökning/minskning kortfristiga skulder" −355 412; the two balance sheets
    # differ by 3 435 749 − 3 791 160 = −355 411.
    ("kassaflodesanalys.forandring_kortfristiga_skulder", 2023, -355412, -355411),
]

SYDNARKE_EXTRAS = [
    # Rounding krona resolved in data/sydnarke/2022.yaml: eget kapital at the end of 2022
    # is 843 007 − 350 633 = 492 374, exactly the 2023 balance sheet's övrigt eget
    # kapital, so with kortfristiga skulder 3 791 160 (note 5) the 2022 balance sheet
    # balances only with tillgångar 492 374 + 3 791 160 = 4 283 534, i.e. fordringar
    # 4 283 534 − kassa och bank 1 194 427 = 3 089 107.
    ("balansrakning.fordringar", 2022, 3089108, 3089107),
    # 3 089 107 + 1 194 427 = 4 283 534.
    ("balansrakning.summa_omsattningstillgangar", 2022, 4283535, 4283534),
    # No anläggningstillgångar: 0 + 4 283 534 = 4 283 534.
    ("balansrakning.summa_tillgangar", 2022, 4283535, 4283534),
    # −350 633 + 843 007 + 0 + 3 791 160 = 4 283 534 (the printed 4 283 535 balances only
    # with the DESIGN-listed wrong result −350 632).
    ("balansrakning.summa_eget_kapital_avsattningar_och_skulder", 2022, 4283535, 4283534),
    # Förändring kortfristiga fordringar 2023: 3 089 107 − 2 773 479 = 315 628. Equally the
    # cash flow must close: (1 463 432 − 1 194 427) − 308 788 − (−355 411) = 315 628. The
    # printed 315 629 only closes with the DESIGN-listed wrong −355 412.
    ("kassaflodesanalys.forandring_kortfristiga_fordringar", 2023, 315629, 315628),
    # Förändring kortfristiga fordringar 2022: (1 194 427 − 1 233 862) − (−350 633) −
    # 173 582 = 137 616 (= 3 226 723 − 3 089 107). The printed 137 615 only closes with
    # the wrong result −350 632.
    ("kassaflodesanalys.forandring_kortfristiga_fordringar", 2022, 137615, 137616),
    # Driftredovisning 2022 Summa kostnad (printed 5 568 029 in the Kostnad column): the
    # administration row includes the financial items, so the costs are the income
    # statement's 5 566 728 + 1 610 − 308 = 5 568 030; and 5 217 397 − 5 568 030 =
    # −350 633, årets resultat (rounding krona resolved in data/sydnarke/2022.yaml).
    ("driftredovisning.summa_kostnad", 2022, -5568029, -5568030),
    # Driftredovisning 2022 Summa netto (printed 350 632, its sign a DESIGN-listed
    # labelling error): 5 217 397 − 5 568 030 = −350 633, the income statement's result.
    ("driftredovisning.summa_netto", 2022, -350632, -350633),
]

SEEDS = {
    "halland": ("halland_2023.yaml", HALLAND_DESIGN_KNOWN, HALLAND_EXTRAS),
    "sydnarke": ("sydnarke_2023.yaml", SYDNARKE_DESIGN_KNOWN, SYDNARKE_EXTRAS),
}

FINDING = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>fel|varning): "
                     r"(?P<message>.*) \[(?P<code>[A-Z][A-Z-]*)\]$")
KONTROLL = re.compile(r"^kontrollsumma (?P<key>\S+) (?P<year>\d{4}): angivet (?P<expected>.+), "
                      r"framräknat (?P<computed>.+), skillnad (?P<difference>.+)$")


def plain(value: int) -> str:
    """How check prints an amount: groups of three with spaces, an ASCII minus."""
    return f"{value:,}".replace(",", " ")


def fixture_entries(text: str) -> dict[tuple[str, int], tuple[int, Decimal]]:
    """(key, year) → (1-based line in the fixture text, value) for every control total."""
    doc = YAML().load(text)
    out = {}
    for year, values in doc["kontrollsummor"]["belopp"].items():
        for key, value in values.items():
            line0, _ = values.lc.key(key)
            out[(key, int(year))] = (line0 + 1, Decimal(str(value)))
    return out


def run_check(root: Path, forbund: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # --data is an option of the program, before the subcommand (see generator/cli.py).
    return subprocess.run([sys.executable, "-m", "generator", "--data", "data", "check",
                           "--forbund", forbund, "--year", "2023"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def parse(stdout: str) -> list[dict]:
    findings = []
    for line in stdout.splitlines():
        m = FINDING.match(line)
        assert m, f"not a finding line: {line!r}"
        f = m.groupdict()
        k = KONTROLL.match(f["message"])
        f["key"], f["year"] = (k["key"], int(k["year"])) if k else (None, None)
        f["values"] = (k["expected"], k["computed"], k["difference"]) if k else None
        findings.append(f)
    return findings


@pytest.fixture
def copy_of(tmp_path):
    def make(forbund: str) -> Path:
        shutil.copytree(REPO / "data" / forbund, tmp_path / "data" / forbund)
        return tmp_path / "data" / forbund / "2023.yaml"
    return make


@pytest.mark.parametrize("forbund", sorted(SEEDS))
def test_example_data_alone_is_clean(forbund, copy_of, tmp_path):
    copy_of(forbund)
    result = run_check(tmp_path, forbund)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


@pytest.mark.parametrize("forbund", sorted(SEEDS))
def test_expected_lists_match_fixture(forbund):
    """Every expected finding names a fixture entry holding exactly the published figure."""
    name, design, extras = SEEDS[forbund]
    entries = fixture_entries((FIXTURES / name).read_text(encoding="utf-8"))
    expected = design + extras
    assert len({(k, y) for k, y, _, _ in expected}) == len(expected), "an entry is listed twice"
    for key, year, published, required in expected:
        assert (key, year) in entries, f"{key} {year} is not in {name}"
        assert entries[(key, year)][1] == published, f"{key} {year}: fixture and list disagree"
        assert published != required


@pytest.mark.parametrize("forbund", sorted(SEEDS))
def test_published_figures_as_controls_report_exactly_the_known_errors(forbund, copy_of, tmp_path):
    name, design, extras = SEEDS[forbund]
    fixture = (FIXTURES / name).read_text(encoding="utf-8")
    year_file = copy_of(forbund)
    original = year_file.read_text(encoding="utf-8")
    if not original.endswith("\n"):
        original += "\n"
    offset = len(original.splitlines())  # the fixture's line 1 is the file's line offset + 1
    year_file.write_text(original + fixture, encoding="utf-8")
    entries = fixture_entries(fixture)

    result = run_check(tmp_path, forbund)
    assert result.returncode == 1, result.stdout + result.stderr
    findings = parse(result.stdout)

    shown = f"data/{forbund}/2023.yaml"
    assert {f["path"] for f in findings} == {shown}
    assert {f["severity"] for f in findings} == {"fel"}

    got = {(int(f["line"]), f["code"], f["key"], f["year"]) for f in findings}
    want_design = {(offset + entries[(k, y)][0], "E-KONTROLL", k, y) for k, y, _, _ in design}
    want_extras = {(offset + entries[(k, y)][0], "E-KONTROLL", k, y) for k, y, _, _ in extras}
    assert want_design <= got, f"DESIGN.md's known errors not reported: {sorted(want_design - got)}"
    assert want_extras <= got, f"extra disagreements not reported: {sorted(want_extras - got)}"
    assert got == want_design | want_extras, f"unexpected findings: {sorted(got - want_design - want_extras)}"
    assert len(findings) == len(got), "a finding is reported twice"

    # The messages show the published figure, the derived one and their difference.
    by_key = {(f["key"], f["year"]): f["values"] for f in findings}
    for key, year, published, required in design + extras:
        assert by_key[(key, year)] == (plain(published), plain(required), plain(published - required)), key
