"""God ekonomisk hushållning and the board's decision: the ceiling, the balance requirement, dates."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..derive import Arsredovisning
from ..findings import Finding, error, warning
from ..formatting import plain
from ..keys import BK, BR, NT
from ..rules import ATERSTALLA_AR, BESLUT_SENAST
from .medlemmar import procent


def check_eget_kapital_tak(r: Arsredovisning) -> Iterator[Finding]:
    """Eget kapital above Nationella rådets recommended ceiling needs a word in the report."""
    over = r.value(NT.eget_kapital_over_tak)
    ek, andel = r.value(BR.summa_eget_kapital), r.value(NT.eget_kapital_andel_av_tilldelning)
    tak, tak_andel = r.value(NT.eget_kapital_tak), r.value(NT.eget_kapital_tak_andel)
    if over is None or over <= 0 or ek is None or andel is None or tak is None or tak_andel is None:
        return
    yield warning("W-EK-TAK", f"eget kapital {plain(ek)} kr är {procent(andel)} av årets medlemsavgifter, "
                  f"{plain(over)} kr "
                  f"över Nationella rådets rekommenderade tak på {procent(tak_andel)} ({plain(tak)} kr); skriv i "
                  "förvaltningsberättelsen hur förbundet ska använda det", r.arsfil.pos_of("balansrakning"))


def check_balanskrav(r: Arsredovisning) -> Iterator[Finding]:
    """A negative balanskravsresultat needs the board's explanation; old deficits are flagged."""
    result = r.value(BK.arets_balanskravsresultat)
    bk = r.arsfil.balanskrav
    # The board's decision not to restore (aterstalls_inte) states its reasons itself.
    if result is not None and result < 0 and not bk.styrelsens_forklaring and bk.aterstalls_inte is None:
        where = r.arsfil.pos_of("balanskrav") if "balanskrav" in r.arsfil.at else r.arsfil.pos
        yield warning("W-BALANSKRAV", f"årets balanskravsresultat är negativt ({plain(result)} kr): skriv under "
                      "balanskrav: styrelsens_forklaring: hur och när det återställs, eller de synnerliga skälen för "
                      "att inte återställa det", where)
    for year, amount in bk.tidigare_underskott.items():
        if amount < 0 and r.year - year > ATERSTALLA_AR:
            yield warning("W-UNDERSKOTT", f"underskottet från {year} ({plain(amount)} kr) är äldre än "
                          f"{ATERSTALLA_AR} år och borde ha återställts", bk.tidigare_underskott.pos_of(year))


def check_datum(r: Arsredovisning) -> Iterator[Finding]:
    """The board adopts the report after the year's end and within three months of it."""
    deadline = dt.date(r.year + 1, *BESLUT_SENAST)
    dates = (("styrelsens_beslut", r.arsfil.styrelsens_beslut, r.arsfil.pos_of("styrelsens_beslut")),
             ("underskrift.datum", r.arsfil.underskrift.datum, r.arsfil.underskrift.pos_of("datum")))
    for name, value, pos in dates:
        if value is None:
            continue
        if value > deadline:
            yield warning("W-DATUM", f"{name} {value.isoformat()} är efter {deadline.isoformat()}: styrelsen ska "
                          "fastställa årsredovisningen inom tre månader efter årets slut", pos)
        if value <= dt.date(r.year, 12, 31):
            yield error("E-DATUM", f"{name} {value.isoformat()} är före slutet av {r.year}; årsredovisningen kan "
                        "fastställas först när året är slut", pos)
