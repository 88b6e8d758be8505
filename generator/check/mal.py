"""Goals: an outcome named by figure key exists, and is entered only one way."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..derive.mal import GROUPS, numbered
from ..findings import Finding, error, excerpt
from ..model import Delmal, Mal


def suggest_key(key: str, known: list[str]) -> str:
    """'; menade du "…"?' with the whole key (a figure key is longer than a name's excerpt)."""
    import difflib

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return (f'; menade du "{excerpt(close[0], 100)}"?' if close
            else "; skriv en nyckel ur sifferexporten (finsam figures)")


def _shares(goal: Mal | Delmal) -> Iterator[Finding]:
    """Targets and an entered outcome are shares: 0.5 for 50 %."""
    values = [(f"malvarden {year}", v, goal.malvarden.pos_of(year)) for year, v in goal.malvarden.items()]
    if goal.utfall is not None:
        values.append(("utfall", goal.utfall, goal.pos_of("utfall")))
    for name, value, pos in values:
        if not 0 <= value <= 1:
            yield error("E-ANDEL", f'mål "{excerpt(goal.text)}": {name} är {value}, ingen andel mellan 0 och 1; '
                        f"skriv {plain_share(value)} för {value} %", pos)


def plain_share(value: Decimal) -> str:
    """50 → 0.5: what to write for a percentage typed as a number."""
    return str((value / 100).normalize())


def check_mal(r: Arsredovisning) -> Iterator[Finding]:
    """Targets are shares; `utfall_enligt` names a figure of the year; the outcome is given one way."""
    if r.arsfil.mal is None:
        return
    known = r.figures.get(r.year, {})
    for group in GROUPS:
        for _nr, goal in numbered(getattr(r.arsfil.mal, group)):
            yield from _shares(goal)
            if goal.utfall_enligt is None:
                continue
            key = goal.utfall_enligt.strip()
            if goal.utfall is not None:
                yield error("E-MAL", f'mål "{excerpt(goal.text)}": både utfall och utfall_enligt; ta bort det ena, '
                            "utfallet anges en gång", goal.pos_of("utfall"))
            elif key not in known:
                hint = suggest_key(key, sorted(known))
                yield error("E-MAL", f'mål "{excerpt(goal.text)}": utfall_enligt "{excerpt(key, 100)}" är ingen siffra '
                            f"för {r.year}{hint}", goal.pos_of("utfall_enligt"))
