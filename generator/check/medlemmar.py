"""Members and their fees: every fee from a member, every member paying, and the law's shares."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..derive import ZERO, Arsredovisning
from ..findings import Finding, did_you_mean, error, excerpt, warning
from ..formatting import NBSP, plain
from ..formatting import procent as _procent
from ..keys import MA
from ..rules import ANDEL_TOLERANS, MEDLEMSANDEL


def procent(value: Decimal, decimals: int = 0) -> str:
    """Percent for terminal messages: ordinary spaces, like the amounts beside it."""
    return _procent(value, decimals).replace(NBSP, " ")


def check_medlemmar(r: Arsredovisning) -> Iterator[Finding]:
    """Fees are paid by members the förbund has, and every member pays."""
    names = [m.namn for m in r.forbund.medlemmar]
    avgifter = r.arsfil.medlemsavgifter
    for name in avgifter:
        if name not in names:
            hint = did_you_mean(name, names, "; lägg till medlemmen under medlemmar i forbund.yaml")
            yield error("E-MEDLEM", f'"{excerpt(name)}" är ingen medlem i forbund.yaml{hint}', avgifter.pos_of(name))
    for name in names:
        if name not in avgifter:
            yield warning("W-MEDLEM", f"{excerpt(name)} betalade ingen medlemsavgift {r.year}; skriv den under "
                          "medlemsavgifter (0 om det stämmer)", r.arsfil.pos_of("medlemsavgifter"))


_WHO = {"staten": "staten", "region": "regionen", "kommun": "kommunerna tillsammans"}
_SHARE_KEY = {"staten": MA.andel_staten, "region": MA.andel_region, "kommun": MA.andel_kommun}


def check_medlemsandelar(r: Arsredovisning) -> Iterator[Finding]:
    """Staten half, the region a quarter, the kommuner a quarter (5 § lagen om finansiell samordning)."""
    total = r.value(MA.summa) or ZERO
    if not total:
        return
    for typ, share in MEDLEMSANDEL.items():
        actual = r.value(_SHARE_KEY[typ]) or ZERO
        if abs(actual - share) > ANDEL_TOLERANS:
            yield warning("W-ANDEL", f"{_WHO[typ]} betalade {plain(actual * total)} kr, {procent(actual, 2)} av "
                          f"{plain(total)} kr; lagens andel är {procent(share)} "
                          f"({plain((share * total).quantize(Decimal(1)))} kr)", r.arsfil.pos_of("medlemsavgifter"))
    for m in r.medlemmar:
        expected = m.forvantad_andel
        if m.typ != "kommun" or expected is None or m.andel is None:
            continue
        if abs(m.andel - expected) > ANDEL_TOLERANS:
            yield warning("W-ANDEL", f"{excerpt(m.namn)} betalade {plain(m.belopp)} kr, {procent(m.andel, 2)} av "
                          "avgifterna; "
                          f"dess fördelningsnyckel ger {procent(expected, 2)} "
                          f"({plain((expected * total).quantize(Decimal(1)))} kr)",
                          r.arsfil.medlemsavgifter.pos_of(m.namn))
