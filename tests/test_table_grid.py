"""One table grid, read back from the PDF (issue 10, item 2).

Every table of this year and last year (the resultaträkning, balansräkning and
kassaflödesanalys, the balanskravsresultat, every note and specification: class "tva-ar")
is set on one grid: its year headings ("2023", "2022", or the dates "2023-12-31") start
at the same x in every such table, so the figures under them share one right edge. The
five-year overview, the driftredovisning and the text tables have grids of their own.
"""
from __future__ import annotations

import re

import pytest

from .conftest import FORBUND, LATEST
from .test_page_flow import Run, runs

# A year, or a balance-sheet day in either date style ("2023-12-31", "31 december 2023").
YEAR = re.compile(r"^(\d{4}(-12-31)?|31 december \d{4})$")


def head_rows(pages: list[list[Run]]) -> list[tuple[int, list[Run]]]:
    """Each head row of a two-year table: a line of exactly two years (or dates), and perhaps Not."""
    found = []
    for number, page in enumerate(pages, start=1):
        by_line: dict[float, list[Run]] = {}
        for run in page:
            by_line.setdefault(round(run.y), []).append(run)
        for line in by_line.values():
            years = [r for r in line if YEAR.match(r.text)]
            if len(years) == 2 and all(YEAR.match(r.text) or r.text == "Not" for r in line):
                found.append((number, sorted(years, key=lambda r: r.x)))
    return found


def columns(pages: list[list[Run]]) -> dict[str, set[float]]:
    """Where each year heading starts, by its text, over all two-year tables of the report."""
    out: dict[str, set[float]] = {}
    for _, years in head_rows(pages):
        for r in years:
            out.setdefault(r.text, set()).add(r.x)
    return out


@pytest.mark.parametrize("name", FORBUND)
def test_every_two_year_table_has_its_figures_on_one_grid(built, name):
    html = built[name]["html"].read_text(encoding="utf-8")
    tables = len(re.findall(r'<table class="[^"]*\btva-ar\b', html))
    long = len(re.findall(r'<table class="[^"]*\btva-ar long\b', html))  # may repeat its head on a new page
    pages = runs(built[name]["pdf"])
    heads = head_rows(pages)
    assert tables <= len(heads) <= tables + long and tables >= 6  # RR, BR, KF, balanskrav, notes
    year = LATEST[name]
    spread = {text: round(max(xs) - min(xs), 2) for text, xs in columns(pages).items()}
    dated = {f"{y}-12-31" for y in (year, year - 1)} if "datum-iso" in html else {f"31 december {y}"
                                                                                 for y in (year, year - 1)}
    assert spread.keys() >= {str(year), str(year - 1)} | dated
    assert all(s <= 0.5 for s in spread.values()), spread


@pytest.mark.parametrize("name", FORBUND)
def test_the_statements_and_notes_share_the_grid(built, name):
    """The statements and the notes are the same grid, not only alike among themselves."""
    html = built[name]["html"].read_text(encoding="utf-8")
    for table in ("tabell-resultatrakning", "tabell-balansrakning", "tabell-kassaflodesanalys"):
        assert re.search(rf'<table class="statement tva-ar[^"]*" id="{table}"', html), table
    assert re.search(r'<table class="statement tva-ar[^"]*" id="tabell-not-\d+"', html)
    assert not re.search(r'<table class="[^"]*tva-ar[^"]*" id="tabell-(femarsoversikt|driftredovisning)"', html)


def test_a_table_off_the_grid_is_found():
    """The check can fail: a table whose "2023" stands 3 pt to the left shows as a spread."""
    page = [Run("Not", 300, 100), Run("2023", 400, 100), Run("2022", 480, 100),
            Run("2023", 397, 300), Run("2022", 480, 300), Run("Summa 2023", 50, 400)]
    heads = head_rows([page])
    assert len(heads) == 2
    assert columns([page]) == {"2023": {400, 397}, "2022": {480}}


def hyphenated(pages: list[list[Run]], text: str) -> list[str]:
    """Words the printer broke with a hyphen of its own: "Ex-" at a line's end and "empelby"
    next that stand in the text as one word "Exempelby"."""
    found = []
    for page in pages:
        for run in page:
            head = re.search(r"(\w+)-$", run.text)
            below = [r for r in page if r.y > run.y]
            if not head or not below:
                continue
            line = min(r.y for r in below)  # the next line; its run nearest below this one goes on
            after = min((r for r in below if r.y == line), key=lambda r: abs(r.x - run.x))
            tail = re.match(r"\w+", after.text)
            if tail and f"{head.group(1)}{tail.group(0)}" in text:
                found.append(f"{head.group(1)}-{tail.group(0)}")
    return found


@pytest.mark.parametrize("name", FORBUND)
def test_no_word_is_hyphenated_by_the_printer(built, name):
    """Labels and headings break between words, never inside one ("Strukturövergripan-de")."""
    text = re.sub(r"<[^>]+>", " ", built[name]["html"].read_text(encoding="utf-8"))
    assert hyphenated(runs(built[name]["pdf"]), text) == []


def test_a_hyphenated_word_is_found():
    page = [Run("Strukturövergripan-", 50, 100), Run("−788", 300, 100), Run("de insatser", 50, 112),
            Run("ESF-", 50, 130), Run("projektet", 50, 142)]
    assert hyphenated([page], "Strukturövergripande insatser och ESF-projektet") == ["Strukturövergripan-de"]
