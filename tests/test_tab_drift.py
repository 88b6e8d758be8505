"""The driftredovisning's total row is the export's, also when a row has no budget."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.formatting import MINUS, NBSP
from generator.pipeline import check_year, render_report

from .conftest import DATA
from .test_table_truth import _older_femar_years, disagreements


def copy_of(tmp_path: Path, name: str = "halland") -> Path:
    shutil.copytree(DATA / name, tmp_path / "data" / name)
    return tmp_path / "data" / name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def drift_html(report) -> str:
    return re.search(r'id="tabell-driftredovisning".*?</table>.*?(?=<h[23]|<section)', render_report(report),
                     re.S).group(0)


def cells(html: str, label: str) -> list[str]:
    row = re.search(rf"<th[^>]*>{re.escape(label)}</th>(.*?)</tr>", html, re.S).group(1)
    return [c.strip() for c in re.findall(r"<td[^>]*>([^<]*)<", row)]


def n(text: str) -> str:
    return text.replace(" ", NBSP).replace("-", MINUS)


def without_budget(tmp_path: Path):
    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", "      intakt: 19847560\n      budget: 19607958\n", "      intakt: 19847560\n")
    outcome = check_year(folder, 2023, base=tmp_path)
    assert outcome.report is not None, [str(f) for f in outcome.findings]
    return outcome.report


def test_a_row_without_budget_counts_in_the_total_avvikelse_as_the_export_does(tmp_path):
    # Before: the total row added up the rows' avvikelser (−2 319 543), leaving out the row
    # without budget, while the export said summa netto − summa budget (17 528 017).
    r = without_budget(tmp_path)
    f = r.figures[2023]
    assert f["driftredovisning.summa_avvikelse"] == f["driftredovisning.summa_netto"] - f[
        "driftredovisning.summa_budget"] == 17528017
    assert "driftredovisning.medlemsavgifter_och_ovriga_intakter.avvikelse" not in f
    html = drift_html(r)
    assert cells(html, "Summa") == [n("19 847 560"), n("-22 660 059"), n("-2 812 499"), n("-20 340 516"),
                                    n("17 528 017"), n("-423 974")]
    assert cells(html, "Medlemsavgifter och övriga intäkter")[3:5] == ["–", "–"]
    assert ("Verksamheten Medlemsavgifter och övriga intäkter har ingen budget. Dess netto ingår i summa netto och "
            "därmed i summa avvikelse, som är summa netto minus summa budget och därför inte summan av radernas "
            "avvikelser.") in html
    assert _older_femar_years(disagreements(r), 2023)[0] == []


def test_with_every_budget_there_is_no_footnote_about_budgets(tmp_path):
    folder = copy_of(tmp_path)
    r = check_year(folder, 2023, base=tmp_path).report
    assert "har ingen budget" not in drift_html(r)
    assert cells(drift_html(r), "Summa")[4] == n("-2 079 941")


FULL = """driftredovisning:
  enhet: kr
  summa_text: Resultat
  finansiella_poster: true
  jamforelse: intakt_och_kostnad
  fotnoter:
    - Budgeten för kostnaderna reviderades av styrelsen i juni.
  minnesposter:
    - {text: Utgående eget kapital, nyckel: balansrakning.summa_eget_kapital, budget: 2000000}
    - {text: Likvida medel, nyckel: kassaflodesanalys.likvida_medel_vid_arets_slut}
  verksamheter:
    - namn: Medlemsavgifter och övriga intäkter
      intakt: 19847560
      budget: 19607958
    - namn: Kostnader
      kostnad: -22693260
      budget: -20340516
"""
FULL_2022 = """driftredovisning:
  enhet: kr
  finansiella_poster: true
  verksamheter:
    - namn: Medlemsavgifter och övriga intäkter
      intakt: 23903561
    - namn: Kostnader
      kostnad: -24279606
"""


def full(tmp_path: Path, unit: str = "kr"):
    folder = copy_of(tmp_path)
    for name, block in (("2023.yaml", FULL.replace("enhet: kr", f"enhet: {unit}")), ("2022.yaml", FULL_2022)):
        text = (folder / name).read_text(encoding="utf-8")
        start = text.index("driftredovisning:\n")
        end = text.index("\n\n", start) + 1
        (folder / name).write_text(text[:start] + block + text[end:], encoding="utf-8")
    return check_year(folder, 2023, base=tmp_path)


def test_sum_label_memo_rows_last_year_columns_footnotes_and_finansiella_poster(tmp_path):
    outcome = full(tmp_path)
    assert [str(f) for f in outcome.findings if f.severity == "error"] == []
    r = outcome.report
    f = r.figures[2023]
    # Finansiella poster: derived from the resultaträkning, so the table ends at årets resultat.
    assert f["driftredovisning.finansiella_poster.netto"] == 55638 - 22437
    assert f["driftredovisning.summa_netto"] == f["resultatrakning.arets_resultat"] == -2812499
    assert f["driftredovisning.finansiella_poster.netto_fjol"] == 5725 - 53654
    assert f["driftredovisning.summa_intakt_fjol"] == 23903561 + 5725
    assert f["driftredovisning.minnespost.utgaende_eget_kapital.netto"] == f["balansrakning.summa_eget_kapital"]
    assert f["driftredovisning.minnespost.utgaende_eget_kapital.avvikelse"] == 2668035 - 2000000
    assert "driftredovisning.minnespost.likvida_medel.budget" not in f
    html = drift_html(r)
    heads = re.findall(r'<th scope="col" class="amount">([^<]+)</th>', html)
    assert heads == ["Intäkt 2023", "Kostnad 2023", "Netto 2023", "Budget netto 2023", "Avvikelse netto − budget",
                     "Intäkt 2022", "Kostnad 2022", "Netto 2022"]
    assert cells(html, "Finansiella poster") == [n("55 638"), n("-22 437"), n("33 201"), "–", "–", n("5 725"),
                                                 n("-53 654"), n("-47 929")]
    assert cells(html, "Resultat") == [n("19 903 198"), n("-22 715 697"), n("-2 812 499"), n("-732 558"),
                                       n("-2 079 941"), n("23 909 286"), n("-24 333 260"), n("-423 974")]
    assert cells(html, "Utgående eget kapital") == ["", "", n("2 668 035"), n("2 000 000"), n("668 035"), "", "",
                                                    n("5 480 534")]
    assert cells(html, "Likvida medel") == ["", "", n("5 537 448"), "–", "–", "", "", n("8 528 237")]
    assert "Budgeten för kostnaderna reviderades av styrelsen i juni." in html
    assert ("Finansiella poster är resultaträkningens finansiella intäkter och kostnader. De har ingen budget; "
            "deras netto ingår i summa avvikelse.") in html
    assert "har ingen budget. Dess netto" not in html
    assert ">Summa<" not in html
    assert _older_femar_years(disagreements(r), 2023)[0] == []


def test_in_tkr_memo_rows_are_rounded_by_themselves_and_the_table_is_the_export(tmp_path):
    r = full(tmp_path, "tkr").report
    html = drift_html(r)
    assert cells(html, "Utgående eget kapital")[2:5] == [n("2 668"), n("2 000"), n("668")]
    assert cells(html, "Resultat")[2] == n("-2 812")
    assert _older_femar_years(disagreements(r), 2023)[0] == []


def test_a_memo_row_with_an_unknown_key_is_an_error_at_the_key(tmp_path):
    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", "  enhet: kr\n  verksamheter:\n",
         "  enhet: kr\n  minnesposter:\n    - {text: Eget kapital, nyckel: balansrakning.summa_eget_kaptal}\n"
         "  verksamheter:\n")
    outcome = check_year(folder, 2023, base=tmp_path)
    assert [str(f) for f in outcome.findings if f.code == "E-MINNESPOST"] == [
        'data/halland/2023.yaml:134:36: fel: minnespost "Eget kapital": nyckeln "balansrakning.summa_eget_kaptal" '
        'har inget belopp för 2023; menade du "balansrakning.summa_eget_kapital"? [E-MINNESPOST]']


def test_the_third_example_uses_every_driftredovisning_key_and_a_category_total():
    from .conftest import derive_year

    r = derive_year(DATA / "exempelbygd", 2024)
    html = drift_html(r)
    assert cells(html, "Resultat") == [n("8 125"), n("-8 425"), n("-300"), n("-500"), n("200"), n("8 170"),
                                       n("-7 955"), n("215")]
    assert cells(html, "Finansiella poster") == [n("25"), n("-5"), n("20"), "–", "–", n("20"), n("-5"), n("15")]
    assert cells(html, "Utgående eget kapital") == ["", "", n("1 115"), n("1 000"), n("115"), "", "", n("1 415")]
    assert cells(html, "Likvida medel vid årets slut")[2] == n("1 785")
    assert "Budgeten för kansli och styrelse omfattar också finansiella poster." in html
    assert r.arsfil.kategorier is not None and r.value("insatser.strukturovergripande.utfall") == 787550
    assert _older_femar_years(disagreements(r), 2024)[0] == []


def test_the_pdf_shows_the_result_row_memo_rows_and_footnotes(built):
    import subprocess

    layout = subprocess.run(["pdftotext", "-layout", str(built["exempelbygd"]["pdf"]), "-"], capture_output=True,
                            text=True, check=True).stdout
    lines = [" ".join(line.replace(NBSP, " ").split()) for line in layout.splitlines()]
    assert "Resultat 8 125 −8 425 −300 −500 200 8 170 −7 955 215" in lines
    assert "Finansiella poster 25 −5 20 – – 20 −5 15" in lines
    assert any(line.startswith("Utgående eget kapi") and line.endswith("1 115 1 000 115 1 415") for line in lines)
    text = " ".join(lines)
    assert "Finansiella poster är resultaträkningens finansiella intäkter och kostnader." in text
    assert "Budgeten för kansli och styrelse omfattar också finansiella poster." in text
