"""The logo on the front page (`logotyp: {fil, alt}` in forbund.yaml): an SVG or PNG file
of the förbund's own folder, read with the rules of every input file and embedded as a
data: URL, so the report stays one file and fetches nothing.

The path is judged like a picture in the narrative (bilder.py): plain names inside the
folder, a link only to a file inside it, a regular file within the size limit. An SVG is
then judged by svg.py (no DOCTYPE, script, event attribute, foreignObject or reference
outside the file), a PNG by its signature and by decoding it whole. Every refusal is an
error: the förbund asked for the logo, and a report that silently lacks it is not the
report it meant.
"""
from __future__ import annotations

import base64
from pathlib import Path, PurePosixPath

from ..findings import Finding, Pos, error
from ..load.files import read_bytes, resolved
from ..model import Forbund
from . import svg
from .bilder import _local, _picture

_TYP = {".svg": "image/svg+xml", ".png": "image/png"}


def _path_problem(folder: Path, fil: str) -> tuple[PurePosixPath | None, str]:
    local = _local(fil)
    if local is None or local.suffix.lower() not in _TYP:
        return None, (f'logotypen "{fil[:40]}" kan inte visas: skriv sökvägen till en SVG- eller PNG-fil i förbundets '
                      "mapp, utan .. och utan webbadress, till exempel fil: bilder/logo.svg")
    path = folder / local
    target = resolved(path)
    if target is None or not target.is_relative_to(folder.resolve()):
        return None, f"logotypen {local} leder via en länk utanför förbundets mapp; lägg filen där som en vanlig fil"
    if not path.exists():
        return None, f"logotypen {local} finns inte i förbundets mapp; lägg filen där eller rätta sökvägen"
    return local, ""


def read_logotyp(forbund: Forbund, folder: Path, shown_folder: str) -> tuple[str | None, list[Finding]]:
    """The logo as a data: URL, or None (no logo asked for, or refused) and the findings why."""
    logo = forbund.logotyp
    if logo is None:
        return None, []
    at = logo.pos_of("fil")
    local, why = _path_problem(folder, logo.fil)
    if local is None:
        return None, [error("E-LOGOTYP", why, at)]
    shown = f"{shown_folder}/{local}"
    raw, findings = read_bytes(folder / local, shown, folder)
    if raw is None:
        return None, [error("E-LOGOTYP", f"logotypen {local} läses inte: {findings[0].message}", at)]
    kind = local.suffix.lower()
    if kind == ".png":
        why = _picture(raw, local)
        if why:
            return None, [error("E-LOGOTYP", f"logotypen: {why}", at)]
    else:
        refused = svg.problems(raw)
        if refused:
            return None, [error("E-LOGOTYP", p.message, Pos(shown, p.line, p.col)) for p in refused]
    return f"data:{_TYP[kind]};base64,{base64.b64encode(raw).decode('ascii')}", []
