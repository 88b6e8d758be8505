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
import io
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from markdown_it.token import Token

from ..load.files import read_bytes, resolved

TYP = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
# A relative path of plain names: no scheme, no leading slash, no backslash, no query.
_PLAIN = re.compile(r"[^:/\\?#%\x00-\x20][^:\\?#%\x00-\x1f]*")


def _local(src: str) -> PurePosixPath | None:
    """`bilder/logo.png` as a path inside the folder, or None for anything else."""
    # markdown-it percent-encodes what it parsed (bild_ö.png → bild_%C3%B6.png): decode it
    # once, then the name must be plain.
    name = unquote(src)
    if not _PLAIN.fullmatch(name):
        return None
    path = PurePosixPath(name)
    if any(part in ("..", ".") or part.startswith(".") for part in path.parts):
        return None
    return path


def image_tokens(tokens: list[Token]) -> list[Token]:
    """Every picture of a parsed text, in the order written."""
    return [child for block in tokens if block.type == "inline" and block.children
            for child in block.children if child.type == "image"]


# A picture larger than this is a photo straight from a camera, or built to exhaust memory.
MAX_PIXLAR = 40_000_000


def _picture(raw: bytes, local: PurePosixPath) -> str:
    """Why the bytes are not a picture the report can show, or "" when they are."""
    from PIL import Image  # here, not at the top: ~13 ms that `check` of a narrative without pictures saves

    kind = local.suffix.lower()[1:].upper().replace("JPG", "JPEG")
    if not raw.startswith(_MAGIC[TYP[local.suffix.lower()]]):
        return f"filen {local} är inte en {kind}-bild; spara den som PNG eller JPEG"
    try:
        with Image.open(io.BytesIO(raw)) as image:
            if image.width * image.height > MAX_PIXLAR:
                return (f"bilden {local} är {image.width} × {image.height} bildpunkter; gör den mindre (högst "
                        f"{MAX_PIXLAR // 1_000_000} miljoner bildpunkter, en bild över en sida behöver inte mer)")
            image.load()  # decodes it all: a truncated or damaged file fails here, not silently in the PDF
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return f"filen {local} är en skadad eller ofullständig {kind}-bild; spara den på nytt som PNG eller JPEG"
    return ""


def _read(folder: Path, shown_folder: str, src: str) -> tuple[str | None, str]:
    """(data URL, "") for a picture that may be shown, or (None, why not)."""
    local = _local(src)
    if local is None or local.suffix.lower() not in TYP:
        return None, ("bara bilder i förbundets egen mapp kan visas, som PNG eller JPEG, med en sökväg utan .. (till "
                      "exempel ![Styrelsen](styrelsen.jpg)); en webbadress eller en sökväg utanför mappen visas inte")
    path = folder / local
    target = resolved(path)
    if target is None:
        return None, f"{local} är en länk som pekar på sig själv i en slinga; lägg bilden där som en vanlig fil"
    if not target.is_relative_to(folder.resolve()):
        return None, f"{local} leder via en länk till något utanför förbundets mapp och visas inte"
    if not path.exists():
        return None, f"filen {local} finns inte i förbundets mapp; lägg bilden där eller rätta namnet"
    if not target.is_file():
        return None, f"{local} är ingen vanlig fil; lägg bilden där som en PNG- eller JPEG-fil"
    raw, findings = read_bytes(path, f"{shown_folder}/{local}", folder)
    if raw is None:
        return None, findings[0].message
    why = _picture(raw, local)
    if why:
        return None, why
    return f"data:{TYP[local.suffix.lower()]};base64,{base64.b64encode(raw).decode('ascii')}", ""


def read_images(tokens: list[Token], folder: Path, shown_folder: str) -> tuple[dict[str, str], dict[str, str]]:
    """The pictures a parsed text shows: (src → data URL, src → why it is not shown)."""
    shown: dict[str, str] = {}
    refused: dict[str, str] = {}
    for token in image_tokens(tokens):
        src = str(token.attrGet("src") or "")
        if src in shown or src in refused:
            continue
        url, why = _read(folder, shown_folder, src)
        if url:
            shown[src] = url
        else:
            refused[src] = why
    return shown, refused
