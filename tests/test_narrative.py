"""Narrative Markdown: sections, sanitising, and what it may not do."""
from __future__ import annotations

import re

import pytest

from generator.narrative import read_narrative, render_markdown


def test_markdown_features_render():
    html = render_markdown("Text med *betoning* och **fetstil**.\n\n- en\n- två\n\n"
                           "[länk](https://example.org)\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n### Under\n")
    assert "<em>betoning</em>" in html and "<strong>fetstil</strong>" in html
    assert '<ul data-line="2">' in html and "<li>två</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">länk</a>' in html
    assert '<div class="table-scroll" role="group" tabindex="0" aria-label="Tabell"><table data-line="7">' in html
    assert 'style="text-align:right"' in html
    assert '<h4 data-line="11">Under</h4>' in html


def test_raw_html_scripts_and_dangerous_links_are_removed():
    html = render_markdown('<script>alert(1)</script>\n\n<img src="http://evil/x.png">\n\n'
                           '[klick](javascript:alert(1)) ![bild](file:///etc/passwd)\n\n'
                           '<a href="http://x" onclick="y">a</a>')
    # Raw HTML is shown as text, never as markup; only <p> elements come out.
    assert set(re.findall(r"<([a-z0-9]+)", html)) == {"p"}
    assert "&lt;script&gt;" in html


def test_sections_standard_and_own(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\n\n## Egen rubrik\nB\n\n## Händelser av väsentlig betydelse\nC\n\n"
                    "## Förväntad utvekling\nD\n", encoding="utf-8")
    sections, findings = read_narrative(path, "2023.md")
    keys = [(s.key, s.after) for s in sections]
    assert keys == [("organisation", None), ("eget_1", "organisation"), ("vasentliga_handelser", None),
                    ("eget_2", "vasentliga_handelser")]
    assert [str(f) for f in findings] == [
        '2023.md:10:1: varning: "Förväntad utvekling" visas som förbundets eget avsnitt; menade du '
        'standardavsnittet "Förväntad utveckling"? [W-RUBRIK]']


def test_text_before_the_first_heading_is_an_error(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("Lös text\n## Organisation\nA\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [f.code for f in findings] == ["E-NARRATIV"]


def test_a_heading_inside_a_code_block_is_text(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\n\n```\n## Inte en rubrik\n```\n\n## Uppdrag\nB\n", encoding="utf-8")
    sections, findings = read_narrative(path, "2023.md")
    assert [s.key for s in sections] == ["organisation", "uppdrag"] and findings == []
    assert "## Inte en rubrik" in sections[0].markdown


def test_headings_in_the_text_are_shifted_below_the_section_but_code_is_not():
    html = render_markdown("# Stor\n\n```\n# kommentar i kod\n```\n")
    assert '<h4 data-line="0">Stor</h4>' in html and "# kommentar i kod" in html


def test_a_line_separator_inside_a_paragraph_does_not_shift_the_sections(tmp_path):
    """markdown-it ends lines only at \\n (and \\r): U+2028 or a form feed must not move a section's text."""
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\u2028B\fC\n\n## Uppdrag\nD\r\nE\n", encoding="utf-8")
    sections, findings = read_narrative(path, "2023.md")
    assert findings == []
    assert [(s.key, s.markdown) for s in sections] == [("organisation", "A\u2028B\fC\n\n"), ("uppdrag", "D\nE\n")]


def test_a_heading_without_text_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("\ufeff## Organisation\nA\n\n##\nB\n", encoding="utf-8")
    sections, findings = read_narrative(path, "2023.md")
    assert [s.key for s in sections] == ["organisation"]
    assert [str(f) for f in findings] == [
        "2023.md:4:1: fel: rubriken saknar text: skriv avsnittets namn efter ## (till exempel '## Organisation') "
        "eller ta bort raden [E-NARRATIV]"]


def test_a_section_written_twice_names_the_line_of_the_first(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\n\n## Uppdrag\nB\n\n## organisation\nC\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [str(f) for f in findings] == [
        '2023.md:7:1: fel: avsnittet "organisation" finns redan på rad 1; slå ihop de två till ett avsnitt '
        "[E-NARRATIV]"]


def test_text_before_the_first_heading_says_how_to_start(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("Lös text\n## Organisation\nA\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [str(f) for f in findings] == [
        "2023.md:1:1: fel: texten före den första rubriken hör inte till något avsnitt; börja filen med en rubrik, "
        "till exempel '## Organisation' [E-NARRATIV]"]


def test_a_long_heading_is_quoted_as_a_short_excerpt(tmp_path):
    path = tmp_path / "2023.md"
    path.write_text("## Organisation\nA\n\n## Förväntad utvekling" + "\u200b" + "\n", encoding="utf-8")
    _, findings = read_narrative(path, "2023.md")
    assert [str(f) for f in findings] == [
        '2023.md:4:1: varning: "Förväntad utvekling⟨ett nollbreddsmellanslag (U+200B)⟩" visas som förbundets eget '
        'avsnitt; menade du standardavsnittet "Förväntad utveckling"? [W-RUBRIK]']


@pytest.mark.parametrize(("text", "problem"), [
    ("{% for x in y %}", '"{% for x in y %}" är inte tillåtet: texten namnger nyckeltal som {{ nyckel }} och kan '
                         "inte köra mallkod; ta bort det"),
    ("{{ 7*7 }}", '"{{ 7*7 }}" är inget nyckeltal: skriv till exempel {{ resultatrakning.arets_resultat }}, om du '
                  "vill med @ÅÅÅÅ och | belopp / kr / absolut / resultat / tkr / mnkr / procent / tal / heltal; "
                  "texten kan inte köra mallkod"),
    ("{{ resultatrakning.arets_resultat | euro }}", 'formatet "euro" finns inte; skriv ett av belopp, kr, absolut, '
                                                    "resultat, tkr, mnkr, procent, tal, heltal"),
    ("{{ " + "x" * 200 + " }}", '"{{ ' + "x" * 36 + '…" är inget nyckeltal: skriv till exempel '
                                "{{ resultatrakning.arets_resultat }}, om du vill med @ÅÅÅÅ och | belopp / kr / "
                                "absolut / resultat / tkr / mnkr / procent / tal / heltal; texten kan inte köra "
                                "mallkod"),
])
def test_what_may_not_stand_between_the_braces_is_said_in_swedish(text, problem):
    from generator.narrative import references

    assert [r.problem for r in references(f"Text {text} slut")] == [problem]
