"""Print: HTML to PDF with WeasyPrint, and both written to build/ atomically.

The PDF embeds Source Sans Pro (SIL Open Font License, installed from PyPI with the
package `font-source-sans-pro`), so it looks the same on every machine. WeasyPrint may
fetch only files inside the project's styles/ folder, the förbund's data folder and the
font package; anything else (network, other files) is refused.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

from .derive import Arsredovisning
from .render import STYLES, render_pages

FONT_FACES = (("Regular", 400, "normal"), ("It", 400, "italic"), ("Semibold", 600, "normal"),
              ("SemiboldIt", 600, "italic"), ("Bold", 700, "normal"), ("BoldIt", 700, "italic"))


def font_dir() -> Path:
    import font_source_sans_pro

    return Path(font_source_sans_pro.__file__).resolve().parent / "files"


def font_css() -> str:
    folder = font_dir()
    rules = []
    for name, weight, style in FONT_FACES:
        url = (folder / f"SourceSansPro-{name}.otf").as_uri()
        rules.append(f'@font-face {{ font-family: "Source Sans Pro"; src: url("{url}"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    return "\n".join(rules)


def confined_fetcher(allowed: list[Path]):
    """A WeasyPrint URL fetcher that reads local files under `allowed` folders only."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    roots = [p.resolve() for p in allowed]

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":  # the charts, inside the document itself
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"the report may only read files in styles/, its data folder and its fonts, not {url}")

    return ConfinedFetcher(allowed_protocols={"file", "data"})


@contextlib.contextmanager
def _source_date(epoch: int):
    """SOURCE_DATE_EPOCH for the duration of the PDF build.

    fontTools stamps each embedded font subset with the time it was saved ('head'
    modified), unless SOURCE_DATE_EPOCH is set; without it two builds of the same input
    differ whenever they fall in different seconds."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def write_pdf(html: str, base: Path, title: str, author: str, epoch: int = 0) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint reports a refused fetch as a warning; it is expected here, not news.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = confined_fetcher([STYLES, base, font_dir()])
    document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    font_config = FontConfiguration()
    fonts = CSS(string=font_css(), url_fetcher=fetcher, font_config=font_config)
    with _source_date(epoch):
        return document.write_pdf(stylesheets=[fonts], font_config=font_config, pdf_variant="pdf/a-3a",
                                  pdf_identifier=f"{author} {title}".encode("utf-8"))


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is for sharing
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_outputs(report: Arsredovisning, folder: Path, out: Path, pdf: bool = True) -> list[Path]:
    """Render HTML and PDF fully in memory, then replace both files; a failure leaves the old ones."""
    html, print_html = render_pages(report, ("sv", "sv-SE"))
    stem = f"{folder.name}-{report.year}"
    outputs = {out / f"{stem}.html": html.encode("utf-8")}
    if pdf:
        title = f"Årsredovisning {report.year}"
        # The board's decision date stamps the embedded fonts, so the bytes follow the input.
        decided = dt.datetime.combine(report.ar.styrelsens_beslut, dt.time(), dt.timezone.utc)
        outputs[out / f"{stem}.pdf"] = write_pdf(print_html, folder.resolve(), title, report.forbund.namn,
                                                 int(decided.timestamp()))
    for path, data in outputs.items():
        _atomic_write(path, data)
    return list(outputs)
