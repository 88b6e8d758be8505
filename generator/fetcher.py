"""A URL fetcher for WeasyPrint that reads only files under the folders it is given.

The report's own page carries its styles inline and its charts as data: URLs; besides
those, the PDF may read the fonts and nothing else: no other file, and never the network.
A file must be a regular file of a kind a page uses (a style sheet, a font, a picture)
once every symlink is followed, so a link out of a folder, a device or a named pipe is
refused before it is opened; a data: URL is limited in size (the charts are a few KiB).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher

KINDS = {".css", ".otf", ".ttf", ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".svg"}
DATA_LIMIT = 2 * 1024 * 1024  # characters of one data: URL
DATA_KINDS = ("data:image/svg+xml", "data:image/png", "data:image/jpeg")


class ConfinedFetcher(URLFetcher):
    """Fetches data: URLs and files under `allowed`; refuses everything else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [p.resolve() for p in allowed]

    def allows(self, url: str) -> bool:
        if url[:5].lower() == "data:":  # the charts, inside the document itself
            return len(url) <= DATA_LIMIT and url.lower().startswith(DATA_KINDS)
        parsed = urlparse(url)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost") or parsed.query or parsed.fragment:
            return False
        path = Path(unquote(parsed.path)).resolve()
        return (any(path.is_relative_to(root) for root in self.roots) and path.suffix.lower() in KINDS
                and path.is_file())

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not self.allows(url):
            shown = url if len(url) <= 80 else url[:79] + "…"
            raise ValueError(f"rapporten får bara läsa filer i styles/, förbundets mapp och typsnitten, inte {shown}")
        return super().fetch(url, headers)
