"""Links a screen reader can announce: every link annotation inside a Link element, and
every link annotation described (/Contents) by the link's own text.

WeasyPrint gives each box inside an <a> its own annotation and puts it in that box's
element (a Span in a Link), and describes none of them.
"""
from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

from .structure import Mender, Tree


def is_annotation_reference(kid: pikepdf.Object) -> bool:
    return isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR


def mend_links(mender: Mender, tree: Tree) -> None:
    """Move annotation references up into the nearest Link, and describe them by its text."""
    links: list[int] = []  # the Links around the element at hand, innermost last
    moved: set[int] = set()
    for at, element in enumerate(tree.elements):
        while links and tree.ends[links[-1]] <= at:
            links.pop()
        if tree.tags[at] == "/Link":
            links.append(at)
        elif links:
            kept = [kid for kid in tree.kids[at] if not is_annotation_reference(kid)]
            if len(kept) != len(tree.kids[at]):
                tree.kids[links[-1]] += [kid for kid in tree.kids[at] if is_annotation_reference(kid)]
                tree.kids[at] = kept
                element.K = pikepdf.Array(kept)
                moved.add(links[-1])
    for at in sorted(moved):
        tree.elements[at].K = pikepdf.Array(tree.kids[at])
    for at, tag in enumerate(tree.tags):
        if tag == "/Link":
            describe(mender, tree, at)


def describe(mender: Mender, tree: Tree, at: int) -> None:
    info = mender.info(tree.elements[at])
    text = info.text if info is not None else ""
    for kid in tree.kids[at]:
        if is_annotation_reference(kid) and text:
            kid.Obj.Contents = pikepdf.String(text)
