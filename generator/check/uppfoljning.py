"""Follow-up tables: no share that cannot be right.

Parts cannot add up to more than an entered total, a varav group cannot be larger than
its row, and a row's `antal` must agree with its counts per kön when both are given.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..derive.uppfoljning import KON, count, derive_tabeller
from ..findings import Finding, error, excerpt
from ..model import Uppfoljningsrad, Uppfoljningstabell, Varavrad


def _own_counts(t: Uppfoljningstabell, row: Uppfoljningsrad | Varavrad) -> Iterator[Finding]:
    per_kon = [getattr(row, k) for k in KON if getattr(row, k) is not None]
    if row.antal is not None and per_kon and sum(per_kon) != row.antal:
        yield error("E-UPPFOLJNING", f'"{excerpt(t.rubrik)}", raden "{excerpt(row.text)}": antal {row.antal} men '
                    f"kvinnor, män och annan summerar till {sum(per_kon)}; skriv antingen antal eller antal per kön",
                    row.pos_of("antal"))


def _varav(t: Uppfoljningstabell, row: Uppfoljningsrad) -> Iterator[Finding]:
    n = count(row)
    for v in row.varav:
        yield from _own_counts(t, v)
        part = count(v)
        if n is not None and part is not None and part > n:
            yield error("E-UPPFOLJNING", f'"{excerpt(t.rubrik)}": varav "{excerpt(v.text)}" är {part}, fler än '
                        f'raden "{excerpt(row.text)}" ({n}); en delgrupp kan inte vara större än sin grupp',
                        v.pos_of("antal") if v.antal is not None else v.pos)
        for k in KON:
            mine, whole = getattr(v, k), getattr(row, k)
            if mine is not None and whole is not None and mine > whole:
                yield error("E-UPPFOLJNING", f'"{excerpt(t.rubrik)}": varav "{excerpt(v.text)}" har {k} {mine}, '
                            f'fler än raden "{excerpt(row.text)}" ({whole})', v.pos_of(k))


def check_uppfoljning(r: Arsredovisning) -> Iterator[Finding]:
    """Each follow-up table's counts fit together, so that no share over 100 % is printed."""
    for tabell in derive_tabeller(r.arsfil, r.insatser):
        t = tabell.tabell
        for row in t.rader:
            yield from _own_counts(t, row)
            yield from _varav(t, row)
        counts = [c for c in (count(row) for row in t.rader) if c is not None]
        if t.totalt is not None and sum(counts) > t.totalt:
            yield error("E-UPPFOLJNING", f'"{excerpt(t.rubrik)}": raderna summerar till {sum(counts)}, mer än '
                        f"totalt {t.totalt}; rätta en rad eller totalt", t.pos_of("totalt"))
