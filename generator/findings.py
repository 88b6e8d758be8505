"""Findings are values: the stages return them, the CLI decides how to print them."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # Still to be filled in (a new year's empty amounts, its narrative's SKRIV: lines): the
    # year is not finished, so its report is not built and `check` exits 1, but nothing is wrong.
    TODO = "todo"
    # For a reviewer's eye only (a row that moved much against last year): never changes the exit code.
    INFO = "info"

    @property
    def label(self) -> str:
        """The word a kansli user reads; the value stays English for machines (JSON, codes)."""
        return _LABEL[self]


_LABEL = {Severity.ERROR: "fel", Severity.WARNING: "varning", Severity.TODO: "att fylla i", Severity.INFO: "info"}


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a source file; line and column are 1-based, as editors show them."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    pos: Pos

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity.label}: {self.message} [{self.code}]"


def error(code: str, message: str, pos: Pos) -> Finding:
    return Finding(code, Severity.ERROR, message, pos)


def warning(code: str, message: str, pos: Pos) -> Finding:
    return Finding(code, Severity.WARNING, message, pos)


def todo(code: str, message: str, pos: Pos) -> Finding:
    return Finding(code, Severity.TODO, message, pos)


def info(code: str, message: str, pos: Pos) -> Finding:
    return Finding(code, Severity.INFO, message, pos)


def did_you_mean(name: str, names: list[str], otherwise: str = "", cutoff: float = 0.6) -> str:
    """'; menade du "x"?' for the closest of `names`, or `otherwise` when none is close."""
    import difflib

    close = difflib.get_close_matches(name, names, n=1, cutoff=cutoff)
    # The suggestion is the user's own text too: short, and its invisible characters named.
    return f'; menade du "{excerpt(close[0])}"?' if close else otherwise


EXCERPT = 40


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most `limit` characters of what the user wrote, invisible characters named.

    A message never repeats a whole value: a file that is not ours (a symlink to a system
    file, a pasted document) must not end up in a CI log.
    """
    from .chars import visible

    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return visible(short)
