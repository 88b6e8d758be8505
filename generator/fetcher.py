"""A URL fetcher for WeasyPrint that reads only files under the folders it is given.

The report's own page carries its styles inline and its charts as data: URLs; besides
those, the PDF may read the fonts and nothing else: no other file, and never the network.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher


class ConfinedFetcher(URLFetcher):
    """Fetches data: URLs and files under `allowed`; refuses everything else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [p.resolve() for p in allowed]

    def allows(self, url: str) -> bool:
        parsed = urlparse(url)
        if parsed.scheme == "data":  # the charts, inside the document itself
            return True
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parsed.path)).resolve()
        return any(path.is_relative_to(root) for root in self.roots)

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not self.allows(url):
            raise ValueError(f"the report may only read files in styles/, its data folder and its fonts, not {url}")
        return super().fetch(url, headers)
