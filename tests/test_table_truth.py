"""A table never disagrees with the figures export (truth rule 1).

Every table the layout stage produces is collected from the laid-out page (so a table
added later is covered without naming it here). Each numeric cell must be the export's
figure under `Table.cell_key` — `figures[year][row.key]` in a table of years,
`figures[report year][f"{row.key}.{column.key}"]` in a table of fields — or, in a table
in tkr or mnkr, exactly what `formatting.distribute` makes of the export's figures: the
rows of a column rounded together so they add up, each total row rounded by itself.
A numeric cell without a key fails, and so does a text cell that is only a figure.
"""
from __future__ import annotations

import dataclasses
import os
import re
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from generator.compare.places import tables
from generator.figures import figure_table
from generator.formatting import UNITS, distribute
from generator.layout import Table, layout_report
from generator.layout.tables import Column, Row

from .conftest import DATA, FORBUND, derive_year
from .strategies import forbund_years
from .test_properties import checked

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Rows that add up a column, and memo rows outside the sums: each its own figure, rounded by
# itself in tkr and mnkr.
TOTALS = ("summa", "totalsumma", "minnespost")
# A text cell that is nothing but a figure ("45", "12 %", "1 200 kr") carries a figure
# the export cannot vouch for.
FIGURE_TEXT = re.compile(r"^[−-]?\d[\d\s\u00a0\u202f,]*(\s?(%|kr|tkr|mnkr))?$")


def _numeric(table: Table, row: Row, column: Column, value: object) -> bool:
    return (isinstance(value, (Decimal, int)) and not isinstance(value, bool)
            and table.cell_format(row, column) not in ("text", "status"))


def _rounded(value: Decimal, unit: str) -> Decimal:
    size = UNITS[unit]
    return (value / size).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) * size


def expected_cells(table: Table, figures: dict[str, dict[int, Decimal]], year: int) -> dict[tuple[int, int], Decimal]:
    """What each keyed cell must show: the export's figure, or its documented rounding."""
    out: dict[tuple[int, int], Decimal] = {}
    for j, column in enumerate(table.columns):
        keyed = {i: figures.get(key, {}).get(table.cell_year(row, column, year)) for i, row in enumerate(table.rows)
                 if (key := table.cell_key(row, column)) is not None}
        # A table rounded cell by cell holds the export's figures; the template rounds each.
        if table.unit in (None, "kr") or table.rounding == "cell":
            out.update({(i, j): v for i, v in keyed.items() if v is not None})
            continue
        parts = {i: v for i, v in keyed.items() if v is not None and table.rows[i].kind not in TOTALS}
        if parts:
            out.update(zip([(i, j) for i in parts], distribute(list(parts.values()), sum(parts.values(), Decimal(0)),
                                                                table.unit), strict=True))
        out.update({(i, j): _rounded(v, table.unit) for i, v in keyed.items()
                    if v is not None and table.rows[i].kind in TOTALS})
    return out


def disagreements(report) -> list[str]:
    """Every cell of every table that is not the export's figure, as 'table / row / column: why'."""
    figures = figure_table(report)
    found = []
    for table in tables(layout_report(report)):
        expected = expected_cells(table, figures, report.year)
        for i, row in enumerate(table.rows):
            for j, (column, value) in enumerate(zip(table.columns, row.values, strict=True)):
                where = f"{table.id} / {row.label} / {column.heading or column.key}"
                key = table.cell_key(row, column)
                if isinstance(value, str) and FIGURE_TEXT.match(value.strip()):
                    found.append(f"{where}: text {value!r} is a figure without a key")
                elif not _numeric(table, row, column, value):
                    continue
                elif key is None:
                    found.append(f"{where}: {value} has no export key")
                elif (i, j) not in expected:
                    found.append(f"{where}: {value} but the export has no {key} for "
                                 f"{table.cell_year(row, column, report.year)}")
                elif Decimal(value) != expected[(i, j)]:  # type: ignore[arg-type]  # type: ignore[arg-type]
                    found.append(f"{where}: {value} but the export's {key} gives {expected[(i, j)]}")
    return found


EXAMPLE_YEARS = [(name, int(p.stem)) for name in FORBUND for p in sorted((DATA / name).glob("[0-9]*.yaml"))]


@pytest.mark.parametrize("forbund, year", EXAMPLE_YEARS)
def test_every_table_of_the_examples_is_the_export(forbund, year):
    report = derive_year(DATA / forbund, year)
    assert disagreements(report) == []


@settings(max_examples=30)
@given(forbund_years())
def test_every_table_of_a_generated_year_is_the_export(generated):
    outcome = checked(generated)
    assert outcome.report is not None
    assert disagreements(outcome.report) == [], generated.year_text()


def test_a_wrong_cell_is_found():
    """The check itself can fail: a table cell changed by one krona is reported."""
    report = derive_year(DATA / "halland", 2023)
    page = layout_report(report)
    table = next(tables(page))
    figures = figure_table(report)
    row = table.rows[0]
    bad = dataclasses.replace(row, values=(row.values[0] + 1, *row.values[1:]))  # type: ignore[operator]
    changed = dataclasses.replace(table, rows=(bad, *table.rows[1:]))
    expected = expected_cells(changed, figures, report.year)
    assert Decimal(bad.values[0]) != expected[(0, 0)]  # type: ignore[arg-type]
