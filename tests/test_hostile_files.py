"""Input files are data, only data, only ours (issue 8, point 1).

Cases that cannot be a replaced file in tests/malformed/: symlinks, devices, pipes,
sockets, folders where a file belongs, sizes, and names that are ignored on purpose.
Each gives its exact message; none may print what a file outside the förbund holds.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.files import read_bytes, refusal

from .conftest import DATA, ROOT

LANK = ("fel: filen är en länk till något utanför förbundets mapp och läses inte; lägg en vanlig fil med "
        "innehållet här i stället [E-LANK]")


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "halland", tmp_path / "data" / "halland")
    return tmp_path / "data" / "halland"


def _check(cwd: Path, *args: str) -> tuple[int, str]:
    """`finsam check --forbund halland` in this process: exit status and all output."""
    from generator import cli

    out = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["check", "--forbund", "halland", *args])
    return code, out.getvalue()


def _check_child(cwd: Path) -> subprocess.CompletedProcess:
    """The same in a child with a time limit: a pipe or /dev/zero must not hang the test run."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "generator", "check", "--forbund", "halland"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_a_year_file_linked_to_a_system_file_is_refused_and_not_printed(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2024.yaml").symlink_to("/etc/passwd")
    code, out = _check(tmp_path)
    assert code == 2
    assert f"data/halland/2024.yaml: {LANK}" in out
    assert "root:" not in out  # before: the whole of /etc/passwd was in the message


def test_a_narrative_linked_out_of_the_folder_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2023.md").unlink()
    (folder / "2023.md").symlink_to("/etc/hostname")
    code, out = _check(tmp_path)
    assert code == 2
    assert f"data/halland/2023.md: {LANK}" in out


def test_a_link_to_another_forbunds_file_is_refused(tmp_path):
    folder = _copy(tmp_path)
    shutil.copytree(DATA / "sydnarke", tmp_path / "data" / "sydnarke")
    (folder / "forbund.yaml").unlink()
    (folder / "forbund.yaml").symlink_to(tmp_path / "data" / "sydnarke" / "forbund.yaml")
    code, out = _check(tmp_path)
    assert code == 2
    assert f"data/halland/forbund.yaml: {LANK}" in out
    assert "forbund.yaml saknas" not in out  # it is there, refused: not "missing"


def test_a_link_inside_the_folder_is_followed(tmp_path):
    folder = _copy(tmp_path)
    (folder / "texter").mkdir()
    (folder / "2023.md").rename(folder / "texter" / "arsredovisning.md")
    (folder / "2023.md").symlink_to(Path("texter") / "arsredovisning.md")
    code, out = _check(tmp_path, "--year", "2023")
    assert code == 0, out


def test_a_dangling_link_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2024.yaml").symlink_to(folder / "finns-inte.yaml")
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2024.yaml: fel: filen är en länk som inte leder till någon fil; ta bort länken eller "
            "lägg en vanlig fil här [E-LANK]") in out


def test_a_link_loop_is_refused(tmp_path):
    """Found while writing these tests: Path.resolve raised RuntimeError, an "internal error"."""
    folder = _copy(tmp_path)
    (folder / "2024.yaml").symlink_to("2024.yaml")
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2024.yaml: fel: filen är en länk som pekar på sig själv i en slinga; ta bort länken och "
            "lägg en vanlig fil här [E-LANK]") in out


def test_a_link_to_dev_zero_neither_hangs_nor_fills_memory(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2024.yaml").symlink_to("/dev/zero")
    result = _check_child(tmp_path)
    assert result.returncode == 2
    assert f"data/halland/2024.yaml: {LANK}" in result.stdout


def test_a_named_pipe_does_not_hang(tmp_path):
    folder = _copy(tmp_path)
    os.mkfifo(folder / "2024.yaml")
    result = _check_child(tmp_path)
    assert result.returncode == 2
    assert ("data/halland/2024.yaml: fel: 2024.yaml är en namngiven rörledning (FIFO), inte en vanlig fil, och "
            "läses inte; lägg en vanlig textfil här [E-FILTYP]") in result.stdout


def test_a_folder_named_like_a_year_file_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2024.yaml").mkdir()
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2024.yaml: fel: 2024.yaml är en mapp, inte en vanlig fil, och läses inte; lägg en "
            "vanlig textfil här [E-FILTYP]") in out


def test_a_folder_named_like_the_narrative_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2023.md").unlink()
    (folder / "2023.md").mkdir()
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2023.md: fel: 2023.md är en mapp, inte en vanlig fil, och läses inte; lägg en vanlig "
            "textfil här [E-FILTYP]") in out


def test_a_socket_is_refused(tmp_path):
    folder = _copy(tmp_path)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "2024.yaml"))
        code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2024.yaml: fel: 2024.yaml är en socket, inte en vanlig fil, och läses inte; lägg en "
            "vanlig textfil här [E-FILTYP]") in out


def test_a_device_is_refused_from_its_lstat():
    found = refusal(Path("/dev/zero"), "2024.yaml", Path("/dev"))
    assert str(found) == ("2024.yaml: fel: zero är en enhetsfil, inte en vanlig fil, och läses inte; lägg en "
                          "vanlig textfil här [E-FILTYP]")


def test_a_pipe_swapped_in_after_the_check_is_not_waited_on(tmp_path, monkeypatch):
    """The race: the check saw a file, a pipe is there at the open. O_NONBLOCK and fstat catch it."""
    from generator.load import files

    os.mkfifo(tmp_path / "2024.yaml")
    monkeypatch.setattr(files, "refusal", lambda *args: None)
    raw, found = read_bytes(tmp_path / "2024.yaml", "2024.yaml")
    assert raw is None
    assert [str(f) for f in found] == ["2024.yaml: fel: 2024.yaml är en namngiven rörledning (FIFO), inte en vanlig "
                                       "fil, och läses inte [E-FILTYP]"]


def test_a_link_swapped_in_after_the_check_is_not_followed(tmp_path, monkeypatch):
    from generator.load import files

    (tmp_path / "2024.yaml").symlink_to("/etc/passwd")
    monkeypatch.setattr(files, "refusal", lambda *args: None)
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: self)  # the link appears after resolving
    raw, found = read_bytes(tmp_path / "2024.yaml", "2024.yaml")
    assert raw is None
    assert [str(f) for f in found] == ["2024.yaml: fel: kan inte läsa filen: det är en länk, och länkar följs inte "
                                       "här [E-READ]"]


def test_a_year_file_over_two_megabytes_is_refused_with_its_size(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2024.yaml").write_bytes(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland/2024.yaml: fel: filen är 3,0 MB, mer än de 2,0 MB som en sådan fil får vara; den är "
            "troligen fel fil eller har fått något inklistrat av misstag [E-STORLEK]") in out
    assert "xxxx" not in out


def test_a_narrative_over_one_megabyte_is_refused_with_its_size(tmp_path):
    folder = _copy(tmp_path)
    (folder / "2023.md").write_bytes(b"## Organisation\n" + b"text " * 300_000)
    code, out = _check(tmp_path, "--year", "2023")
    assert code == 2
    assert ("data/halland/2023.md: fel: filen är 1,4 MB, mer än de 1,0 MB som en sådan fil får vara; den är "
            "troligen fel fil eller har fått något inklistrat av misstag [E-STORLEK]") in out


def test_the_year_file_renamed_yml_no_longer_builds_the_year_before(tmp_path):
    """Before: 2023.yaml saved as 2023.yml made `check` and `report` quietly use 2022."""
    folder = _copy(tmp_path)
    (folder / "2023.yaml").rename(folder / "2023.yml")
    code, out = _check(tmp_path)
    assert code == 2
    assert ('data/halland/2023.yml: fel: byt namn på filen till "2023.yaml"; med ett annat namn läses den inte '
            "[E-FILNAMN]") in out


@pytest.mark.parametrize("name", ["2023.yaml~", ".2023.yaml.swp", "2023.yaml.bak", "2023.yaml.orig", ".DS_Store",
                                  "logo.png", "anteckningar.txt"])
def test_backups_hidden_files_and_other_files_are_ignored(tmp_path, name):
    """Editor and backup copies are the user's own spare copies: no finding, not read."""
    folder = _copy(tmp_path)
    (folder / name).write_bytes(b"\x00\xff not yaml at all: [")
    code, out = _check(tmp_path, "--year", "2023")
    assert code == 0, out


def test_a_forbund_folder_linked_out_of_data_is_refused(tmp_path):
    shutil.copytree(DATA / "halland", tmp_path / "elsewhere" / "halland")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "halland").symlink_to(tmp_path / "elsewhere" / "halland")
    code, out = _check(tmp_path)
    assert code == 2
    assert ("data/halland: fel: halland är en länk till en mapp utanför data och läses inte; lägg förbundets mapp "
            "under data/ [E-LANK]") in out


def test_a_folder_with_only_a_misspelt_forbund_file_is_not_skipped(tmp_path):
    """`make check` without FORBUND looks at every förbund; a Forbund.yaml must not hide one."""
    folder = _copy(tmp_path)
    (folder / "forbund.yaml").rename(folder / "Forbund.yaml")
    from generator import cli

    out = io.StringIO()
    with contextlib.chdir(tmp_path), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["check"])
    assert code == 2
    assert ('data/halland/Forbund.yaml: fel: byt namn på filen till "forbund.yaml" (små bokstäver, o utan '
            "prickar); med ett annat namn läses den inte [E-FILNAMN]") in out.getvalue()


def test_an_unreadable_file_says_why_in_swedish(tmp_path, monkeypatch):
    import errno

    from generator.load import files

    (tmp_path / "2024.yaml").write_text("ar: 2024\n", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", denied)
    raw, found = read_bytes(tmp_path / "2024.yaml", "2024.yaml")
    assert raw is None
    assert [str(f) for f in found] == ["2024.yaml: fel: kan inte läsa filen: du saknar behörighet att läsa den "
                                       "[E-READ]"]


def test_the_input_files_are_never_changed(tmp_path):
    folder = _copy(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (folder / "2024.yaml").symlink_to("/etc/passwd")
    _check(tmp_path)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "2024.yaml"} == before


def test_a_folder_without_forbund_yaml_says_so_in_swedish(tmp_path):
    folder = _copy(tmp_path)
    (folder / "forbund.yaml").unlink()
    code, out = _check(tmp_path)
    assert code == 2
    assert out.startswith("data/halland: fel: forbund.yaml saknas i data/halland; varje förbunds mapp behöver en "
                          "(se data/halland/forbund.yaml) [E-NOFILE]")


def test_a_folder_without_year_files_says_so_in_swedish(tmp_path):
    folder = _copy(tmp_path)
    for name in ("2022.yaml", "2023.yaml", "2023.md"):
        (folder / name).unlink()
    code, out = _check(tmp_path)
    assert code == 2
    assert out.startswith("data/halland: fel: det finns ingen årsfil (till exempel 2023.yaml) i förbundets mapp "
                          "[E-NOYEAR]")
