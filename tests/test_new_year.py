"""`finsam new-year`, then `check`: next year's file, what it leaves to fill in, and nothing else."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
# Halland 2023 has 8 members' fees, 2 dates and antal_anstallda, 57 rows with belopp in the
# statements, the investering, 4 figures of the driftredovisning, 6 insatser's utfall and 3
# counts: 82 amounts; and 11 headings in its narrative, each with a SKRIV: line.
AMOUNTS, HEADINGS = 82, 11


@pytest.fixture
def halland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data" / "halland"
    shutil.copytree(REPO / "data" / "halland", folder)
    monkeypatch.chdir(tmp_path)
    return folder


def _new_year(capsys: pytest.CaptureFixture[str], forbund: str = "halland", year: str = "2024") -> tuple[int, str, str]:
    code = main(["new-year", "--forbund", forbund, "--year", year])
    out, err = capsys.readouterr()
    return code, out, err


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--forbund", "halland", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_new_year_then_check_lists_exactly_what_is_left_to_fill_in(halland, capsys):
    code, out, err = _new_year(capsys)
    assert code == 0
    listed = out.splitlines()
    assert len(listed) == AMOUNTS + HEADINGS
    assert err.splitlines()[-1] == (f"{AMOUNTS + HEADINGS} att fylla i; make check FORBUND=halland YEAR=2024 "
                                    "visar vad som är kvar")
    code, found, err = _check(capsys, "--year", "2024")
    assert code == 1  # a year still to fill in is not finished
    assert found == listed  # what new-year listed is what check lists, in the same order
    assert all(": att fylla i: " in line for line in found)
    assert err.splitlines()[-1] == f"0 fel, 0 varningar, {AMOUNTS + HEADINGS} att fylla i"
    for line in (
        "data/halland/2024.md:3:1: att fylla i: skriv årets text under \"Ordföranden har ordet\" och ta bort raden som "
        "börjar med SKRIV: [F-SKRIV]",
        "data/halland/2024.yaml:6:1: att fylla i: styrelsens_beslut: fyll i dagen då styrelsen fastställer "
        "årsredovisningen, ÅÅÅÅ-MM-DD [F-FYLL]",
        'data/halland/2024.yaml:13:3: att fylla i: fyll i årets medlemsavgift för "Staten" i kronor [F-FYLL]',
        "data/halland/2024.yaml:33:36: att fylla i: resultatrakning.verksamhetens_kostnader: fyll i beloppet för "
        '"Driftkostnader" under "Konsultkostnader" [F-FYLL]',
        "data/halland/2024.yaml:136:7: att fylla i: driftredovisning.verksamheter: fyll i budgeten för "
        '"Medlemsavgifter och övriga intäkter" [F-FYLL]',
    ):
        assert line in found


def test_the_year_before_is_checked_as_before(halland, capsys):
    """The new year takes nothing from 2023's file and breaks nothing in it."""
    before = _check(capsys, "--year", "2023")
    _new_year(capsys)
    assert _check(capsys, "--year", "2023") == before
    code, found, _ = _check(capsys)  # every year: only the new one has findings of its own
    assert code == 1
    assert not [line for line in found if ": fel: " in line]


def test_what_is_filled_in_leaves_the_list(halland, capsys):
    _new_year(capsys)
    path = halland / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  Staten:\n", "  Staten: 9600000\n", 1), encoding="utf-8")
    code, found, _ = _check(capsys, "--year", "2024")
    assert code == 1 and len(found) == AMOUNTS + HEADINGS - 1
    assert not [line for line in found if '"Staten"' in line]


def test_a_year_still_to_fill_in_builds_no_report(halland, capsys):
    _new_year(capsys)
    code = main(["report", "--forbund", "halland", "--html-only", "--out", "build"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == "halland 2024: byggdes inte; fyll i det som står ovan först"
    assert not (halland.parent.parent / "build" / "halland-2024.html").exists()


def test_no_figure_of_the_year_before_is_copied_and_comments_are_kept(halland, capsys):
    _new_year(capsys)
    text = (halland / "2024.yaml").read_text(encoding="utf-8")
    old = (halland / "2023.yaml").read_text(encoding="utf-8")
    assert text.count("\n#") + text.startswith("#") > 0
    for comment in ("# Rounding krona: published 695 646, which makes the split 740 066, one",
                    "# Mål as in the published §1.5, in our own words.",  # after balanskrav, which is dropped
                    "# yaml-language-server: $schema=../../schema/ar.schema.json"):
        assert comment in old and comment in text
    assert "ar: 2024\nstyrelsens_beslut:\n" in text
    for figure in ("9531000", "-5029619", "2934340", "19607958", "14036493", "313}"):
        assert figure in old and figure not in text
    # The year's decisions and assessments are the board's of that year, and go.
    for key in ("balanskrav:", "status:", "maluppfyllelse:", "aterstalls_inte:"):
        assert key in old and key not in text
    # What is likely the same stays: the rows' texts, the insatser's purpose, the goals.
    for kept in ("text: Personalkostnader", "avser: varav Projektkostnader", "kvantitativt_mal: Minst 533",
                 "ort: Halmstad", "Förbundet lånar inte."):
        assert kept in text
    md = (halland / "2024.md").read_text(encoding="utf-8")
    assert md.startswith("## Ordföranden har ordet\n\nSKRIV: årets text om Ordföranden har ordet (2023.md har "
                         "fjolårets).\n")
    assert "### Intern kontroll" in md and "Tylösand" not in md


def test_new_year_never_writes_over_a_file(halland, capsys):
    (halland / "2024.md").write_text("## Egen text\n\nRedan skriven.\n", encoding="utf-8")
    code, out, err = _new_year(capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "data/halland/2024.md: fel: filen finns redan, och new-year skriver aldrig över en fil; fyll i den som den är, "
        "eller ta bort 2024.yaml och 2024.md först om du vill börja om [E-FINNS]"]
    assert not (halland / "2024.yaml").exists()
    assert (halland / "2024.md").read_text(encoding="utf-8") == "## Egen text\n\nRedan skriven.\n"
    assert sorted(p.name for p in halland.iterdir()) == ["2022.yaml", "2023.md", "2023.yaml", "2024.md",
                                                         "forbund.yaml"]  # no temporary file left


def test_a_second_new_year_is_refused_and_changes_nothing(halland, capsys):
    assert _new_year(capsys)[0] == 0
    written = (halland / "2024.yaml").read_bytes()
    code, _, err = _new_year(capsys)
    assert code == 1 and "data/halland/2024.yaml: fel: filen finns redan" in err
    assert (halland / "2024.yaml").read_bytes() == written


def test_new_year_needs_the_year_before(halland, capsys):
    code, _, err = _new_year(capsys, year="2026")
    assert code == 1
    assert err.splitlines() == ["data/halland: fel: det finns ingen 2025.yaml i data/halland att utgå från; new-year "
                                "skriver nästa års fil ur årets [E-NOFILE]"]


@pytest.mark.parametrize(("forbund", "year"), [("sydnarke", "2024"), ("exempelbygd", "2025")])
def test_every_example_gives_a_new_year_with_nothing_wrong(tmp_path, monkeypatch, capsys, forbund, year):
    shutil.copytree(REPO / "data" / forbund, tmp_path / "data" / forbund)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _new_year(capsys, forbund, year)
    assert code == 0 and out
    assert main(["check", "--forbund", forbund, "--year", year]) == 1
    found = capsys.readouterr().out.splitlines()
    assert found == out.splitlines()
    assert all(": att fylla i: " in line for line in found)


def test_a_skriv_line_left_in_a_finished_year_stops_its_report(halland, capsys):
    path = halland / "2023.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "## Uppdrag\n", "## Uppdrag\n\nSKRIV: något om uppdraget.\n", 1), encoding="utf-8")
    code, found, _ = _check(capsys, "--year", "2023")
    assert code == 1
    assert ('data/halland/2023.md:24:1: att fylla i: skriv årets text under "Uppdrag" och ta bort raden som börjar '
            "med SKRIV: [F-SKRIV]") in found
    assert main(["report", "--forbund", "halland", "--year", "2023", "--html-only", "--out", "build"]) == 1
    assert not (halland.parent.parent / "build" / "halland-2023.html").exists()


@pytest.mark.parametrize(("forbund", "year"), [("halland", "2024"), ("sydnarke", "2024"), ("exempelbygd", "2025")])
def test_a_new_year_is_already_in_canonical_form(tmp_path, monkeypatch, capsys, forbund, year):
    # The förbund's pre-commit hook runs fmt-check: a fresh year must pass it, empty
    # amounts inside {…} included (written `null`, never a `!!null` tag the loader refuses).
    shutil.copytree(REPO / "data" / forbund, tmp_path / "data" / forbund)
    monkeypatch.chdir(tmp_path)
    assert _new_year(capsys, forbund, year)[0] == 0
    written = (tmp_path / "data" / forbund / f"{year}.yaml").read_bytes()
    assert main(["fmt", "--check", "--forbund", forbund, "--year", year]) == 0, capsys.readouterr().out
    assert main(["fmt", "--forbund", forbund, "--year", year]) == 0
    assert (tmp_path / "data" / forbund / f"{year}.yaml").read_bytes() == written
