"""Content wider than the page is a finding, never silently cut (issue 8, point 8).

Each test prints a real PDF with WeasyPrint, so all are slow."""
from __future__ import annotations

from decimal import Decimal

import pytest

from generator import fit, pdf

from .conftest import DATA, FORBUND, LATEST, derive_year
from .test_hostile_narrative import _hostile_copy

pytestmark = pytest.mark.slow


def _table(columns: int, cell: str = "1") -> str:
    head = "| " + " | ".join(f"kolumn{i}" for i in range(columns)) + " |\n"
    return "\n" + head + "|" + "---|" * columns + "\n| " + " | ".join(cell for _ in range(columns)) + " |\n\n"


def _build(tmp_path, addition: str):
    from generator.pipeline import build_year

    folder = _hostile_copy(tmp_path, addition)
    return folder, build_year(folder, tmp_path / "build", 2023)


def test_a_500_column_markdown_table_is_an_error_at_its_line(tmp_path):
    folder, outcome = _build(tmp_path, _table(500))
    assert [str(f) for f in outcome.findings] == [
        f"{folder}/2023.md:14:1: fel: tabellen är 13472 mm bredare än sidan och får inte plats i PDF:en; dela upp "
        "den i flera tabeller med färre kolumner, eller skriv innehållet som en lista [E-SIDBREDD]"]
    assert outcome.errors == 1
    # Like any other error, it keeps the report from being written.
    assert outcome.written == ()
    assert not list((tmp_path / "build").glob("*.pdf")) and not list((tmp_path / "build").glob("*.html"))


def test_a_table_of_twelve_long_words_is_reported_and_a_narrow_one_is_not(tmp_path):
    folder, outcome = _build(tmp_path, _table(12, "Rehabiliteringssamordningsverksamhet") + "Text.\n" + _table(4))
    assert [f.pos.line for f in outcome.findings] == [14]
    assert [f.code for f in outcome.findings] == ["E-SIDBREDD"]


def test_a_very_long_word_or_address_in_running_text_wraps_and_is_kept_whole(tmp_path):
    from pypdf import PdfReader

    word = "https://example.org/" + "x" * 600
    folder, outcome = _build(tmp_path, f"\nSe {word} och {'Ord' * 150}.\n")
    assert outcome.findings == ()
    text = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "build" / "halland-2023.pdf")).pages)
    assert "x" * 600 in "".join(text.split()), "the word is broken across lines, not cut"


def _print(html: str):
    folder = DATA / "halland"
    return pdf.print_pdf(html, pdf.Collaborators.for_folder(folder), pdf.Metadata("t", "a", 0),
                         fit.Sources({}, "data/halland/2023.yaml"))


def _page():
    from generator.formatting import belopp
    from generator.pipeline import render_report

    r = derive_year(DATA / "halland", 2023)
    return render_report(r, "sv-SE"), belopp(Decimal(r.figures[2023]["resultatrakning.arets_resultat"]))


def test_an_amount_too_long_for_its_column_names_the_table_and_the_amount():
    html, shown = _page()
    _, findings = _print(html.replace(shown, "\u2212" + "\u00a0".join(["999"] * 30), 1))
    assert [str(f) for f in findings] == [
        'data/halland/2023.yaml: fel: tabellen "Översikt över verksamhetens utveckling …" är 118 mm bredare än '
        'sidan och får inte plats i PDF:en, vid "−999 999 999 999 999 999 999 999 999 99…"; ett så långt värde '
        "får inte plats: kontrollera det i datafilen [E-SIDBREDD]"]


def test_an_amount_of_ten_to_the_fifteenth_kronor_still_fits():
    from generator.formatting import belopp

    html, shown = _page()
    _, findings = _print(html.replace(shown, belopp(Decimal(10) ** 15)))
    assert findings == []


def test_the_examples_fit_their_pages():
    for name in FORBUND:
        from generator.pipeline import print_report

        _, findings = print_report(derive_year(DATA / name, LATEST[name]), DATA / name)
        assert findings == [], name


def test_the_web_page_lets_wide_tables_scroll_in_their_own_box():
    from generator.narrative import render_markdown

    html = render_markdown(_table(500))
    assert html.startswith('<div class="table-scroll" role="group" tabindex="0" aria-label="Tabell">'
                           '<table data-line="1">') and html.endswith("</table></div>\n")
    from generator.render import stylesheet

    assert ".table-scroll { overflow-x: auto; }" in stylesheet()


def test_wide_tables_in_the_chairs_words_an_own_section_and_note_1_are_each_at_their_line(tmp_path):
    from generator.pipeline import build_year

    folder = _hostile_copy(tmp_path, "")
    md = (folder / "2023.md").read_text(encoding="utf-8")
    md = md.replace("## Ordföranden har ordet\n", "## Ordföranden har ordet\n" + _table(80), 1)
    md += "\n## Vårt eget avsnitt\n" + _table(80) + "## Redovisningsprinciper\n\nText.\n" + _table(80)
    (folder / "2023.md").write_text(md, encoding="utf-8")
    lines = md.split("\n")
    expected = [i + 1 for i, line in enumerate(lines) if line.startswith("| kolumn0")]
    outcome = build_year(folder, tmp_path / "build", 2023)
    assert [(f.code, f.pos.line) for f in outcome.findings] == [("E-SIDBREDD", n) for n in expected]
    assert len(expected) == 3
