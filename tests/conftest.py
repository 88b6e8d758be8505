"""Shared fixtures: the example data, derived once, and the built reports, built once."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FORBUND = ("halland", "sydnarke", "exempelbygd")
# The year each example's report is built for (its latest year file); exempelbygd is the
# fictional example written for the tests, one year ahead of the two from published reports.
LATEST = {"halland": 2023, "sydnarke": 2023, "exempelbygd": 2024}


def derive_year(folder: Path, year: int):
    """The derived report of one förbund-year, through the pipeline as every command gets it."""
    from generator.pipeline import check_year

    outcome = check_year(folder, year)
    assert outcome.report is not None, [str(f) for f in outcome.findings]
    return outcome.report


def golden_form(html: str) -> str:
    """The HTML as kept in tests/golden: each embedded chart and font replaced by the SHA-256
    of its bytes, so a reviewer reads a diff of text, not of base64 (tests/test_charts.py
    checks the charts themselves, tests/test_web.py the fonts)."""
    import base64
    import hashlib
    import re

    def digest(match: re.Match) -> str:
        svg = base64.b64decode(match.group(1))
        return f"data:image/svg+xml;sha256={hashlib.sha256(svg).hexdigest()}"

    def font(match: re.Match) -> str:
        return f"data:font/{match.group(1)};sha256={hashlib.sha256(base64.b64decode(match.group(2))).hexdigest()}"

    html = re.sub(r"data:font/(woff2?);base64,([A-Za-z0-9+/=]+)", font, html)
    return re.sub(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", digest, html)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Every example built once (PDF and HTML) by the real command, into a temporary build/."""
    work = tmp_path_factory.mktemp("build-all")
    shutil.copytree(DATA, work / "data")
    result = run_cli("report", cwd=work)
    assert result.returncode == 0, result.stderr
    return {name: {"pdf": work / "build" / f"{name}-{LATEST[name]}.pdf",
                   "html": work / "build" / f"{name}-{LATEST[name]}.html"}
            for name in FORBUND}


def pytest_collection_modifyitems(items):
    """A test that needs the built PDFs is slow: `pytest -m 'not slow'` is the quick loop."""
    for item in items:
        if "built" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """The expected outputs are the terminal's: run in GitHub Actions (GITHUB_ACTIONS=true), the
    CLI would add a workflow-command line after each finding. tests/test_annotations.py sets
    the variable where it wants those lines."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
