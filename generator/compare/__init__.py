"""What a change did to a report, for the reviewer of a pull request (`make diff FROM=main`).

Two sides are compared: the data folder at a git revision (FROM) and at another revision
or, by default, the working tree (TO). For each förbund the latest year of the TO side is
derived and checked on both sides, and the difference reported: the input lines that
changed (file:line), every derived figure that moved grouped by the table the report
shows it in, the findings that appeared or disappeared, and (when asked) which pages of
the printed report changed. `show` formats it for a terminal or as a Markdown
pull-request comment.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..findings import Finding
from ..pipeline import Outcome, check_year
from .changes import Line, Moved, findings_between, input_lines, moved
from .pages import Pages, compare_pages, page_texts
from .revisions import WORKING_TREE, repository_of, side

__all__ = ["Diff", "Line", "Moved", "Pages", "compare"]


@dataclass(frozen=True)
class Diff:
    """One förbund-year, FROM against TO."""

    forbund: str
    namn: str
    year: int
    fran: str
    till: str
    notes: tuple[str, ...] = ()  # why part of it is compared with nothing
    lines: tuple[Line, ...] = ()
    moved: tuple[Moved, ...] = ()
    appeared: tuple[Finding, ...] = ()
    gone: tuple[Finding, ...] = ()
    pages: Pages | None = None


@dataclass(frozen=True)
class _Sides:
    old: Path
    old_base: Path
    new: Path
    new_base: Path
    shown: str  # the data folder as the output names it: data
    fran: str
    till: str


def _pages(then: Outcome, now: Outcome, sides: _Sides, name: str) -> Pages | None:
    if then.report is None or now.report is None:
        return None
    return compare_pages(page_texts(then.report, sides.old / name), page_texts(now.report, sides.new / name))


def _one(name: str, sides: _Sides, year: int | None, with_pages: bool) -> tuple[Diff | None, list[Finding]]:
    now = check_year(sides.new / name, year, base=sides.new_base)
    if now.report is None:  # nothing to compare: TO's own findings say why
        return None, list(now.findings)
    y = now.report.year
    diff = Diff(name, now.report.forbund.namn, y, sides.fran, sides.till)
    lines = tuple(input_lines(sides.old / name, sides.new / name, f"{sides.shown}/{name}"))
    if not (sides.old / name / "forbund.yaml").exists():
        return replace(diff, notes=(f"nytt förbund (finns inte i {sides.fran})",), lines=lines), []
    has_year = (sides.old / name / f"{y}.yaml").exists()
    then = check_year(sides.old / name, y, base=sides.old_base) if has_year else Outcome(name, y, None, ())
    notes = (() if then.report is not None else (f"{y}.yaml är ny (finns inte i {sides.fran}); jämförs med ingenting",)
             if not has_year else (f"data i {sides.fran} gick inte att läsa; jämförs med ingenting",))
    appeared, gone = findings_between(then.findings, now.findings)
    return Diff(name, diff.namn, y, sides.fran, sides.till, notes, lines, tuple(moved(then.report, now.report)),
                tuple(appeared), tuple(gone), _pages(then, now, sides, name) if with_pages else None), []


def compare(fran: str, till: str | None, data: Path, forbund: list[str], year: int | None,
            with_pages: bool = False) -> tuple[list[Diff], list[Finding]]:
    """One Diff per förbund; findings when a revision or the TO side cannot be read."""
    repo, findings = repository_of(data)
    if repo is None:
        return [], findings
    with tempfile.TemporaryDirectory() as tmp:
        old, found_old = side(fran, data, repo, Path(tmp) / "fran")
        new, found_new = side(till, data, repo, Path(tmp) / "till")
        if old is None or new is None:
            return [], found_old + found_new
        sides = _Sides(old[0], old[1], new[0], new[1], data.resolve().relative_to(repo).as_posix(), fran,
                       till or WORKING_TREE)
        diffs = []
        for name in forbund:
            diff, problems = _one(name, sides, year, with_pages)
            diffs += [diff] if diff is not None else []
            findings += problems
        return diffs, findings
