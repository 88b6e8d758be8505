"""`make report` builds a förbund-year only when something it is made from changed (issue 14).

The real Makefile runs in a small project of its own in tmp_path, with a stand-in for the
generator (PY=) that records each build and writes the two files as the CLI does; so each
test sees exactly which reports make decided to build, in a fraction of a second.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import DATA, ROOT

# The stand-in: `PY -m generator report --forbund F --year Y` appends "F Y" to built.log and
# writes build/F-Y.html and .pdf; FAIL names a förbund whose build fails, as one with errors does.
STAND_IN = """#!/bin/sh
shift 2
echo "$*" >> built.log
[ "$3" = "$FAIL" ] && exit 1
mkdir -p build && touch "build/$3-$5.html" "build/$3-$5.pdf"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("halland", "sydnarke"):
        shutil.copytree(DATA / name, tmp_path / "data" / name)
    for folder, name in (("generator", "pipeline.py"), ("templates", "report.html.j2"), ("styles", "report.css")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("x\n", encoding="utf-8")
    stand_in = tmp_path / "py"
    stand_in.write_text(STAND_IN, encoding="utf-8")
    stand_in.chmod(0o755)
    return tmp_path


def make(project: Path, *assignments: str, fail: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    """`make report` in the project: its result, and the builds it ran (then forgotten)."""
    log = project / "built.log"
    log.unlink(missing_ok=True)
    result = subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "report", *assignments,
                             "STAMP=", f"PY={project / 'py'}"], cwd=project, capture_output=True, text=True,
                            timeout=60, env={"PATH": "/usr/bin:/bin", "FAIL": fail})
    return result, log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def later(path: Path) -> None:
    """Touch a file a second later than anything built, whatever the file system's resolution."""
    stamp = time.time() + 2
    os.utime(path, (stamp, stamp))


def test_the_first_make_builds_every_forbund_the_second_nothing(project):
    result, built = make(project)
    assert result.returncode == 0, result.stderr
    assert built == ["report --forbund halland --year 2023", "report --forbund sydnarke --year 2023"]
    assert "up to date" not in result.stdout + result.stderr  # make's English about the files it just made
    result, built = make(project)
    assert result.returncode == 0 and built == []
    assert result.stdout == ("Inget har ändrats sedan senaste bygget; aktuella (PDF och HTML): "
                             "build/halland-2023.pdf build/sydnarke-2023.pdf\n")


@pytest.mark.parametrize(("changed", "rebuilt"), [
    ("data/halland/2023.md", ["halland"]),
    ("data/halland/2022.yaml", ["halland"]),  # an earlier year feeds the comparisons
    ("data/sydnarke/forbund.yaml", ["sydnarke"]),
    ("templates/report.html.j2", ["halland", "sydnarke"]),
    ("styles/report.css", ["halland", "sydnarke"]),
    ("generator/pipeline.py", ["halland", "sydnarke"]),
])
def test_a_change_rebuilds_the_reports_made_from_it(project, changed, rebuilt):
    make(project)
    later(project / changed)
    result, built = make(project)
    assert result.returncode == 0, result.stderr
    assert built == [f"report --forbund {name} --year 2023" for name in rebuilt]


def test_a_new_file_with_any_name_in_the_folder_rebuilds(project):
    make(project)
    logo = project / "data" / "halland" / "Logga 2023 (ny).png"
    logo.write_bytes(b"\x89PNG")
    later(logo)
    assert make(project)[1] == ["report --forbund halland --year 2023"]


def test_a_removed_output_is_built_again(project):
    make(project)
    (project / "build" / "sydnarke-2023.html").unlink()
    assert make(project)[1] == ["report --forbund sydnarke --year 2023"]


def test_forbund_and_year_choose_the_reports(project):
    assert make(project, "FORBUND=sydnarke")[1] == ["report --forbund sydnarke --year 2023"]
    assert make(project, "FORBUND=halland,sydnarke", "YEAR=2022")[1] == [
        "report --forbund halland --year 2022", "report --forbund sydnarke --year 2022"]


def test_a_failed_forbund_does_not_stop_the_others_and_make_fails(project):
    result, built = make(project, fail="halland")
    assert result.returncode != 0
    assert built == ["report --forbund halland --year 2023", "report --forbund sydnarke --year 2023"]
    result, built = make(project)  # the failed one is tried again, the built one not
    assert built == ["report --forbund halland --year 2023"]


@pytest.mark.parametrize("assignment", ["FORBUND=nope", "YEAR=2021", "YEAR=%", "YEAR=20*", "FORBUND=../data/halland",
                                        "YEAR=2023; touch X", "FORBUND=$(shell touch X)"])
def test_anything_else_goes_to_the_cli_as_written(project, assignment):
    """A name or year make does not know exactly is not guessed at: the CLI gets it, quoted, and says what is wrong."""
    variable, value = assignment.split("=", 1)
    result, built = make(project, assignment)
    option = "--forbund" if variable == "FORBUND" else "--year"
    assert built == [f"report {option} {value}"], result.stderr
    assert not (project / "X").exists()
