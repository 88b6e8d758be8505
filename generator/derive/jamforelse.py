"""Justerade jämförelsetal: last year's figures as its adopted report printed them, against
the comparison column this report shows.

The comparison column is always derived from last year's data; `publicerat` records what
the adopted report printed, so a difference is said in a note instead of passing silently.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..keys import JAMFORELSE, lookup
from ..model import Arsfil
from .report import Arsredovisning, Figures


@dataclass(frozen=True)
class Jamforelse:
    """One figure of last year: as published, and as this report shows it."""

    key: str  # the figure key, e.g. resultatrakning.arets_resultat
    publicerat: Decimal
    visat: Decimal

    @property
    def skillnad(self) -> Decimal:
        return self.visat - self.publicerat

    @property
    def export_key(self) -> str:
        return f"{JAMFORELSE.prefix}.{self.key}"


def derive_jamforelse(arsfil: Arsfil, fjol: Figures) -> list[Jamforelse]:
    """Every entered figure last year has (those it lacks are the check stage's error), in file order."""
    p = arsfil.publicerat
    if p is None:
        return []
    return [Jamforelse(key, value, fjol[key]) for key, value in p.belopp.items()
            if key in fjol and lookup(key) is not None and not key.startswith(JAMFORELSE.prefix + ".")]


def jamforelse_figures(rows: list[Jamforelse]) -> Figures:
    """`jamforelsetal.<nyckel>.publicerat|visat|skillnad` of the report year, for every entry."""
    f: Figures = {}
    for row in rows:
        f[JAMFORELSE(row.key, "publicerat")] = row.publicerat
        f[JAMFORELSE(row.key, "visat")] = row.visat
        f[JAMFORELSE(row.key, "skillnad")] = row.skillnad
    return f


def justerade(rows: list[Jamforelse]) -> list[Jamforelse]:
    """The entries whose shown figure differs from the published one: the note's rows."""
    return [row for row in rows if row.skillnad != 0]


def justerade_i(r: Arsredovisning) -> list[Jamforelse]:
    """The rows of a report's note Justerade jämförelsetal (none: no note)."""
    return justerade(derive_jamforelse(r.arsfil, r.figures.get(r.year - 1, {})))


def note_number(r: Arsredovisning) -> int:
    """The note comes after every other: it is about the comparison column as a whole, so the
    lines it names point to it without changing the other notes' order of first reference."""
    return max((n.number for n in r.noter), default=1) + 1
