"""Large changes for review: `check` names, as info, the rows that moved much against last year."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import check_year

REPO = Path(__file__).resolve().parent.parent
NB = "\u00a0"


def _halland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str = "") -> Path:
    """A copy of data/halland under tmp_path/data, with lines added under installningar:."""
    folder = tmp_path / "data" / "halland"
    shutil.copytree(REPO / "data" / "halland", folder)
    if settings:
        path = folder / "forbund.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("installningar:\n", "installningar:\n" + settings, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def _moved(folder: Path) -> list[str]:
    return [f.message.split(" ökade")[0].split(" minskade")[0]
            for f in check_year(folder, 2023).findings if f.code == "I-FORANDRING"]


def test_a_row_that_moved_much_is_info_at_its_line():
    found = [str(f) for f in check_year(REPO / "data" / "halland", 2023).findings if f.code == "I-FORANDRING"]
    assert (f"{REPO}/data/halland/2023.yaml:60:17: info: Personalkostnader ökade med 1{NB}270{NB}720{NB}kr "
            f"(34{NB}%) mot 2022 [I-FORANDRING]").removeprefix(f"{REPO}/") in [s.removeprefix(f"{REPO}/")
                                                                              for s in found]
    # Each of the defaults (25 % and 100 000 kr) must be passed: Övriga kostnader moved 26 %,
    # Avgifter för kurser 457 357 kr; Avskrivningar and Bankavgifter moved too little.
    messages = " | ".join(found)
    assert "Övriga kostnader minskade med 600" in messages and "Avgifter för kurser ökade med 457" in messages
    assert "Bankavgifter" not in messages and "Avskrivning" not in messages


def test_a_text_in_two_statement_lines_is_compared_within_its_own_line():
    """Skattekonto is a fordran both years and a skuld only in 2023: the skuld has nothing to compare with
    (compared by text alone, it would be "81 % less" than 2022's fordran)."""
    found = [f for f in check_year(REPO / "data" / "halland", 2023).findings if f.message.startswith("Skattekonto")]
    assert [(f.pos.line, f.message.split(" mot")[0]) for f in found] == [
        (109, f"Skattekonto minskade med 140{NB}924{NB}kr (76{NB}%)")]


def test_info_changes_neither_the_exit_code_nor_the_warning_count(tmp_path, monkeypatch, capsys):
    _halland(tmp_path, monkeypatch)
    assert main(["check", "--forbund", "halland", "--year", "2023"]) == 0
    assert main(["check", "--strict", "--forbund", "halland", "--year", "2023"]) == 0
    out, err = capsys.readouterr()
    assert "info: Personalkostnader ökade" in out
    assert err.splitlines()[-1] == "0 fel, 0 varningar, 15 info"


def test_the_thresholds_come_from_the_settings(tmp_path, monkeypatch):
    folder = _halland(tmp_path, monkeypatch, "  granskning: {andel: 0.5, belopp: 1000000}\n")
    assert _moved(folder) == ["Verksamhetens intäkter", "EU-bidrag", "Fordringar", "Plusgirokonto",
                              "Leverantörsskulder", "Upplupna kostnader och förutbetalda intäkter"]


def test_a_share_written_as_percent_is_an_error_at_its_line(tmp_path, monkeypatch):
    folder = _halland(tmp_path, monkeypatch, "  granskning:\n    andel: 25\n    belopp: -100000\n")
    found = [str(f) for f in check_year(folder, 2023).findings if f.code == "E-GRANSKNING"]
    assert found == [
        "data/halland/forbund.yaml:64:12: fel: granskning.andel är 25, inte en andel; skriv 0.25 för 25 % "
        "[E-GRANSKNING]",
        "data/halland/forbund.yaml:65:13: fel: granskning.belopp är -100000; skriv beloppet i kronor utan "
        "minustecken, till exempel 100000 [E-GRANSKNING]"]
    assert _moved(folder) == []  # no info from thresholds that are wrong


def test_a_setting_that_is_no_number_is_refused_with_its_line(tmp_path, monkeypatch, capsys):
    _halland(tmp_path, monkeypatch, "  granskning: {andel: tjugofem}\n")
    assert main(["check", "--forbund", "halland"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("data/halland/forbund.yaml:63:")
    assert "andel" in out and "tjugofem" in out
