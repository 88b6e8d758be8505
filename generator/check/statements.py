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
        yield error("E-BALANS", f"balansräkningen {r.year} balanserar inte: summa tillgångar {plain(assets)}, "
                    f"summa eget kapital, avsättningar och skulder {plain(claims)}, "
                    f"skillnad {plain(assets - claims)}; "
                    "rätta balansräkningens rader så att de stämmer med bokföringen",
                    r.arsfil.pos_of("balansrakning"))


def check_kassaflode(r: Arsredovisning) -> Iterator[Finding]:
    """Likvida medel vid årets början + årets kassaflöde = likvida medel vid årets slut."""
    f = r.figures[r.year]
    begin, flow = f.get(KF.likvida_medel_vid_arets_borjan), f.get(KF.arets_kassaflode)
    end = f.get(KF.likvida_medel_vid_arets_slut)
    if begin is None or flow is None or end is None or begin + flow == end:
        return
    yield error("E-KASSAFLODE", f"kassaflödesanalysen {r.year} går inte ihop: likvida medel vid årets början "
                f"{plain(begin)} + årets kassaflöde {plain(flow)} = {plain(begin + flow)}, men likvida medel vid årets "
                f"slut är {plain(end)} (skillnad {plain(begin + flow - end)}); kontrollera investeringar och "
                "balansräkningens rader för båda åren", r.arsfil.pos_of("balansrakning"))


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
        yield error("E-ANLAGGNING", f"anläggningstillgångarna {r.year} följer inte av fjolårets: {plain(opening)} "
                    f"+ investeringar {plain(inv.investeringar)} − avskrivningar {plain(-avskrivningar)} − sålt "
                    f"{plain(sold)} = {plain(expected)}, men balansräkningen säger {plain(closing)}; skriv årets "
                    "investeringar (utbetalt för nya anläggningstillgångar) under investeringar:", where)


def check_driftredovisning(r: Arsredovisning) -> Iterator[Finding]:
    """The driftredovisning's total netto is årets resultat."""
    total, result = r.value(DR.summa_netto), r.value(RR.arets_resultat)
    if r.arsfil.driftredovisning is None or total is None or result is None or total == result:
        return
    yield error("E-DRIFT", f"driftredovisningen {r.year} summerar till netto {plain(total)}, men årets resultat är "
                f"{plain(result)} (skillnad {plain(total - result)}); varje krona i resultaträkningen "
                "hör till en verksamhet", r.arsfil.pos_of("driftredovisning"))
