"""Figures typed in the text are found and named (W-TALITEXT); what is not a figure is not.

Each case writes one line into a copy of Halland's 2023.md (or a goal's kommentar in the
YAML) and compares the exact warning, with its file, line and column.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.prosa import check_tal_i_text
from generator.pipeline import check_year

from .conftest import DATA

HEADING = "\n## Tester av tal\n\n"


def _warnings(tmp_path: Path, line: str, file: str = "2023.md") -> list[str]:
    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    if file == "2023.md":
        with (folder / file).open("a", encoding="utf-8") as f:
            f.write(HEADING + line + "\n")
    else:
        text = (folder / file).read_text(encoding="utf-8")
        (folder / file).write_text(text.replace("kommentar: Gruppen hade åtta möten.", f"kommentar: {line}"),
                                   encoding="utf-8")
    outcome = check_year(folder, 2023, base=tmp_path)
    assert outcome.report is not None
    return [f"{f.pos.path}:{f.pos.line}:{f.pos.col}: {f.message}".replace("\u00a0", " ")
            for f in check_tal_i_text(outcome.report)]


def _md_line(tmp_path: Path) -> int:
    return len((DATA / "halland" / "2023.md").read_text(encoding="utf-8").splitlines()) + 4


@pytest.mark.parametrize("line, col, typed, said, advice", [
    ("Eget kapital blev 2 668 035 kr.", 19, "2 668 035 kr",
     "ett framräknat belopp (Summa eget kapital 2023; och 1 annan)", "{{ balansrakning.summa_eget_kapital | kr }}"),
    ("Ett underskott på 2 812 499 kr.", 19, "2 812 499 kr", "ett framräknat belopp (Årets resultat 2023; och 13 andra)",
     "{{ resultatrakning.arets_resultat | absolut }}"),
    ("Resultatet blev −2 812 499.", 17, "−2 812 499", "ett framräknat belopp (Årets resultat 2023; och 13 andra)",
     "{{ resultatrakning.arets_resultat }}"),
    ("Det minskade från 5 481 tkr.", 19, "5 481 tkr", "ett framräknat belopp (Summa eget kapital 2022; och 2 andra)",
     "{{ balansrakning.summa_eget_kapital@2022 | tkr }}"),
    ("Eget kapital är 2,7 mnkr.", 17, "2,7 mnkr", "ett framräknat belopp (Summa eget kapital 2023; och 2 andra)",
     "{{ balansrakning.summa_eget_kapital | mnkr }}"),
    ("Soliditeten var 42 %.", 17, "42 %", "en framräknad andel (Soliditet (summa eget kapital ÷ summa tillgångar) "
     "2023; och 1 annan)", "{{ nyckeltal.soliditet }}"),
    ("Eget kapital blev 2668035 kronor.", 19, "2668035 kronor",
     "ett framräknat belopp (Summa eget kapital 2023; och 1 annan)", "{{ balansrakning.summa_eget_kapital | kr }}"),
], ids=["kr", "absolute", "minus", "tkr-last-year", "mnkr", "percent", "ungrouped-kronor"])
def test_a_typed_figure_is_named(tmp_path, line, col, typed, said, advice):
    assert _warnings(tmp_path, line) == [
        f'data/halland/2023.md:{_md_line(tmp_path)}:{col}: "{typed}" är {said}: skriv {advice} så att texten följer '
        "siffrorna när de ändras"]


@pytest.mark.parametrize("line", [
    "Året 2023 var det tredje året.",                       # a year
    "Beslutet togs 2024-03-08 av styrelsen.",               # a date
    "Se avsnitt 1.4.1 om uppföljningen.",                   # a section number
    "1. Punkt ett i en lista, med kod: `2668035`.",     # list number; code
    "Läs [rapporten](https://exempel.se/rapport/2668035).",  # a link's target
    "Vi hade 8 möten och 42 deltagare.",                    # small counts
    "Kostnaden var 500 kr.",                                 # small amount
    "Hela 100 % av medlen användes.",                        # 100 % is not a figure
    "Årets resultat blev {{ resultatrakning.arets_resultat | kr }}.",  # already a reference
    "Telefon 035-2668035.",                                  # part of another number
], ids=["year", "date", "section", "list-and-code", "link", "small-counts", "small-amount", "hundred-percent",
        "reference", "phone"])
def test_what_is_not_a_figure_is_left_alone(tmp_path, line):
    assert _warnings(tmp_path, line) == []


def test_a_figure_typed_in_a_yaml_comment_is_named_at_its_column(tmp_path):
    [found] = _warnings(tmp_path, "Eget kapital blev 2 668 035 kr.", file="2023.yaml")
    yaml_line = next(i for i, text in enumerate((tmp_path / "data" / "halland" / "2023.yaml").read_text(
        encoding="utf-8").splitlines(), 1) if "kommentar: Eget kapital blev" in text)
    column = (tmp_path / "data" / "halland" / "2023.yaml").read_text(encoding="utf-8").splitlines()[
        yaml_line - 1].index("2 668 035") + 1
    assert found.startswith(f'data/halland/2023.yaml:{yaml_line}:{column}: "2 668 035 kr" är ett framräknat belopp')


@pytest.mark.parametrize("forbund, year", [("halland", 2023), ("sydnarke", 2023), ("exempelbygd", 2024)])
def test_the_examples_type_no_figure(forbund, year):
    outcome = check_year(DATA / forbund, year)
    assert outcome.report is not None
    assert list(check_tal_i_text(outcome.report)) == []


def test_the_fictional_example_says_its_results_in_words():
    from generator.pipeline import render_report

    html = " ".join(render_report(check_year(DATA / "exempelbygd", 2024).report).split()).replace("\u00a0", " ")
    assert "Årets resultat blev ett underskott på 300 000 kr, efter ett överskott på 215 000 kr året innan." in html
