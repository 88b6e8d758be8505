"""The layout stage: which tables, rows, sections and texts the report shows, in which order.

Everything the templates display is decided here, from derived figures only: the numbered
parts and sections (the table of contents and the headings come from one list), every
table with its rows and formats, and the sentences that carry figures.
"""
from __future__ import annotations

from .drift import table_driftredovisning
from .noter import table_not, tables_bilagor
from .page import NoteBlock, Page, Part, Section, layout_report
from .statements import (
                         table_balanskrav,
                         table_balansrakning,
                         table_kassaflodesanalys,
                         table_medlemsavgifter,
                         table_resultatrakning,
)
from .tables import Column, Row, Table

__all__ = ["Column", "NoteBlock", "Page", "Part", "Row", "Section", "Table", "layout_report", "table_balanskrav",
           "table_balansrakning", "table_driftredovisning", "table_kassaflodesanalys", "table_medlemsavgifter",
           "table_not", "table_resultatrakning", "tables_bilagor"]
