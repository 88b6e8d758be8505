"""Goals: an outcome named by figure key exists, and is entered only one way."""
from __future__ import annotations

from collections.abc import Iterator

from ..derive import Arsredovisning
from ..derive.mal import GROUPS, numbered
from ..findings import Finding, error, excerpt


def suggest_key(key: str, known: list[str]) -> str:
    """'; menade du "…"?' with the whole key (a figure key is longer than a name's excerpt)."""
    import difflib

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return (f'; menade du "{excerpt(close[0], 100)}"?' if close
            else "; skriv en nyckel ur sifferexporten (finsam figures)")


def check_mal(r: Arsredovisning) -> Iterator[Finding]:
    """`utfall_enligt` names a figure of the year; `utfall` and `utfall_enligt` are not both given."""
    if r.arsfil.mal is None:
        return
    known = r.figures.get(r.year, {})
    for group in GROUPS:
        for _nr, goal in numbered(getattr(r.arsfil.mal, group)):
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
