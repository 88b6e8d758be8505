"""The accounting identities of the statements: each an error when it does not hold."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..findings import Finding, error
from ..formatting import plain
from ..keys import BR, DR, KF, RR


def check_balans(r: Arsredovisning) -> Iterator[Finding]:
    """Tillgångar = eget kapital + avsättningar + skulder, to the krona."""
    f = r.figures[r.year]
    assets = f.get(BR.summa_tillgangar)
    claims = f.get(BR.summa_eget_kapital_avsattningar_och_skulder)
    if assets is not None and claims is not None and assets != claims:
        yield error("E-BALANS", f"the balance sheet {r.year} does not balance: summa tillgångar {plain(assets)}, "
                    f"summa eget kapital, avsättningar och skulder {plain(claims)}, "
                    f"difference {plain(assets - claims)}; "
                    "correct the balance-sheet lines so they agree with the bookkeeping",
                    r.arsfil.pos_of("balansrakning"))


def check_kassaflode(r: Arsredovisning) -> Iterator[Finding]:
    """Likvida medel vid årets början + årets kassaflöde = likvida medel vid årets slut."""
    f = r.figures[r.year]
    begin, flow = f.get(KF.likvida_medel_vid_arets_borjan), f.get(KF.arets_kassaflode)
    end = f.get(KF.likvida_medel_vid_arets_slut)
    if begin is None or flow is None or end is None or begin + flow == end:
        return
    yield error("E-KASSAFLODE", f"the cash-flow analysis {r.year} does not close: likvida medel vid årets början "
                f"{plain(begin)} + årets kassaflöde {plain(flow)} = {plain(begin + flow)}, but likvida medel vid årets "
                f"slut are {plain(end)} (difference {plain(begin + flow - end)}); check investeringar and the "
                "balance-sheet lines of both years", r.arsfil.pos_of("balansrakning"))


def check_anlaggningstillgangar(r: Arsredovisning) -> Iterator[Finding]:
    """Last year's fixed assets + investments − depreciation − book value sold = this year's."""
    opening = r.value(BR.summa_anlaggningstillgangar, r.year - 1)
    closing = r.value(BR.summa_anlaggningstillgangar)
    avskrivningar = r.value(RR.avskrivningar)
    if opening is None or closing is None or avskrivningar is None:
        return
    inv = r.arsfil.investeringar
    sold = inv.forsaljningar - inv.realisationsresultat
    expected = opening + inv.investeringar + avskrivningar - sold
    if expected != closing:
        where = r.arsfil.pos_of("investeringar") if "investeringar" in r.arsfil.at else r.arsfil.pos_of("balansrakning")
        yield error("E-ANLAGGNING", f"anläggningstillgångar {r.year} do not follow from last year's: {plain(opening)} "
                    f"+ investeringar {plain(inv.investeringar)} − avskrivningar {plain(-avskrivningar)} − sold "
                    f"{plain(sold)} = {plain(expected)}, but the balance sheet says {plain(closing)}; enter this "
                    "year's investeringar (payments for new assets)", where)


def check_driftredovisning(r: Arsredovisning) -> Iterator[Finding]:
    """The driftredovisning's total netto is årets resultat."""
    total, result = r.value(DR.summa_netto), r.value(RR.arets_resultat)
    if r.arsfil.driftredovisning is None or total is None or result is None or total == result:
        return
    yield error("E-DRIFT", f"driftredovisningen {r.year} adds up to netto {plain(total)}, but årets resultat is "
                f"{plain(result)} (difference {plain(total - result)}); every krona of the income statement "
                "belongs to one verksamhet", r.arsfil.pos_of("driftredovisning"))
