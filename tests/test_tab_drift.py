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
