"""The 2024 rules: the reserve's name for the year, and the board's decision not to restore a deficit."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..findings import Finding, error
from ..formatting import plain
from ..keys import BK
from ..model import Node
from ..rules import RESULTATRESERV_FRAN

# Each pair: the name before 2024, the name from 2024 (prop. 2022/23:119).
_NAMES = (("balansrakning", "resultatutjamningsreserv", "resultatreserv"),
          ("balanskrav", "till_resultatutjamningsreserv", "till_resultatreserv"),
          ("balanskrav", "fran_resultatutjamningsreserv", "fran_resultatreserv"))


def check_reservnamn(r: Arsredovisning) -> Iterator[Finding]:
    """A year file names the reserve as the law of its year does: resultatreserv from 2024."""
    new_law = r.year >= RESULTATRESERV_FRAN
    for block, old, new in _NAMES:
        owner: Node = getattr(r.arsfil, block)
        wrong, right = (old, new) if new_law else (new, old)
        if wrong not in owner.at:
            continue
        value: Decimal | None = getattr(owner, wrong)
        if new_law:
            why = (f"från räkenskapsåret {RESULTATRESERV_FRAN} heter resultatutjämningsreserven resultatreserv "
                   "(prop. 2022/23:119)")
        else:
            why = (f"resultatreserven finns från räkenskapsåret {RESULTATRESERV_FRAN}; {r.year} hette den "
                   "resultatutjämningsreserv")
        yield error("E-RESERV", f"{block}: {wrong}: {why}; skriv {right}: {value:f}", owner.pos_of(wrong))


def check_aterstalls_inte(r: Arsredovisning) -> Iterator[Finding]:
    """The board's decision not to restore concerns this year's deficit, and at most all of it."""
    beslut = r.arsfil.balanskrav.aterstalls_inte
    result = r.value(BK.arets_balanskravsresultat)
    if beslut is None or result is None:
        return
    if result >= 0:
        yield error("E-ATERSTALLS", f"balanskrav: aterstalls_inte: årets balanskravsresultat är inte negativt "
                    f"({plain(result)} kr), så det finns inget underskott att låta bli att återställa; ta bort "
                    "aterstalls_inte", r.arsfil.balanskrav.pos_of("aterstalls_inte"))
        return
    if beslut.belopp is None:
        return
    if beslut.belopp > 0:
        yield error("E-ATERSTALLS", f"aterstalls_inte: belopp {plain(beslut.belopp)} är positivt; ett underskott "
                    f"skrivs negativt som i balanskravsresultatet: skriv belopp: {-beslut.belopp:f}",
                    beslut.pos_of("belopp"))
    elif beslut.belopp < result:
        yield error("E-ATERSTALLS", f"aterstalls_inte: belopp {plain(beslut.belopp)} är större än årets underskott "
                    f"({plain(result)} kr); skriv högst hela underskottet, belopp: {result:f}, eller ta bort belopp "
                    "så gäller beslutet hela underskottet", beslut.pos_of("belopp"))
