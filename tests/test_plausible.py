"""Plausibility cases that may end in warnings only (tests/warnings/), run like tests/malformed/.

A board without a chair or two auditors with one name are warnings: the check passes
(exit 0) unless `--strict`, so these cases cannot live in the malformed catalogue, which
asks for a failing exit. Same header, same runner: every `expect:` must be in the output,
and the exit status must be the one given.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_malformed import SOURCE, parse_case, run_check

CASES = sorted((Path(__file__).parent / "warnings").glob("*.yaml"))


def test_there_are_warning_cases():
    assert len(CASES) >= 5


@pytest.mark.parametrize("case_file", CASES, ids=[p.name for p in CASES])
def test_warning_case(case_file: Path, tmp_path: Path):
    case = parse_case(case_file)
    folder = tmp_path / "data" / "halland"
    shutil.copytree(SOURCE, folder)
    (folder / case["target"]).write_bytes(case["content"])
    returncode, output = run_check(tmp_path)
    assert "internal error" not in output, output
    assert returncode == case["exit"], output
    for expected in case["expect"]:
        assert expected in output, f"missing {expected!r} in:\n{output}"


def test_forbund_facts_are_reported_once_when_every_year_is_checked(tmp_path):
    """forbund.yaml is checked with the latest year only: two year files, one warning."""
    folder = tmp_path / "data" / "halland"
    shutil.copytree(SOURCE, folder)
    path = folder / "forbund.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    roll: Ordförande", "    roll: Ledamot"), encoding="utf-8")
    returncode, output = run_check(tmp_path)
    assert returncode == 0, output
    assert output.count("[W-STYRELSE]") == 1, output


@pytest.mark.parametrize("today,warned", [("2023-06-01", False), ("2022-12-31", True), ("2040-01-01", False)])
def test_a_year_file_is_warned_only_when_its_year_has_not_begun(monkeypatch, today, warned):
    import datetime as dt

    from generator.check import rimlighet
    from generator.pipeline import check_year

    monkeypatch.setattr(rimlighet, "_idag", lambda: dt.date.fromisoformat(today))
    report = check_year(SOURCE, 2023).report
    assert report is not None
    found = [f"{f.pos.line}: {f.message}" for f in rimlighet.check_ar(report)]
    assert found == (["5: årsfilen gäller 2023, ett år som inte har börjat än; stämmer årtalet?"] if warned else [])
