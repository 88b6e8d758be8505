"""The watch preview's PDF is a draft: the archive's pages without what only the archive
needs (PDF/A-3a, the tags and their PDF/UA mending, the attached source files), and the
preview says so. `finsam report` makes the archive's PDF, never a draft."""
from __future__ import annotations

import io

import pikepdf
import pypdf
import pytest

from generator.watch.preview import Preview
from tests.conftest import DATA, LATEST

NAME = "exempelbygd"


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.mark.slow
def test_the_preview_prints_the_archives_pages_as_an_untagged_draft_and_says_so(built):
    preview = Preview(DATA / NAME, LATEST[NAME])
    assert preview.rebuild().html is not None
    printed, findings = preview.pdf()
    assert printed is not None
    archived = built[NAME]["pdf"].read_bytes()
    assert page_texts(printed) == page_texts(archived)
    with pikepdf.open(io.BytesIO(printed)) as draft:
        assert "/StructTreeRoot" not in draft.Root and "/AF" not in draft.Root
        assert "/EmbeddedFiles" not in draft.Root.Names
    with pikepdf.open(io.BytesIO(archived)) as archive:
        assert "/StructTreeRoot" in archive.Root and "/AF" in archive.Root
    [note] = [f for f in findings if f.code == "I-UTKAST"]
    assert (note.severity, note.message) == ("info", "förhandsvisningens PDF är ett utkast: samma sidor, men utan det "
                                             "som bara arkivets PDF behöver (PDF/A, taggar för skärmläsare, "
                                             "bifogade källfiler); make report skriver den riktiga")
    assert preview.pdf() == (printed, findings), "printed once per build"
