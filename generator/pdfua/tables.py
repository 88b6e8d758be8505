"""Table headers a screen reader can use: /Scope on every TH, row-group headers tied to
the rows of their group, and cells under a repeated head pointing at the first head.

WeasyPrint ties cells to headers by position (/Headers with the header cells' /ID) but
writes no /Scope, and takes a `scope="rowgroup"` header (Tillgångar, Eget kapital och
skulder) for a column header over every row below it. The HTML puts each group in its
own <tbody> under its header, which is what the PDF now says too.
"""
from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from .structure import Element, Mender, Tree, descendants

SCOPES = {"col": Name.Column, "colgroup": Name.Column, "row": Name.Row, "rowgroup": Name.Row}


def table_attributes(cell: Element) -> Element:
    """The cell's /A dictionary with /O /Table (WeasyPrint writes one on every cell)."""
    attributes = cell.get("/A")
    if not isinstance(attributes, Dictionary):
        attributes = Dictionary(O=Name.Table)
        cell.A = attributes
    return attributes


def mend_tables(mender: Mender, tree: Tree) -> None:
    renamed = repeated_ids(mender)
    for table in tree.below(tree.elements[0], "/Table"):
        every = cells(tree, table)  # once per table: each row group below looks at all of them
        for cell in every:
            headers = table_attributes(cell).get("/Headers")
            if headers is not None:
                table_attributes(cell).Headers = Array([renamed.get(str(h), h) for h in headers])
        set_scopes(mender, tree, table)
        for body in tree.below(table, "/TBody"):
            tie_row_groups(mender, tree, every, body)


def cells(tree: Tree, element: Element) -> list[Element]:
    """The data and header cells below `element` (TD before TH, as the headers were written)."""
    return [*tree.below(element, "/TD"), *tree.below(element, "/TH")]


def repeated_ids(mender: Mender) -> dict[str, pikepdf.Object]:
    """A repeated head's header IDs → the first head's, cell by cell."""
    renamed: dict[str, pikepdf.Object] = {}
    for first, repeat in mender.repeats:
        for old, new in zip(descendants(repeat, "/TH"), descendants(first, "/TH"), strict=False):
            if "/ID" in old and "/ID" in new:
                renamed[str(old.ID)] = new.ID
    return renamed


def set_scopes(mender: Mender, tree: Tree, table: Element) -> None:
    heads = {th.objgen for head in tree.below(table, "/THead") for th in tree.below(head, "/TH")}
    for th in tree.below(table, "/TH"):
        info = mender.info(th)
        scope = SCOPES.get(info.scope if info else "")
        if scope is None:
            # No scope in the HTML: a head cell names its column, a body cell its row.
            scope = Name.Column if th.objgen in heads else Name.Row
        table_attributes(th).Scope = scope


def tie_row_groups(mender: Mender, tree: Tree, every: list[Element], body: Element) -> None:
    """Every cell of `body` lists the body's row-group headers; no cell outside does."""
    group = [th.ID for th in tree.below(body, "/TH")
             if "/ID" in th and (info := mender.info(th)) is not None and info.scope == "rowgroup"]
    if not group:
        return
    ids = {str(i) for i in group}
    inside = {cell.objgen for cell in cells(tree, body)}
    for cell in every:
        attributes = table_attributes(cell)
        own = [h for h in attributes.get("/Headers", Array()) if str(h) not in ids]
        if cell.objgen in inside and not (cell.get("/ID") is not None and str(cell.ID) in ids):
            own = [*group, *own]
        attributes.Headers = Array(own)
