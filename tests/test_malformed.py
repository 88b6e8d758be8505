"""Malformed input never crashes the checker: each case gives exit 1 or 2 and a positioned message.

Each file in tests/malformed/ is one case. Its first lines are a header of comments:

    # replaces: 2023.yaml     (or forbund.yaml, 2022.yaml; or "# adds: 2024.yaml")
    # exit: 2                 (1: findings, 2: unusable input)
    # expect: data/halland/2023.yaml:7:3: fel: unknown key "medlemsavgifer"
    # expect: menade du "medlemsavgifter"
    # note: …                 (optional, for the reader)
    # body-only: true         (optional: write only the lines after the header, e.g. an empty file)

The case is copied, header included (so its line numbers are the ones in the messages),
over a copy of data/halland in a temporary directory, and the checker runs there (the
CLI's own entry point, in this process). Every
`expect:` must appear in its output; the first names file, line and column.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "malformed"
SOURCE = REPO / "data" / "halland"
HEADER = re.compile(rb"^#\s*(replaces|adds|exit|expect|note|body-only):\s?(.*?)\s*$")


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def parse_case(path: Path) -> dict:
    """The header's fields, and the bytes to write (the whole file, or the body only)."""
    raw = path.read_bytes()
    lines = raw.splitlines(keepends=True)
    fields: dict[str, list[str]] = {}
    n = 0
    for line in lines:
        match = HEADER.match(line.rstrip(b"\r\n"))
        if not match:
            break
        fields.setdefault(match.group(1).decode("ascii"), []).append(match.group(2).decode("utf-8"))
        n += 1
    target = (fields.get("replaces") or fields.get("adds") or [None])[0]
    assert target, f"{path.name}: header needs '# replaces: FILE' or '# adds: FILE'"
    assert "exit" in fields, f"{path.name}: header needs '# exit: 1' or '# exit: 2'"
    assert fields.get("expect"), f"{path.name}: header needs at least one '# expect: …'"
    body_only = fields.get("body-only", ["false"])[0].lower() in ("true", "yes")
    return {
        "target": target,
        "adds": "adds" in fields,
        "exit": int(fields["exit"][0]),
        "expect": fields["expect"],
        "content": b"".join(lines[n:]) if body_only else raw,
    }


def run_check(cwd: Path) -> tuple[int, str]:
    """`finsam check --data data --forbund halland` in `cwd`, in this process: its exit status and output.

    In-process so that the 70-odd cases take a second, not a minute; the CLI's own
    handler turns any exception into "internal error", which the test refuses.
    """
    from generator import cli

    out = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        returncode = cli.main(["check", "--data", "data", "--forbund", "halland"])
    return returncode, out.getvalue()


ORIGINAL_DATA = _digest(REPO / "data")
CASE_FILES = sorted(CASES.glob("*.yaml"))


def test_there_are_enough_cases():
    assert len(CASE_FILES) >= 35


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_malformed_input(case_file: Path, tmp_path: Path):
    case = parse_case(case_file)
    assert case["exit"] in (1, 2), "a malformed case must fail with 1 (findings) or 2 (unusable input)"
    folder = tmp_path / "data" / "halland"
    shutil.copytree(SOURCE, folder)
    target = folder / case["target"]
    assert target.exists() != case["adds"], (
        f"{case_file.name}: 'adds' needs a new file, 'replaces' an existing one ({case['target']})")
    target.write_bytes(case["content"])
    before = _digest(tmp_path)

    returncode, output = run_check(tmp_path)

    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    assert returncode == case["exit"], f"exit {returncode}, expected {case['exit']}:\n{output}"
    for expected in case["expect"]:
        assert expected in output, f"missing {expected!r} in:\n{output}"
    # The checker reads its input and writes nothing: not the files, not next to them.
    assert _digest(tmp_path) == before, "the checker changed or created files"
    assert _digest(REPO / "data") == ORIGINAL_DATA, "the repository's data/ changed"
