"""Follow-up tables: counts per kommun, remitterande part, outcome …, with their sums and shares.

A row holds `antal`, or counts per kön (`kvinnor`, `man`, `annan`) whose sum is its
count. The rows' sum is derived when every row has a count; an entered `totalt` stands
for the whole group instead (the rows need not cover it). A share is a row's count of
the total, a varav row's of its row: none is computed from a count nobody entered. Rows
that are not parts of one whole (`summeras: nej`, stages of intake) get neither.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Arsfil, Uppfoljningsrad, Uppfoljningstabell, Varavrad
from ..slug import unique_slugs
from .insatser import InsatsResultat, share
from .report import Figures

KON = ("kvinnor", "man", "annan")
RESERVED_ROWS = ("summa", "totalt")


def count(row: Uppfoljningsrad | Varavrad) -> int | None:
    """The row's count: `antal`, else the sum of its counts per kön (None when neither)."""
    if row.antal is not None:
        return row.antal
    per_kon = [getattr(row, k) for k in KON if getattr(row, k) is not None]
    return sum(per_kon) if per_kon else None


@dataclass(frozen=True)
class Tabell:
    """A follow-up table with the key its figures stand under."""

    tabell: Uppfoljningstabell
    key: str  # uppfoljning.<tabell> or uppfoljning.<insats>.<tabell>
    row_keys: tuple[str, ...]
    varav_keys: tuple[tuple[str, ...], ...]
    insats: InsatsResultat | None = None

    @property
    def kon(self) -> tuple[str, ...]:
        """The kön columns some row fills in, in order."""
        rows = [*self.tabell.rader, *(v for r in self.tabell.rader for v in r.varav)]
        return tuple(k for k in KON if any(getattr(r, k) is not None for r in rows))

    def total(self) -> int | None:
        """The whole group: the entered totalt, else the rows' sum when every row has a count."""
        if not self.tabell.summeras:
            return None
        if self.tabell.totalt is not None:
            return self.tabell.totalt
        counts = [count(r) for r in self.tabell.rader]
        return None if any(c is None for c in counts) else sum(c for c in counts if c is not None)


def derive_tabeller(arsfil: Arsfil, insatser: list[InsatsResultat]) -> list[Tabell]:
    """The förbund's follow-up tables first, then each insats's, each with unique keys."""
    out = []
    for owner in [None, *insatser]:
        mine = list(owner.insats.uppfoljning if owner else arsfil.uppfoljning)
        prefix = f"uppfoljning.{owner.key}." if owner else "uppfoljning."
        for t, name in zip(mine, unique_slugs([t.rubrik for t in mine]), strict=True):
            rows = unique_slugs([r.text for r in t.rader], RESERVED_ROWS)
            varav = tuple(tuple(unique_slugs([v.text for v in r.varav])) for r in t.rader)
            out.append(Tabell(t, prefix + name, tuple(rows), varav, owner))
    return out


def _counts(f: Figures, key: str, row: Uppfoljningsrad | Varavrad) -> int | None:
    n = count(row)
    if n is not None:
        f[f"{key}.antal"] = Decimal(n)
    for k in KON:
        if getattr(row, k) is not None:
            f[f"{key}.{k}"] = Decimal(getattr(row, k))
    return n


def tabell_figures(tabeller: list[Tabell]) -> Figures:
    """Counts, shares and the sum or total of every follow-up table."""
    f: Figures = {}
    for t in tabeller:
        total = t.total()
        for row, rkey, vkeys in zip(t.tabell.rader, t.row_keys, t.varav_keys, strict=True):
            key = f"{t.key}.{rkey}"
            n = _counts(f, key, row)
            if (andel := share(n, total)) is not None:
                f[f"{key}.andel"] = andel
            for v, vkey in zip(row.varav, vkeys, strict=True):
                if (vandel := share(_counts(f, f"{key}.varav.{vkey}", v), n)) is not None:
                    f[f"{key}.varav.{vkey}.andel"] = vandel
        if not t.tabell.summeras:
            continue
        if t.tabell.totalt is not None:
            f[f"{t.key}.totalt.antal"] = Decimal(t.tabell.totalt)
            f[f"{t.key}.totalt.andel"] = Decimal(1)
        elif total is not None:
            f[f"{t.key}.summa.antal"] = Decimal(total)
            f[f"{t.key}.summa.andel"] = Decimal(1)
            for k in t.kon:
                values = [getattr(r, k) for r in t.tabell.rader]
                if all(v is not None for v in values):
                    f[f"{t.key}.summa.{k}"] = Decimal(sum(values))
    return f
