"""Where the project's own files are: the only files besides a förbund's data that are read."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
STYLES = ROOT / "styles"
SCHEMA = ROOT / "schema"


def font_dir() -> Path:
    """The folder of the report's font files (Source Sans Pro, from the PyPI package
    font-source-sans-pro), for the PDF and the web page alike. Imported when asked for, so
    that neither the package nor the print stage (WeasyPrint) is loaded on start-up."""
    import font_source_sans_pro

    return Path(font_source_sans_pro.__file__).resolve().parent / "files"
