"""Reading a file's text: only a regular file inside the förbund's folder, of a sane size, UTF-8.

An input file is data and only data: a symlink out of the folder (to /etc/passwd), a
device (/dev/zero), a named pipe, a folder or a socket is refused from its `lstat`,
before it is opened, so nothing outside the folder reaches a message or the report and
nothing hangs or fills the memory. The file is then opened without following links and
without blocking, and checked again on the open handle, so a file swapped in between the
check and the open cannot slip through either.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..findings import Finding, Pos, error

MB = 1024 * 1024
# Far above any real file (the examples are 3–10 kB) and far below what hurts the machine.
LIMIT = {".md": 1 * MB, ".png": 1 * MB, ".jpg": 1 * MB, ".jpeg": 1 * MB, ".svg": 1 * MB}
DEFAULT_LIMIT = 2 * MB

# What the operating system says, in words a kansli user reads.
_OS_SAYS = {
    errno.ENOENT: "filen finns inte",
    errno.EACCES: "du saknar behörighet att läsa den",
    errno.EPERM: "du saknar behörighet att läsa den",
    errno.EISDIR: "det är en mapp, inte en fil",
    errno.ELOOP: "det är en länk, och länkar följs inte här",
    errno.ENXIO: "det är ingen vanlig fil",
    errno.EIO: "disken svarar inte (in/ut-fel)",
}


def os_says(exc: OSError) -> str:
    """The operating system's reason in Swedish, or its own words when there is none."""
    return _OS_SAYS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def size_text(size: int) -> str:
    """1 048 576 → '1,0 MB'; small sizes in kB."""
    if size >= MB:
        return f"{size / MB:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "en mapp"
    if stat.S_ISFIFO(mode):
        return "en namngiven rörledning (FIFO)"
    if stat.S_ISSOCK(mode):
        return "en socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    return "ingen vanlig fil"


def refusal(path: Path, shown: str, folder: Path | None = None) -> Finding | None:
    """Why `path` is not an input file we read (from lstat, nothing opened), or None when it is.

    A symlink is followed only when it ends at a regular file inside `folder` (by default
    the file's own folder): 2023.md → 2022.md is fine, 2023.yaml → /etc/passwd is not.
    """
    folder = folder or path.parent
    try:
        info = path.lstat()
    except OSError as exc:
        return error("E-READ", f"kan inte läsa filen: {os_says(exc)}", Pos(shown))
    if stat.S_ISLNK(info.st_mode):
        target = resolved(path)
        if target is None:
            return error("E-LANK", "filen är en länk som pekar på sig själv i en slinga; ta bort länken och lägg "
                         "en vanlig fil här", Pos(shown))
        if not target.is_relative_to(folder.resolve()):
            return error("E-LANK", "filen är en länk till något utanför förbundets mapp och läses inte; lägg "
                         "en vanlig fil med innehållet här i stället", Pos(shown))
        try:
            info = target.stat()
        except OSError:
            return error("E-LANK", "filen är en länk som inte leder till någon fil; ta bort länken eller lägg "
                         "en vanlig fil här", Pos(shown))
    kind = _kind(info.st_mode)
    if kind:
        return error("E-FILTYP", f"{path.name} är {kind}, inte en vanlig fil, och läses inte; lägg en vanlig "
                     "textfil här", Pos(shown))
    return _too_big(path, info.st_size, shown)


def resolved(path: Path) -> Path | None:
    """Where a link ends, or None for a loop of links (which Path.resolve raises for)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def _too_big(path: Path, size: int, shown: str) -> Finding | None:
    limit = LIMIT.get(path.suffix, DEFAULT_LIMIT)
    if size <= limit:
        return None
    return error("E-STORLEK", f"filen är {size_text(size)}, mer än de {size_text(limit)} som en sådan fil får "
                 "vara; den är troligen fel fil eller har fått något inklistrat av misstag", Pos(shown))


def read_bytes(path: Path, shown: str, folder: Path | None = None) -> tuple[bytes | None, list[Finding]]:
    """The bytes of an input file, or None and a finding saying why it is not read."""
    refused = refusal(path, shown, folder)
    if refused:
        return None, [refused]
    limit = LIMIT.get(path.suffix, DEFAULT_LIMIT)
    try:
        # The link, if any, was checked above; open its target itself, not following any
        # link put there since, and never waiting on a pipe swapped in.
        fd = os.open(resolved(path) or path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, [error("E-READ", f"kan inte läsa filen: {os_says(exc)}", Pos(shown))]
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind:
            return None, [error("E-FILTYP", f"{path.name} är {kind}, inte en vanlig fil, och läses inte",
                                Pos(shown))]
        try:
            raw = handle.read(limit + 1)
        except OSError as exc:
            return None, [error("E-READ", f"kan inte läsa filen: {os_says(exc)}", Pos(shown))]
    big = _too_big(path, len(raw), shown)  # it grew since the check
    return (None, [big]) if big else (raw, [])


def read_text(path: Path, shown: str, folder: Path | None = None) -> tuple[str | None, list[Finding]]:
    """The file's text, or None and a finding saying why it cannot be read."""
    raw, findings = read_bytes(path, shown, folder)
    if raw is None:
        return None, findings
    try:
        # A byte-order mark is invisible in an editor; it is not part of the text.
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc, shown)]


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, shown: str) -> Finding:
    line = raw[: exc.start].count(b"\n") + 1
    # Columns count characters, as editors do, not bytes: å, ä and ö are two bytes each.
    col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", errors="replace")) + 1
    hint = ""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        hint = " (den är sparad som UTF-16)"
    elif raw[exc.start] in b"\xc4\xc5\xd6\xe4\xe5\xf6\xe9":
        hint = " (den ser ut att vara sparad som Latin-1 eller Windows-1252, där å, ä och ö lagras annorlunda)"
    return error("E-UTF8", f"filen är inte giltig UTF-8 (byte 0x{raw[exc.start]:02x}){hint}; spara den som UTF-8 "
                 "i din editor (i Anteckningar: Spara som → Kodning: UTF-8)", Pos(shown, line, col))
