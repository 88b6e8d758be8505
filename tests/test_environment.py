"""Arguments and the environment (issue 8, points 2 and 5).

make and CLI arguments are validated and never reach a shell as code; every failure of
the machine around the generator (a full or unwritable build/, an output path that is a
folder, a console that cannot print å, a build killed mid-write) is a finding or a
graceful degradation, never "internal error".
"""
from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import DATA, ROOT

USAGE_ERROR = 2


def _data(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def _cli(cwd: Path, *args: str) -> tuple[int, str]:
    """The CLI in this process: exit status and all output (argparse's exit included)."""
    from generator import cli

    out = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue()


def _child(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=environment,
                          capture_output=True, encoding=env.get("PYTHONIOENCODING", "utf-8"), timeout=300)


# --- Arguments --------------------------------------------------------------------------

def _make(cwd: Path, *assignments: str) -> subprocess.CompletedProcess:
    """The real Makefile, run in `cwd` with this Python (STAMP= skips setting up .venv)."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *assignments,
                           "STAMP=", f"PY={sys.executable}"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("variable", ["YEAR", "FORBUND", "BASE"])
@pytest.mark.parametrize("attack", ["2023; touch {marker}", "$$(touch {marker})", "`touch {marker}`",
                                    "2023' ; touch {marker} ; echo '", "$(shell touch {marker})"])
def test_make_runs_no_command_hidden_in_a_variable(tmp_path, variable, attack):
    """Before: `make report YEAR='2023; touch X'` ran `touch X`."""
    cwd = _data(tmp_path)
    marker = tmp_path / "marker"
    target = "diff" if variable == "BASE" else "check"
    result = _make(cwd, target, f"{variable}={attack.format(marker=marker)}")
    assert not marker.exists(), result.stdout + result.stderr
    assert result.returncode != 0


def test_make_says_what_is_wrong_with_year(tmp_path):
    result = _make(_data(tmp_path), "check", "YEAR=2023; touch X")
    assert ('finsam check: fel: argumentet --year: "2023; touch X" är inget år: skriv året med fyra siffror, till '
            "exempel 2023") in result.stderr
    assert not (tmp_path / "X").exists()


def test_make_checks_several_forbund_named_with_a_space(tmp_path):
    result = _make(_data(tmp_path), "check", "FORBUND=halland sydnarke", "YEAR=2023")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("0 fel, 0 varningar")


def test_several_forbund_with_a_comma(tmp_path):
    code, out = _cli(_data(tmp_path), "check", "--forbund", "halland,sydnarke", "--year", "2022")
    assert code == 0, out
    assert out.strip().endswith("0 fel, 1 varning")  # halland's 2022 equity above the ceiling


def test_figures_refuses_several_forbund_clearly(tmp_path):
    code, out = _cli(_data(tmp_path), "figures", "--forbund", "halland,sydnarke")
    assert code == 2
    assert out == "figures: ange ett enda förbund med --forbund (FORBUND=… för make)\n"


@pytest.mark.parametrize(("value", "shown"), [
    ("../etc", "../etc"), ("halland/../sydnarke", "halland/../sydnarke"), ("/etc", "/etc"),
    ("halland;rm -rf x", "halland;rm"), (".hidden", ".hidden"), ("-x", "-x"),
])
def test_forbund_must_be_a_folder_name(tmp_path, value, shown):
    code, out = _cli(_data(tmp_path), "check", f"--forbund={value}")
    assert code == USAGE_ERROR
    assert (f'finsam check: fel: argumentet --forbund: "{shown}" är inget förbundsnamn: skriv namnet på förbundets '
            "mapp under data/, med bara bokstäver, siffror, - och _ (till exempel halland)") in out


def test_an_unknown_forbund_lists_those_that_exist(tmp_path):
    code, out = _cli(_data(tmp_path), "check", "--forbund", "haland")
    assert code == 2
    assert out.startswith('data: fel: det finns ingen förbundsmapp "haland" under data; menade du "halland"?; '
                          "förbund som finns: exempelbygd, halland, sydnarke [E-FORBUND]")


@pytest.mark.parametrize(("value", "shown"), [("23", "23"), ("20234", "20234"), ("２０２３", "２０２３"),
                                              ("2023; touch X", "2023; touch X"), ("", ""), ("-2023", "-2023")])
def test_year_must_be_four_digits(tmp_path, value, shown):
    code, out = _cli(_data(tmp_path), "check", f"--year={value}")
    assert code == USAGE_ERROR
    assert (f'finsam check: fel: argumentet --year: "{shown}" är inget år: skriv året med fyra siffror, till '
            "exempel 2023") in out


def test_diff_base_cannot_be_a_git_option(tmp_path):
    """Before: --base=--output=FILE made git archive write FILE."""
    marker = tmp_path / "written-by-git"
    code, out = _cli(_data(tmp_path), "diff", f"--base=--output={marker}")
    assert code == USAGE_ERROR
    assert f'argumentet --base: "--output={str(marker)[:30]}…" är ingen git-revision' in out
    assert not marker.exists()


# --- The environment --------------------------------------------------------------------

def _report(cwd: Path) -> tuple[int, str]:
    return _cli(cwd, "report", "--forbund", "halland", "--html-only")


def test_build_that_is_a_file_is_a_finding(tmp_path):
    cwd = _data(tmp_path)
    (cwd / "build").write_text("not a folder", encoding="utf-8")
    code, out = _report(cwd)
    assert code == 1
    assert ("build/halland-2023.html: fel: kan inte skriva build/halland-2023.html: en del av sökvägen är en fil, "
            "inte en mapp; se till att mappen build finns, är en mapp, går att skriva i och har plats [E-WRITE]") in out
    assert "halland 2023: kunde inte skrivas" in out


def test_a_folder_among_the_temporary_files_does_not_stop_the_build(tmp_path):
    cwd = _data(tmp_path)
    (cwd / "build" / ".tmp" / "1.stray").mkdir(parents=True)
    code, out = _report(cwd)
    assert code == 0, out
    assert out == "skrev build/halland-2023.html\n"


def test_output_path_that_is_a_folder_is_a_finding(tmp_path):
    cwd = _data(tmp_path)
    (cwd / "build" / "halland-2023.html").mkdir(parents=True)
    code, out = _report(cwd)
    assert code == 1
    assert ("build/halland-2023.html: fel: kan inte skriva build/halland-2023.html: det finns en mapp med det "
            "namnet; se till att mappen build finns, är en mapp, går att skriva i och har plats [E-WRITE]") in out


@pytest.mark.parametrize(("code", "says"), [(errno.ENOSPC, "disken är full"),
                                            (errno.EACCES, "du saknar behörighet att skriva där"),
                                            (errno.EROFS, "filsystemet är skrivskyddat")])
def test_full_or_read_only_build_is_a_finding_and_keeps_the_old_report(tmp_path, monkeypatch, code, says):
    """Injected in-process: a root test run can write anywhere, and no disk is filled for a test."""
    from generator import output

    cwd = _data(tmp_path)
    old = cwd / "build" / "halland-2023.html"
    old.parent.mkdir()
    old.write_text("last year's build", encoding="utf-8")

    def failing(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "fsync", failing)
    status, out = _report(cwd)
    assert status == 1
    assert (f"build/halland-2023.html: fel: kan inte skriva build/halland-2023.html: {says}; se till att mappen "
            "build finns, är en mapp, går att skriva i och har plats [E-WRITE]") in out
    assert old.read_text(encoding="utf-8") == "last year's build"
    assert sorted(p.name for p in old.parent.iterdir()) == ["halland-2023.html"]  # no temporary file left


def test_unwritable_build_when_not_root(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder; the in-process EACCES test covers the message")
    cwd = _data(tmp_path)
    (cwd / "build").mkdir(mode=0o555)
    code, out = _report(cwd)
    assert code == 1 and "du saknar behörighet att skriva där" in out


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
                                 {"LANG": "C", "LC_ALL": "C"}])
def test_a_console_that_cannot_print_swedish_degrades(tmp_path, env):
    """Before: 'internal error: UnicodeEncodeError' with PYTHONIOENCODING=ascii."""
    cwd = _data(tmp_path)
    (cwd / "data" / "halland" / "2023.yml").write_text("ar: 2023\n", encoding="utf-8")
    result = _child(cwd, "check", "--forbund", "halland", **env)
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    expected = 'data/halland/2023.yml: fel: byt namn på filen till "2023.yaml"'
    if env.get("PYTHONIOENCODING") == "ascii":
        expected = expected.replace("å", "\\xe5")
    assert expected in result.stdout
    assert result.stderr.strip().endswith("1 fel, 0 varningar")


def test_internal_error_is_swedish_and_for_real_bugs_only(tmp_path, monkeypatch):
    from generator import cli

    def boom(args):
        raise RuntimeError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "check", ("", boom))
    code, out = _cli(_data(tmp_path), "check")
    assert code == 3
    assert out == ("internt fel (internal error): RuntimeError: a bug\nDet är ett fel i generatorn, inte i era data. "
                   "Kör igen med --debug och rapportera det.\n")


KILLED_WRITER = """
import os, sys, time
from generator import cli, output
real = output.os.fsync
def slow(fd):
    os.write(1, b"writing\\n")
    time.sleep(60)
output.os.fsync = slow
sys.exit(cli.main(["report", "--forbund", "halland", "--html-only"]))
"""


def test_a_build_killed_mid_write_leaves_nothing_visible(tmp_path):
    cwd = _data(tmp_path)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER], cwd=cwd, env=env, stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"  # the temporary file is written, not yet renamed
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    build = cwd / "build"
    visible = [p.name for p in build.iterdir() if not p.name.startswith(".")]
    assert visible == []  # before: a '.halland-2023.html.xxxx' temp file lay beside the reports
    assert [p.name.split(".")[0] for p in (build / ".tmp").iterdir()] == [str(child.pid)]
    # The next run removes what the killed run left and writes the report.
    time.sleep(0.1)
    code, out = _report(cwd)
    assert code == 0, out
    assert sorted(p.name for p in build.iterdir()) == ["halland-2023.html"]
    assert (build / "halland-2023.html").stat().st_size > 1000
