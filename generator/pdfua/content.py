"""The page content and the tree agree: what no structure element claims is an Artifact,
and the parent tree and ID tree are written again from the mended tree.

Page furniture (the running header and footer, drawn in the page margins), leader dots
and repeated table heads are marked as tagged text by WeasyPrint but belong to no element
after mending; a screen reader must skip them, so their marked content becomes
`/Artifact BMC`. Rebuilding the parent tree from the tree (rather than patching it)
leaves no entry pointing at an element that is gone.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pikepdf
from pikepdf import Array, ContentStreamInstruction, Dictionary, Name, Operator

from .structure import Element, Tree

Claims = dict[int, dict[int, Element]]  # page index → MCID → element
BDC = Operator("BDC")
ARTIFACT = ContentStreamInstruction([Name.Artifact], Operator("BMC"))


def claims(pdf: pikepdf.Pdf, tree: Tree) -> tuple[Claims, list[tuple[Element, Element]]]:
    """Which element claims each page's MCIDs, and each annotation's element."""
    page_of = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    claimed: Claims = defaultdict(dict)
    annotations = []
    for element, kids in zip(tree.elements, tree.kids, strict=True):
        for kid in kids:
            if isinstance(kid, int) and "/Pg" in element:
                claimed[page_of[element.Pg.objgen]][kid] = element
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                claimed[page_of[kid.Pg.objgen]][int(kid.MCID)] = element
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                annotations.append((kid.Obj, element))
    return claimed, annotations


def unclaimed_to_artifacts(pdf: pikepdf.Pdf, claimed: Claims) -> int:
    """Mark content no element claims as Artifact; the number of sequences changed."""
    changed = 0
    for index, page in enumerate(pdf.pages):
        contents = page.obj.get("/Contents")
        rewritten = by_bytes(contents.read_bytes(), claimed[index]) if isinstance(contents, pikepdf.Stream) else None
        if rewritten is None:  # not in pydyf's plain form: the parser decides
            rewritten = by_parsing(page, claimed[index])
        data, count = rewritten
        if count:  # a page with nothing to change keeps WeasyPrint's stream
            page.obj.Contents = pdf.make_stream(data)
            changed += count
    return changed


# How pydyf writes a marked-content sequence with an MCID: one token a line. (Each pattern
# starts with a literal, which Python's regex engine finds fast; a leading lookbehind is slow.)
MARKED = re.compile(rb"\n/[^\s/<>\[\]()%{}]+\n<</MCID (\d+)>>\nBDC(?![^\n])")
BDC_TOKEN = re.compile(rb"BDC(?![^\s])")
BI_TOKEN = re.compile(rb"BI(?![^\s])")  # an inline image's binary data may hold anything


def by_bytes(data: bytes, mine: dict[int, Element]) -> tuple[bytes, int] | None:
    """The stream with each unclaimed `/Tag <</MCID n>> BDC` made `/Artifact BMC`, rewritten
    in place; None when the stream is not as pydyf writes it (then only a parser is sure).

    Without literal strings, comments and inline images, every `BDC` is an operator (hex
    strings hold only hex digits), so the rewrite is safe when each one has the plain form."""
    if b"(" in data or b"%" in data or tokens(BI_TOKEN, data):
        return None
    seen, changed = 0, 0

    def artifact(match: re.Match[bytes]) -> bytes:
        nonlocal seen, changed
        seen += 1
        if int(match[1]) in mine:
            return match[0]
        changed += 1
        return b"\n/Artifact\nBMC"

    rewritten = MARKED.sub(artifact, b"\n" + data)[1:]  # the newline: a sequence may open the stream
    if seen != data.count(b"BDC") and seen != tokens(BDC_TOKEN, data):  # a BDC in another form
        return None
    return rewritten, changed


def tokens(pattern: re.Pattern[bytes], data: bytes) -> int:
    """How often `pattern` (a word) stands as a token of its own: at the start or after white space."""
    return sum(1 for m in pattern.finditer(data) if m.start() == 0 or data[m.start() - 1:m.start()].isspace())


def by_parsing(page: pikepdf.Page, mine: dict[int, Element]) -> tuple[bytes, int]:
    """The same rewrite with pikepdf's content-stream parser (any stream, slower)."""
    count = 0
    instructions = []
    for instruction in pikepdf.parse_content_stream(page):
        if instruction.operator == BDC:
            properties = instruction.operands[1]
            if isinstance(properties, Dictionary) and "/MCID" in properties and int(properties.MCID) not in mine:
                instruction = ARTIFACT
                count += 1
        instructions.append(instruction)
    return pikepdf.unparse_content_stream(instructions), count


def write_parent_tree(pdf: pikepdf.Pdf, root: Element, claimed: Claims,
                      annotations: list[tuple[Element, Element]]) -> None:
    nums: list[object] = []
    for index, page in enumerate(pdf.pages):
        page.obj.StructParents = index
        mcids = claimed[index]
        nums += [index, Array([mcids.get(m) for m in range(max(mcids, default=-1) + 1)])]
    key = len(pdf.pages)
    for annotation, element in annotations:
        annotation.StructParent = key
        nums += [key, element]
        key += 1
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = key


def write_id_tree(pdf: pikepdf.Pdf, root: Element, tree: Tree) -> None:
    """The /ID of every element (table headers) in a name tree, so /Headers can be looked up."""
    named = sorted((bytes(element.ID), element) for element in tree.elements if "/ID" in element)
    if named:
        root.IDTree = pdf.make_indirect(Dictionary(Names=Array([x for name, element in named
                                                                for x in (pikepdf.String(name), element)])))
