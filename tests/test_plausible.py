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
