"""PDF/UA-1 on top of PDF/A-3a: what WeasyPrint leaves for the user, done after printing
with pikepdf. `finish` takes the printed PDF and the trace of its tagging (`trace.py`) and
returns the same pages with a mended structure tree (`structure.py`, `tables.py`,
`links.py`), page furniture as Artifacts (`content.py`) and the PDF/UA claim in the XMP
(`xmp.py`). The PDF/A-3a and PDF/UA-1 validators (tests/test_pdfua.py) hold it to both.
"""
from __future__ import annotations

import io

import pikepdf
from pikepdf import Name

from . import content, links, tables, xmp
from .structure import Mender, Tree
from .trace import Trace, traced

__all__ = ["Trace", "finish", "traced"]


def finish(printed: bytes, trace: Trace) -> bytes:
    """The printed PDF made accessible and claimed as PDF/UA-1; deterministic bytes."""
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        root = pdf.Root.StructTreeRoot
        document = root.K[0] if isinstance(root.K, pikepdf.Array) else root.K
        mender = Mender(pdf, trace)
        mender.mend(document)
        tree = Tree.read(document)
        tables.mend_tables(mender, tree)
        links.mend_links(mender, tree)
        claimed, annotations = content.claims(pdf, tree)
        content.unclaimed_to_artifacts(pdf, claimed)
        content.write_parent_tree(pdf, root, claimed, annotations)
        content.write_id_tree(pdf, root, tree)
        for page in pdf.pages:
            if "/Annots" in page.obj:
                page.obj.Tabs = Name.S  # PDF/UA: annotations in structure order
        xmp.claim_pdfua(pdf)
        unique_associated_files(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()


def unique_associated_files(pdf: pikepdf.Pdf) -> None:
    """Each associated file once in the catalog's /AF: WeasyPrint lists every one twice
    (from the embedded-files tree and again from the file specifications)."""
    if "/AF" in pdf.Root:
        seen: dict[tuple[int, int], pikepdf.Object] = {}
        for spec in pdf.Root.AF:
            seen.setdefault(spec.objgen, spec)
        pdf.Root.AF = pikepdf.Array(list(seen.values()))
