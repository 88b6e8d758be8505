"""Information-only notes, several references on a line, a line's own rubrik, partial varav
and the eget kapital note: numbers and links in the HTML, text in the PDF, exact findings,
the figures export."""
from __future__ import annotations

import subprocess
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from generator.figures import figure_table
from generator.layout import layout_report
from generator.pipeline import check_year, print_report, render_report

from .test_check_unit import Copy

INFO_NOTES = """
noter:
  - rubrik: Arvode till revisorerna
    beskrivning: Arvodet avser granskning av årets räkenskaper.
    rader:
      - {text: Revision, belopp: 60000}
      - {text: Övrig rådgivning, belopp: 5000}
  - rubrik: Leasing
    beskrivning: |
      Förbundet leasar **två bilar**; avtalen löper till 2025.
  - rubrik: Händelser efter balansdagen
    beskrivning: Inga väsentliga händelser har inträffat efter balansdagen.
"""


@pytest.fixture
def halland(tmp_path) -> Copy:
    """Halland 2023 with three information-only notes, the cash line renamed and pointing to
    two of them, a partial varav, and the eget kapital note asked for."""
    c = Copy(tmp_path, "halland")
    c.replace("2023.yaml", "  kassa_och_bank:\n    rader:",
              "  kassa_och_bank:\n    rubrik: Likvida medel\n    noter: [Leasing, Arvode till revisorerna]\n    rader:")
    c.replace("2023.yaml", "      - {text: Skattekonto, belopp: 44151}\n",
              "      - text: Skattekonto\n        belopp: 44151\n        varav_delvis: true\n"
              "        varav:\n          - {text: Moms, belopp: 40000}\n")
    c.append("2023.yaml", INFO_NOTES)
    c.replace("forbund.yaml", "  signeringsrad: true\n", "  signeringsrad: true\n  not_eget_kapital: true\n")
    return c


class Cells(HTMLParser):
    """Each table row: its label, and the Not cell's links (href, text) and text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, list]] = {}  # table id → [(label, links, note text)]
        self.headings: list[str] = []
        self.ids: set[str] = set()
        self._table = ""
        self._where: str | None = None
        self._row: list = []
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "table":
            self._table = a.get("id", "")
            self.rows.setdefault(self._table, [])
        elif tag == "tr":
            self._row = ["", [], ""]
        elif tag == "th" and a.get("scope") == "row":
            self._where = "label"
        elif tag == "td" and "note" in (a.get("class") or "").split():
            self._where = "note"
        elif tag == "a" and self._where == "note":
            self._href = a.get("href")
            self._row[1].append([self._href, ""])
        elif tag == "h3":
            self._where = "h3"
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in ("th", "td", "h3"):
            self._where = None
        elif tag == "a":
            self._href = None
        elif tag == "tr" and self._row[0]:
            self.rows[self._table].append(tuple(self._row))

    def handle_data(self, data):
        if self._where == "label":
            self._row[0] += data
        elif self._where == "note":
            self._row[2] += data
            if self._href:
                self._row[1][-1][1] += data
        elif self._where == "h3":
            self.headings[-1] += data


def parsed(html: str) -> Cells:
    p = Cells()
    p.feed(html)
    return p


def row(p: Cells, table: str, label: str) -> tuple:
    hits = [r for r in p.rows[table] if r[0].strip() == label]
    assert len(hits) == 1, (label, [r[0] for r in p.rows[table]])
    return hits[0]


def test_a_line_points_to_its_own_note_and_the_information_notes_it_names(halland):
    p = parsed(render_report(halland.report()))
    label, links, text = row(p, "tabell-balansrakning", "Likvida medel")
    assert links == [["#not-9", "9"], ["#not-12", "12"], ["#not-13", "13"]]
    assert text == "9, 12, 13"
    assert {"not-9", "not-12", "not-13", "not-14"} <= p.ids
    assert "Not 9 Likvida medel" in p.headings  # the note heading follows the line's rubrik
    assert p.headings[p.headings.index("Not 12 Arvode till revisorerna"):][:3] == \
        ["Not 12 Arvode till revisorerna", "Not 13 Leasing", "Not 14 Händelser efter balansdagen"]
    # The standard text is gone from the statement, the rubrik is there.
    assert "Kassa och bank" not in [r[0].strip() for r in p.rows["tabell-balansrakning"]]


def test_summa_eget_kapital_points_to_the_eget_kapital_note(halland):
    p = parsed(render_report(halland.report()))
    assert row(p, "tabell-balansrakning", "Summa eget kapital")[1] == [["#not-10", "10"]]
    assert "Not 10 Eget kapital" in p.headings
    rows = {r[0].strip() for r in p.rows["tabell-not-10"]}
    assert rows == {"Ingående eget kapital", "Årets resultat", "Utgående eget kapital"}


def test_no_eget_kapital_note_unless_asked(tmp_path):
    r = Copy(tmp_path, "halland").report()
    p = parsed(render_report(r))
    assert row(p, "tabell-balansrakning", "Summa eget kapital")[1] == []
    assert not any(k.startswith("noter.summa_eget_kapital.") for k in r.figures[2023])


def test_the_notes_are_in_the_table_of_contents(halland):
    toc = layout_report(halland.report()).parts["noter"].sections
    assert [(s.id, s.number, s.rubrik) for s in toc][-3:] == [
        ("not-12", "Not 12", "Arvode till revisorerna"), ("not-13", "Not 13", "Leasing"),
        ("not-14", "Not 14", "Händelser efter balansdagen")]
    html = render_report(halland.report())
    assert '<a href="#not-13">Not 13 Leasing</a>' in html


def test_an_amount_only_line_takes_its_rubrik_and_points_to_an_information_note(tmp_path):
    c = Copy(tmp_path, "sydnarke")
    c.replace("2023.yaml", "  kassa_och_bank: 1463432\n",
              "  kassa_och_bank: {belopp: 1463432, rubrik: Likvida medel, noter: [leasing]}\n")
    c.append("2023.yaml", "noter:\n  - {rubrik: Leasing, beskrivning: Förbundet har inga leasingavtal.}\n")
    r = c.report()
    p = parsed(render_report(r))
    number = next(n.number for n in r.noter if n.rubrik == "Leasing")
    assert row(p, "tabell-balansrakning", "Likvida medel")[1] == [[f"#not-{number}", str(number)]]
    assert r.figures[2023]["balansrakning.kassa_och_bank"] == Decimal(1463432)  # the key stays


def test_export_has_the_new_notes_keys_and_the_tables_show_them(halland):
    r = halland.report()
    f = figure_table(r)
    assert f["noter.arvode_till_revisorerna.revision"] == {2023: 60000}
    assert f["noter.arvode_till_revisorerna.summa"] == {2023: 65000}
    assert f["noter.fordringar.skattekonto.varav_delvis.moms"] == {2023: 40000}
    assert f["noter.summa_eget_kapital.ingaende"] == {2023: 5480534, 2022: 5904508}
    assert f["noter.summa_eget_kapital.arets_resultat"] == {2023: -2812499, 2022: -423974}
    assert f["noter.summa_eget_kapital.summa"] == {2023: 2668035, 2022: 5480534}
    assert not any(k.startswith("noter.leasing") for k in f)  # a note of text only has no figure
    # Every cell of every note table is the export's figure under its row key.
    for block in layout_report(r).notes:
        for table_row in block.table.rows if block.table else ():
            for year, value in zip((2023, 2022), table_row.values, strict=True):
                assert value == r.figures[year].get(table_row.key), (block.rubrik, table_row.label)


def findings(c: Copy) -> list[str]:
    return [str(f) for f in check_year(c.folder, 2023, base=c.root).findings]


def test_a_partial_varav_larger_than_its_row_is_an_error(halland):
    halland.replace("2023.yaml", "{text: Moms, belopp: 40000}", "{text: Moms, belopp: 50000}")
    line = halland.line_of("2023.yaml", "varav_delvis") + 1
    assert findings(halland) == [
        f'data/halland/2023.yaml:{line}:9: fel: "Skattekonto": varav-raderna summerar till 50 000, mer än raden '
        "(44 151); en del kan inte vara större än raden, rätta en varav-rad eller raden [E-VARAV]"]


def test_varav_delvis_without_varav_is_an_error(halland):
    halland.replace("2023.yaml", "        varav:\n          - {text: Moms, belopp: 40000}\n", "")
    line = halland.line_of("2023.yaml", "varav_delvis")
    assert findings(halland) == [
        f'data/halland/2023.yaml:{line}:23: fel: "Skattekonto": varav_delvis: true men raden har inga varav-rader; '
        "ta bort varav_delvis eller skriv raderna under varav: [E-VARAV]"]


def test_an_unmarked_split_must_add_up(halland):
    halland.replace("2023.yaml", "        varav_delvis: true\n", "")
    line = halland.line_of("2023.yaml", "{text: Moms, belopp: 40000}") - 1
    assert findings(halland) == [
        f'data/halland/2023.yaml:{line}:9: fel: "Skattekonto": varav-raderna summerar till 40 000, raden är 44 151 '
        "(skillnad -4 151); varav ska dela upp hela raden, eller skriv varav_delvis: true om de bara visar en del "
        "av den [E-VARAV]"]


def test_a_reference_to_a_note_that_does_not_exist(halland):
    halland.replace("2023.yaml", "noter: [Leasing, Arvode", "noter: [Leasnig, Arvode")
    line = halland.line_of("2023.yaml", "noter: [Leasnig")
    assert findings(halland) == [
        f'data/halland/2023.yaml:{line}:12: fel: balansrakning.kassa_och_bank: noter: "Leasnig" är ingen not; '
        'menade du "Leasing"? [E-NOTREF]']


def test_an_information_note_may_not_take_a_statement_line_s_key(halland):
    halland.replace("2023.yaml", "  - rubrik: Leasing\n", "  - rubrik: Fordringar\n")
    halland.replace("2023.yaml", "noter: [Leasing, Arvode", "noter: [Fordringar, Arvode")
    line = halland.line_of("2023.yaml", "  - rubrik: Fordringar")
    assert findings(halland) == [
        f'data/halland/2023.yaml:{line}:13: fel: not "Fordringar" ger samma nyckel som balansrakning.fordringar: '
        "noter.fordringar; ge noten en annan rubrik [E-NYCKEL]"]


@pytest.mark.slow
def test_the_pdf_shows_the_notes(halland):
    pdf, problems = print_report(halland.report(), halland.folder)
    assert not problems
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.decode().splitlines()]
    for expected in ("Not 12 Arvode till revisorerna", "Arvodet avser granskning av årets räkenskaper.",
                     "Revision 60 000 –", "Summa 65 000 –", "Not 13 Leasing",
                     "Förbundet leasar två bilar; avtalen löper till 2025.",
                     "Ingående eget kapital 5 480 534 5 904 508", "Utgående eget kapital 2 668 035 5 480 534",
                     "varav moms 40 000 –", "Likvida medel 9, 12, 13 5 537 448 8 528 237"):
        assert expected in lines, expected


def test_the_example_forbund_uses_every_notes_capability():
    from .conftest import DATA, derive_year

    r = derive_year(DATA / "exempelbygd", 2024)
    html = render_report(r)
    p = parsed(html)
    assert row(p, "tabell-resultatrakning", "Verksamhetens kostnader")[1:] == (
        [["#not-3", "3"], ["#not-7", "7"], ["#not-10", "10"]], "3, 7, 10")  # 10: Justerade jämförelsetal
    assert row(p, "tabell-balansrakning", "Likvida medel")[1] == [["#not-8", "8"]]  # amount-only, own rubrik
    assert row(p, "tabell-balansrakning", "Summa eget kapital")[1] == [["#not-5", "5"]]
    assert [h for h in p.headings if h.startswith("Not ")][4:] == [
        "Not 5 Eget kapital", "Not 6 Kortfristiga skulder", "Not 7 Arvode till revisorerna", "Not 8 Leasing",
        "Not 9 Händelser efter balansdagen", "Not 10 Justerade jämförelsetal"]
    assert "varav moms för december" in html
    assert "sammanlagt 115\u00a0000 kr" in html  # the note's text names its own figure
    f = figure_table(r)
    assert f["noter.arvode_till_revisorerna.summa"] == {2024: 115000, 2023: 110000}
    assert f["noter.summa_eget_kapital.summa"] == {2024: 1115000, 2023: 1415000}
