"""Pictures in the narrative: only the förbund's own PNG and JPEG files, read when the
Markdown is read and embedded in the report.

The report is one self-contained file: its HTML carries each picture as a data: URL (the
only kind its Content-Security-Policy allows), so nothing is fetched when it is shown or
printed. A picture is read like every other input (a regular file inside the förbund's
folder, within a size limit) and must be the kind of file its name says. Any other
picture (a web address, a path outside the folder, a missing file) is not shown, and
links.lint says why at its line.
"""
from __future__ import annotations

import base64
import re
from pathlib import Path, PurePosixPath

from markdown_it.token import Token

from ..load.files import read_bytes

TYP = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
# A relative path of plain names: no scheme, no leading slash, no backslash, no query.
_PLAIN = re.compile(r"[^:/\\?#%\x00-\x20][^:\\?#%\x00-\x1f]*")


def _local(src: str) -> PurePosixPath | None:
    """`bilder/logo.png` as a path inside the folder, or None for anything else."""
    if not _PLAIN.fullmatch(src):
        return None
    path = PurePosixPath(src)
    if any(part in ("..", ".") or part.startswith(".") for part in path.parts):
        return None
    return path


def _image_tokens(tokens: list[Token]) -> list[Token]:
    return [child for block in tokens if block.type == "inline" and block.children
            for child in block.children if child.type == "image"]


def _read(folder: Path, shown_folder: str, src: str) -> tuple[str | None, str]:
    """(data URL, "") for a picture that may be shown, or (None, why not)."""
    local = _local(src)
    if local is None or local.suffix.lower() not in TYP:
        return None, ("bara bilder i förbundets egen mapp kan visas, som PNG eller JPEG (till exempel "
                      "![Styrelsen](styrelsen.jpg)); en webbadress eller en sökväg utanför mappen visas inte")
    path = folder / local
    if not path.resolve().is_relative_to(folder.resolve()):
        return None, "bilden ligger utanför förbundets mapp (via en länkad mapp) och visas inte"
    if not path.exists() and not path.is_symlink():
        return None, f"filen {local} finns inte i förbundets mapp; lägg bilden där eller rätta namnet"
    raw, findings = read_bytes(path, f"{shown_folder}/{local}", folder)
    if raw is None:
        return None, findings[0].message
    mime = TYP[local.suffix.lower()]
    if not raw.startswith(_MAGIC[mime]):
        return None, f"filen {local} är inte en {local.suffix.lower()[1:].upper()}-bild; spara den som PNG eller JPEG"
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}", ""


def read_images(tokens: list[Token], folder: Path, shown_folder: str) -> tuple[dict[str, str], dict[str, str]]:
    """The pictures a parsed text shows: (src → data URL, src → why it is not shown)."""
    shown: dict[str, str] = {}
    refused: dict[str, str] = {}
    for token in _image_tokens(tokens):
        src = str(token.attrGet("src") or "")
        if src in shown or src in refused:
            continue
        url, why = _read(folder, shown_folder, src)
        if url:
            shown[src] = url
        else:
            refused[src] = why
    return shown, refused
