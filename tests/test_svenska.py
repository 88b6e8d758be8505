"""Swedish that reads right: a count's noun follows the count (Babel's plural rule for sv).

Issue 10 item 6 (begun): the activities' caption said "1 aktiviteter"; the electronic
signature line says "Datum enligt elektroniska underskrifter"; three years or more in a
row are a range ("2019–2021"). Then (the rest of item 6): each sentence the layout builds
said for one and for many, the sign carried by the word and not by a minus, one name for
each thing (medlemsavgifter, the document's own title), one date style per report.
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
    return re.search(r"<caption[^>]*>(Aktiviteter 2023:[^<]*)</caption>", html).group(1)


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


# --- Sentences the layout builds, said for one and for many (issue 10 item 6) -------------

@pytest.mark.parametrize("malvarden, said", [
    ({2024: "0.6"}, "Målvärde 2024: 60 %."), ({2024: "0.6", 2026: "0.75"}, "Målvärden 2024: 60 %, 2026: 75 %.")])
def test_one_target_is_a_malvarde_and_several_are_malvarden(malvarden, said):
    from decimal import Decimal
    from types import SimpleNamespace

    from generator.derive.mal import GROUPS
    from generator.layout.mal import _comparison

    goal = SimpleNamespace(malvarden={y: Decimal(v) for y, v in malvarden.items()}, utfall_enligt=None)
    r = SimpleNamespace(year=2025, value=lambda key: None)
    assert _comparison(r, GROUPS["verksamhetsmal"], "1", goal).replace(NBSP, " ").startswith(said)  # type: ignore[arg-type]


@pytest.mark.parametrize("svarande, avslutade, frekvens, said", [
    (1, 1, "1", "1 av 1 avslutad deltagare besvarade enkäten, en svarsfrekvens på 100 %."),
    (21, 30, "0.7", "21 av 30 avslutade deltagare besvarade enkäten, en svarsfrekvens på 70 %."),
    (1, None, None, "1 deltagare besvarade enkäten."),  # nobody entered how many finished: no "av –"
    (None, 30, None, "")])
def test_the_survey_lead_says_one_and_many_and_leaves_out_what_is_missing(svarande, avslutade, frekvens, said):
    from decimal import Decimal

    from generator.layout.uppfoljning import survey_lead

    def d(v):
        return None if v is None else Decimal(v)
    assert survey_lead(d(svarande), d(avslutade), d(frekvens)).replace(NBSP, " ") == said


def _eget_kapital(over: str) -> str:
    from decimal import Decimal
    from types import SimpleNamespace

    from generator.keys import BR, NT
    from generator.layout.oversikt import eget_kapital_text

    values = {BR.summa_eget_kapital: Decimal(1000000), NT.eget_kapital_over_tak: Decimal(over),
              NT.eget_kapital_tak: Decimal(1000000) - Decimal(over),
              NT.eget_kapital_andel_av_tilldelning: Decimal("0.2"), NT.eget_kapital_tak_andel: Decimal("0.2"),
              NT.soliditet: Decimal("0.5")}
    text = eget_kapital_text(SimpleNamespace(value=values.get))  # type: ignore[arg-type]
    assert text is not None
    return text.replace(NBSP, " ")


def test_eget_kapital_is_said_above_at_or_below_the_ceiling_without_a_sign():
    assert "Eget kapital överstiger taket med 5 000 kr." in _eget_kapital("5000")
    assert "Eget kapital ligger 5 000 kr under taket." in _eget_kapital("-5000")
    assert "Eget kapital är lika stort som taket." in _eget_kapital("0")
    assert "−" not in _eget_kapital("-5000")


def test_the_members_fees_have_one_name_in_the_ceiling_sentence():
    text = _eget_kapital("-5000")
    assert "20 % av årets medlemsavgifter" in text and "20 % av medlemsavgifterna, i år" in text
    assert "tilldelning" not in text


def test_the_ceiling_sentence_in_halland():
    html = render_report(check_year(DATA / "halland", 2023).report).replace(NBSP, " ")
    assert ("Nationella rådets rekommenderade tak är 15 % av medlemsavgifterna, i år 2 862 780 kr. Eget kapital "
            "ligger 194 745 kr under taket.") in html


def test_every_person_beside_the_signatures_says_who_appointed_them_the_same_way():
    html = render_report(check_year(DATA / "exempelbygd", 2024).report)
    roles = re.findall(r'<span class="signer-role">([^<]*)</span>', html)
    appointed = [r for r in roles if "utsedd av" in r]
    assert appointed and all(", utsedd av " in r for r in appointed), appointed
    assert "Revisor, utsedd av Region Exempelland och kommunerna" in roles


# --- One date style per report ------------------------------------------------------------

@pytest.mark.parametrize("style, said", [("iso", "2024-12-31"), ("lang", "31 december 2024")])
def test_the_balance_sheet_day_follows_the_reports_date_style(style, said):
    from generator.formatting import bokslutsdag
    assert bokslutsdag(2024, style) == said


def test_a_report_in_long_dates_prints_every_date_it_makes_in_long_form():
    html = render_report(check_year(DATA / "exempelbygd", 2024).report).replace(NBSP, " ")
    cover = html[html.index('<header class="front'):html.index("</header>", html.index('<header class="front'))]
    made = re.findall(r"<dt>Beslutad av styrelsen</dt><dd>([^<]*)</dd>", cover)
    made += re.findall(r"Styrelsen beslutade den (\S+ \S+ \S+) att", html)
    assert made == ["14 mars 2025", "14 mars 2025"], made
    assert not re.search(r"<dd>\d{4}-\d{2}-\d{2}</dd>|beslutade den \d{4}-", html)


def test_long_dates_reach_the_cover_and_the_place_of_signing(tmp_path):
    folder = tmp_path / "data" / "halland"
    shutil.copytree(DATA / "halland", folder)
    path = folder / "forbund.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("installningar:\n", "installningar:\n  datumformat: lang\n", 1), encoding="utf-8")
    html = render_report(check_year(folder, 2023, base=tmp_path).report).replace(NBSP, " ")
    assert "<dt>Beslutad av styrelsen</dt><dd>8 mars 2024</dd>" in html
    assert '<p class="place-date">Halmstad, 8 mars 2024</p>' in html
    assert "2024-03-08" not in html


def test_the_comparison_note_calls_the_document_by_its_own_name():
    html = render_report(check_year(DATA / "exempelbygd", 2024).report)
    assert ("Jämförelsetalen för 2023 i den här årsrapporten skiljer sig på raderna nedan från årsrapporten för 2023 "
            "som den fastställdes.") in html
    assert "årsredovisningen" not in html.split('id="not-')[-1]


MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


def _visible_text(html: str) -> str:
    """The page's text as a reader sees it: no style sheet, no tags, no attribute values."""
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body).replace(NBSP, " ")


@pytest.mark.parametrize("name, year, style", [("halland", 2023, "iso"), ("exempelbygd", 2024, "lang")])
def test_one_date_style_per_report(name, year, style):
    """Every date the report prints (cover, balance-sheet columns, signatures, decisions)
    follows `installningar.datumformat`: ISO dates or dates written out, never both."""
    outcome = check_year(DATA / name, year)
    assert outcome.report is not None
    text = _visible_text(render_report(outcome.report))
    iso = re.findall(r"\b(?:19|20)\d\d-\d\d-\d\d\b", text)
    written = re.findall(rf"\b\d{{1,2}} (?:{MONTHS}) (?:19|20)\d\d\b", text)
    # The förbund's own words may write a date as they like; only the generated ones count.
    own = (DATA / name / f"{year}.md").read_text(encoding="utf-8")
    iso, written = [d for d in iso if d not in own], [d for d in written if d not in own]
    if style == "iso":
        assert iso and not written, written
    else:
        assert written and not iso, iso
        assert f"31 december {year}" in written and f"31 december {year - 1}" in written
