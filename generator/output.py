"""Writing the built files: each completely or not at all, never a partial file in build/.

Each file is written to a temporary file in the hidden `build/.tmp/` and then renamed over
the old one (the same filesystem, so the rename is atomic). A build killed mid-write
(SIGKILL, power) leaves its temporary file only there, never a 0-byte or half file under a
report's name; the next run removes what dead runs left, and leaves the files of a run
still going (named by its process id) alone.
"""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .findings import Finding, Pos, error
from .load.files import os_says

TMP = ".tmp"

_WRITE_SAYS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "din diskkvot är slut",
    errno.EACCES: "du saknar behörighet att skriva där",
    errno.EPERM: "du saknar behörighet att skriva där",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EISDIR: "det finns en mapp med det namnet",
    errno.EEXIST: "en fil står i vägen för mappen",
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def clean_leftovers(out: Path) -> None:
    """Remove the temporary files of runs that are no longer running (killed mid-write)."""
    tmp = out / TMP
    try:
        entries = list(tmp.iterdir())
    except OSError:
        return
    for entry in entries:
        pid = entry.name.split(".", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)) or int(pid) == os.getpid():
            with contextlib.suppress(OSError):  # a folder someone put there: left alone
                entry.unlink(missing_ok=True)


def _atomic_write(target: Path, data: bytes) -> None:
    if target.is_dir():  # os.replace would say only "Is a directory"
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    tmp_dir = target.parent / TMP
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{os.getpid()}.{target.name}.", dir=tmp_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the bytes on disk before the name points at them
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is for sharing
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_empty_tmp(out: Path) -> None:
    with contextlib.suppress(OSError):  # not empty (another run is writing), or not there
        (out / TMP).rmdir()


def write_all(files: dict[Path, bytes]) -> tuple[list[Path], list[Finding]]:
    """Write each file atomically; a file that cannot be written is a finding, not a traceback."""
    written, findings = [], []
    for folder in {path.parent for path in files}:
        clean_leftovers(folder)
    for path, data in files.items():
        try:
            _atomic_write(path, data)
            written.append(path)
        except OSError as exc:
            why = _WRITE_SAYS.get(exc.errno or 0) or os_says(exc)
            findings.append(error("E-WRITE", f"kan inte skriva {path}: {why}; se till att mappen {path.parent} "
                                  "finns, är en mapp, går att skriva i och har plats", Pos(str(path))))
    for folder in {path.parent for path in files}:
        _remove_empty_tmp(folder)
    return written, findings
