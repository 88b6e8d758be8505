"""The figures export: every derived figure of a förbund-year as JSON.

Keys are stable ASCII snake_case names (`resultatrakning.arets_resultat`); each maps to
{"YYYY": value} for the report year and the year before, where that year has the figure.
Amounts are exact JSON numbers (kronor, öre as decimals); ratios and quotients are
rounded to six decimals.
"""
from __future__ import annotations

import json
from decimal import Decimal

from .derive import Arsredovisning

SIX_PLACES = Decimal("0.000001")


def _number(key: str, value: Decimal) -> str:
    # Ratios and quotients (soliditet, andel, kostnad per deltagare) have endless
    # decimals; six places are more than any report shows. Amounts are never touched.
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        value = value.quantize(SIX_PLACES)
    text = format(value.normalize() if value == value.to_integral_value() else value, "f")
    return text


FigureTable = dict[str, dict[int, Decimal]]  # key → year → value, this year and last


def figure_table(r: Arsredovisning) -> FigureTable:
    keys = sorted(set(r.figures[r.year]) | set(r.figures.get(r.year - 1, {})))
    return {k: {y: r.figures[y][k] for y in (r.year, r.year - 1) if k in r.figures.get(y, {})} for k in keys}


def to_json(r: Arsredovisning, folder: str) -> str:
    """JSON text; written by hand so Decimals stay exact (json would make them floats)."""
    lines = ["{",
             f'  "forbund": {json.dumps(folder)},',
             f'  "namn": {json.dumps(r.forbund.namn, ensure_ascii=False)},',
             f'  "ar": {r.year},',
             f'  "jamforelsear": {r.year - 1},',
             '  "figures": {']
    table = figure_table(r)
    for i, (key, values) in enumerate(table.items()):
        inner = ", ".join(f'"{y}": {_number(key, v)}' for y, v in values.items())
        comma = "," if i < len(table) - 1 else ""
        lines.append(f"    {json.dumps(key)}: {{{inner}}}{comma}")
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
