"""What changed between the two sides: input lines, derived figures and findings."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..derive import Arsredovisning
from ..figures import FigureTable, figure_table
from ..findings import Finding
from ..formatting import DASH, MINUS, NBSP, belopp, heltal, procent
from ..keys import ANDEL, ANTAL, format_of
from .places import Place, fallback, places


@dataclass(frozen=True)
class Line:
    """A changed input line: "-" as it was (its old line number), "+" as it is."""

    path: str
    number: int
    sign: str
    text: str


def _text(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def _file_lines(shown: str, old: Path, new: Path) -> list[Line]:
    if not old.is_file():
        return [Line(shown, 0, "+", "ny fil")]
    if not new.is_file():
        return [Line(shown, 0, "-", "borttagen fil")]
    if old.read_bytes() == new.read_bytes():
        return []
    a, b = _text(old), _text(new)
    if a is None or b is None:
        return [Line(shown, 0, "+", "ändrad fil (inte text)")]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out += [Line(shown, i + 1, "-", a[i].strip()) for i in range(i1, i2)]
            out += [Line(shown, j + 1, "+", b[j].strip()) for j in range(j1, j2)]
    return out


def input_lines(old: Path, new: Path, shown: str) -> list[Line]:
    """Every changed line of the förbund's files; `shown` is the folder as the output names it."""
    files = sorted({p.relative_to(old) for p in old.rglob("*") if p.is_file()}
                   | {p.relative_to(new) for p in new.rglob("*") if p.is_file()})
    return [line for f in files for line in _file_lines(f"{shown}/{f.as_posix()}", old / f, new / f)]


@dataclass(frozen=True)
class Moved:
    """A derived figure that moved, named as the report shows it."""

    key: str
    year: int
    place: Place
    before: Decimal | None
    after: Decimal | None

    @property
    def when(self) -> str:
        return self.place.when or str(self.year)

    def __str__(self) -> str:
        """One line for a terminal: label, year, before → after (difference)."""
        before, after, delta = self.shown()
        return f"    {self.place.label} {self.when}: {before} → {after} ({delta})".replace(NBSP, " ")

    def shown(self) -> tuple[str, str, str]:
        """(before, after, difference) in Swedish."""
        fmt = format_of(self.key)
        old, new = self.before, self.after
        if old is None or new is None:
            one = _one(fmt, old if new is None else new, 1)
            return (DASH, one, "nytt") if old is None else (one, DASH, "borta")
        if fmt == ANDEL:
            # The fewest decimals that show the move at all: 42,36 % → 42,35 %, not 42,4 % → 42,4 %.
            places_ = next((d for d in (1, 2, 3) if procent(new - old, d) != procent(Decimal(0), d)), 3)
            pp = procent(new - old, places_).removesuffix(f"{NBSP}%")
            return _one(fmt, old, places_), _one(fmt, new, places_), f"{_plus(pp)}{NBSP}procentenheter"
        return _one(fmt, old, 0), _one(fmt, new, 0), _plus(_one(fmt, new - old, 0))


def _plus(text: str) -> str:
    return text if text.startswith(MINUS) else f"+{text}"


def _one(fmt: str, value: Decimal | None, decimals: int) -> str:
    if value is None:
        return DASH
    if fmt == ANDEL:
        return procent(value, decimals)
    if fmt == ANTAL:
        return heltal(value)
    return belopp(value, decimals=0 if value == value.to_integral_value() else 2)


def moved(then: Arsredovisning | None, now: Arsredovisning) -> list[Moved]:
    """Every figure whose value differs, in the order the report shows them."""
    before = figure_table(then) if then is not None else {}
    where = {**(places(then) if then is not None else {}), **places(now)}
    return between(before, figure_table(now), where)


def between(before: FigureTable, after: FigureTable, where: dict[str, Place] | None = None) -> list[Moved]:
    """Every figure whose value differs between two figure tables, placed where `where`
    says or else by its key alone (the SIE import has tables, not reports)."""
    where = where or {}
    out = []
    for key in set(before) | set(after):
        for year in set(before.get(key, {})) | set(after.get(key, {})):
            old, new = before.get(key, {}).get(year), after.get(key, {}).get(year)
            if old != new:
                out.append(Moved(key, year, where.get(key) or fallback(key), old, new))
    # A group's figures together, the groups in the order of their first figure.
    first: dict[str, tuple[int, int, int]] = {}
    for m in sorted(out, key=lambda m: m.place.order):
        first.setdefault(m.place.group, m.place.order)
    return sorted(out, key=lambda m: (first[m.place.group], m.place.order, m.key, -m.year))


def findings_between(then: tuple[Finding, ...], now: tuple[Finding, ...]) -> tuple[list[Finding], list[Finding]]:
    """(appeared, disappeared): findings compared by code and message, not by line."""
    old = {(f.code, f.message) for f in then}
    new = {(f.code, f.message) for f in now}
    return [f for f in now if (f.code, f.message) not in old], [f for f in then if (f.code, f.message) not in new]
