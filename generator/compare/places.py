"""Where the report shows a figure: the table (its caption is the group, "Not 8 Fordringar")
and the row's label, in the report's order; read from the layout, so the diff names a
figure as the reader of the report sees it. The notes and statements come first.

A figure no table shows (soliditet, the ceiling of eget kapital) is named by its key's
label and grouped under its section's title ("Nyckeltal"), after every table.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..derive import Arsredovisning
from ..keys import FAMILIES, FIXED, NT, SECTIONS, Noter, lookup
from ..layout import Column, Row, Table, layout_report


@dataclass(frozen=True)
class Place:
    order: tuple[int, int, int]  # (tier, table, row): statements and notes, key figures, the other tables
    group: str  # "Resultaträkning", "Not 8 Fordringar"
    label: str  # the row's text
    when: str | None = None  # the column, where it is not the figure's year ("2021", "Budget netto 2023")


def tables(o: object) -> Iterator[Table]:
    """Every table of the page, in the order the report shows them."""
    if isinstance(o, Table):
        yield o
    elif dataclasses.is_dataclass(o) and not isinstance(o, type):
        for f in dataclasses.fields(o):
            yield from tables(getattr(o, f.name))
    elif isinstance(o, tuple | list):
        for x in o:
            yield from tables(x)
    elif isinstance(o, dict):
        for x in o.values():
            yield from tables(x)


_YEAR = re.compile(r"\s*\b(\d{4})\b")


def _named(row: Row, column: Column) -> tuple[str, str | None]:
    """(label, when) of a figure in a column of a field: "Kansli, budget netto" and the
    year its heading names ("Budget netto 2024"), if any."""
    heading = column.heading
    year = _YEAR.search(heading)
    field = _YEAR.sub("", heading).strip()
    label = f"{row.label}, {field[:1].lower()}{field[1:]}" if field else row.label
    return label, year.group(1) if year else None


def _cells(row: Row, columns: tuple[Column, ...]) -> Iterator[tuple[str, str, str | None]]:
    """(key, label, when) of each figure of a row."""
    if row.cell_keys is not None:
        for column, key in zip(columns, row.cell_keys, strict=False):
            if key:
                yield (key, row.label, column.heading) if column.year is not None else (key, *_named(row, column))
        return
    if row.key is None:
        return
    for column in columns:
        yield (row.key, row.label, None) if column.year is not None else (f"{row.key}.{column.key}",
                                                                          *_named(row, column))


def places(r: Arsredovisning) -> dict[str, Place]:
    """Each key the report's tables show, at its first place: the notes and the statements
    first (a note's row, its total, then the statement line and the totals above it), then
    the other tables (the five-year overview, balanskravsresultat) in the report's order."""
    page = layout_report(r, drawn=False)
    out: dict[str, Place] = {}
    for tier, part in ((0, (page.notes, page.statements)), (2, page)):
        for t, table in enumerate(tables(part)):
            for n, row in enumerate(table.rows):
                for key, label, when in _cells(row, table.columns):
                    out.setdefault(key, Place((tier, t, n), table.caption, label, when))
    return out


_TITLES = [(s.prefix, s.title) for s in SECTIONS] + [(f.prefix, f.title) for f in FAMILIES] + [(Noter.prefix, "Noter")]


def fallback(key: str) -> Place:
    """The place of a figure no table shows: its section, its key's label."""
    found = lookup(key)
    label = found.label if found is not None else key
    family = next((f for f in FAMILIES if f.pattern().match(key)), None)
    if found is not None and family is not None and key not in FIXED:  # its name, as its key spells it
        label = f"{found.label} ({key[len(family.prefix) + 1:].rsplit('.', 1)[0]})"
    for i, (prefix, title) in enumerate(_TITLES):
        if key.startswith(prefix + "."):
            # Key figures (soliditet, eget kapital against its ceiling) right after the notes.
            return Place((1 if prefix == NT.prefix else 3, i, 0), title, label)
    return Place((4, 0, 0), "Övriga belopp", label)
