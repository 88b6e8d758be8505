"""What WeasyPrint knew when it tagged the PDF: which HTML element each structure element
came from.

WeasyPrint builds the structure tree page by page from the laid-out boxes, so an element
that runs over a page break becomes one structure element per page, a repeated table head
is tagged again on every page, and a leader's dots are tagged as text. The PDF alone no
longer says which elements belong together; the boxes did. While WeasyPrint writes the
PDF, `traced()` wraps its (private) tag builder and notes, per structure element's object
number, the HTML element it came from, so that the post-processing can merge, drop and
describe exactly. The wrapper changes nothing WeasyPrint writes. WeasyPrint is pinned in
requirements.lock; `tests/test_pdfua.py` fails when an upgrade moves what is wrapped.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Traced:
    """One structure element as the boxes saw it."""

    source: int  # which HTML element (a number in document order of first sight); 0 = none
    pseudo: str  # the element's tag with its pseudo-element, e.g. "a::after"
    leader: bool = False  # a leader()'s dots: drawn, not read
    scope: str = ""  # a <th>'s scope attribute
    text: str = ""  # a link's text (what a screen reader says for it)


@dataclass
class Trace:
    """Per structure element (by PDF object number), what the boxes said."""

    elements: dict[int, Traced] = field(default_factory=dict)
    _sources: dict[int, int] = field(default_factory=dict)

    def source_of(self, element: Any) -> int:
        if element is None:
            return 0
        return self._sources.setdefault(id(element), len(self._sources) + 1)

    def note(self, number: int, box: Any) -> None:
        html = box.element
        text = ""
        if html is not None and box.element_tag == "a":
            text = html.get("aria-label") or " ".join("".join(html.itertext()).split())
        self.elements[number] = Traced(
            source=self.source_of(html), pseudo=box.element_tag or "",
            leader=bool(getattr(box, "is_leader", False)),
            scope=(html.get("scope") or "") if html is not None and box.element_tag == "th" else "",
            text=text)


@contextlib.contextmanager
def traced() -> Iterator[Trace]:
    """Note each structure element WeasyPrint makes while the block runs."""
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    trace = Trace()
    original = tags._build_box_tree

    def build(box: Any, *args: Any) -> Iterator[Any]:
        # The builder recurses through the module's name, so inner elements pass here first
        # and keep their own note; html, body and page boxes only hand on their children's.
        real = box._box if isinstance(box, AbsolutePlaceholder) else box
        for element in original(box, *args):
            if element.number not in trace.elements:
                trace.note(element.number, real)
            yield element

    tags._build_box_tree = build
    try:
        yield trace
    finally:
        tags._build_box_tree = original
