"""Crashes `make fuzz` (tests/fuzz.py) found, each as a minimal reproducer.

Each case changes one line of an example förbund (or writes one file) and runs the
pipeline as `finsam check` and `finsam report` do. None may raise: what a user wrote is a
finding with file and line, never "internal error". Cases not fixed yet are marked
`xfail(strict=True)`, so a fix makes them pass and pytest then says to remove the mark.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import check_year, render_report

from .conftest import DATA

BIG = "1" + "0" * 40  # 10^40 kr: beyond Decimal's 28 digits once multiplied or quantized


def crash(exception: type[Exception], reason: str) -> pytest.MarkDecorator:
    """Not fixed yet: the test fails with exactly this exception until it is."""
    return pytest.mark.xfail(strict=True, raises=exception, reason=reason)


def run(tmp_path: Path, forbund: str, name: str, old: str | None, new: str):
    """The example with `old` replaced by `new` in `name` (or `name` written as `new`), checked and rendered."""
    folder = tmp_path / "data" / forbund
    shutil.copytree(DATA / forbund, folder)
    path = folder / name
    if old is None:
        path.write_text(new, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    outcome = check_year(folder, 2023, base=tmp_path)  # must not raise
    if outcome.report is not None and not outcome.errors:
        render_report(outcome.report)  # must not raise either
    return outcome


def error_lines(outcome, name: str) -> list[int]:
    return [f.pos.line for f in outcome.findings if f.severity == "error" and f.pos.path.endswith(name)]


@pytest.mark.parametrize("text", ["", "Bara text, ingen rubrik.\n", "# En rubrik på nivå 1\n\nText.\n"])
def test_a_narrative_without_a_section_heading(tmp_path, text):
    outcome = run(tmp_path, "halland", "2023.md", None, text)
    assert outcome.report is not None


def test_a_huge_medlemsavgift(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "Hylte kommun: 191180", f"Hylte kommun: {BIG}")
    assert 17 in error_lines(outcome, "2023.yaml")


def test_a_huge_note_row(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "{text: Bankavgifter, belopp: -22437}",
                  f"{{text: Bankavgifter, belopp: -{BIG}}}")
    assert 99 in error_lines(outcome, "2023.yaml")


def test_a_huge_antal_anstallda(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "antal_anstallda: 5", f"antal_anstallda: {BIG}")
    assert 10 in error_lines(outcome, "2023.yaml")


def messages(outcome) -> list[str]:
    return [f.message for f in outcome.findings]


def test_an_invisible_character_in_a_key_is_named_not_printed(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "antal_anstallda: 5", "antal_\u200banstallda: 5")
    assert 10 in error_lines(outcome, "2023.yaml")
    assert not any("\u200b" in m for m in messages(outcome)), messages(outcome)


def test_a_long_wrong_value_is_quoted_as_an_excerpt(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "antal_anstallda: 5", "antal_anstallda: " + "x" * 5000)
    assert 10 in error_lines(outcome, "2023.yaml")
    assert max(len(m) for m in messages(outcome)) < 300, messages(outcome)


# --- The fuzz target itself ----------------------------------------------------------------

def test_the_fuzz_target_classifies_crashes(tmp_path, monkeypatch):
    """An exception, a slow run and a finding without a line are each a crash with a stable key."""
    import signal
    import time

    from generator.findings import Pos, error
    from generator.pipeline import Outcome

    from . import fuzz

    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    old = signal.signal(signal.SIGALRM, fuzz._alarm)
    try:
        monkeypatch.setattr(fuzz, "check_year", lambda *a, **k: {}["missing"])
        crash = fuzz.run_one(folder, tmp_path, {"2023.yaml"}, 5)
        assert crash is not None and crash.key.startswith("KeyError ") and crash.kind == "exception"
        monkeypatch.setattr(fuzz, "check_year", lambda *a, **k: time.sleep(3))
        crash = fuzz.run_one(folder, tmp_path, {"2023.yaml"}, 0.2)
        assert crash is not None and crash.kind == "slow"
        lineless = Outcome("halland", 2023, None, (error("E-X", "fel", Pos("data/halland/2023.yaml")),))
        monkeypatch.setattr(fuzz, "check_year", lambda *a, **k: lineless)
        crash = fuzz.run_one(folder, tmp_path, {"2023.yaml"}, 5)
        assert crash is not None and crash.key == "noline E-X"
    finally:
        signal.signal(signal.SIGALRM, old)


def test_a_short_fuzz_run_reports_its_executions(tmp_path, capsys):
    from . import fuzz

    status = fuzz.main(["--seconds", "2", "--seed", "1", "--minimise-seconds", "1", "--out", str(tmp_path / "crashes")])
    out = capsys.readouterr().out
    assert "executions" in out and "distinct crashes" in out and status in (0, 1)
    assert (status == 1) == (tmp_path / "crashes").exists()


def test_an_amount_with_a_huge_exponent_gets_a_short_message(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "{text: Leverantörsskulder, belopp: 2307073}",
                  "{text: Leverantörsskulder, belopp: 1e40000}")
    assert 119 in error_lines(outcome, "2023.yaml")
    assert max(len(m) for m in messages(outcome)) < 300, [m[:100] for m in messages(outcome)]


def test_an_invisible_character_in_a_heading_is_named_not_printed(tmp_path):
    outcome = run(tmp_path, "halland", "2023.md", "## Organisation\n", "## O\u2066rganisation\n")
    assert [f.pos.line for f in outcome.findings if f.code == "W-RUBRIK"] == [12]
    assert not any("\u2066" in m for m in messages(outcome)), messages(outcome)


def line_of(path, text: str) -> int:
    """The line a text first appears on, so a test follows the example file as it grows."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_huge_soliditet_in_historik(tmp_path):
    outcome = run(tmp_path, "halland", "forbund.yaml", "soliditet: 0.54", f"soliditet: {BIG}")
    assert line_of(DATA / "halland" / "forbund.yaml", "soliditet: 0.54") in error_lines(outcome, "forbund.yaml")


def test_an_invisible_character_after_an_amount_is_named_not_printed(tmp_path):
    outcome = run(tmp_path, "halland", "2023.yaml", "belopp: -1715124\n", "belopp: -1715124\u2066\n")
    assert 55 in error_lines(outcome, "2023.yaml")
    assert not any("\u2066" in m for m in messages(outcome)), messages(outcome)
