"""The check stage: named checks, each returning findings with a source position.

Every accounting identity of DESIGN.md is an error. Control totals (`kontrollsummor`) are
assertions: a figure copied from the bookkeeping or a published report, compared with what
was derived. Warnings cover what is allowed but needs a look.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..derive import Arsredovisning
from ..findings import Finding
from .balanskrav import check_aterstalls_inte, check_reservnamn
from .drift import check_minnesposter
from .femar import check_femar
from .granskning import check_granskning, check_stora_forandringar
from .hushallning import check_balanskrav, check_datum, check_eget_kapital_tak
from .insatser import check_indikatormatning, check_insatser
from .jamforelse import check_jamforelse
from .kategorier import check_kategorier
from .kontroll import check_kontrollsummor, check_lankar, check_referenser
from .mal import check_mal
from .medlemmar import check_medlemmar, check_medlemsandelar
from .noter import check_infonoter, check_specifikationer
from .nycklar import check_nycklar
from .prosa import check_tal_i_text
from .rimlighet import (
    check_andelar,
    check_ar,
    check_dubbletter,
    check_historik,
    check_styrelse,
    check_tecken,
    check_tecken_pa_belopp,
    check_underskott,
    check_underskrift,
)
from .statements import check_anlaggningstillgangar, check_balans, check_driftredovisning, check_kassaflode
from .underskrifter import check_beslutsdatum, check_ej_undertecknat, check_kommentarer
from .uppfoljning import check_uppfoljning

Check = Callable[[Arsredovisning], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    check_balans, check_kassaflode, check_anlaggningstillgangar, check_driftredovisning, check_specifikationer,
    check_infonoter,
    check_medlemmar, check_medlemsandelar, check_eget_kapital_tak, check_balanskrav, check_datum,
    check_kontrollsummor, check_referenser, check_lankar, check_insatser, check_kategorier, check_indikatormatning,
    check_nycklar, check_tecken, check_ar, check_underskrift, check_styrelse, check_dubbletter, check_andelar,
    check_historik, check_underskott, check_tecken_pa_belopp, check_reservnamn, check_aterstalls_inte,
    check_ej_undertecknat, check_kommentarer, check_beslutsdatum, check_minnesposter, check_femar, check_jamforelse,
    check_mal, check_uppfoljning, check_tal_i_text, check_granskning,
)
# For a reviewer (info only): run by `check`, not part of a report's own findings.
REVIEW: tuple[Check, ...] = (check_stora_forandringar,)

__all__ = ["CHECKS", "REVIEW", "Check", "review", "run_checks", *[c.__name__ for c in CHECKS + REVIEW]]


def run_checks(r: Arsredovisning) -> list[Finding]:
    """Every check's findings, in the order of the files and lines they are about."""
    findings = [finding for check in CHECKS for finding in check(r)]
    return sorted(findings, key=lambda f: (f.pos.path, f.pos.line, f.pos.col, f.code))


def review(r: Arsredovisning) -> list[Finding]:
    """What a reviewer should look at (info): the year's large changes against last year."""
    return [finding for check in REVIEW for finding in check(r)]
