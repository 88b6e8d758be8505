"""Året i korthet: a few key figures after the chair's words, each with one line saying what it is.

Which figures, and in which order, is the förbund's choice (`installningar.aret_i_korthet`).
Every large figure is a figure of the export (`Kort.key`, `Kort.value`); a card whose
figure the year does not have is left out whole, never shown as 0 or "–". A figure its
explanation needs but the year lacks changes the sentence, never the card's figure.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..derive import Arsredovisning
from ..formatting import antal, heltal, kr, mnkr, procent
from ..keys import BR, DR, IN, MA, ML, NT, RR, SA

MILLION = Decimal(1000000)
RUBRIK = "Året i korthet"


@dataclass(frozen=True)
class Kort:
    """One key figure as shown: a label, the figure, and a sentence from the data."""

    namn: str  # the setting's name: "resultat"
    etikett: str  # "Årets underskott"
    siffra: str  # "2,8 mnkr"
    forklaring: str  # one sentence: "2,1 mnkr sämre än budgeten, som var …"
    key: str  # the export's key of the large figure
    value: Decimal  # the export's figure the large figure shows


def unit_of(value: Decimal) -> Callable[[Decimal], str]:
    """How a card writes its amounts, all in the unit of its large figure: millions with one
    decimal when that reaches a million (2,8 mnkr), else whole kronor (801 162 kr)."""
    return mnkr if abs(value) >= MILLION else kr


def exact(belopp: Callable[[Decimal], str], value: Decimal) -> str:
    """An amount that is not zero is never shown as zero: "0,0 mnkr" becomes "40 000 kr"."""
    return kr(value) if value != 0 and belopp(value) == belopp(Decimal(0)) else belopp(value)


def resultat_i_ord(value: Decimal, belopp: Callable[[Decimal], str]) -> str:
    """A result in words, its sign said by the word: ett underskott på 732 558 kr."""
    if value == 0:
        return "ett nollresultat"
    return f"{'ett underskott' if value < 0 else 'ett överskott'} på {exact(belopp, abs(value))}"


def _deltagare(r: Arsredovisning) -> Kort | None:
    n = r.value(IN.individinriktad_deltagare)
    if n is None:
        return None
    avslutade = r.value(IN.individinriktad_avslutade)
    tail = f"; {heltal(avslutade)} av dem avslutade under året" if avslutade is not None else ""
    text = f"Personer i förbundets individinriktade insatser{tail}."
    return Kort("deltagare", "Deltagare", heltal(n), text, IN.individinriktad_deltagare, n)


def _stegforflyttning(r: Arsredovisning) -> Kort | None:
    andel = r.value(IN.individinriktad_andel_stegforflyttning)
    if andel is None:
        return None
    steg, avslutade = r.value(IN.individinriktad_avslutade_med_stegforflyttning), r.value(IN.individinriktad_avslutade)
    goal = "tog ett steg närmare arbete, studier eller egen försörjning"
    text = (f"{heltal(steg)} av {antal(avslutade, ('avslutad deltagare', 'avslutade deltagare'))} {goal}."
            if steg is not None and avslutade is not None else f"Andelen av de avslutade deltagarna som {goal}.")
    return Kort("stegforflyttning", "Stegförflyttning", procent(andel), text,
                IN.individinriktad_andel_stegforflyttning, andel)


def budget_for_resultat(r: Arsredovisning) -> Decimal | None:
    """The budgeted result: the driftredovisning's budget, when its netto is årets resultat and
    every verksamhet entered has a budget (a partial budget column is no budget for the result)."""
    budget, netto = r.value(DR.summa_budget), r.value(DR.summa_netto)
    complete = all(row.budget is not None for row in r.driftredovisning if row.netto is not None and not row.harledd)
    return budget if budget is not None and netto == r.value(RR.arets_resultat) and complete else None


def _resultat(r: Arsredovisning) -> Kort | None:
    value = r.value(RR.arets_resultat)
    if value is None:
        return None
    budget, avvikelse = budget_for_resultat(r), r.value(DR.summa_avvikelse)
    fjol = r.value(RR.arets_resultat, r.year - 1)
    belopp = unit_of(value)
    if budget is not None and avvikelse is not None:
        text = ("Som budgeterat." if avvikelse == 0 else
                f"{exact(belopp, abs(avvikelse))} {'bättre' if avvikelse > 0 else 'sämre'} än budgeten, som var "
                f"{resultat_i_ord(budget, belopp)}.")
    elif fjol is not None:
        text = f"Året innan var det {resultat_i_ord(fjol, belopp)}."
    else:
        text = "Årets intäkter minus årets kostnader, enligt resultaträkningen."
    shown = exact(belopp, abs(value))
    etikett = ("Årets resultat" if value == 0 else
               "Årets underskott" if value < 0 else "Årets överskott")
    return Kort("resultat", etikett, shown, text, RR.arets_resultat, value)


def _eget_kapital(r: Arsredovisning) -> Kort | None:
    value = r.value(BR.summa_eget_kapital)
    if value is None:
        return None
    tak, over, andel = (r.value(k) for k in (NT.eget_kapital_tak, NT.eget_kapital_over_tak, NT.eget_kapital_tak_andel))
    belopp = unit_of(value)
    if tak is not None and over is not None and andel is not None:
        where = "Över" if over > 0 else "Under" if over < 0 else "Lika med"
        text = (f"{where} taket enligt Nationella rådets rekommendation, {belopp(tak)} "
                f"({procent(andel)} av medlemsavgifterna).")
    else:
        text = "Förbundets eget kapital vid årets slut."
    return Kort("eget_kapital", "Eget kapital", belopp(value), text, BR.summa_eget_kapital, value)


def _kostnad_per_deltagare(r: Arsredovisning) -> Kort | None:
    value, n = r.value(IN.individinriktad_kostnad_per_deltagare), r.value(IN.individinriktad_deltagare)
    if value is None:
        return None
    belopp = unit_of(value)
    text = (f"De individinriktade insatsernas kostnad delad på deras {antal(n, ('deltagare', 'deltagare'))}."
            if n is not None else "De individinriktade insatsernas kostnad delad på deras deltagare.")
    return Kort("kostnad_per_deltagare", "Kostnad per deltagare", belopp(value), text,
                IN.individinriktad_kostnad_per_deltagare, value)


def _medlemsavgifter(r: Arsredovisning) -> Kort | None:
    value = r.value(MA.summa)
    if value is None:
        return None
    belopp = unit_of(value)
    shares = [r.value(k) for k in (MA.andel_staten, MA.andel_region, MA.andel_kommun)]
    text = (f"Staten betalade {procent(shares[0])}, regionen {procent(shares[1])} och kommunerna "
            f"{procent(shares[2])}." if all(s is not None for s in shares) else "Förbundets intäkter från medlemmarna.")
    return Kort("medlemsavgifter", "Medlemsavgifter", belopp(value), text, MA.summa, value)


def _soliditet(r: Arsredovisning) -> Kort | None:
    value, fjol = r.value(NT.soliditet), r.value(NT.soliditet, r.year - 1)
    if value is None:
        return None
    tail = f"; året innan {procent(fjol)}" if fjol is not None else ""
    return Kort("soliditet", "Soliditet", procent(value), f"Eget kapital i procent av tillgångarna{tail}.",
                NT.soliditet, value)


def _verksamhetsmal(r: Arsredovisning) -> Kort | None:
    uppnadda, alla, bedomda = (r.value(k) for k in (ML.verksamhetsmal_uppnadda, ML.verksamhetsmal_antal,
                                                     ML.verksamhetsmal_bedomda))
    if uppnadda is None or not alla:
        return None
    text = (f"Styrelsen har bedömt {heltal(bedomda)} av de {heltal(alla)} målen."
            if bedomda is not None and bedomda < alla else "Enligt styrelsens bedömning av vart och ett av årets mål.")
    return Kort("verksamhetsmal", "Uppnådda verksamhetsmål", f"{heltal(uppnadda)} av {heltal(alla)}", text,
                ML.verksamhetsmal_uppnadda, uppnadda)


def _strukturaktiviteter(r: Arsredovisning) -> Kort | None:
    value, n = r.value(SA.deltagare), r.value(SA.antal)
    if value is None:
        return None
    former = ("strukturövergripande aktivitet", "strukturövergripande aktiviteter")
    text = (f"Sammanlagt i förbundets {antal(n, former)}." if n is not None
            else "Sammanlagt i förbundets strukturövergripande aktiviteter.")
    return Kort("strukturaktiviteter", "Deltagare i aktiviteter", heltal(value), text, SA.deltagare, value)


# Each name `installningar.aret_i_korthet` may hold (the model's `Nyckeltal`), and its card.
KORT: dict[str, Callable[[Arsredovisning], Kort | None]] = {
    "deltagare": _deltagare, "stegforflyttning": _stegforflyttning, "resultat": _resultat,
    "eget_kapital": _eget_kapital, "kostnad_per_deltagare": _kostnad_per_deltagare,
    "medlemsavgifter": _medlemsavgifter, "soliditet": _soliditet, "verksamhetsmal": _verksamhetsmal,
    "strukturaktiviteter": _strukturaktiviteter,
}


def cards(r: Arsredovisning) -> tuple[Kort, ...]:
    """The chosen cards, in the chosen order, each only where the year has its figure."""
    chosen = (KORT[name](r) for name in dict.fromkeys(r.forbund.installningar.aret_i_korthet))  # each once
    return tuple(card for card in chosen if card is not None)
