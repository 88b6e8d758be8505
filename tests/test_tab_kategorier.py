"""Categories: an insats without utfall leaves its category unknown, never 0 %; a total may be given."""
from __future__ import annotations

import re
from pathlib import Path

from generator.formatting import NBSP
from generator.pipeline import check_year, render_report

from .test_tab_drift import copy_of, edit
from .test_table_truth import _older_femar_years, disagreements

ROW = "  - {namn: Kunskapsutveckling, kategori: strukturovergripande, utfall: 216543}\n"


def checked(tmp_path: Path):
    outcome = check_year(tmp_path / "data" / "halland", 2023, base=tmp_path)
    assert outcome.report is not None, [str(f) for f in outcome.findings]
    return outcome


def category_cells(html: str) -> list[tuple[str, list[str]]]:
    table = re.search(r'id="tabell-kategorier".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [(label, [c.replace(NBSP, " ") for c in re.findall(r'<td class="amount">([^<]*)<', cells)])
            for label, cells in re.findall(r'<th scope="row" class="label">([^<]+)</th>(.*?)</tr>', table, re.S)]


def test_an_insats_without_utfall_makes_its_category_and_the_rest_unknown(tmp_path):
    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", ROW, "  - {namn: Kunskapsutveckling, kategori: strukturovergripande}\n")
    outcome = checked(tmp_path)
    r = outcome.report
    f = r.figures[2023]
    for key in ("insatser.strukturovergripande.utfall", "insatser.strukturovergripande.andel_av_kostnaderna",
                "insatser.drift_och_administration.utfall", "insatser.drift_och_administration.andel_av_kostnaderna",
                "insatser.summa_andel"):
        assert key not in f, key
    assert f["insatser.individinriktad.utfall"] == 14636498
    assert f["insatser.verksamhetens_kostnader"] == 22680898
    assert category_cells(render_report(r)) == [
        ("Individinriktade insatser", ["14 636 498", "65 %"]),
        ("Strukturövergripande insatser", ["–", "–"]),
        ("Drift och administration", ["–", "–"]),
        ("Summa verksamhetens kostnader", ["22 680 898", "–"]),
    ]
    assert _older_femar_years(disagreements(r), 2023)[0] == []
    line = (folder / "2023.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - {namn: Kunskapsutveckling, kategori: strukturovergripande}") + 1
    assert [str(x) for x in outcome.findings if x.code == "W-INSATS"] == [
        f'data/halland/2023.yaml:{line}:5: varning: insats "Kunskapsutveckling" saknar utfall: skriv utfall:, eller '
        "knyt den till en rad i driftredovisningen med driftredovisning: [W-INSATS]"]


def test_the_chart_leaves_out_unknown_categories(tmp_path):
    from generator.charts import charts

    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", ROW, "  - {namn: Kunskapsutveckling, kategori: strukturovergripande}\n")
    r = checked(tmp_path).report
    # One category known and the rest unknown: no chart of a whole that is not known.
    assert [c.id for c in charts(r) if c.id == "kostnad-per-kategori"] == []
    assert 'id="diagram-kostnad-per-kategori"' not in render_report(r)
    edit(folder / "2023.yaml", "insatser:\n", "kategorier:\n  strukturovergripande: {utfall: 911010}\ninsatser:\n")
    chart = next(c for c in charts(checked(tmp_path).report) if c.id == "kostnad-per-kategori")
    assert chart.alt.replace(NBSP, " ") == ("Individinriktade insatser: 14 636 498 kr (65 %); Strukturövergripande "
                                            "insatser: 911 010 kr (4 %); Drift och administration: 7 133 390 kr (31 %)")


def test_a_category_total_given_directly_is_shown_and_drift_follows(tmp_path):
    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", ROW, "  - {namn: Kunskapsutveckling, kategori: strukturovergripande}\n")
    edit(folder / "2023.yaml", "insatser:\n", "kategorier:\n  strukturovergripande: {utfall: 911010, budget: 950000}\n"
         "insatser:\n")
    outcome = checked(tmp_path)
    assert [str(x) for x in outcome.findings if x.severity == "error" or x.code == "W-INSATS"] == []
    r = outcome.report
    f = r.figures[2023]
    assert f["insatser.strukturovergripande.utfall"] == 911010
    assert f["insatser.strukturovergripande.budget"] == 950000
    assert f["insatser.strukturovergripande.avvikelse"] == 950000 - 911010
    assert f["insatser.drift_och_administration.utfall"] == 7133390
    cells = dict(category_cells(render_report(r)))
    assert cells["Strukturövergripande insatser"] == ["911 010", "4 %"]
    assert cells["Drift och administration"] == ["7 133 390", "31 %"]
    assert cells["Summa verksamhetens kostnader"] == ["22 680 898", "100 %"]
    assert _older_femar_years(disagreements(r), 2023)[0] == []


def test_a_given_total_that_differs_from_its_insatser_is_an_error(tmp_path):
    folder = copy_of(tmp_path)
    edit(folder / "2023.yaml", "insatser:\n", "kategorier:\n  strukturovergripande:\n    utfall: 911000\n"
         "insatser:\n")
    outcome = check_year(folder, 2023, base=tmp_path)
    line = (folder / "2023.yaml").read_text(encoding="utf-8").splitlines().index("    utfall: 911000") + 1
    assert [str(x) for x in outcome.findings if x.code == "E-KATEGORI"] == [
        f"data/halland/2023.yaml:{line}:13: fel: kategorier: strukturovergripande: utfall 911 000 skiljer sig från "
        "summan av kategorins insatser, 911 010 (skillnad -10); rätta ett av beloppen, eller ta bort kategorins "
        "utfall här när varje insats har sitt [E-KATEGORI]"]
