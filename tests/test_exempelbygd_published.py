"""The fictional example as a published report: every amount entered as a control total.

Issue 9 asks that a copy of the third example with published control totals flags exactly
the seeded disagreements. The "published report" here is every amount of the figures
export of Exempelbygd 2024 (both years: statements, notes, driftredovisning, five-year
overview, balanskrav, insatser, follow-up …), written as `kontrollsummor` the way a kansli
would copy them from a printed report — with four typing slips seeded in. `check` must
report those four, each at the line where its key stands, with the published and the
derived figure, and nothing else.
"""
from __future__ import annotations

import json
import re
import shutil
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from generator.keys import BELOPP, format_of

from .conftest import DATA, run_cli

YEAR = 2024

# (key, year, what the slip does to the derived figure): a krona too many, a lost sign,
# a thousand off in the five-year overview, two digits swapped.
SLIPS = {
    ("balansrakning.summa_tillgangar", 2024): lambda v: v + 1,
    ("resultatrakning.arets_resultat", 2023): lambda v: -v,
    ("femar.2021.arets_resultat", 2024): lambda v: v + 1000,
    ("kassaflodesanalys.likvida_medel_vid_arets_slut", 2024): lambda v: Decimal(_swap_second_and_third(str(v))),
}


def _swap_second_and_third(digits: str) -> str:
    assert digits[1] != digits[2], "the slip must change the figure"
    return digits[0] + digits[2] + digits[1] + digits[3:]


def _published(figures: dict[str, dict[str, int | float]]) -> tuple[str, dict[tuple[str, int], tuple[int, int]]]:
    """The kontrollsummor block, and for each slip the published and the true figure."""
    lines = ["kontrollsummor:", "  kalla: Årsredovisning 2024 som den trycktes (fiktiv)", "  belopp:"]
    slips = {}
    for year in (YEAR, YEAR - 1):
        lines.append(f"    {year}:")
        for key, by_year in sorted(figures.items()):
            value = by_year.get(str(year))
            if value is None or format_of(key) != BELOPP:
                continue
            # A report prints whole kronor: a quotient (kostnad per deltagare) as rounded.
            true = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
            shown = SLIPS[(key, year)](true) if (key, year) in SLIPS else true
            if (key, year) in SLIPS:
                slips[(key, year)] = (shown, true)
            lines.append(f"      {key}: {shown}")
    return "\n".join(lines) + "\n", slips


def test_published_control_totals_flag_exactly_the_seeded_slips(tmp_path: Path):
    work = tmp_path / "repo"
    shutil.copytree(DATA / "exempelbygd", work / "data" / "exempelbygd")
    exported = run_cli("figures", "--forbund", "exempelbygd", "--year", str(YEAR), cwd=work)
    assert exported.returncode == 0, exported.stderr
    figures = json.loads(exported.stdout)["figures"]
    block, slips = _published(figures)
    assert set(slips) == set(SLIPS), "every slip names a figure the export has"
    assert block.count("\n") > 300  # the whole report's amounts, not a handful

    year_file = work / "data" / "exempelbygd" / f"{YEAR}.yaml"
    text = year_file.read_text(encoding="utf-8")
    year_file.write_text(text[:text.index("\nkontrollsummor:")] + "\n" + block, encoding="utf-8")
    lines = year_file.read_text(encoding="utf-8").splitlines()

    result = run_cli("check", "--forbund", "exempelbygd", "--year", str(YEAR), cwd=work)
    assert result.returncode == 1, result.stdout + result.stderr
    reported = [line for line in (result.stdout + result.stderr).splitlines() if re.match(r"data/", line)]
    assert all("[E-KONTROLL]" in line for line in reported), reported
    assert len(reported) == len(SLIPS), reported
    for (key, year), (published, true) in slips.items():
        start = lines.index(f"    {year}:")
        number = next(i for i, line in enumerate(lines[start:], start) if line.strip().startswith(f"{key}:")) + 1
        match = [line for line in reported if line.startswith(f"data/exempelbygd/{YEAR}.yaml:{number}:")]
        assert len(match) == 1, (key, year, number, reported)
        assert f"kontrollsumma {key} {year}" in match[0]
        plain = match[0].replace("\u00a0", " ").replace("\u202f", " ")
        assert f"skillnad {_swedish(published - true)}" in plain, match[0]


def _swedish(value: Decimal) -> str:
    """An amount as the messages print it: groups of three, an ASCII minus one can type back."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", " ")
