"""Members' fees and shares, and the key figures (soliditet, eget kapital against the ceiling)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import BR, MA, MEDLEM, NT, RR
from ..model import Arsfil, Forbund
from ..rules import MEDLEMSANDEL
from ..slug import unique_slugs
from .noter import RESERVED_ROW
from .report import ZERO, Figures

_ANDEL = {"staten": MA.andel_staten, "region": MA.andel_region, "kommun": MA.andel_kommun}


@dataclass(frozen=True)
class Medlemsandel:
    namn: str
    typ: str  # staten, region, kommun, or "okänd" for a name forbund.yaml does not have
    key: str
    belopp: Decimal
    andel: Decimal | None  # of all medlemsavgifter; none when they add up to nothing
    forvantad_andel: Decimal | None  # by the law's halves and the förbund's key


def _expected(forbund: Forbund) -> dict[str, Decimal]:
    """Each member's share by the law (staten, region) and the förbund's key (kommuner)."""
    kommuner = [m for m in forbund.medlemmar if m.typ == "kommun"]
    expected = {m.namn: MEDLEMSANDEL[m.typ] for m in forbund.medlemmar if m.typ != "kommun"}
    keys = [m.fordelningsnyckel for m in kommuner]
    total = sum((k for k in keys if k is not None), ZERO)
    if kommuner and None not in keys and total:
        expected.update({m.namn: MEDLEMSANDEL["kommun"] * (m.fordelningsnyckel or ZERO) / total for m in kommuner})
    return expected


def derive_medlemsandelar(forbund: Forbund, arsfil: Arsfil) -> tuple[list[Medlemsandel], Figures]:
    total = sum(arsfil.medlemsavgifter.values(), ZERO)
    typ_by_name = {m.namn: m.typ for m in forbund.medlemmar}
    expected = _expected(forbund)
    out: list[Medlemsandel] = []
    f: Figures = {}
    names = list(arsfil.medlemsavgifter)
    for name, key in zip(names, unique_slugs(names, RESERVED_ROW), strict=True):
        amount = arsfil.medlemsavgifter[name]
        # A share of nothing is not 0 %: with no fees at all there is no share to show.
        andel = amount / total if total else None
        out.append(Medlemsandel(name, typ_by_name.get(name, "okänd"), key, amount, andel, expected.get(name)))
        f[MEDLEM(key, "belopp")] = amount
        if andel is not None:
            f[MEDLEM(key, "andel")] = andel
    f[MA.summa] = total
    if out and total:
        for typ, key_ in _ANDEL.items():
            f[key_] = sum((m.belopp for m in out if m.typ == typ), ZERO) / total
        # The total row's share, as the table shows it (truth rule 1).
        f[MA.summa_andel] = sum((m.andel for m in out if m.andel is not None), ZERO)
    return out, f


def derive_nyckeltal(fig: Figures, forbund: Forbund, antal_anstallda: int | None) -> Figures:
    f: Figures = {}
    ek = fig.get(BR.summa_eget_kapital)
    assets = fig.get(BR.summa_tillgangar)
    if ek is not None and assets:
        f[NT.soliditet] = ek / assets
    allocation = fig.get(RR.medlemsavgifter)
    if ek is not None and allocation:
        tak = forbund.installningar.eget_kapital_tak
        f[NT.eget_kapital_andel_av_tilldelning] = ek / allocation
        f[NT.eget_kapital_tak] = (allocation * tak).quantize(Decimal(1))
        f[NT.eget_kapital_tak_andel] = tak
        f[NT.eget_kapital_over_tak] = ek - f[NT.eget_kapital_tak]
    if antal_anstallda is not None:
        f[NT.antal_anstallda] = Decimal(antal_anstallda)
    return f
