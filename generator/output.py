"""Writing the built files: each completely or not at all, never a partial file in build/."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .findings import Finding, Pos, error


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is for sharing
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(files: dict[Path, bytes]) -> tuple[list[Path], list[Finding]]:
    """Write each file atomically; a file that cannot be written is a finding, not a traceback."""
    written, findings = [], []
    for path, data in files.items():
        try:
            _atomic_write(path, data)
            written.append(path)
        except OSError as exc:
            findings.append(error("E-WRITE", f"cannot write {path}: {exc.strerror}; check that the folder exists, "
                                  "is writable and has room", Pos(str(path))))
    return written, findings
