"""The web page's font: the PDF's Source Sans Pro (generator/pdf.py), cut down to the
characters a Swedish report uses and embedded as data: URLs, so the page looks like the
PDF and still loads nothing.

Cutting a face takes about half a second whatever the characters, so each cut is kept
in build/.cache/webfont/ (keyed by the font, the characters and the options), and every
page gets the same cut (Latin-1 and the punctuation the report
prints), made once per process, and only a page with a character outside it (a name
with "ł", say) gets a cut of its own. Subsetting is deterministic for the same
characters and font files, and the fonts keep their own timestamps
(recalcTimestamp=False), so two builds give the same bytes.
"""
from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import io
import os
from pathlib import Path

from .paths import ROOT, font_dir

# The faces the page uses: body text, italic (varav rows, notes), semibold (headings,
# sums) and bold (the balance sheet's grand totals, **strong** in the narrative).
WEB_FACES = (("Regular", 400, "normal"), ("It", 400, "italic"), ("Semibold", 600, "normal"), ("Bold", 700, "normal"))
# Every page's characters: ASCII, Latin-1 (åäö, é, ü, §, ½ …) and the report's punctuation.
REPERTOIRE = frozenset(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100))) | frozenset("–—−‘’‚“”„…•€‰≈≤≥→")


def _flavor() -> str | None:
    """WOFF2 when brotli is there to compress it, else WOFF."""
    from importlib.util import find_spec

    return "woff2" if find_spec("brotli") else "woff"


# The OpenType features the page's text uses: kerning, and the tabular lining figures of
# the tables. The default list (ligatures, marks, localised forms …) triples the time a cut
# takes and is not used by Swedish body text.
FEATURES = ["kern", "liga", "tnum", "lnum", "pnum"]
CACHE = ROOT / "build" / ".cache" / "webfont"


def _font_file(face: str) -> Path:
    return font_dir() / f"SourceSansPro-{face}.otf"


@functools.lru_cache(maxsize=64)
def subset(face: str, characters: str) -> bytes:
    """One face of the font with only these characters, from the cache when an earlier
    run made the same cut (the key is the font's bytes, the characters and the options)."""
    from fontTools import version as fonttools_version  # type: ignore[import-untyped]

    source = _font_file(face)
    key = hashlib.sha256(b"\0".join([hashlib.sha256(source.read_bytes()).digest(), characters.encode("utf-8"),
                                      " ".join(FEATURES).encode(), fonttools_version.encode(),
                                      str(_flavor()).encode()])).hexdigest()
    cached = CACHE / f"{key}.font"
    with contextlib.suppress(OSError):
        return cached.read_bytes()
    data = _cut(source, characters)
    with contextlib.suppress(OSError):  # a read-only checkout just cuts again next time
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = CACHE / f".{key}.{os.getpid()}"
        tmp.write_bytes(data)
        os.replace(tmp, cached)
    return data


def _cut(source: Path, characters: str) -> bytes:
    from fontTools import subset as fts
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(str(source), recalcTimestamp=False)
    options = fts.Options()
    options.flavor = _flavor()
    options.layout_features = FEATURES
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
    characters = "".join(sorted(REPERTOIRE | {ch for ch in set(text) if ch.isprintable()}))
    flavor = _flavor()
    rules = []
    for face, weight, style in WEB_FACES:
        data = base64.b64encode(subset(face, characters)).decode("ascii")
        rules.append(f'@font-face {{ font-family: "Source Sans Pro"; src: url(data:font/{flavor};base64,{data}) '
                     f'format("{flavor}"); font-weight: {weight}; font-style: {style}; font-display: swap; }}')
    return "\n".join(rules)
