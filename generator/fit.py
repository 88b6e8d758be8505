"""What does not fit the page: boxes of the laid-out PDF that reach past the page's right margin.

WeasyPrint never shrinks a table to the page: a table wider than the page (a Markdown
table of 500 columns, an amount of 16 digits in a statement) runs past the margin and is
cut at the paper's edge. The print stage walks every page's boxes after layout and
reports each such block once, at the line of the narrative that wrote it (the render
stage marks narrative blocks with `data-avsnitt` and `data-line`) or, for a table the data
makes, in the year file with the table's caption and the text that sticks out.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .findings import Finding, Pos, error, excerpt

TOLERANCE = 1.0  # points: rounding in the layout is not an overflow
MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Sources:
    """Where the page's blocks were written: each narrative section's (file, first line of
    its text), and the year file for what the data makes."""

    narrative: dict[str, tuple[str, int]]
    data: str


@dataclass(frozen=True)
class _Context:
    avsnitt: str | None = None
    line: int | None = None  # the block's line within its section's text
    table: Any = None  # the element of the data table the box is in


def _right(box: Any) -> float:
    return float(box.border_box_x() + box.border_width())


def _text(box: Any) -> str:
    # The page's own no-break spaces (between thousands) read as spaces in a message.
    return " ".join("".join(getattr(b, "text", "") for b in _descendants(box)).split())


def _descendants(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _descendants(child)


def _caption(table: Any) -> str:
    for child in table:
        if str(child.tag).endswith("caption"):
            return " ".join("".join(child.itertext()).split())
    return str(table.get("id") or "")


def _enter(box: Any, context: _Context) -> _Context:
    element = getattr(box, "element", None)
    if element is None or box.element_tag is None:
        return context
    if element.get("data-avsnitt"):
        return _Context(element.get("data-avsnitt"))
    if element.get("data-line") and context.avsnitt and context.line is None:
        return _Context(context.avsnitt, int(element.get("data-line")))
    if box.element_tag == "table" and context.avsnitt is None and element.get("id"):
        return _Context(table=element)
    return context


def _finding(box: Any, context: _Context, limit: float, sources: Sources) -> Finding:
    over = f"{(_right(box) - limit) / MM:.0f} mm"
    if context.avsnitt and context.avsnitt in sources.narrative:
        path, first = sources.narrative[context.avsnitt]
        pos = Pos(path, first + (context.line or 0), 1)
        if box.element_tag == "table":
            return error("E-SIDBREDD", f"tabellen är {over} bredare än sidan och får inte plats i PDF:en; dela upp "
                         "den i flera tabeller med färre kolumner, eller skriv innehållet som en lista", pos)
        return error("E-SIDBREDD", f'texten "{excerpt(_text(box))}" är {over} bredare än sidan och får inte plats i '
                     "PDF:en; dela det långa ordet med mellanslag", pos)
    # The widest piece of text is what pushes the table out (a 30-digit amount), even when
    # the column it stands in is still on the page and only the columns after it are not.
    sticking = max((b for b in _descendants(box) if getattr(b, "text", "").strip()), key=lambda b: b.width,
                   default=box)
    name = _caption(context.table) if context.table is not None else "sidan"
    return error("E-SIDBREDD", f'tabellen "{excerpt(name)}" är {over} bredare än sidan och får inte plats i '
                 f'PDF:en, vid "{excerpt(_text(sticking))}"; ett så långt värde får inte plats: kontrollera det i '
                 "datafilen",
                 Pos(sources.data))


def _overflowing(box: Any, context: _Context, limit: float) -> Iterator[tuple[Any, _Context]]:
    """The outermost boxes reaching past `limit`, each with where it comes from."""
    context = _enter(box, context)
    if _right(box) > limit + TOLERANCE and type(box).__name__ not in ("LineBox",):
        yield box, context
        return
    for child in getattr(box, "children", None) or ():
        yield from _overflowing(child, context, limit)


def overflow(pages: list[Any], sources: Sources) -> list[Finding]:
    """One finding per block of the laid-out document that is wider than its page."""
    findings: list[Finding] = []
    for page in pages:
        page_box = page._page_box  # WeasyPrint's laid-out page; no public API gives the boxes
        limit = page_box.content_box_x() + page_box.width
        for root in page_box.children:
            if type(root).__name__ == "MarginBox":
                continue
            for box, context in _overflowing(root, _Context(), limit):
                finding = _finding(box, context, limit, sources)
                if finding not in findings:  # a block split over two pages is one finding
                    findings.append(finding)
    return findings
