"""The web page's font: the PDF's Source Sans Pro (generator/pdf.py), cut down to the
characters a Swedish report uses and embedded as data: URLs, so the page looks like the
PDF and still loads nothing.

Cutting a face takes about a second, almost all of it reading the font, whatever the
characters; so every page gets the same cut (Latin-1 and the punctuation the report
prints), made once per process, and only a page with a character outside it (a name
with "ł", say) gets a cut of its own. Subsetting is deterministic for the same
characters and font files, and the fonts keep their own timestamps
(recalcTimestamp=False), so two builds give the same bytes.
"""
from __future__ import annotations

import base64
import functools
import io
from pathlib import Path

# The faces the page uses: body text, italic (varav rows, notes), semibold (headings,
# sums) and bold (the balance sheet's grand totals, **strong** in the narrative).
WEB_FACES = (("Regular", 400, "normal"), ("It", 400, "italic"), ("Semibold", 600, "normal"), ("Bold", 700, "normal"))
# Every page's characters: ASCII, Latin-1 (åäö, é, ü, §, ½ …) and the report's punctuation.
REPERTOIRE = frozenset(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100))) | frozenset("–—−‘’‚“”„…•€‰≈≤≥→")


def _flavor() -> str | None:
    """WOFF2 when brotli is there to compress it, else WOFF."""
    from importlib.util import find_spec

    return "woff2" if find_spec("brotli") else "woff"


@functools.lru_cache(maxsize=64)
def subset(face: str, characters: str) -> bytes:
    """One face of the font with only these characters (and the features figures need)."""
    import font_source_sans_pro
    from fontTools import subset as fts  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    # The folder generator/pdf.py font_dir() gives, without importing the print stage (WeasyPrint).
    folder = Path(font_source_sans_pro.__file__).resolve().parent / "files"
    font = TTFont(str(folder / f"SourceSansPro-{face}.otf"), recalcTimestamp=False)
    options = fts.Options()
    options.flavor = _flavor()
    options.layout_features = [*options.layout_features, "tnum", "lnum", "pnum"]
    options.hinting = False  # screens render the outlines well unhinted; a quarter smaller
    subsetter = fts.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = options.flavor
    font.save(out)
    return out.getvalue()


def font_css(text: str) -> str:
    """@font-face rules for every character of `text` (the page), as data: URLs."""
    characters = "".join(sorted(REPERTOIRE | {ch for ch in text if ch.isprintable()}))
    flavor = _flavor()
    rules = []
    for face, weight, style in WEB_FACES:
        data = base64.b64encode(subset(face, characters)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "Source Sans Pro"; src: url(data:font/{flavor};base64,{data}) '
                     f'format("{flavor}"); font-weight: {weight}; font-style: {style}; font-display: swap; }}')
    return "\n".join(rules)
