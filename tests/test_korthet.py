"""Året i korthet (issue 10, item 4): the key figures after the chair's words.

Each card's large figure is the export's figure under the card's key, formatted as the
card says; the cards are the ones forbund.yaml chose, in its order, or the default five;
a figure the year lacks leaves its card out; an unknown name is the loader's error at
its line, with the names there are.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.figures import figure_table
from generator.formatting import NBSP, heltal, kr, mnkr, procent
from generator.keys import DR, IN, ML, NT, RR, SA
from generator.layout import layout_report
from generator.layout.korthet import KORT, Kort, cards
from generator.model.forbund import Installningar
from generator.pipeline import check_year, render_report

from .conftest import DATA, FORBUND, LATEST, derive_year

DEFAULT = ("deltagare", "stegforflyttning", "resultat", "eget_kapital", "kostnad_per_deltagare")
EXEMPELBYGD = ("deltagare", "stegforflyttning", "verksamhetsmal", "resultat", "eget_kapital", "strukturaktiviteter")


def report(name: str):
    return derive_year(DATA / name, LATEST[name])


def copy_of(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "data" / name
    shutil.copytree(DATA / name, folder)
    return folder


def choose(folder: Path, line: str) -> None:
    """Put `aret_i_korthet: …` into installningar, replacing a choice already there."""
    path = folder / "forbund.yaml"
    text = re.sub(r"\n  aret_i_korthet: .*", "", path.read_text(encoding="utf-8"))
    assert "\ninstallningar:\n" in text
    path.write_text(text.replace("\ninstallningar:\n", f"\ninstallningar:\n  aret_i_korthet: {line}\n", 1),
                    encoding="utf-8")


def shown(card: Kort) -> str:
    """What the large figure must read for the export's value (one unit per card: kr or mnkr)."""
    if card.namn in ("stegforflyttning", "soliditet"):
        return procent(card.value)
    if card.namn in ("deltagare", "strukturaktiviteter"):
        return heltal(card.value)
    if card.namn == "verksamhetsmal":
        return heltal(card.value) + " av "
    amount = abs(card.value) if card.namn == "resultat" else card.value
    return mnkr(amount) if card.siffra.endswith("mnkr") else kr(amount)


def test_default_is_the_five_of_the_issue():
    assert Installningar().aret_i_korthet == DEFAULT
    assert set(KORT) >= set(DEFAULT)


@pytest.mark.parametrize("name, expected", [
    ("halland", ("resultat", "eget_kapital", "soliditet", "verksamhetsmal", "medlemsavgifter")),  # its own choice
    ("sydnarke", DEFAULT),
    ("exempelbygd", EXEMPELBYGD),  # its forbund.yaml chooses six, in its own order
])
def test_cards_are_the_chosen_ones_in_order(name, expected):
    assert tuple(c.namn for c in cards(report(name))) == expected


def test_the_default_leaves_out_what_the_data_lacks():
    """Halland keeps no participant counts: of the default five only two have figures."""
    r = report("halland")
    f = dataclasses.replace(r.forbund, installningar=Installningar())
    assert tuple(c.namn for c in cards(dataclasses.replace(r, forbund=f))) == ("resultat", "eget_kapital")


@pytest.mark.parametrize("name", FORBUND)
def test_every_large_figure_is_the_exports(name):
    r = report(name)
    table = figure_table(r)
    for card in layout_report(r).korthet:
        assert table[card.key][r.year] == card.value, card
        assert card.siffra.startswith(shown(card)), card
        assert "–" not in card.siffra and card.forklaring.endswith("."), card


def test_the_sentences_say_the_sign_in_words():
    halland = {c.namn: c for c in cards(report("halland"))}
    assert (halland["resultat"].etikett, halland["resultat"].siffra) == ("Årets underskott", f"2,8{NBSP}mnkr")
    assert halland["resultat"].forklaring == (f"2,1{NBSP}mnkr sämre än budgeten, som var ett underskott på "
                                              f"0,7{NBSP}mnkr.")
    assert halland["eget_kapital"].forklaring == (f"Under taket enligt Nationella rådets rekommendation, 2,9{NBSP}mnkr "
                                                  f"(15{NBSP}% av medlemsavgifterna).")
    sydnarke = {c.namn: c for c in cards(report("sydnarke"))}
    assert sydnarke["resultat"].etikett == "Årets överskott"
    assert sydnarke["resultat"].forklaring == (f"191{NBSP}620{NBSP}kr bättre än budgeten, som var ett överskott på "
                                               f"117{NBSP}168{NBSP}kr.")
    assert sydnarke["stegforflyttning"].forklaring == ("72 av 92\u00a0avslutade deltagare tog ett steg närmare arbete, "
                                                       "studier eller egen försörjning.")
    assert sydnarke["kostnad_per_deltagare"].siffra == f"20{NBSP}304{NBSP}kr"
    assert all("−" not in c.siffra + c.forklaring for c in (*halland.values(), *sydnarke.values()))


def without(r, *keys: str):
    figures = {y: {k: v for k, v in f.items() if k not in keys} for y, f in r.figures.items()}
    return dataclasses.replace(r, figures=figures)


def test_a_missing_figure_leaves_its_card_out_never_zero():
    r = report("sydnarke")
    names = [c.namn for c in cards(without(r, IN.individinriktad_deltagare, NT.eget_kapital_tak))]
    assert names == ["stegforflyttning", "resultat", "eget_kapital", "kostnad_per_deltagare"]
    kept = {c.namn: c for c in cards(without(r, IN.individinriktad_deltagare, NT.eget_kapital_tak))}
    assert kept["kostnad_per_deltagare"].forklaring == ("De individinriktade insatsernas kostnad delad på deras "
                                                        "deltagare.")
    assert kept["eget_kapital"].forklaring == "Förbundets eget kapital vid årets slut."
    assert cards(without(r, *(c.key for c in cards(r)))) == ()


def test_without_a_budget_the_result_is_set_against_last_year():
    r = report("sydnarke")
    card = {c.namn: c for c in cards(without(r, DR.summa_budget))}["resultat"]
    assert card.forklaring == f"Året innan var det ett underskott på 350{NBSP}633{NBSP}kr."
    card = {c.namn: c for c in cards(without(r, DR.summa_budget, RR.arets_resultat))}
    assert "resultat" not in card


def test_a_partial_budget_column_is_no_budget_for_the_result():
    r = report("halland")
    rows = [dataclasses.replace(row, budget=None) if i == 0 else row for i, row in enumerate(r.driftredovisning)]
    card = {c.namn: c for c in cards(dataclasses.replace(r, driftredovisning=rows))}["resultat"]
    assert card.forklaring == f"Året innan var det ett underskott på 0,4{NBSP}mnkr."


def test_four_chosen_show_those_four_in_that_order(tmp_path):
    folder = copy_of(tmp_path, "sydnarke")
    choose(folder, "[eget_kapital, soliditet, resultat, medlemsavgifter]")
    outcome = check_year(folder, 2023, base=tmp_path)
    assert outcome.report is not None and not outcome.errors, [str(f) for f in outcome.findings]
    shown_cards = cards(outcome.report)
    assert [c.namn for c in shown_cards] == ["eget_kapital", "soliditet", "resultat", "medlemsavgifter"]
    assert [c.siffra for c in shown_cards] == [f"801{NBSP}162{NBSP}kr", f"19{NBSP}%", f"308{NBSP}788{NBSP}kr",
                                               f"5,2{NBSP}mnkr"]
    assert shown_cards[1].forklaring == f"Eget kapital i procent av tillgångarna; året innan 11{NBSP}%."
    assert shown_cards[3].forklaring == f"Staten betalade 50{NBSP}%, regionen 25{NBSP}% och kommunerna 25{NBSP}%."


def test_an_unknown_name_is_the_loaders_error_at_its_line(tmp_path):
    folder = copy_of(tmp_path, "sydnarke")
    choose(folder, "[deltagare, resultatet]")
    lines = (folder / "forbund.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "aret_i_korthet" in text)
    outcome = check_year(folder, 2023, base=tmp_path)
    assert outcome.report is None
    assert [str(f) for f in outcome.findings] == [
        f"data/sydnarke/forbund.yaml:{line}:31: fel: installningar.aret_i_korthet[2] ska vara ett av deltagare, "
        "stegforflyttning, resultat, eget_kapital, kostnad_per_deltagare, medlemsavgifter, soliditet, "
        'verksamhetsmal, strukturaktiviteter, inte "resultatet"; menade du "resultat"? [E-CHOICE]']


class Cards(HTMLParser):
    """The sections in document order, and each card's key and texts."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.cards: list[dict[str, str]] = []
        self.field: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("section", "header", "nav") and (a.get("id") or tag == "header"):
            self.sections.append(a.get("id") or tag)
        if tag == "li" and a.get("class") == "kort":
            self.cards.append({"key": a.get("data-nyckel") or ""})
        if tag == "p" and (a.get("class") or "").startswith("kort-"):
            self.field = (a.get("class") or "")[len("kort-"):]

    def handle_endtag(self, tag):
        self.field = None if tag == "p" else self.field

    def handle_data(self, data):
        if self.field:
            self.cards[-1][self.field] = self.cards[-1].get(self.field, "") + data


@pytest.mark.parametrize("name, before", [("halland", "ordforanden-har-ordet"), ("sydnarke", "header"),
                                          ("exempelbygd", "ordforanden-har-ordet")])
def test_html_places_the_cards_after_the_chairs_words_or_the_cover(name, before):
    r = report(name)
    parsed = Cards()
    parsed.feed(render_report(r))
    at = parsed.sections.index("aret-i-korthet")
    assert parsed.sections[at - 1] == before and parsed.sections[at + 1] == "innehall"
    assert parsed.cards == [{"key": c.key, "etikett": c.etikett, "siffra": c.siffra, "forklaring": c.forklaring}
                            for c in cards(r)]


def test_no_card_no_section(tmp_path):
    r = report("halland")
    r = dataclasses.replace(r, forbund=dataclasses.replace(r.forbund, installningar=Installningar()))
    html = render_report(without(r, RR.arets_resultat, "balansrakning.summa_eget_kapital"))
    assert 'id="aret-i-korthet"' not in html and "<h2>Året i korthet" not in html


@pytest.mark.parametrize("name", FORBUND)
def test_pdf_prints_each_card(built, name):
    pages = [p.extract_text() for p in PdfReader(built[name]["pdf"]).pages]
    # The section follows the chair's words on their page, or opens a page of its own.
    page = next(text for text in pages if re.search(r"^Året i korthet$", text, re.M))
    flat = " ".join(page[page.index("Året i korthet"):].split())
    for card in cards(report(name)):
        for text in (card.etikett, card.siffra, card.forklaring):
            assert " ".join(text.split()) in flat.replace(card.siffra, card.siffra + " "), (card, flat)


def setting(r, *values: tuple[str, int]):
    """The report with some of this year's figures set otherwise."""
    figures = dict(r.figures)
    figures[r.year] = {**r.figures[r.year], **{k: Decimal(v) for k, v in values}}
    return dataclasses.replace(r, figures=figures)


def test_one_is_singular_and_no_goals_is_no_card():
    r = report("exempelbygd")
    one = {c.namn: c for c in cards(setting(r, (IN.individinriktad_avslutade, 1),
                                              (IN.individinriktad_avslutade_med_stegforflyttning, 1),
                                              (SA.antal, 1)))}
    assert one["deltagare"].forklaring == ("Personer i förbundets individinriktade insatser; 1 av dem avslutade "
                                           "under året.")
    assert one["stegforflyttning"].forklaring == ("1 av 1\u00a0avslutad deltagare tog ett steg närmare arbete, studier "
                                                  "eller egen försörjning.")
    assert one["strukturaktiviteter"].forklaring == "Sammanlagt i förbundets 1\u00a0strukturövergripande aktivitet."
    assert "verksamhetsmal" not in {c.namn for c in cards(setting(r, (ML.verksamhetsmal_antal, 0),
                                                                   (ML.verksamhetsmal_uppnadda, 0)))}
    partly = {c.namn: c for c in cards(setting(r, (ML.verksamhetsmal_bedomda, 2)))}["verksamhetsmal"]
    assert (partly.siffra, partly.forklaring) == ("2 av 3", "Styrelsen har bedömt 2 av de 3 målen.")
