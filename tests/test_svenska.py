"""Swedish that reads right: a count's noun follows the count (Babel's plural rule for sv).

Issue 10 item 6 (begun): the activities' caption said "1 aktiviteter"; the electronic
signature line says "Datum enligt elektroniska underskrifter"; three years or more in a
row are a range ("2019–2021").
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.formatting import NBSP, antal, plural
from generator.layout.oversikt import lista
from generator.pipeline import check_year, render_report

from .conftest import DATA


@pytest.mark.parametrize("count, said", [(0, "0 aktiviteter"), (1, "1 aktivitet"), (2, "2 aktiviteter"),
                                         (21, "21 aktiviteter"), (1000, "1 000 aktiviteter")])
def test_a_count_takes_the_noun_of_its_number(count, said):
    assert antal(count, ("aktivitet", "aktiviteter")).replace(NBSP, " ") == said
    assert plural(count, ("finansiellt mål", "finansiella mål")) == ("finansiellt mål" if count == 1 else
                                                                      "finansiella mål")


def _caption(tmp_path: Path, keep: int) -> str:
    folder = tmp_path / "data" / "sydnarke"
    shutil.copytree(DATA / "sydnarke", folder)
    text = (folder / "2023.yaml").read_text(encoding="utf-8")
    start = text.index("strukturaktiviteter:\n")
    items = [m.start() for m in re.finditer(r"^  - aktivitet:", text[start:], re.M)]
    end = start + items[keep] if keep < len(items) else len(text)
    following = re.search(r"^\S", text[start + len("strukturaktiviteter:\n"):], re.M)
    rest = text[start + len("strukturaktiviteter:\n") + following.start():] if following else ""
    (folder / "2023.yaml").write_text(text[:end] + ("\n" if keep < len(items) else "") + rest, encoding="utf-8")
    report = check_year(folder, 2023, base=tmp_path).report
    assert report is not None
    html = render_report(report).replace(NBSP, " ")
    return re.search(r"<caption>(Aktiviteter 2023:[^<]*)</caption>", html).group(1)


def test_one_activity_is_said_in_the_singular(tmp_path):
    assert _caption(tmp_path, 1) == "Aktiviteter 2023: 1 aktivitet med sammanlagt 66 deltagare"


def test_many_activities_are_said_in_the_plural(tmp_path):
    assert _caption(tmp_path, 2) == "Aktiviteter 2023: 2 aktiviteter med sammanlagt 78 deltagare"


def test_an_electronically_signed_report_says_whose_dates_count():
    html = render_report(check_year(DATA / "sydnarke", 2023).report)
    assert '<p class="place-date">Datum enligt elektroniska underskrifter</p>' in html


@pytest.mark.parametrize("years, said", [
    (["2021"], "2021"), (["2020", "2021"], "2020 och 2021"), (["2021", "2019", "2020"], "2019–2021"),
    (["2018", "2019", "2020", "2022"], "2018–2020 och 2022"), (["2017", "2019"], "2017 och 2019"),
])
def test_years_are_listed_as_a_reader_says_them(years, said):
    assert lista(years) == said


def test_the_five_year_note_gives_the_history_years_as_a_range():
    html = render_report(check_year(DATA / "halland", 2023).report)
    assert "Åren 2019–2021 är hämtade ur tidigare årsredovisningar." in html


def test_two_counts_are_said_with_respektive_and_their_sum():
    html = " ".join(render_report(check_year(DATA / "sydnarke", 2023).report).split())
    assert "Mottagningsteamet och Coachingteamet nådde 72 respektive 81 deltagare, sammanlagt 153." in html
