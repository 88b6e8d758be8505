"""The PDF printed on a second core is the PDF printed in the same process (issue 14)."""
from __future__ import annotations

import multiprocessing

import pytest

from generator import pipeline

from .conftest import DATA, LATEST


@pytest.mark.slow
def test_the_printer_process_prints_the_same_bytes(tmp_path):
    folder = DATA / "exempelbygd"
    here = next(pipeline.build_all([folder], tmp_path / "here", LATEST["exempelbygd"], printer=False))
    there = next(pipeline.build_all([folder], tmp_path / "there", LATEST["exempelbygd"], printer=True))
    assert [p.name for p in there.written] == [p.name for p in here.written] == ["exempelbygd-2024.html",
                                                                                  "exempelbygd-2024.pdf"]
    for mine, theirs in zip(here.written, there.written, strict=True):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name
    assert there.findings == here.findings
    assert not multiprocessing.active_children()  # the printer stopped with the build


def test_a_year_with_errors_is_not_printed_and_the_printer_stops(tmp_path):
    import shutil

    shutil.copytree(DATA / "halland", tmp_path / "halland")
    year = tmp_path / "halland" / "2023.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("ar: 2023", "ar: 2024", 1), encoding="utf-8")
    outcome = next(pipeline.build_all([tmp_path / "halland"], tmp_path / "build", 2023, printer=True))
    assert outcome.written == () and outcome.errors
    assert not (tmp_path / "build").exists()
    assert not multiprocessing.active_children()
