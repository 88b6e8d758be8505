"""Where the project's own files are: the only files besides a förbund's data that are read."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
STYLES = ROOT / "styles"
SCHEMA = ROOT / "schema"
