"""`finsam report --jobs N`: the förbund built on N processes give what the serial run gives,
the same files byte for byte, the same lines in the same order and the same exit status."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import DATA


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Halland as it is, and a copy of Exempelbygd whose state paid one krona too much (errors)."""
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA / "halland", root / "halland")
    shutil.copytree(DATA / "exempelbygd", root / "trasig")
    year = root / "trasig" / "2024.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("  Staten: 4000000\n", "  Staten: 4000001\n", 1), encoding="utf-8")
    return root


def build(data: Path, out: Path, capsys, *options: str) -> tuple[int, str, dict[str, bytes]]:
    code = main(["--data", str(data), "report", "--forbund", "trasig,halland", "--out", str(out), *options])
    said = capsys.readouterr().err.replace(str(out), "UT")
    return code, said, {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_two_jobs_build_what_one_builds(data, tmp_path, capsys):
    serial = build(data, tmp_path / "ett", capsys, "--html-only", "--jobs", "1")
    parallel = build(data, tmp_path / "tva", capsys, "--html-only", "--jobs", "2")
    assert parallel == serial
    code, said, files = serial
    assert code == 1 and list(files) == ["halland-2023.html"]
    # The broken förbund's findings first, then Halland's line: the folders' order.
    assert said.index("trasig 2024: byggdes inte") < said.index("skrev UT/halland-2023.html")
    assert "[E-" in said.split("trasig 2024")[0]


def test_every_core_is_jobs_zero(data, tmp_path, capsys):
    assert build(data, tmp_path / "alla", capsys, "--html-only", "--jobs", "0") == \
        build(data, tmp_path / "ett", capsys, "--html-only")


@pytest.mark.slow
def test_the_pdf_built_in_a_worker_is_the_serial_one(data, tmp_path, capsys):
    serial = build(data, tmp_path / "ett", capsys, "--jobs", "1")
    parallel = build(data, tmp_path / "tva", capsys, "--jobs", "2")
    assert parallel == serial
    assert list(serial[2]) == ["halland-2023.html", "halland-2023.pdf"]
