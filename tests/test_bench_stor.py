"""The bench's large fictional förbund (bench/stor.py) is valid input: no finding at all,
and the 17 members, 40 insatser and two years the bench promises."""
from __future__ import annotations

import sys

import pytest

from generator.findings import Severity
from generator.pipeline import check_year

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import stor


@pytest.mark.parametrize("pages", sorted(stor.PAGES))
def test_every_size_checks_clean(tmp_path, pages):
    folder = stor.write_forbund(tmp_path, *stor.PAGES[pages])
    outcome = check_year(folder)
    problems = [str(f) for f in outcome.findings if f.severity is not Severity.INFO]
    assert outcome.report is not None and problems == []
    assert outcome.report.year == 2024 and outcome.report.ar_med_fil == (2023, 2024)


def test_the_large_forbund_is_as_large_as_promised(tmp_path):
    outcome = check_year(stor.write_forbund(tmp_path))
    assert outcome.report is not None
    forbund = outcome.report.forbund
    assert len(forbund.medlemmar) == 17
    assert [m.typ for m in forbund.medlemmar].count("kommun") == 15
    assert len(outcome.report.arsfil.insatser) == 40
    assert forbund.namn == "Samordningsförbundet Storbygd (fiktivt)"
