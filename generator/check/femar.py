"""The five-year overview's history years: signs as the income statement prints them, one
definition per column, and tkr figures that the table can show."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..findings import Finding, error, excerpt, warning
from ..formatting import plain

# Amount fields of a history year and the sign each must have (+1 not negative, -1 not positive).
_SIGNS = {"verksamhetens_intakter": (1, "intäkter skrivs positivt"),
          "verksamhetens_kostnader": (-1, "kostnader skrivs negativt, som resultaträkningen visar dem"),
          "summa_tillgangar": (1, "tillgångar skrivs positivt")}
_AMOUNTS = ("verksamhetens_intakter", "verksamhetens_kostnader", "arets_resultat", "eget_kapital",
            "summa_tillgangar", "anlaggningstillgangar", "forrad", "fordringar", "kortfristiga_placeringar",
            "kassa_och_bank", "avsattningar", "langfristiga_skulder", "kortfristiga_skulder")
_TENTH = Decimal("0.1")


def _tecken(year: int, h) -> Iterator[Finding]:
    for name, (sign, why) in _SIGNS.items():
        value = getattr(h, name)
        if value is None or value == 0 or (value > 0) == (sign > 0):
            continue
        yield error("E-HISTORIK", f"historik {year}: {name} är {plain(value)}; {why}: skriv {name}: {-value}",
                    h.pos_of(name))


def _tkr(year: int, h) -> Iterator[Finding]:
    """A figure in tkr has at most one decimal (hundreds of kronor), as published tables print it."""
    if h.enhet != "tkr":
        return
    for name in _AMOUNTS:
        value = getattr(h, name)
        if value is not None and value != value.quantize(_TENTH):
            yield error("E-HISTORIK", f"historik {year}: {name} är {value} tkr, med fler än en decimal; skriv "
                        f"tusental kronor med högst en decimal ({value.quantize(_TENTH)}) eller enhet: kr och "
                        "beloppet i kronor", h.pos_of(name))


def _definitioner(year: int, h) -> Iterator[Finding]:
    d = h.definitioner
    if d is None:
        return
    for name in ("verksamhetens_intakter", "verksamhetens_kostnader", "arets_resultat", "eget_kapital", "soliditet",
                 "antal_anstallda"):
        meaning = getattr(d, name)
        if meaning:
            yield warning("W-FEMAR-DEFINITION", f"historik {year}: {name} räknas annorlunda än övriga år "
                          f"({excerpt(meaning)}); femårsöversikten säger det i en fotnot, men skriv hellre beloppet "
                          "med samma definition som övriga år om det finns", d.pos_of(name))


def check_femar(r: Arsredovisning) -> Iterator[Finding]:
    """History years entered as the income statement prints them, each column defined alike."""
    if not r.senaste:
        return
    for year, h in r.forbund.historik.items():
        yield from _tecken(year, h)
        yield from _tkr(year, h)
        yield from _definitioner(year, h)
