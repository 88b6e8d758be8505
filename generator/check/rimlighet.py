"""Plausibility: what the model allows but no real report has.

A year long before the law or after today, a board without a chair, a signature before
the decision it signs, two people or members with one name, a share above 100 %, and
(through `tecken`) negative counts and characters that make a printed name lie. Facts of
forbund.yaml are checked with the förbund's latest year, so each is reported once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from ..derive import Arsredovisning
from ..findings import Finding, Pos, error, excerpt, warning
from ..rules import FORSTA_AR
from .tecken import walk

ORDFORANDE = "ordförande"


def check_tecken(r: Arsredovisning) -> Iterator[Finding]:
    """Names without bidi overrides or control characters, counts not negative."""
    yield from walk(r.arsfil)
    if r.senaste:
        yield from walk(r.forbund)


def _idag() -> dt.date:
    return dt.date.today()


def check_ar(r: Arsredovisning) -> Iterator[Finding]:
    """A year file between the law (2004) and this year."""
    now = _idag().year
    if r.year < FORSTA_AR:
        yield warning("W-AR", f"årsfilen gäller {r.year}, före {FORSTA_AR} då lagen om finansiell samordning "
                      "trädde i kraft; stämmer årtalet?", r.arsfil.pos_of("ar"))
    elif r.year > now:
        yield warning("W-AR", f"årsfilen gäller {r.year}, ett år som inte har börjat än; stämmer årtalet?",
                      r.arsfil.pos_of("ar"))


def check_underskrift(r: Arsredovisning) -> Iterator[Finding]:
    """The board signs the report it has decided on: not before the decision."""
    beslut, datum = r.arsfil.styrelsens_beslut, r.arsfil.underskrift.datum
    if datum is not None and beslut is not None and datum < beslut:
        yield error("E-DATUM", f"underskrift.datum {datum.isoformat()} är före styrelsens_beslut "
                    f"{beslut.isoformat()}; styrelsen skriver under den årsredovisning den har fastställt, så "
                    "datumet är samma dag eller senare", r.arsfil.underskrift.pos_of("datum"))


def check_styrelse(r: Arsredovisning) -> Iterator[Finding]:
    """The board has one chair."""
    if not r.senaste:
        return
    f = r.forbund
    chairs = [m for m in f.styrelse if m.roll.strip().lower() == ORDFORANDE]
    if not chairs:
        yield warning("W-STYRELSE", "styrelsen har ingen ordförande: skriv roll: Ordförande för den som är det",
                      f.pos_of("styrelse"))
    for extra in chairs[1:]:
        yield warning("W-STYRELSE", f'"{excerpt(extra.namn)}" är den andra ordföranden i styrelsen (den första är '
                      f'"{excerpt(chairs[0].namn)}"); skriv Vice ordförande eller Ledamot för den som inte är '
                      "ordförande", extra.pos_of("roll"))


def _dubbletter(items: Sequence[Any], namn: Callable[[Any], str], pos: Callable[[Any], Pos], what: str,
                make: Callable[[str, Pos], Finding]) -> Iterator[Finding]:
    seen: dict[str, Any] = {}
    for item in items:
        key = " ".join(namn(item).casefold().split())
        if key in seen:
            first = pos(seen[key])
            message = (f'{what} "{excerpt(namn(item))}" står två gånger (också på rad {first.line}); '
                        "ta bort den ena eller skriv hela namnet så att de skiljs åt")
            yield make(message, pos(item))
        else:
            seen[key] = item


def check_dubbletter(r: Arsredovisning) -> Iterator[Finding]:
    """Two board members, auditors or members with one name."""
    if not r.senaste:
        return
    f = r.forbund
    at: Callable[[Any], Pos] = lambda x: x.pos_of("namn")  # noqa: E731
    namn: Callable[[Any], str] = lambda x: x.namn  # noqa: E731
    yield from _dubbletter(f.medlemmar, namn, at, "medlemmen", lambda m, p: error("E-MEDLEM", m, p))
    yield from _dubbletter(f.styrelse, namn, at, "ledamoten", lambda m, p: warning("W-DUBBLETT", m, p))
    yield from _dubbletter(f.revisorer, namn, at, "revisorn", lambda m, p: warning("W-DUBBLETT", m, p))


def _andel(value: Decimal | None, name: str, pos: Pos, lo: Decimal = Decimal(0)) -> Iterator[Finding]:
    if value is not None and not lo <= value <= 1:
        yield error("E-ANDEL", f"{name} är {value}, inte en andel mellan {lo} och 1; skriv 0.15 för 15 %", pos)


def check_andelar(r: Arsredovisning) -> Iterator[Finding]:
    """Shares are between 0 and 1; a key and a fee are not negative."""
    f = r.forbund
    if r.senaste:
        inst = f.installningar
        yield from _andel(inst.eget_kapital_tak, "eget_kapital_tak", inst.pos_of("eget_kapital_tak"))
        for year, h in f.historik.items():
            if h.soliditet is not None and h.soliditet > 1:
                yield error("E-ANDEL", f"soliditet för {year} är {h.soliditet}, mer än 100 %; skriv 0.54 för 54 %",
                            h.pos_of("soliditet"))
        for m in f.medlemmar:
            if m.fordelningsnyckel is not None and m.fordelningsnyckel < 0:
                yield error("E-MEDLEM", f"fordelningsnyckel för {excerpt(m.namn)} är {m.fordelningsnyckel}; "
                            "en fördelningsnyckel kan inte vara negativ", m.pos_of("fordelningsnyckel"))
    avgifter = r.arsfil.medlemsavgifter
    for name, belopp in avgifter.items():
        if belopp < 0:
            yield warning("W-MEDLEM", f"medlemsavgiften för {excerpt(name)} är negativ ({belopp}); en medlem betalar "
                          "in sin avgift, skriv beloppet utan minustecken", avgifter.pos_of(name))


def check_historik(r: Arsredovisning) -> Iterator[Finding]:
    """A historik block stands for a year without a file, between the law and now."""
    if not r.senaste:
        return
    historik = r.forbund.historik
    now = _idag().year
    for year in historik:
        pos = historik.pos_of(year)
        if year in r.ar_med_fil:
            yield warning("W-HISTORIK", f"historik för {year} används inte: det finns en {year}.yaml, och dess "
                          f"uppgifter gäller; ta bort {year} under historik", pos)
        elif year < FORSTA_AR:
            yield warning("W-AR", f"historik för {year}, före {FORSTA_AR} då lagen om finansiell samordning trädde i "
                          "kraft; stämmer årtalet?", pos)
        elif year > now:
            yield warning("W-AR", f"historik för {year}, ett år som inte har börjat än; stämmer årtalet?", pos)


def check_underskott(r: Arsredovisning) -> Iterator[Finding]:
    """Earlier deficits are of earlier years, and are deficits (negative)."""
    underskott = r.arsfil.balanskrav.tidigare_underskott
    for year, amount in underskott.items():
        pos = underskott.pos_of(year)
        if year >= r.year:
            yield error("E-UNDERSKOTT", f"tidigare_underskott för {year}: bara år före {r.year} kan ha ett tidigare "
                        f"underskott; årets balanskravsresultat räknas fram", pos)
        elif amount > 0:
            yield warning("W-UNDERSKOTT", f"tidigare_underskott för {year} är positivt ({amount}); ett underskott "
                          f"skrivs som ett negativt belopp: -{amount}", pos)


def check_tecken_pa_belopp(r: Arsredovisning) -> Iterator[Finding]:
    """Amounts the model says are positive: investments, sales, an insats's budget and utfall."""
    a = r.arsfil
    owners: list[tuple[Any, str, str]] = [(a.investeringar, "investeringar", "utbetalt för nya anläggningstillgångar"),
                                          (a.investeringar, "forsaljningar", "inbetalt för sålda tillgångar")]
    owners += [(i, name, f'kronor som insatsen "{excerpt(i.namn)}" använt') for i in a.insatser
               for name in ("budget", "utfall")]
    for owner, name, what in owners:
        value = getattr(owner, name)
        if value is not None and value < 0:
            yield warning("W-FORTECKEN", f"{name} är negativt ({value}); det är {what} och skrivs positivt: "
                          f"{-value}", owner.pos_of(name))
