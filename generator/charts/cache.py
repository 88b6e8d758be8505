"""Drawn charts kept between builds, by the hash of everything that decides the drawing.

Drawing the charts is most of the web page's build time, and matplotlib's import alone is
half a second. A chart's title and text alternative state every figure it draws (the
tests hold them to it), so together with its size, the unit, the settings, the font and
the code that draws it they determine the SVG: that is the key. A build of unchanged
figures reads the SVG from `build/.cache/charts/` without importing matplotlib; a changed
figure changes the key and the chart is drawn anew. The cache is our own output: a file
that is missing, unreadable or not an SVG is drawn again, and writing is atomic, so two
builds at once never see half a file. FINSAM_NO_CACHE=1 turns it off.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

from ..paths import ROOT

FOLDER = ROOT / "build" / ".cache" / "charts"
# What draws a chart besides the figures: the charts' own code and the formatting of numbers.
CODE = (*sorted((ROOT / "generator" / "charts").glob("*.py")), ROOT / "generator" / "formatting.py",
        ROOT / "generator" / "texts.py")


@cache
def _drawing_inputs() -> str:
    """The code, matplotlib's version and the font file, hashed once per process."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for path in CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("matplotlib", "font-source-sans-pro"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()


def key(*what: object) -> str:
    """The key of one drawing: what it shows (id, title, alt, unit, size) and how it is drawn."""
    from .style import SETTINGS

    return hashlib.sha256(json.dumps([_drawing_inputs(), sorted(SETTINGS.items()), [repr(w) for w in what]])
                          .encode()).hexdigest()


def _enabled() -> bool:
    return os.environ.get("FINSAM_NO_CACHE", "") in ("", "0")


def read(name: str) -> str | None:
    if not _enabled():
        return None
    try:
        text = _path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text if text.startswith("<?xml") and text.rstrip().endswith("</svg>") else None


def write(name: str, svg: str) -> None:
    """Keep a drawing; a folder that cannot be written only means drawing again next time."""
    if not _enabled():
        return
    tmp = None
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=FOLDER, suffix=".tmp", delete=False) as tmp:
            tmp.write(svg)
        os.replace(tmp.name, _path(name))
    except OSError:
        if tmp is not None:
            Path(tmp.name).unlink(missing_ok=True)


def _path(name: str) -> Path:
    return FOLDER / f"{name}.svg"
