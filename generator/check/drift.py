"""The driftredovisning's memo rows name figures the year has."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..findings import Finding, did_you_mean, error, excerpt


def check_minnesposter(r: Arsredovisning) -> Iterator[Finding]:
    """A memo row shows a derived figure by its key: the key must be one of the year's figures."""
    drift = r.arsfil.driftredovisning
    if drift is None:
        return
    figures = r.figures.get(r.year, {})
    for m in drift.minnesposter:
        if m.nyckel not in figures:
            hint = did_you_mean(m.nyckel, sorted(figures), "; skriv en nyckel ur sifferexporten "
                                "(finsam figures), till exempel balansrakning.summa_eget_kapital")
            yield error("E-MINNESPOST", f'minnespost "{excerpt(m.text)}": nyckeln "{excerpt(m.nyckel)}" har '
                        f"inget belopp för {r.year}{hint}", m.pos_of("nyckel"))
