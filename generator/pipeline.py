"""The stages joined: one förbund-year from its folder to the derived report.

load (YAML and Markdown) → derive. Checking, rendering and printing take the result.
"""
from __future__ import annotations

from pathlib import Path

from .derive import Arsredovisning, derive
from .load import Source, load_forbund
from .narrative import read_year


def derive_year(source: Source, year: int) -> Arsredovisning:
    """Read the year's narrative and derive the whole report."""
    sections, findings = read_year(source.root, year)
    return derive(source, year, tuple(sections), findings)


def report_of(folder: Path, year: int) -> Arsredovisning:
    return derive_year(load_forbund(folder), year)
