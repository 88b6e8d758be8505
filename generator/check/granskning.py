"""Large changes for review: rows that moved much against last year, as info.

A reviewer of a new year's file wants the year's unusual movements without reading every
line. Each statement line, and each row of its note, is compared with the row of the same
text in last year's file; one that moved more than both the share and the amount of
`installningar.granskning` is named at its line. Info never changes the exit code.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..findings import Finding, Pos, error, info
from ..formatting import kr, procent
from ..keys import BR, RR, Key
from ..model import Arsfil, Node, Post, Rad

# A row: its statement line, its text, its amount and where that amount was written.
Row = tuple[str, str, Decimal, Pos]


def check_granskning(r: Arsredovisning) -> Iterator[Finding]:
    """The thresholds: a share above 0 (0.25 for 25 %, not 25) and an amount of at least 0 kr."""
    if not r.senaste:
        return
    g = r.forbund.installningar.granskning
    if not 0 < g.andel <= 10:
        yield error("E-GRANSKNING", f"granskning.andel är {g.andel}, inte en andel; skriv 0.25 för 25 %",
                    g.pos_of("andel"))
    if g.belopp < 0:
        yield error("E-GRANSKNING", f"granskning.belopp är {g.belopp}; skriv beloppet i kronor utan minustecken, "
                    "till exempel 100000", g.pos_of("belopp"))


def check_stora_forandringar(r: Arsredovisning) -> Iterator[Finding]:
    """A row whose amount moved more than the share and the amount against last year."""
    g = r.forbund.installningar.granskning
    if r.fjol is None or not 0 < g.andel <= 10 or g.belopp < 0:
        return
    fjol = {(line, text): belopp for line, text, belopp, _ in rows(r.fjol)}
    for line, text, belopp, pos in rows(r.arsfil):
        before = fjol.get((line, text))
        if before is None or before == 0:
            continue
        change = abs(belopp) - abs(before)
        share = abs(change) / abs(before)
        if abs(change) > g.belopp and share > g.andel:
            way = "ökade" if change > 0 else "minskade"
            yield info("I-FORANDRING", f"{text} {way} med {kr(abs(change))} ({procent(share)}) mot {r.year - 1}",
                       pos)


def rows(arsfil: Arsfil) -> Iterator[Row]:
    """Every statement line and every top-level row of its note, named as the report names them."""
    for statement, section in ((arsfil.resultatrakning, RR), (arsfil.balansrakning, BR)):
        for name in _fields(statement):
            line, key = getattr(statement, name), getattr(section, name, None)
            label = key.label if isinstance(key, Key) else name
            if isinstance(line, Decimal):
                yield name, label, line, statement.pos_of(name)
            elif isinstance(line, Post):
                yield from _post(name, line, statement, line.rubrik or label)


def _post(name: str, post: Post, statement: Node, label: str) -> Iterator[Row]:
    total = post.belopp if post.belopp is not None else _sum(post)
    if total is not None:
        yield name, label, total, statement.pos_of(name)
    for rad in post.rader:
        belopp = rad.belopp if rad.belopp is not None else _sum(rad)
        if belopp is not None and rad.text != label:
            yield name, rad.text, belopp, rad.pos_of("belopp") if rad.belopp is not None else rad.pos


def _sum(node: Post | Rad) -> Decimal | None:
    """A line's or group's amount from its rows, when it has rows and each has an amount."""
    amounts = [r.belopp if r.belopp is not None else _sum(r) for r in node.rader]
    known = [a for a in amounts if a is not None]
    return sum(known, Decimal(0)) if known and len(known) == len(amounts) else None


def _fields(statement: Node) -> list[str]:
    import dataclasses

    return [f.name for f in dataclasses.fields(statement) if f.init and getattr(statement, f.name) is not None]
