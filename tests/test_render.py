"""The rendered report: figures in the PDF text, structure of the HTML, determinism."""
from __future__ import annotations

import difflib
import hashlib
import itertools
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.formatting import MINUS, NBSP, belopp
from generator.layout import table_balansrakning, table_kassaflodesanalys, table_resultatrakning

from .conftest import DATA, FORBUND, LATEST, derive_year, golden_form, run_cli


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("name", FORBUND)
def test_every_statement_figure_is_in_the_pdf_in_swedish_format(built, name):
    text = "\n".join(pdf_pages(built[name]["pdf"]))
    r = derive_year(DATA / name, LATEST[name])
    missing = []
    for table in (table_resultatrakning(r), table_balansrakning(r), table_kassaflodesanalys(r)):
        for row in table.rows:
            for value in row.values:
                if value is None:
                    continue
                shown = belopp(value)
                if shown not in text:
                    missing.append((table.caption, row.label, shown))
    assert not missing
    # The formatter's conventions survive into the PDF: real minus, no-break spaces.
    assert f"{MINUS}2{NBSP}812{NBSP}499" in text or name != "halland"
    assert f"5{NBSP}222{NBSP}000" in text or name != "sydnarke"
    assert not re.search(r"\d,\d{3}\b", text), "thousands must never be grouped with a comma"


@pytest.mark.parametrize("name", FORBUND)
def test_toc_page_numbers_are_the_pages_the_headings_are_on(built, name):
    pages = pdf_pages(built[name]["pdf"])
    toc_page = next(i for i, t in enumerate(pages) if t.lstrip().startswith("Innehåll"))
    entries = re.findall(r"^(\d+(?:\.\d+)? [^\n]+?)[ .]*?(\d+)$", pages[toc_page], flags=re.M)
    assert len(entries) >= 10
    for title, number in entries:
        page = int(number)
        body = pages[page - 1]
        assert any(line.strip() == title.strip() for line in body.splitlines()), (title, page)
        earlier = [i + 1 for i, t in enumerate(pages[:page - 1]) if i != toc_page
                   and any(line.strip() == title.strip() for line in t.splitlines())]
        assert not earlier, f"{title} also appears before page {page}"


def test_pdf_metadata_and_fonts(built):
    reader = PdfReader(str(built["halland"]["pdf"]))
    assert reader.metadata["/Title"] == "Samordningsförbundet Halland – Årsredovisning 2023"
    assert reader.metadata["/Author"] == "Samordningsförbundet Halland"
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF must be tagged"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Source-Sans-Pro" in f for f in fonts), fonts
    outline = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert "2 Resultaträkning" in outline and "1 Förvaltningsberättelse" in outline


def test_two_builds_are_byte_identical(built, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli("report", "--forbund", "halland", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for kind in ("pdf", "html"):
        first = hashlib.sha256(built["halland"][kind].read_bytes()).hexdigest()
        second = hashlib.sha256((tmp_path / "build" / f"halland-2023.{kind}").read_bytes()).hexdigest()
        assert first == second, kind


class Outline(HTMLParser):
    """Collects what accessibility depends on: language, headings, tables."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.headings: list[int] = []
        self.tables: list[dict] = []
        self.external: list[str] = []
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables.append({"caption": False, "th": 0, "id": attrs.get("id")})
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "th" and self.tables:
            self.tables[-1]["th"] += 1
        if tag == "img" and attrs.get("class") != "site-logo":  # the web header's logo is decorative
            self.images.append(attrs)
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            inline = value.startswith("data:image/svg+xml;base64,")
            if tag in ("script", "link", "iframe") or (name == "src" and value and not inline):
                self.external.append(f"{tag} {value}")


@pytest.mark.parametrize("name", FORBUND)
def test_html_is_accessible_in_structure(built, name):
    outline = Outline()
    outline.feed(built[name]["html"].read_text(encoding="utf-8"))
    assert outline.lang == "sv"
    assert outline.headings.count(1) == 1 and outline.headings[0] == 1
    for before, after in itertools.pairwise(outline.headings):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    assert len(outline.tables) >= 8
    for table in outline.tables:
        assert table["caption"] and table["th"] > 0, table
    assert outline.external == [], "the HTML must be self-contained"
    assert len(outline.images) >= 3 and all(len(img.get("alt", "")) > 40 for img in outline.images), \
        "every chart needs a text alternative"


def test_column_headings_and_units_come_from_the_data(tmp_path):
    """The seeds' labelling errors ("2023 | 2023", "tkr" over kronor) cannot occur."""
    folder = tmp_path / "data" / "sydnarke"
    shutil.copytree(DATA / "sydnarke", folder)
    text = (folder / "2023.yaml").read_text(encoding="utf-8").replace("  enhet: kr\n", "  enhet: tkr\n")
    (folder / "2023.yaml").write_text(text, encoding="utf-8")
    r = derive_year(folder, 2023)
    from generator.pipeline import render_report

    html = render_report(r)
    for table_id in ("resultatrakning", "kassaflodesanalys"):
        heads = re.search(rf'id="tabell-{table_id}".*?<thead>(.*?)</thead>', html, re.S).group(1)
        assert re.findall(r'class="amount">([^<]+)<', heads) == ["2023", "2022"]
    drift = re.search(r'id="tabell-driftredovisning".*?</table>', html, re.S).group(0)
    assert "Belopp i tkr" in drift and "Belopp i kr" not in drift
    # In tkr the amounts are divided by 1000 and every column still adds up as shown.
    from generator.layout import table_driftredovisning

    table = table_driftredovisning(r)
    assert table.unit == "tkr"
    for col in range(len(table.columns)):
        rows = [row.values[col] for row in table.rows[:-1] if row.values[col] is not None]
        assert sum(rows) == table.rows[-1].values[col]
        assert all(v % 1000 == 0 for v in rows)
    assert f"5{NBSP}222" in drift and "5 222 000" not in drift.replace(NBSP, " ")


def test_equity_and_debts_are_printed_positive(built):
    """Notes 9 and 10 of the Halland seed printed the ledger's credit sign; here they cannot."""
    html = built["halland"]["html"].read_text(encoding="utf-8")
    bs = re.search(r'id="tabell-balansrakning".*?</table>', html, re.S).group(0)
    row = re.search(r"Summa eget kapital</th>(.*?)</tr>", bs, re.S).group(1)
    assert re.findall(r'class="amount">([^<]+)<', row) == [f"2{NBSP}668{NBSP}035", f"5{NBSP}480{NBSP}534"]
    note = re.search(r'<h3>Not \d+ Kortfristiga skulder</h3>.*?</table>', html, re.S).group(0)
    total = re.search(r"<tr class=\"totalsumma\">.*?</tr>", note, re.S).group(0)
    assert re.findall(r'class="amount">([^<]+)<', total) == [f"3{NBSP}629{NBSP}798", f"4{NBSP}765{NBSP}017"]


def test_a_failed_build_leaves_the_previous_files(tmp_path, monkeypatch):
    from generator import pdf, pipeline

    shutil.copytree(DATA / "halland", tmp_path / "halland")
    out = tmp_path / "build"
    out.mkdir()
    (out / "halland-2023.html").write_text("previous", encoding="utf-8")
    (out / "halland-2023.pdf").write_bytes(b"previous")

    def broken(*args, **kwargs):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(pdf, "print_pdf", broken)
    with pytest.raises(RuntimeError):
        pipeline.build_year(tmp_path / "halland", out, 2023)
    assert (out / "halland-2023.html").read_text(encoding="utf-8") == "previous"
    assert (out / "halland-2023.pdf").read_bytes() == b"previous"
    assert sorted(p.name for p in out.iterdir()) == ["halland-2023.html", "halland-2023.pdf"]


@pytest.mark.parametrize("name", FORBUND)
def test_html_matches_the_reviewed_golden_file(name):
    """Rendered HTML of the examples is reviewed as a diff; `make golden` rewrites it."""
    from generator.pipeline import render_report

    html = golden_form(render_report(derive_year(DATA / name, LATEST[name])))
    golden = Path(__file__).parent / "golden" / f"{name}-{LATEST[name]}.html"
    expected = golden.read_text(encoding="utf-8")
    if html != expected:
        diff = difflib.unified_diff(expected.splitlines(), html.splitlines(), f"golden/{golden.name}", "rendered",
                                    n=2, lineterm="")
        shown = "\n".join(list(diff)[:80])
        pytest.fail(f"the rendered HTML differs from tests/golden/{golden.name}; if the change is meant, run "
                    f"`make golden` and review `git diff tests/golden`:\n{shown}", pytrace=False)
