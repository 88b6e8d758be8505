"""The print stage: rendered HTML → PDF/A-3a and PDF/UA-1 with WeasyPrint (and pikepdf after it).

Like WeasyPrint's own `Document`, printing takes the HTML and what it may use: a URL
fetcher (confined to the project's styles, the förbund's folder and the fonts) and the
fonts. The PDF embeds Source Sans Pro (SIL Open Font License, from the PyPI package
`font-source-sans-pro`), so it looks the same on every machine.
"""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import fit, pdfua
from .archive import SourceFile
from .fetcher import ConfinedFetcher
from .findings import Finding
from .paths import STYLES, font_dir

FONT_FACES = (("Regular", 400, "normal"), ("It", 400, "italic"), ("Semibold", 600, "normal"),
              ("SemiboldIt", 600, "italic"), ("Bold", 700, "normal"), ("BoldIt", 700, "italic"))


def font_css() -> str:
    """@font-face rules for the embedded font, read from the font package's folder."""
    folder = font_dir()
    rules = []
    for name, weight, style in FONT_FACES:
        url = (folder / f"SourceSansPro-{name}.otf").as_uri()
        rules.append(f'@font-face {{ font-family: "Source Sans Pro"; src: url("{url}"); font-weight: {weight}; '
                     f"font-style: {style}; }}")
    return "\n".join(rules)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    epoch: int  # seconds since 1970 that stamp the embedded fonts (the board's decision date)


@dataclass(frozen=True)
class Collaborators:
    """What printing may use: where relative URLs point, the fetcher, and the fonts' CSS."""

    base_url: str
    fetcher: ConfinedFetcher
    fonts: str

    @classmethod
    def for_folder(cls, folder: Path) -> Collaborators:
        """For a förbund's report: its folder, the styles and the fonts, nothing else."""
        return cls(folder.resolve().as_uri() + "/", ConfinedFetcher([STYLES, folder, font_dir()]), font_css())


@contextlib.contextmanager
def _source_date(epoch: int) -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the duration of printing.

    fontTools stamps each embedded font subset with the time it was saved ('head' modified)
    unless SOURCE_DATE_EPOCH is set; without it two prints of the same page differ whenever
    they fall in different seconds."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def _attachments(files: tuple[SourceFile, ...], epoch: int) -> list[Any]:
    """The files the report was made from as PDF/A-3 associated files (/AFRelationship /Source).

    Each comes as a data: URL, which carries its MIME type: from a name WeasyPrint would guess
    one from the machine's own tables, and the same build would differ between machines. Both
    dates are the board's decision date, not now, so rebuilds are byte-identical; the names are
    sorted, as the PDF's name tree of embedded files must be."""
    import base64
    import datetime as dt

    from weasyprint import Attachment
    from weasyprint.urls import URLFetcher

    when = dt.datetime.fromtimestamp(epoch, dt.UTC)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return [Attachment(url=f"data:{f.mime};base64,{base64.b64encode(f.data).decode('ascii')}", url_fetcher=fetcher,
                       name=f.name, description=f.description, created=when, modified=when, relationship="Source")
            for f in sorted(files, key=lambda f: f.name.encode("utf-8"))]


def print_pdf(html: str, using: Collaborators, metadata: Metadata, sources: fit.Sources | None = None,
              attachments: tuple[SourceFile, ...] = (), draft: bool = False) -> tuple[bytes, list[Finding]]:
    """The PDF, and a finding for every block wider than its page (cut at the paper's edge).

    A `draft` (the watch preview's) is the same pages without what only the archive needs:
    no PDF/A-3a (so no tags for screen readers), no PDF/UA mending, no attached files. It
    prints about a fifth faster; `finsam report` never makes one."""
    from weasyprint import CSS, DEFAULT_OPTIONS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint reports a refused fetch as a warning; it is expected here, not news.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=using.base_url, url_fetcher=using.fetcher)
    font_config = FontConfiguration()
    fonts = CSS(string=using.fonts, url_fetcher=using.fetcher, font_config=font_config)
    with _source_date(metadata.epoch):
        # What HTML.write_pdf does, in two steps, so the laid-out pages can be measured.
        options = DEFAULT_OPTIONS | {"stylesheets": [fonts]}
        if not draft:
            options |= {"pdf_variant": "pdf/a-3a", "pdf_identifier": f"{metadata.author} {metadata.title}".encode(),
                        "attachments": _attachments(attachments, metadata.epoch)}
        with _fewer_collections():
            laid_out = document.render(font_config, **options)
            findings = fit.overflow(laid_out.pages, sources or fit.Sources({}, metadata.title))
            if draft:
                return laid_out.write_pdf(**options), findings
            with pdfua.traced() as trace:
                printed: bytes = laid_out.write_pdf(**options)
    # The laid-out pages are not needed to mend the PDF: let them go first (an 80-page
    # report's peak memory 448 → 411 MB).
    del laid_out, document
    return pdfua.finish(printed, trace), findings


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cycle collector run less often while WeasyPrint lays out and writes.

    Laying out makes millions of objects that live until the PDF is written, and the
    collector, counting allocations, scans them again and again to find no garbage: a
    fifth of an 80-page report's CPU time (36 → 29 s). Nothing else changes; the
    collector's settings are restored after."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(100_000, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
