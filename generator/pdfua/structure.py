"""Mend the structure tree WeasyPrint wrote, using what the boxes said (`trace.Trace`).

One pass over the tree, top down:
- an element the page break cut in two is one element again (its parts are neighbours
  with the same HTML element; their kids are joined and the parts' own kids then too);
- a table head repeated on the next page is page furniture, not a second head: it leaves
  the tree and the cells under it point at the first head's cells;
- an anonymous box WeasyPrint tagged as a copy of its parent (an H2 in an H2, a Caption in
  a Caption) gives its kids to the parent;
- leader dots and empty NonStruct elements leave the tree.
Whatever content no element claims afterwards becomes an Artifact (`content.py`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

from .trace import Trace, Traced

Element = pikepdf.Object  # a structure element (a dictionary with /S); pikepdf types all objects alike

Key = tuple[int, str, str]


def is_element(obj: object) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


def walk(element: Element) -> Iterator[Element]:
    """`element` and every structure element below it, in reading order."""
    yield element
    for kid in kids_of(element):
        if is_element(kid):
            yield from walk(kid)


def descendants(element: Element, tag: str) -> list[Element]:
    """The structure elements below `element` tagged `tag`, in reading order."""
    return [e for e in walk(element) if e is not element and str(e.S) == tag]


@dataclass
class Tree:
    """The mended tree read once, in reading order: each element's tag, kids and extent, so
    the passes after mending look things up instead of walking pikepdf's objects again (a
    walk costs about as much as all the lookups after it). Whoever changes an element's
    kids changes `kids` too."""

    elements: list[Element]
    tags: list[str]
    kids: list[list[pikepdf.Object]]
    ends: list[int]  # elements[i + 1:ends[i]] are the descendants of elements[i]
    index: dict[tuple[int, int], int]  # an element's place by its object number

    @classmethod
    def read(cls, document: Element) -> Tree:
        tree = cls([], [], [], [], {})
        tree._visit(document)
        return tree

    def _visit(self, element: Element) -> None:
        at = len(self.elements)
        own = kids_of(element)
        self.elements.append(element)
        self.tags.append(str(element.S))
        self.kids.append(own)
        self.ends.append(at + 1)
        self.index[element.objgen] = at
        for kid in own:
            if is_element(kid):
                self._visit(kid)
        self.ends[at] = len(self.elements)

    def below(self, element: Element, tag: str) -> list[Element]:
        """Like `descendants`, without walking."""
        at = self.index[element.objgen]
        return [self.elements[i] for i in range(at + 1, self.ends[at]) if self.tags[i] == tag]


def kids_of(element: Element) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


@dataclass
class Mender:
    pdf: pikepdf.Pdf
    trace: Trace
    # (first head, repeated head) pairs: the repeat's header cells stand for the first's.
    repeats: list[tuple[Element, Element]] = field(default_factory=list)

    def info(self, element: Element) -> Traced | None:
        return self.trace.elements.get(element.objgen[0])

    def key(self, element: Element) -> Key | None:
        info = self.info(element)
        if info is None or not info.source:
            return None
        return (info.source, info.pseudo, str(element.S))

    def mend(self, element: Element) -> None:
        """Mend `element`'s kids, then theirs."""
        kept: list[pikepdf.Object] = []
        seen: dict[Key, Element] = {}
        for kid in self._unwrapped(element):
            if not is_element(kid):
                kept.append(kid)
                continue
            key = self.key(kid)
            if key is not None and kept and is_element(kept[-1]) and self.key(kept[-1]) == key:
                absorb(kept[-1], kid)
            elif key is not None and key in seen and str(kid.S) in ("/THead", "/TFoot"):
                self.repeats.append((seen[key], kid))
            else:
                if key is not None:
                    seen[key] = kid
                kept.append(kid)
        for kid in kept:
            if is_element(kid):
                kid.P = element
                self.mend(kid)
                if str(element.S) == "/L" and str(kid.S) == "/Div":
                    self._term(kid)
        # A NonStruct left with nothing in it (it held only leader dots) goes too.
        element.K = Array([kid for kid in kept if not (is_element(kid) and self._dropped(kid))])

    def _term(self, group: Element) -> None:
        """<div><dt>…</dt><dd>…</dd></div> in a <dl>: one list item, the term its label.

        WeasyPrint tags the div as a Div in the list, and dt and dd as items of their own."""
        bodies = [body for item in kids_of(group) if is_element(item) for body in kids_of(item)
                  if is_element(body) and str(body.S) == "/LBody"]
        group.S = Name.LI
        for body in bodies:
            info = self.info(body)
            if info is not None and info.pseudo == "dt":
                body.S = Name.Lbl
            body.P = group
        group.K = Array(bodies)

    def _unwrapped(self, element: Element) -> list[pikepdf.Object]:
        """The kids, with a kid that is a copy of `element` (same box, same tag) replaced by its kids."""
        key = self.key(element)
        out: list[pikepdf.Object] = []
        for kid in kids_of(element):
            if is_element(kid) and self._dropped(kid):
                continue
            if key is not None and is_element(kid) and self.key(kid) == key:
                out.extend(self._unwrapped_kid(element, kid))
            else:
                out.append(kid)
        return out

    def _unwrapped_kid(self, element: Element, kid: Element) -> list[pikepdf.Object]:
        return [claimed_on(kid, k, element) for k in self._unwrapped(kid)]

    def _dropped(self, kid: Element) -> bool:
        info = self.info(kid)
        if info is not None and info.leader:
            return True
        return str(kid.S) == "/NonStruct" and not kids_of(kid)


def claimed_on(source: Element, kid: pikepdf.Object, target: Element) -> pikepdf.Object:
    """`kid` of `source` as a kid of `target`: a bare MCID names its page when the pages differ."""
    if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
        page = source.get("/Pg")
        if page is not None and target.get("/Pg") is not None and page.objgen != target.Pg.objgen:
            return Dictionary(Type=Name.MCR, Pg=page, MCID=int(kid))
    return kid


def absorb(first: Element, second: Element) -> None:
    """`second` (the same element's part on a later page) joins `first`."""
    joined = [*kids_of(first), *(claimed_on(second, kid, first) for kid in kids_of(second))]
    first.K = Array(joined)
