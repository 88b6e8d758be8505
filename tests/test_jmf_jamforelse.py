"""Justerade jämförelsetal: last year's figures as published, against the comparison column shown."""
from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

from generator.figures import figure_table
from generator.formatting import NBSP

from .conftest import DATA, derive_year

PUBLISHED = """publicerat:
  forklaring: En faktura för lokalvård 2022 bokfördes först 2023 och har nu flyttats till 2022.
  belopp:
    resultatrakning.verksamhetens_kostnader: -24229606
    resultatrakning.arets_resultat: -423974
    balansrakning.kortfristiga_skulder: 4715017
"""


def _halland(tmp_path: Path, block: str) -> Path:
    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    path = folder / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("antal_anstallda: 5\n", "antal_anstallda: 5\n" + block,
                                                             1), encoding="utf-8")
    return folder


def _note(page: str) -> str | None:
    found = re.search(r'<section class="note" id="not-\d+">\s*<h3>Not \d+ Justerade jämförelsetal</h3>.*?</section>',
                      page, re.S)
    return found.group(0) if found else None


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def test_a_published_figure_that_differs_gets_a_note_with_its_table(tmp_path):
    from generator.pipeline import check_year, render_report

    folder = _halland(tmp_path, PUBLISHED)
    outcome = check_year(folder, 2023)
    assert [f for f in outcome.findings if f.code.endswith("JAMFORELSE")] == []
    page = render_report(outcome.report)
    note = _note(page)
    assert note is not None
    numbers = [int(n) for n in re.findall(r'<section class="note" id="not-(\d+)">', page)]
    assert numbers == list(range(1, len(numbers) + 1)) and f'id="not-{numbers[-1]}">' in note
    assert _text(note) == _text(
        f"Not {numbers[-1]} Justerade jämförelsetal "
        "Jämförelsetalen för 2022 i den här årsredovisningen skiljer sig på raderna nedan från årsredovisningen "
        "för 2022 som den fastställdes. "
        "En faktura för lokalvård 2022 bokfördes först 2023 och har nu flyttats till 2022. "
        "Justerade jämförelsetal 2022 (belopp i kr) Rad Publicerat 2022 Visat 2022 Skillnad "
        f"Resultaträkning: Verksamhetens kostnader −24{NBSP}229{NBSP}606 −24{NBSP}279{NBSP}606 −50{NBSP}000 "
        f"Balansräkning: Kortfristiga skulder 4{NBSP}715{NBSP}017 4{NBSP}765{NBSP}017 50{NBSP}000 "
        "Skillnad är det visade beloppet minus det publicerade.")
    # The agreeing entry (årets resultat) is no row of the note, but every entry is in the export.
    figures = figure_table(outcome.report)
    assert figures["jamforelsetal.resultatrakning.arets_resultat.skillnad"] == {2023: 0}
    assert figures["jamforelsetal.resultatrakning.verksamhetens_kostnader.publicerat"] == {2023: -24229606}
    assert figures["jamforelsetal.resultatrakning.verksamhetens_kostnader.visat"] == {2023: -24279606}
    assert figures["jamforelsetal.balansrakning.kortfristiga_skulder.skillnad"] == {2023: 50000}


def test_without_publicerat_there_is_no_note():

    from generator.layout.jamforelse import table_jamforelse

    r = derive_year(DATA / "halland", 2023)
    assert table_jamforelse(r) is None  # no publicerat block: no note


def test_cells_are_export_keys(tmp_path):
    """Each cell is figures[report year][row key + "." + column key], the field-column convention."""
    from generator.layout.jamforelse import table_jamforelse

    r = derive_year(_halland(tmp_path, PUBLISHED), 2023)
    table = table_jamforelse(r)
    assert table is not None and len(table.rows) == 2
    for row in table.rows:
        for column, value in zip(table.columns, row.values, strict=True):
            assert r.figures[2023][f"{row.key}.{column.key}"] == value


def test_no_note_when_every_published_figure_agrees(tmp_path):
    from generator.pipeline import check_year, render_report

    folder = _halland(tmp_path, "publicerat:\n  belopp:\n    resultatrakning.arets_resultat: -423974\n")
    outcome = check_year(folder, 2023)
    assert [f.code for f in outcome.findings if "JAMFORELSE" in f.code] == []
    assert _note(render_report(outcome.report)) is None


def test_a_control_total_of_last_year_stays_an_error(tmp_path):
    """Control totals are assertions about the figures shown; published figures that may differ go in publicerat."""
    from generator.pipeline import check_year

    folder = _halland(tmp_path, "kontrollsummor:\n  belopp:\n    2022:\n"
                                "      resultatrakning.verksamhetens_kostnader: -24229606\n")
    found = [str(f) for f in check_year(folder, 2023).findings if f.code == "E-KONTROLL"]
    assert found == [f"{folder / '2023.yaml'}:14:48: fel: kontrollsumma resultatrakning.verksamhetens_kostnader "
                     "2022: angivet -24 229 606, framräknat -24 279 606, skillnad 50 000 [E-KONTROLL]"]


def test_exempelbygd_has_the_note():
    from generator.pipeline import render_report

    r = derive_year(DATA / "exempelbygd", 2024)
    note = _note(render_report(r))
    assert note is not None
    assert _text(f"Rad Publicerat 2023 Visat 2023 Skillnad "
                 f"Resultaträkning: Verksamhetens kostnader −7{NBSP}940{NBSP}000 −7{NBSP}950{NBSP}000 −10{NBSP}000 "
                 f"Resultaträkning: Årets resultat 225{NBSP}000 215{NBSP}000 −10{NBSP}000 "
                 "Skillnad är det visade beloppet minus det publicerade.") in _text(note)
    assert "En konsultfaktura på 10 000 kr som avsåg 2023 bokfördes först 2024" in _text(note)


def test_the_lines_that_differ_point_to_the_note(tmp_path):
    from generator.layout.statements import table_balansrakning, table_resultatrakning

    r = derive_year(_halland(tmp_path, PUBLISHED), 2023)
    last = max(n.number for n in r.noter) + 1
    rr = {row.key: row.note for row in table_resultatrakning(r).rows}
    br = {row.key: row.note for row in table_balansrakning(r).rows}
    assert rr["resultatrakning.verksamhetens_kostnader"][-1] == last
    assert last not in rr["resultatrakning.arets_resultat"]  # published as shown: no reference
    assert br["balansrakning.kortfristiga_skulder"][-1] == last
    assert sum(last in notes for notes in (*rr.values(), *br.values())) == 2
