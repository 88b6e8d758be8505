"""Reading a file's text: UTF-8 only, with a positioned finding when it is not."""
from __future__ import annotations

from pathlib import Path

from ..findings import Finding, Pos, error


def read_text(path: Path, shown: str) -> tuple[str | None, list[Finding]]:
    """The file's text, or None and a finding saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("E-READ", f"cannot read the file: {exc.strerror}", Pos(shown))]
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
        hint = " (it is saved as UTF-16)"
    elif raw[exc.start] in b"\xc4\xc5\xd6\xe4\xe5\xf6\xe9":
        hint = " (it looks like Latin-1 or Windows-1252: å, ä, ö are stored differently there)"
    return error("E-UTF8", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}){hint}; save it as UTF-8 "
                 "in your editor", Pos(shown, line, col))
