"""What a table is once laid out: columns, rows and how each cell is shown.

A table holds derived figures (or, in a table shown in tkr, those figures rounded so the
shown rows add up to the shown total) and texts; the template only formats and places
them. Column headings come from the years in the data, the unit from the table's settings.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from markupsafe import Markup

from ..derive import Arsredovisning
from ..derive.jamforelse import justerade_i, note_number
from ..derive.noter import line_label
from ..formatting import bokslutsdag
from ..keys import Key
from ..texts import ENHET

# How a cell is shown: an amount in the table's unit, an amount with "kr", a share, a
# count, or text (plain, or a goal's status).
CellFormat = Literal["belopp", "kr", "procent", "heltal", "text", "status"]
RowKind = Literal["rad", "indrag", "varav", "rubrik", "summa", "totalsumma", "minnespost"]
# A figure, a text, or None for a figure that is missing ("–"); "" in a column of figures
# is a cell with nothing to show (a memo row's intäkt), not a missing figure.
Cell = Decimal | int | str | Markup | None


# Rows of a table that may break across pages (a third of an A4 page of rows).
LONG_TABLE = 14


@dataclass(frozen=True)
class Column:
    heading: str
    key: str  # what the column holds: a year, or a field name
    format: CellFormat = "belopp"

    @property
    def numeric(self) -> bool:
        """Figures are right-aligned in tabular digits; texts are not."""
        return self.format not in ("text", "status")

    @property
    def year(self) -> int | None:
        """The year a column of years holds; none for a column of a field (budget, utfall)."""
        return int(self.key) if len(self.key) == 4 and self.key.isdigit() else None


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Cell, ...]
    kind: RowKind = "rad"
    note: tuple[int, ...] = ()  # the notes the Not column points to, "3, 7"
    key: str | None = None
    format: CellFormat | None = None  # for every cell of the row, instead of the columns'
    css: str = ""  # an extra class, e.g. a goal's status
    # The export's key of each cell, where the row's figures are not named `<key>.<column>`
    # (a total row: `driftredovisning.summa_netto`); None for a cell without a figure.
    cell_keys: tuple[str | None, ...] | None = None
    # The last row of the group its heading opened (the group's sum): the rows after it are
    # no longer under that heading.
    ends_group: bool = False


@dataclass(frozen=True)
class Table:
    id: str  # the HTML id
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unit: str | None = "kr"  # kr, tkr, mnkr; None for a table without amounts in its caption
    decimals: int = 0
    note_column: bool = False
    footnotes: tuple[str, ...] = ()  # shown under the table
    first_header: str = ""  # heading of the label column
    quiet_caption: bool = False  # the caption is read by screen readers, the heading above shows it
    # The unit is said once above the table (the notes: "Belopp anges i kronor ..." under the
    # part's heading), so the caption says it to screen readers only.
    unit_said_above: bool = False
    css: str = "statement"
    header: bool = True  # a table of facts has no column headings
    # How a tkr/mnkr table rounds the export's figures: "column" (formatting.distribute, so
    # the shown rows add up to the shown total) or "cell" (each figure on its own, half to
    # even, for a table whose rows are not parts of a total, such as the five-year overview).
    rounding: Literal["column", "cell"] = "column"

    @property
    def unit_text(self) -> str:
        return ENHET[self.unit] if self.unit else ""

    @property
    def grid(self) -> str:
        """The grid the table is set on (styles/tables.css). A table of this year and last
        year (the statements, the balanskravsresultat, every note and specification) is set
        on the statement grid, "tva-ar": the same label, Not and figure columns, so figures
        stand on one right edge from table to table. Other shapes (the five-year overview,
        the driftredovisning, text tables) keep their own grid: ""."""
        two_years = len(self.columns) == 2 and all(c.year is not None and c.numeric for c in self.columns)
        return "tva-ar" if two_years and self.header else ""

    @property
    def long(self) -> bool:
        """A table that may break between its rows on paper (its headings repeated): one of
        more rows than a third of a page holds; a shorter one moves whole to the next page."""
        return len(self.rows) > LONG_TABLE

    @property
    def groups(self) -> tuple[tuple[Row, ...], ...]:
        """The rows in their groups, one <tbody> each, so a heading row (th scope=rowgroup)
        covers only its own rows for a screen reader (and in the PDF's structure). A heading
        opens a group; its sum (`ends_group`) or the next heading closes it, and a total row
        never stands under a heading. Rows outside any heading form groups without one."""
        out: list[tuple[Row, ...]] = []
        current: list[Row] = []
        for row in self.rows:
            headed = bool(current) and current[0].kind == "rubrik"
            if current and (row.kind == "rubrik" or (row.kind == "totalsumma" and headed)):
                out.append(tuple(current))
                current = []
            current.append(row)
            if row.ends_group and current[0].kind == "rubrik":
                out.append(tuple(current))
                current = []
        if current:
            out.append(tuple(current))
        return tuple(out)

    @property
    def width(self) -> int:
        """Columns in all: the label, the note references, the values."""
        return len(self.columns) + (2 if self.note_column else 1)

    def cell_format(self, row: Row, column: Column) -> CellFormat:
        return row.format or column.format

    def cell_year(self, row: Row, column: Column, report_year: int) -> int:
        """Which year's figures hold the cell's key (see `cell_key`)."""
        return report_year if row.cell_keys is not None or column.year is None else column.year

    def cell_key(self, row: Row, column: Column) -> str | None:
        """The figures export's key of the figure a cell shows (a table never disagrees with it).

        In a table of years the cell is `figures[year][row.key]`; in a table of fields it is
        `figures[report year][f"{row.key}.{column.key}"]`; in a table of facts (a column
        without key) the row's key is the figure's. A row may name its cells' keys itself:
        keys of the report year's figures (the five-year overview's `femar.<år>.<kolumn>`).
        """
        if row.cell_keys is not None:  # keys of the report year's export, whatever the column
            return row.cell_keys[self.columns.index(column)]
        if row.key is None:
            return None
        if column.year is not None or not column.key:
            return row.key
        return f"{row.key}.{column.key}"


def total(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of a column's figures; none when no row has one (a column nobody filled in)."""
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def decimals(rows: Iterable[Row], amount_columns: int = 99) -> int:
    """Öre are shown only when the data has öre; whole kronor otherwise."""
    for row in rows:
        for v in row.values[:amount_columns]:
            if isinstance(v, Decimal) and v != v.to_integral_value():
                return 2
    return 0


def year_columns(r: Arsredovisning, dated: bool) -> tuple[Column, ...]:
    """This year and last year: as years, or as balance-sheet dates in the report's date style
    (2023-12-31, or 31 december 2023 with `datumformat: lang`)."""
    style = r.forbund.installningar.datumformat
    return tuple(Column(bokslutsdag(y, style) if dated else str(y), str(y)) for y in (r.year, r.year - 1))


class Statement:
    """Collects the rows of a statement from derived figures, dropping lines empty in both years."""

    def __init__(self, r: Arsredovisning):
        self.r = r
        self.years = (r.year, r.year - 1)
        self.rows: list[Row] = []
        self.notes: dict[str, tuple[int, ...]] = {}
        for n in r.noter:
            for line in n.avser:
                self.notes[line] = (*self.notes.get(line, ()), n.number)
        for j in justerade_i(r):  # a line whose comparison figure differs from last year's report
            self.notes[j.key] = (*self.notes.get(j.key, ()), note_number(r))

    def line(self, key: Key, kind: RowKind = "rad", always: bool = False, label: str | None = None,
             ends_group: bool = False) -> bool:
        """One statement line; `ends_group` for the sum that closes the heading above it."""
        values = tuple(self.r.value(key, y) for y in self.years)
        notes = self.notes.get(key, ())
        if not always and not notes and all(v is None or v == 0 for v in values):
            return False
        self.rows.append(Row(label or line_label(self.r.arsfil, key), values, kind, notes, key,
                             ends_group=ends_group))
        return True

    def heading(self, text: str) -> None:
        self.rows.append(Row(text, (None,) * len(self.years), "rubrik"))

    def group(self, heading: str, lines: Iterable[Key], total: Key | None = None) -> bool:
        """A heading, its lines, their sum: all left out when every line is empty."""
        start = len(self.rows)
        self.heading(heading)
        shown = [self.line(key) for key in lines]
        if not any(shown):
            del self.rows[start:]
            return False
        if total is not None:
            self.line(total, "summa", always=True, ends_group=True)
        return True
