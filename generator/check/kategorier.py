"""Category totals: within verksamhetens kostnader, and equal to their insatser where both are given."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..findings import Finding, error
from ..formatting import plain
from ..keys import RR


def check_kategorier(r: Arsredovisning) -> Iterator[Finding]:
    """The insatser cannot have used more than verksamhetens kostnader; a given total is its insatser's sum."""
    costs = r.value(RR.verksamhetens_kostnader)
    given = r.arsfil.kategorier
    for kategori in r.kategorier:
        if (kategori.key == "drift_och_administration" and kategori.utfall is not None and kategori.utfall < 0
                and costs is not None):
            yield error("E-INSATS", f"insatsernas utfall summerar till {plain(-costs - kategori.utfall)}, mer än "
                        f"verksamhetens kostnader ({plain(-costs)}); rätta ett utfall", r.arsfil.pos_of("insatser"))
        total = getattr(given, kategori.key, None) if given is not None else None
        if total is not None and kategori.summerat is not None and total.utfall != kategori.summerat:
            yield error("E-KATEGORI", f"kategorier: {kategori.key}: utfall {plain(total.utfall)} skiljer sig från "
                        f"summan av kategorins insatser, {plain(kategori.summerat)} (skillnad "
                        f"{plain(total.utfall - kategori.summerat)}); rätta ett av beloppen, eller ta bort "
                        "kategorins utfall här när varje insats har sitt", total.pos_of("utfall"))
