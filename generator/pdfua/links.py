"""Links a screen reader can announce: every link annotation inside a Link element, and
every link annotation described (/Contents) by the link's own text.

WeasyPrint gives each box inside an <a> its own annotation and puts it in that box's
element (a Span in a Link), and describes none of them.
"""
from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

from .structure import Element, Mender, is_element, kids_of


def is_annotation_reference(kid: pikepdf.Object) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR


def mend_links(mender: Mender, element: Element, link: Element | None = None) -> None:
    """Move annotation references up into the nearest Link, and describe them by its text."""
    if str(element.S) == "/Link":
        link = element
    kept = []
    for kid in kids_of(element):
        if is_annotation_reference(kid) and link is not None and link is not element:
            link.K.append(kid)
            continue
        kept.append(kid)
    if len(kept) != len(kids_of(element)):
        element.K = pikepdf.Array(kept)
    for kid in kept:
        if is_element(kid):
            mend_links(mender, kid, link)
    if link is element:
        describe(mender, element)


def describe(mender: Mender, link: Element) -> None:
    info = mender.info(link)
    text = info.text if info is not None else ""
    for kid in kids_of(link):
        if is_annotation_reference(kid) and text:
            kid.Obj.Contents = pikepdf.String(text)
