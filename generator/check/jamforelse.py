"""`publicerat`: last year's figures as printed, each a figure the comparison column has."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..derive.jamforelse import derive_jamforelse, justerade
from ..findings import Finding, did_you_mean, error, excerpt, warning
from ..keys import JAMFORELSE


def check_jamforelse(r: Arsredovisning) -> Iterator[Finding]:
    """Each entry names a figure of last year; a difference needs the board's explanation.

    Unlike a control total, a published figure that differs is not an error: the figure
    shown is derived from last year's data, and the report's note says where it differs.
    """
    p = r.arsfil.publicerat
    if p is None:
        return
    fjol = r.figures.get(r.year - 1, {})
    for key in p.belopp:
        if key not in fjol or key.startswith(JAMFORELSE.prefix + "."):
            hint = did_you_mean(key, list(fjol), "; `make figures` visar alla nycklar", cutoff=0.7)
            yield error("E-JAMFORELSE", f'publicerat: "{excerpt(key)}" är inget belopp som räknas fram för '
                        f"{r.year - 1}{hint}", p.belopp.pos_of(key))
    differ = justerade(derive_jamforelse(r.arsfil, fjol))
    if differ and not p.forklaring:
        n = len(differ)
        yield warning("W-JAMFORELSE", f"{n} jämförelsetal skiljer sig från fjolårets årsredovisning; skriv varför "
                      "under publicerat: forklaring: …, så att noten Justerade jämförelsetal förklarar skillnaden",
                      p.pos_of("belopp"))
