"""`finsam diff`: what a change in the data does to the derived figures."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import DATA, run_cli

# Each test makes a git repository and runs the CLI twice.
pytestmark = pytest.mark.slow


def _repo(tmp_path):
    """A git repository holding the example data, committed, as a reviewer's clone would."""
    shutil.copytree(DATA, tmp_path / "data")
    commit = ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data"]
    for args in (["init", "-q"], ["add", "data"], commit):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    return tmp_path


def test_diff_lists_changed_figures_with_before_after_and_difference(tmp_path):
    repo = _repo(tmp_path)
    path = repo / "data" / "sydnarke" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("finansiella_kostnader: -1655", "finansiella_kostnader: -1755"), encoding="utf-8")
    # The command reads the revision from the repository the data lives in.
    result = run_cli("diff", "--base", "HEAD", "--forbund", "sydnarke", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("sydnarke 2023: ") and lines[0].endswith(" belopp har ändrats sedan HEAD")
    assert "    resultatrakning.arets_resultat 2023: 308 788 → 308 688 (-100)" in lines
    assert "    resultatrakning.finansiella_kostnader 2023: -1 655 → -1 755 (-100)" in lines
    assert any(line.startswith("    nyckeltal.soliditet 2023: 18,909 % → ") for line in lines)
    assert "  och `make check` rapporterar nu 3 fel för sydnarke 2023" in lines
    # The working tree is left as it was.
    assert "-1755" in path.read_text(encoding="utf-8")


def test_diff_without_changes_says_so(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.stdout.strip() == "halland 2023: inget härlett belopp har ändrats sedan HEAD"


def test_unknown_revision_is_a_clear_error(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("diff", "--base", "no-such-branch", cwd=repo)
    assert result.returncode == 2
    assert ("data: fel: kan inte läsa data vid no-such-branch: fatal: not a valid object name: no-such-branch "
            "[E-GIT]") in result.stderr
    assert "Traceback" not in result.stderr


def test_data_that_cannot_be_read_is_reported_not_compared(tmp_path):
    repo = _repo(tmp_path)
    path = repo / "data" / "halland" / "forbund.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("namn: Samordningsförbundet Halland\n", "namn:\n"),
                    encoding="utf-8")
    result = run_cli("diff", "--forbund", "halland", cwd=repo)
    assert result.returncode == 2
    assert "data/halland/forbund.yaml:4:1: fel: namn saknar värde" in result.stderr
    assert result.stdout == ""
