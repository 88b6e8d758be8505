"""The PDF is what it claims: PDF/A-3a and PDF/UA-1 by an offline validator (page-validation,
a checker that passes the veraPDF and Isartor corpora), and, read with pikepdf and pypdf,
the things a screen-reader user meets that a validator does not weigh: page furniture and
leader dots as Artifacts, no marked content outside the tree, one structure element per
HTML element (not one per page), links described and tagged, table headers scoped, figures
described, fonts embedded."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import page
import pikepdf
import pypdf
import pytest
from pikepdf import Dictionary, Name

from generator.pdfua.structure import is_element, kids_of, walk
from tests.conftest import DATA, FORBUND, LATEST, derive_year


@pytest.fixture(scope="module")
def pdfs(built):
    opened = {name: pikepdf.open(paths["pdf"]) for name, paths in built.items()}
    yield opened
    for pdf in opened.values():
        pdf.close()


def document(pdf: pikepdf.Pdf) -> pikepdf.Object:
    kids = pdf.Root.StructTreeRoot.K
    return kids[0] if isinstance(kids, pikepdf.Array) else kids


def elements(pdf: pikepdf.Pdf, tag: str) -> list[pikepdf.Object]:
    return [e for e in walk(document(pdf)) if str(e.S) == tag]


@pytest.mark.parametrize("name", FORBUND)
@pytest.mark.parametrize("profile", ["3a", "ua1"])
def test_the_validator_finds_no_failed_rule(built, name, profile):
    report = page.validate_pdf(built[name]["pdf"], profile=profile)
    failed = sorted({f"{f.rule_id}: {f.message}" for f in report.failures})
    assert failed == [], "\n".join(failed)
    assert report.is_compliant and report.rules.failed == 0 and report.rules.total > 100


@pytest.mark.parametrize("name", FORBUND)
def test_the_metadata_claims_both_uncompressed(pdfs, name):
    pdf = pdfs[name]
    assert "/Filter" not in pdf.Root.Metadata
    xmp = bytes(pdf.Root.Metadata.read_raw_bytes()).decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert 'pdfuaid:part="1"' in xmp
    assert "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in xmp
    assert pdf.Root.MarkInfo.Marked is True and pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.Root.Lang) == "sv-SE"
    associated = [spec.objgen for spec in pdf.Root.AF]
    assert len(associated) == len(set(associated)) >= 3


def marked(page_: pikepdf.Page) -> list[int]:
    return [int(i.operands[1].MCID) for i in pikepdf.parse_content_stream(page_)
            if i.operator == pikepdf.Operator("BDC") and isinstance(i.operands[1], Dictionary)
            and "/MCID" in i.operands[1]]


@pytest.mark.parametrize("name", FORBUND)
def test_every_marked_content_belongs_to_the_tree_and_back(pdfs, name):
    assert_content_and_tree_agree(pdfs[name])


def assert_content_and_tree_agree(pdf: pikepdf.Pdf) -> None:
    pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    in_tree = Counter()
    for element in walk(document(pdf)):
        for kid in kids_of(element):
            if isinstance(kid, int):
                in_tree[pages[element.Pg.objgen], kid] += 1
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                in_tree[pages[kid.Pg.objgen], int(kid.MCID)] += 1
    in_content = Counter((i, mcid) for i, p in enumerate(pdf.pages) for mcid in marked(p))
    assert in_content == in_tree and max(in_tree.values()) == 1
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    reachable = {e.objgen for e in walk(document(pdf))}
    for index in range(len(pdf.pages)):
        assert int(nums[2 * index]) == index == int(pdf.pages[index].obj.StructParents)
        entries = nums[2 * index + 1]
        for mcid, element in enumerate(entries):
            assert (element.objgen in reachable) if (index, mcid) in in_tree else element is None


def text_by_kind(pdf_path: Path) -> list[dict[str, str]]:
    """Per page, the text inside Artifacts and the text tagged as content (pypdf)."""
    pages = []
    for page_ in pypdf.PdfReader(pdf_path).pages:
        stack: list[str] = []
        text: dict[str, list[str]] = {"artifact": [], "tagged": []}

        def before(op, args, *_, stack=stack):
            if op in (b"BDC", b"BMC"):
                stack.append(str(args[0]))
            elif op == b"EMC" and stack:
                stack.pop()

        def shown(t, *_, stack=stack, text=text):
            text["artifact" if "/Artifact" in stack else "tagged"].append(t)

        page_.extract_text(visitor_operand_before=before, visitor_text=shown)
        pages.append({kind: " ".join("".join(parts).split()) for kind, parts in text.items()})
    return pages


def test_page_furniture_and_leader_dots_are_artifacts(built):
    pages = text_by_kind(built["halland"]["pdf"])
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert f"Sida {number} av {total}" in text["artifact"]
        assert f"Sida {number} av" not in text["tagged"]
        assert "Samordningsförbundet Halland Årsredovisning 2023" in text["artifact"]
        assert ". . ." not in text["tagged"]
    contents = next(t for t in pages if t["tagged"].startswith("Innehåll"))
    assert ". . . . . . . . . ." in contents["artifact"]
    # Read as a reader hears it: each heading, then its page number, no dots; and the
    # running header is not read before the cover's own words.
    assert "Innehåll 1 Förvaltningsberättelse4 1.1 Organisation4 1.2 Uppdrag4" in contents["tagged"]
    assert pages[0]["tagged"].startswith("Samordningsförbundet Halland Årsredovisning 2023")


def html_count(html: str, tag: str) -> int:
    return len(re.findall(rf"<{tag}[\s>]", html))


@pytest.mark.parametrize("name", FORBUND)
def test_one_structure_element_per_html_element_whatever_the_page_breaks(pdfs, name):
    from generator.layout import layout_report
    from generator.render import render_html

    pdf = pdfs[name]
    counts = Counter(str(e.S) for e in walk(document(pdf)))
    main = render_html(layout_report(derive_year(DATA / name, LATEST[name])), "sv-SE", web=False)
    for tags, pdf_tag in ((("table",), "/Table"), (("h2",), "/H2"), (("h3",), "/H3"),
                          (("caption", "figcaption"), "/Caption"), (("thead",), "/THead")):
        in_html = sum(html_count(main, tag) for tag in tags)
        assert counts[pdf_tag] == in_html, (pdf_tag, counts[pdf_tag], in_html)
    for caption in elements(pdf, "/Caption"):
        assert all(str(k.S) != "/Caption" for k in kids_of(caption) if is_element(k))
    for heading in (*elements(pdf, "/H2"), *elements(pdf, "/H3")):
        assert all(str(k.S) not in ("/H2", "/H3") for k in kids_of(heading) if is_element(k))


@pytest.mark.parametrize("name", FORBUND)
def test_every_link_annotation_is_in_a_link_and_says_where_it_goes(pdfs, name):
    contents = assert_links_tagged_and_described(pdfs[name])
    assert "1 Förvaltningsberättelse" in contents


def assert_links_tagged_and_described(pdf: pikepdf.Pdf) -> set[str]:
    tagged = {}
    for link in elements(pdf, "/Link"):
        for kid in kids_of(link):
            if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                tagged[kid.Obj.objgen] = link
    annotations = [a for p in pdf.pages for a in p.obj.get("/Annots", []) if a.Subtype == Name.Link]
    assert annotations and {a.objgen for a in annotations} == set(tagged)
    for annotation in annotations:
        assert str(annotation.Contents).strip() and not re.fullmatch(r"[a-z0-9-]+", str(annotation.Contents))
    for element in walk(document(pdf)):
        if str(element.S) != "/Link":
            assert not any(isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR for k in kids_of(element))
    return {str(a.Contents) for a in annotations}


@pytest.mark.parametrize("name", FORBUND)
def test_every_header_cell_has_a_scope_and_every_figure_a_description(pdfs, name):
    assert_headers_scoped(pdfs[name])
    figures = elements(pdfs[name], "/Figure")
    assert figures and all(len(str(f.Alt)) > 20 for f in figures)


def assert_headers_scoped(pdf: pikepdf.Pdf) -> None:
    ths = elements(pdf, "/TH")
    assert ths and all(th.A.Scope in (Name.Row, Name.Column, Name.Both) for th in ths)
    ids = {bytes(th.ID) for th in ths if "/ID" in th}
    for cell in (*elements(pdf, "/TD"), *ths):
        assert {bytes(h) for h in cell.A.get("/Headers", [])} <= ids


@pytest.mark.parametrize("name", FORBUND)
def test_every_font_is_embedded(pdfs, name):
    pdf = pdfs[name]
    fonts = {f.objgen: f for p in pdf.pages for f in p.obj.Resources.get("/Font", {}).values()}
    assert fonts
    for font in fonts.values():
        descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font


def group_headers(body: pikepdf.Object) -> list[bytes]:
    """The IDs of a TBody's row-group headers: the lone TH of a row of its own."""
    out = []
    for row in (k for k in kids_of(body) if is_element(k) and str(k.S) == "/TR"):
        cells = [k for k in kids_of(row) if is_element(k) and str(k.S) in ("/TH", "/TD")]
        if len(cells) == 1 and str(cells[0].S) == "/TH" and cells[0].A.get("/ColSpan", 1) > 1:
            out.append(bytes(cells[0].ID))
    return out


@pytest.mark.parametrize("name", FORBUND)
def test_a_row_group_header_covers_the_cells_of_its_group_and_no_others(pdfs, name):
    pdf = pdfs[name]
    covered = 0
    for table in elements(pdf, "/Table"):
        bodies = [b for b in walk(table) if str(b.S) == "/TBody"]
        for body in bodies:
            headers = set(group_headers(body))
            for other in bodies:
                for cell in (e for e in walk(other) if str(e.S) == "/TD"):
                    listed = {bytes(h) for h in cell.A.get("/Headers", [])}
                    if other is body:
                        assert headers <= listed
                        covered += bool(headers)
                    else:
                        assert not headers & listed
    assert covered > 20, "the balance sheet's groups, at least, have cells under their headers"
