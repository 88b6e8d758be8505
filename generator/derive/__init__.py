"""The derive stage: every figure of a förbund's years, computed from the facts entered once.

    derived, findings = derive_forbund(source)        # every year's statements, once
    report = derive_report(derived, 2023, narrativ)   # one year's report

Each year's figures form a flat mapping from figure keys (`generator.keys`) to exact
Decimals. A year needs last year's figures (opening equity, the cash-flow analysis'
opening balances, the comparison column), from last year's file or, failing that, from
the förbund's `historik` block. Derivation does not judge: where something cannot be
computed it records a finding and leaves the figure out; the check stage judges the rest.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding, error
from ..keys import BR, RR
from ..load import Source
from ..model import Arsfil, Forbund
from .balanskrav import as_named_in, derive_balanskravsresultat
from .driftredovisning import derive_driftredovisning, derive_minnesposter
from .femar import derive_femar, femar_figures, history_figures
from .insatser import derive_insatser, insats_figures
from .jamforelse import derive_jamforelse, jamforelse_figures
from .kategorier import derive_kategorier, follow_up_row_figures, kategori_figures
from .mal import mal_figures
from .medlemmar import derive_medlemsandelar, derive_nyckeltal
from .noter import Not, derive_noter, note_figures
from .report import ZERO, Arsredovisning, Figures
from .statements import OPENING_REQUIRED, derive_balansrakning, derive_kassaflodesanalys, derive_resultatrakning
from .summering import derive_individinriktade
from .uppfoljning import derive_tabeller, tabell_figures
from .upplysningar import derive_infonoter, eget_kapital_not, number_after

__all__ = ["ZERO", "Arsredovisning", "Derived", "Figures", "derive_forbund", "derive_report"]


@dataclass(frozen=True)
class Derived:
    """A förbund's statements of every year with a file, each derived once."""

    source: Source
    figures: dict[int, Figures]

    def year_figures(self, year: int) -> Figures:
        """A year's figures: from its file, or what its history block gives."""
        return self.figures.get(year) or history_figures(self.source.forbund, year)


def derive_forbund(source: Source) -> tuple[Derived, dict[int, list[Finding]]]:
    """Figures of every year with a file, oldest first, each opening from the year before."""
    figures: dict[int, Figures] = {}
    findings: dict[int, list[Finding]] = {}
    for year in sorted(source.years):
        before = figures.get(year - 1) or history_figures(source.forbund, year - 1)
        figures[year], findings[year] = _year(source.forbund, source.years[year], before)
    return Derived(source, figures), findings


def _year(forbund: Forbund, arsfil: Arsfil, before: Figures) -> tuple[Figures, list[Finding]]:
    year = arsfil.ar
    findings = []
    f = derive_resultatrakning(arsfil)
    opening = before.get(BR.summa_eget_kapital)
    if opening is None:
        findings.append(error("E-OPENING", f"ingående eget kapital saknas för {year}: lägg till {year - 1}.yaml, "
                              f"eller historik: {year - 1}: eget_kapital: … i forbund.yaml",
                              arsfil.pos_of("balansrakning")))
    f.update(derive_balansrakning(arsfil, f[RR.arets_resultat], opening))
    missing = [k.split(".", 1)[1] for k in OPENING_REQUIRED if k not in before]
    if missing and opening is not None:
        findings.append(error("E-OPENING", f"kassaflödesanalysen för {year} behöver fjolårets balansräkning; "
                              f"lägg till {year - 1}.yaml eller historik: {year - 1}: med " + ", ".join(missing),
                              arsfil.pos_of("balansrakning")))
    elif not missing:
        f.update(derive_kassaflodesanalys(arsfil, f, before))
    f.update(derive_balanskravsresultat(arsfil, f[RR.arets_resultat]))
    f.update(derive_nyckeltal(f, forbund, arsfil.antal_anstallda))
    return f, findings


def derive_report(derived: Derived, year: int, narrativ: tuple = ()) -> Arsredovisning:
    """The whole report of one year; `narrativ` is the year's Markdown, split into sections."""
    source = derived.source
    arsfil, fjol = source.years[year], source.years.get(year - 1)
    figures = {year: dict(derived.figures[year]), year - 1: as_named_in(derived.year_figures(year - 1), year)}
    generated: dict[str, Not] = {}
    if source.forbund.installningar.not_eget_kapital:
        generated[BR.summa_eget_kapital] = eget_kapital_not(year, figures, derived.year_figures(year - 2))
    notes = derive_noter(arsfil, fjol, figures, generated)
    notes += derive_infonoter(arsfil, fjol, number_after(notes))
    for y, extra in note_figures(notes, year).items():
        figures[y].update(extra)
    drift_rows, drift_figures = derive_driftredovisning(arsfil, fjol, figures[year], figures[year - 1])
    figures[year].update(drift_figures)
    if fjol is not None:
        figures[year - 1].update(derive_driftredovisning(fjol, source.years.get(year - 2), figures[year - 1],
                                                         derived.year_figures(year - 2))[1])
        figures[year - 1].update(derive_medlemsandelar(source.forbund, fjol)[1])
    members, member_figures = derive_medlemsandelar(source.forbund, arsfil)
    figures[year].update(member_figures)
    results = derive_insatser(arsfil, figures[year])
    costs = figures[year][RR.verksamhetens_kostnader]
    categories = derive_kategorier(results, costs, arsfil)
    figures[year].update(insats_figures(arsfil, results))
    figures[year].update(kategori_figures(categories, costs) | follow_up_row_figures(arsfil))
    memo_rows, memo_figures = derive_minnesposter(arsfil, figures)
    figures[year].update(memo_figures)
    figures[year].update(derive_individinriktade(results))
    femar = derive_femar(source.forbund, year, derived.figures)
    figures[year].update(femar_figures(femar))
    figures[year].update(jamforelse_figures(derive_jamforelse(arsfil, figures[year - 1])))
    figures[year].update(mal_figures(arsfil, figures[year]))
    figures[year].update(tabell_figures(derive_tabeller(arsfil, results)))
    return Arsredovisning(source.forbund, arsfil, fjol, figures, notes, drift_rows, members,
                          femar, tuple(narrativ), results, categories,
                          senaste=year == max(source.years), ar_med_fil=tuple(sorted(source.years)),
                          minnesposter=memo_rows)
