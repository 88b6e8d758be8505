"""A Diff as text for a terminal, or as Markdown for a pull-request comment.

Both say the same in the same order: a heading, one summary line, the changed input
lines, the figures that moved grouped by the table that shows them, the findings that
appeared or disappeared. The comment folds (`<details>`) whatever part is long, so a
small change reads at a glance and a large one does not bury the conversation.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from ..findings import Finding
from ..formatting import NBSP
from . import Diff, Line, Moved
from .revisions import WORKING_TREE

FOLD = 15  # more rows than this are folded in the Markdown comment


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def changed_lines(lines: tuple[Line, ...]) -> int:
    """Lines changed, an edited line counted once: per file, the larger of removed and added."""
    files = dict.fromkeys(line.path for line in lines)
    return sum(max(sum(x.path == f and x.sign == s for x in lines) for s in "+-") for f in files)


def summary(d: Diff) -> str:
    """'1 rad i indata har ändrats; 5 belopp har ändrats; 2 nya fynd; sidan 7 har ändrats.'"""
    if not (d.lines or d.moved or d.appeared or d.gone or (d.pages and d.pages.changed)):
        return "Inget har ändrats."
    parts = [f"{_count(changed_lines(d.lines), 'rad', 'rader')} i indata har ändrats" if d.lines
             else "inga rader i indata har ändrats",
             f"{len(d.moved)} belopp har ändrats" if d.moved else "inget härlett belopp har ändrats"]
    parts += [_count(len(d.appeared), "nytt fynd", "nya fynd")] if d.appeared else []
    parts += [f"{_count(len(d.gone), 'fynd', 'fynd')} har försvunnit"] if d.gone else []
    parts += [d.pages.sentence()] if d.pages is not None else []
    said = "; ".join(parts)
    return f"{said[:1].upper()}{said[1:]}."


def _groups(moved: tuple[Moved, ...]) -> Iterator[tuple[str, list[Moved]]]:
    for group, items in groupby(moved, key=lambda m: m.place.group):
        yield group, list(items)


# --- Text ------------------------------------------------------------------------------

def _text_line(line: Line) -> str:
    where = f"{line.path}:{line.number}" if line.number else line.path
    return f"  {where} {'före: ' if line.sign == '-' else 'efter:'} {line.text}"


def _text_finding(f: Finding) -> str:
    return f"  {f}".replace(NBSP, " ")


def text(d: Diff) -> list[str]:
    """The diff for a terminal, one string per line."""
    out = [f"{d.namn} {d.year} ({d.forbund}): {d.fran} → {d.till}", summary(d).replace(NBSP, " ")]
    out += [f"  {note}" for note in d.notes]
    if d.lines:
        out += ["", "Ändrade rader i indata"] + [_text_line(line) for line in d.lines]
    if d.moved:
        out += ["", "Belopp som har ändrats"]
        for group, items in _groups(d.moved):
            out.append(f"  {group}")
            out += [str(m) for m in items]
    for title, found in (("Nya fynd", d.appeared), ("Fynd som har försvunnit", d.gone)):
        if found:
            out += ["", title] + [_text_finding(f) for f in found]
    return out


# --- Markdown --------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def md_text(value: str) -> str:
    """User text safe in Markdown: every character Markdown or HTML would read escaped."""
    return _SPECIAL.sub(r"\\\1", value).replace("\n", " ")


def md_code(value: str) -> str:
    """An inline code span that no backtick inside can end."""
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _folded(summary_: str, body: list[str], fold: bool) -> list[str]:
    if not fold:
        return body
    return [f"<details><summary>{summary_}</summary>", "", *body, "", "</details>"]


def _md_lines(lines: tuple[Line, ...]) -> list[str]:
    shown = [f"{line.sign} {line.path}:{line.number}: {line.text}" if line.number
             else f"{line.sign} {line.path}: {line.text}" for line in lines]
    fence = "`" * max(3, 1 + max((len(r) for s in shown for r in re.findall("`+", s)), default=0))
    return [f"{fence}diff", *shown, fence]


def _md_figures(moved: tuple[Moved, ...]) -> list[str]:
    out: list[str] = []
    for group, items in _groups(moved):
        out += [f"**{md_text(group)}**", "", "| Rad | År | Före | Efter | Skillnad |", "|:--|:--|--:|--:|--:|"]
        for m in items:
            before, after, delta = m.shown()
            out.append(f"| {md_text(m.place.label)} | {md_text(m.when)} | {before} | {after} | {delta} |")
        out.append("")
    return out[:-1]


def _md_finding(f: Finding) -> str:
    return f"- {md_code(str(f.pos))} {f.severity.label}: {md_text(f.message)} \\[{f.code}\\]"


def markdown(d: Diff) -> list[str]:
    """The diff as a pull-request comment, one string per line."""
    till = d.till if d.till == WORKING_TREE else md_code(d.till)
    out = [f"### {md_text(d.namn)} {d.year}: {md_code(d.fran)} → {till}", "", md_text(summary(d))]
    out += [f"- {md_text(note)}" for note in d.notes]
    if d.lines:
        out += ["", "#### Ändrade rader i indata", ""]
        out += _folded(_count(len(d.lines), "rad", "rader"), _md_lines(d.lines), len(d.lines) > FOLD)
    if d.moved:
        out += ["", "#### Belopp som har ändrats", ""]
        tables = _count(len(dict.fromkeys(m.place.group for m in d.moved)), "tabell", "tabeller")
        out += _folded(f"{len(d.moved)} belopp i {tables}", _md_figures(d.moved), len(d.moved) > FOLD)
    for title, found in (("Nya fynd", d.appeared), ("Fynd som har försvunnit", d.gone)):
        if found:
            out += ["", f"#### {title}", ""]
            out += _folded(_count(len(found), "fynd", "fynd"), [_md_finding(f) for f in found], len(found) > FOLD)
    return out
