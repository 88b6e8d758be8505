"""`finsam fmt`: every data file of the förbund in canonical form, in place or as a check.

A file is written only when its canonical form differs, atomically (a temporary file in
the same folder, then renamed over it), keeping its permissions; a file that does not
load is left as it is and its findings are printed. `--check` writes nothing and names
each file that is not canonical at its first line that differs.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding, Pos, error, excerpt
from ..load.files import os_says, read_text
from ..load.names import FORBUND_FILE, YEAR_FILE
from ..load.source import shown
from .canon import canonical, kind_of


@dataclass(frozen=True)
class Result:
    """What fmt did with one file: `changed` when its canonical form differs from it."""

    shown: str
    changed: bool
    findings: list[Finding]


def data_files(folder: Path, year: int | None = None) -> Iterator[Path]:
    """forbund.yaml first, then the year files in order of their names; with a year, only its file."""
    wanted = (lambda name: name == f"{year}.yaml") if year else (
        lambda name: name == FORBUND_FILE or bool(YEAR_FILE.match(name)))
    names = sorted(p.name for p in folder.iterdir() if wanted(p.name))
    for name in sorted(names, key=lambda n: n != FORBUND_FILE):
        yield folder / name


def format_file(path: Path, base: Path, check: bool) -> Result:
    """Put one file in canonical form (or, with check, say where it is not)."""
    name = shown(path, base)
    text, found = read_text(path, name)
    if text is None:
        return Result(name, False, found)
    result, found = canonical(text, kind_of(path.name), name)
    if found or result == text:
        return Result(name, False, found)
    if check:
        return Result(name, True, [first_difference(text, result, name)])
    problem = write_atomically(path, result, name)
    return Result(name, True, [problem] if problem else [])


def first_difference(text: str, result: str, name: str) -> Finding:
    """The first line where the file and its canonical form differ, as a finding."""
    have, want = text.splitlines(), result.splitlines()
    line = next((i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b), min(len(have), len(want)))
    written = f"»{excerpt(have[line].strip())}«" if line < len(have) else "filens slut"
    wanted = f"»{excerpt(want[line].strip())}«" if line < len(want) else "filens slut"
    if text.replace("\r\n", "\n").removesuffix("\n") == result.removesuffix("\n") or written == wanted:
        how = "radsluten, blanktecknen i radslut eller filens sista radbrytning skiljer sig"
    else:
        how = f"här står {written}, i kanonisk form {wanted}"
    return error("E-FORMAT", f"filen är inte i kanonisk form från rad {line + 1}: {how}; kör make fmt (finsam fmt) "
                 "för att skriva om den", Pos(name, line + 1, 1))


def write_atomically(path: Path, text: str, name: str) -> Finding | None:
    """Replace the file by the text all at once: a temporary file beside it, renamed over it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return error("E-WRITE", f"kunde inte skriva filen: {os_says(exc)}; den är oförändrad", Pos(name))
    return None
