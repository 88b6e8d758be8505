"""The notes' tables: one per specified statement line, with its bilagor after it."""
from __future__ import annotations

from ..derive import Arsredovisning
from ..derive.noter import Not, NotRad
from ..keys import Noter
from .tables import Cell, Row, RowKind, Table, decimals, year_columns

_ROW_KIND: dict[str, RowKind] = {"rad": "rad", "grupp": "rubrik", "delsumma": "summa", "varav": "varav"}


def _note_row(row: NotRad, years: tuple[int, int]) -> Row:
    kind = "indrag" if row.kind == "rad" and row.level else _ROW_KIND[row.kind]
    values: tuple[Cell, ...] = tuple(row.varden.get(y) for y in years)
    return Row(row.text, values, kind, key=row.key, ends_group=row.kind == "delsumma")


def table_not(note: Not, r: Arsredovisning) -> Table | None:
    """The note's rows and their sum; none for a note of text only."""
    if not note.rader:
        return None
    years = (r.year, r.year - 1)
    rows = [_note_row(row, years) for row in note.rader]
    rows.append(Row(note.summa_text, tuple(note.summa.get(y) for y in years), "totalsumma", key=note.summa_key))
    rows += [_note_row(row, years) for row in note.efter]
    return Table(f"tabell-not-{note.number}", f"Not {note.number} {note.rubrik}",
                 year_columns(r, note.dated), tuple(rows), decimals=decimals(rows), quiet_caption=True,
                 unit_said_above=True)


def tables_bilagor(note: Not, r: Arsredovisning) -> list[Table]:
    out = []
    years = (r.year, r.year - 1)
    for i, b in enumerate(note.bilagor, start=1):
        rows = [Row(row.text, tuple(row.varden.get(y) for y in years), key=row.key) for row in b.rader]
        rows.append(Row("Summa", tuple(b.summa.get(y) for y in years), "totalsumma", key=Noter.summa(b.key)))
        out.append(Table(f"tabell-not-{note.number}-spec-{i}", f"Specifikation till not {note.number}: {b.rubrik}",
                         year_columns(r, False), tuple(rows), decimals=decimals(rows), unit_said_above=True))
    return out
