"""Figures typed in the text: a number that is a derived figure should name it instead.

"Eget kapital minskade till 2 668 035 kr" is true the day it is typed and false after the
next correction of the data; `{{ balansrakning.summa_eget_kapital | kr }}` never is. So a
number in the narrative (YYYY.md and the YAML's Markdown texts) that equals a figure of
this year's or last year's export, or rounds to it in the unit it is written in, is a
warning naming the key and the format that prints it (W-TALITEXT).

Only what can hardly be a coincidence is matched: amounts of at least 1 000 kr (exact),
tkr with at least two digits and mnkr with a decimal (rounded as written), shares written
with % other than 0 and 100 %, counts of at least 100. Years, dates, section and list
numbers, and numbers inside links, code and `{{ … }}` are not figures.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..findings import Finding, Pos, excerpt, warning
from ..keys import ANDEL, ANTAL, BELOPP, format_of, lookup
from ..narrative.references import REFERENCE
from .kontroll import _on_value_line, _texts

_SPACE = " \u00a0\u202f"
NUMBER = re.compile(rf"(?<![\w.,/:−–-])([−–-][{_SPACE}]?)?(\d{{1,3}}(?:[{_SPACE}]\d{{3}})+|\d+)(?:,(\d+))?"
                    rf"(?:[{_SPACE}]?(kronor|kr|tkr|mnkr|%|procent)\b|[{_SPACE}]?(%))?(?![\w]|[.,:/–-]\d)")
# Not prose: links' targets, web addresses, code, figure references, list and section numbers.
_HIDDEN = re.compile(r"\]\([^)]*\)|https?://\S+|`[^`]*`|" + REFERENCE.pattern + r"|^\s*\d+[.)]\s", re.S | re.M)
_UNITS = {"kr": Decimal(1), "kronor": Decimal(1), "tkr": Decimal(1000), "mnkr": Decimal(1000000)}
# Which key a reader means when several hold the figure: the statements first, this year first.
_PREFERRED = ("resultatrakning.", "balansrakning.", "kassaflodesanalys.", "nyckeltal.", "driftredovisning.summa",
              "balanskravsresultat.", "medlemsavgifter.", "insatser.", "mal.", "strukturaktiviteter.",
              "indikatormatning.", "uppfoljning.", "noter.", "driftredovisning.", "femar.")


_NOUN = {BELOPP: "ett framräknat belopp", ANDEL: "en framräknad andel", ANTAL: "ett framräknat antal"}


def _blanked(text: str) -> str:
    """The text with what is not prose replaced by spaces, so offsets stay the same."""
    return _HIDDEN.sub(lambda m: " " * len(m.group(0)), text)


def _typed(match: re.Match[str]) -> tuple[Decimal, str | None, int] | None:
    """The number as written (without sign), its unit, its decimals; None for a year."""
    digits = re.sub(f"[{_SPACE}]", "", match.group(2))
    decimals = match.group(3) or ""
    unit = match.group(4) or match.group(5)
    unit = "%" if unit == "procent" else unit
    value = Decimal(f"{digits}.{decimals}" if decimals else digits)
    if unit is None and not decimals and 1900 <= value <= 2200 and len(digits) == 4:
        return None  # a year
    return value, unit, len(decimals)


_Ranked = tuple[tuple[int, bool, int, str], str, int]  # (_rank, key, year)


class _Figures:
    """This year's and last year's figures, looked up by the value a text would show them as.

    The same matches as trying every figure for every number, as a dictionary per way of
    writing (exact kronor, a count, a share or an amount rounded in tkr/mnkr with so many
    decimals), each built on first use: a large förbund has thousands of figures and its
    texts hundreds of numbers."""

    def __init__(self, r: Arsredovisning) -> None:
        self.r = r
        self._rows: list[tuple[Decimal, str, _Ranked]] | None = None
        self._by: dict[tuple[str, Decimal, int], dict[Decimal, list[_Ranked]]] = {}

    def rows(self) -> list[tuple[Decimal, str, _Ranked]]:
        """Each figure with its format, when a text has its first number (most have none)."""
        if self._rows is None:
            r = self.r
            self._rows = [(abs(figure), format_of(key), (_rank(key, i), key, year))
                          for i, year in enumerate((r.year, r.year - 1))
                          for key, figure in r.figures.get(year, {}).items() if figure is not None]
        return self._rows

    def _index(self, kind: str, size: Decimal, decimals: int) -> dict[Decimal, list[_Ranked]]:
        if (kind, size, decimals) not in self._by:
            step = Decimal(1).scaleb(-decimals)
            index: dict[Decimal, list[_Ranked]] = {}
            for figure, fmt, ranked in self.rows():
                if fmt == kind:
                    shown = figure if size == 0 else (figure * 100 if kind == ANDEL else figure / size).quantize(step)
                    index.setdefault(shown, []).append(ranked)
            self._by[kind, size, decimals] = index
        return self._by[kind, size, decimals]

    def matching(self, value: Decimal, unit: str | None, decimals: int) -> list[_Ranked]:
        """Every (rank, key, year) whose figure the number as written shows."""
        if unit == "%":
            return [] if value in (0, 100) else self._index(ANDEL, Decimal(100), decimals).get(value, [])
        found: list[_Ranked] = []
        if unit is None and not decimals and value >= 100:
            found += self._index(ANTAL, Decimal(0), 0).get(value, [])
        size = _UNITS.get(unit or "kr", Decimal(1))
        if size == 1:
            found += self._index(BELOPP, Decimal(0), 0).get(value, []) if value >= 1000 else []
        elif not (size == 1000 and value < 10 or size == 1000000 and not decimals):  # else too coarse
            found += self._index(BELOPP, size, decimals).get(value, [])
        return found


def _rank(key: str, year_rank: int) -> tuple[int, bool, int, str]:
    """Statements before notes, a sum before a line that happens to equal it, this year first."""
    prefix = next((i for i, p in enumerate(_PREFERRED) if key.startswith(p)), len(_PREFERRED))
    return prefix, "summa" not in key, year_rank, key


def _advice(r: Arsredovisning, key: str, year: int, unit: str | None, negative: bool) -> str:
    # The advice replaces exactly what was typed, unit included: "2 668 035 kr" → `| kr`.
    fmt = {"tkr": "tkr", "mnkr": "mnkr", "kr": "kr", "kronor": "kr"}.get(unit or "")
    figure = r.value(key, year) or Decimal(0)
    if fmt in (None, "kr") and format_of(key) == BELOPP and figure < 0 and not negative:
        fmt = "absolut"  # the text wrote the amount without its sign
    at = f"@{year}" if year != r.year else ""
    return "{{ " + key + at + (f" | {fmt}" if fmt else "") + " }}"


def _finding(r: Arsredovisning, figures: _Figures, match: re.Match[str], pos: Pos) -> Finding | None:
    typed = _typed(match)
    if typed is None:
        return None
    value, unit, decimals = typed
    found = sorted(figures.matching(value, unit, decimals))
    if not found:
        return None
    _, key, year = found[0]
    label = lookup(key)
    name = f"{label.label if label is not None else key} {year}"
    if len(found) > 1:
        name += f"; och {len(found) - 1} {'annan' if len(found) == 2 else 'andra'}"
    advice = _advice(r, key, year, unit, bool(match.group(1)))
    return warning("W-TALITEXT", f'"{excerpt(match.group(0).strip())}" är {_NOUN[format_of(key)]} ({name}): '
                   f"skriv {advice} så att texten följer siffrorna när de ändras", pos)


def check_tal_i_text(r: Arsredovisning) -> Iterator[Finding]:
    """A figure of the export typed as a number in the narrative: name it instead."""
    figures = _Figures(r)
    for text, path, first_line, value_col in _texts(r):
        prose = _blanked(text)
        for match in NUMBER.finditer(prose):
            line = first_line + text.count("\n", 0, match.start())
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            finding = _finding(r, figures, match, _on_value_line(Pos(path, line, col), first_line, value_col))
            if finding is not None:
                yield finding
