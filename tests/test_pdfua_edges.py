"""PDF/UA on text the examples do not have: a fictional appendix written to strain the
structure tree (a table long enough to repeat its head on the next page, a paragraph and
a link cut by page breaks, lists three deep with links in them, quotations, footnotes).
Every one of these became more than one structure element, or an untagged annotation,
before the print stage mended WeasyPrint's tree."""
from __future__ import annotations

import shutil

import page
import pikepdf
import pytest

from tests.conftest import DATA, run_cli
from tests.test_pdfua import (
    assert_content_and_tree_agree,
    assert_headers_scoped,
    assert_links_tagged_and_described,
    elements,
)

ROWS = "\n".join(f"| Provrad {n} i en fiktiv förteckning | {n * 1000} | Exempelby |" for n in range(1, 71))
LONG = " ".join(["Den här meningen finns bara för att fylla ut ett stycke som bryts över en sidgräns."] * 60)
APPENDIX = f"""
## Bilaga: Provsida för skärmläsare (fiktiv)

{LONG}

- Första nivån med en [länk till förbundets webbplats som är så lång att den måste brytas \
över flera rader i spalten](https://www.exempel.se/om-forbundet)
  - Andra nivån
    - Tredje nivån med en [länk inom rapporten](#noter)
- En punkt till, med en fotnot.[^prov]

> Ett citat i en fiktiv bilaga, med **fetstil** och *kursiv* och ~~överstruket~~.

| Rad | Belopp | Kommun |
|---|---|---|
{ROWS}

[^prov]: En fotnot i en fiktiv bilaga.
"""


@pytest.fixture(scope="module")
def strained(tmp_path_factory):
    work = tmp_path_factory.mktemp("pdfua-edges")
    shutil.copytree(DATA / "exempelbygd", work / "data" / "exempelbygd")
    with (work / "data" / "exempelbygd" / "2024.md").open("a", encoding="utf-8") as text:
        text.write(APPENDIX)
    result = run_cli("report", "--forbund", "exempelbygd", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "build" / "exempelbygd-2024.pdf"


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["3a", "ua1"])
def test_the_strained_pdf_passes_both_profiles(strained, profile):
    report = page.validate_pdf(strained, profile=profile)
    assert sorted({f"{f.rule_id}: {f.message}" for f in report.failures}) == []


@pytest.mark.slow
def test_page_breaks_and_repeated_heads_leave_one_element_each(strained):
    with pikepdf.open(strained) as pdf:
        assert_content_and_tree_agree(pdf)
        assert_headers_scoped(pdf)
        contents = assert_links_tagged_and_described(pdf)
        assert {"länk till förbundets webbplats som är så lång att den måste brytas över flera rader i spalten",
                "länk inom rapporten", "Fotnot 1"} <= contents
        long = [t for t in elements(pdf, "/Table") if sum(1 for _ in elements_in(t, "/TR")) > 70]
        assert len(long) == 1, "the 70-row table is one Table, split over pages"
        assert sum(1 for _ in elements_in(long[0], "/THead")) == 1, "its head is tagged once"
        pages = {kid.Pg.objgen for tr in elements_in(long[0], "/TR") for kid in [tr] if "/Pg" in kid}
        assert len(pages) >= 2
        paragraphs = [p for p in elements(pdf, "/P") if len({s.Pg.objgen for s in elements_in(p, "/Span")}) > 1]
        assert paragraphs, "a paragraph cut by a page break is one P"


def elements_in(element, tag):
    from generator.pdfua.structure import walk

    return (e for e in walk(element) if str(e.S) == tag)


@pytest.mark.slow
def test_the_byte_rewrite_gives_the_parsers_operators_on_the_strained_pages(strained):
    from tests.test_pdfua_content import CLAIMED, same_operators

    with pikepdf.open(strained) as pdf:
        for pdf_page in pdf.pages:
            same_operators(pdf, pdf_page, CLAIMED)
