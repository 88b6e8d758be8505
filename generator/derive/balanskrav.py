"""The balanskravsresultat (11 kap. LKBR, 11 kap. 12 § KL) and deficits left to restore."""
from __future__ import annotations

from decimal import Decimal

from ..keys import BK
from ..model import Arsfil
from .report import ZERO, Figures


def derive_balanskravsresultat(arsfil: Arsfil, arets_resultat: Decimal) -> Figures:
    bk = arsfil.balanskrav
    adjustments: Figures = {BK.arets_resultat: arets_resultat,
                   BK.samtliga_realisationsvinster: -bk.samtliga_realisationsvinster,
                   BK.realisationsvinster_undantag: bk.realisationsvinster_undantag,
                   BK.realisationsforluster_undantag: bk.realisationsforluster_undantag,
                   BK.orealiserade_vinster_forluster: -bk.orealiserade_vinster_forluster,
                   BK.aterforing_orealiserade: bk.aterforing_orealiserade}
    f: Figures = dict(adjustments)
    f[BK.resultat_efter_balanskravsjusteringar] = sum(adjustments.values(), ZERO)
    f[BK.till_resultatutjamningsreserv] = -bk.till_resultatutjamningsreserv
    f[BK.fran_resultatutjamningsreserv] = bk.fran_resultatutjamningsreserv
    result = (f[BK.resultat_efter_balanskravsjusteringar] + f[BK.till_resultatutjamningsreserv]
              + f[BK.fran_resultatutjamningsreserv])
    f[BK.arets_balanskravsresultat] = result
    underskott = sum(bk.tidigare_underskott.values(), ZERO)
    f[BK.tidigare_underskott] = underskott
    # A positive result this year restores earlier deficits first.
    restored = min(max(result, ZERO), -underskott) if underskott < 0 else ZERO
    f[BK.underskott_att_aterstalla] = underskott + min(result, ZERO) + restored
    return f
