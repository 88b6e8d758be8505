"""What a year's files still leave to fill in: empty amounts and counts, SKRIV: lines.

`finsam new-year` writes next year's file with every amount and date of the year left
empty (`belopp:` with nothing after it). In a year file such an empty value is not an
error but something still to fill in: one finding of severity "att fylla i" for each, at
its line. The file is otherwise read as usual (every other mistake is still found), with a
stand-in value where the empty ones are; the year is then neither derived nor built until
nothing is left to fill in. A narrative line that starts with SKRIV: is a section still to
be written.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..findings import Finding, excerpt, todo
from .tree import key_pos
from .yaml import EMPTY

# The keys whose empty value is an amount, count or date still to fill in, and what to write.
FYLL_I = {
    "belopp": "beloppet", "intakt": "intäkten", "kostnad": "kostnaden (negativt)", "budget": "budgeten",
    "utfall": "utfallet", "antal": "antalet", "kvinnor": "antalet kvinnor", "man": "antalet män",
    "annan": "antalet med annan könstillhörighet", "totalt": "antalet totalt", "avslutade": "antalet avslutade",
    "avslutade_med_stegforflyttning": "antalet avslutade med stegförflyttning", "deltagare": "antalet deltagare",
    "andel_positiva": "andelen positiva svar", "svarande": "antalet svarande",
    "investeringar": "årets investeringar", "forsaljningar": "årets försäljningar",
    "realisationsresultat": "realisationsresultatet", "resultatreserv": "resultatreserven",
    "resultatutjamningsreserv": "resultatutjämningsreserven", "antal_anstallda": "antalet anställda vid årets slut",
    "styrelsens_beslut": "dagen då styrelsen fastställer årsredovisningen, ÅÅÅÅ-MM-DD",
    "datum": "dagen då styrelsen skriver under, ÅÅÅÅ-MM-DD",
}
DATES = {"styrelsens_beslut", "datum"}
# Sections whose lines are amounts themselves (`avskrivningar: -12362`), and the members' fees.
LINES = {"resultatrakning", "balansrakning"}
# Sections where `belopp` is a mapping of figure keys, never an amount to fill in.
NOT_HERE = {"kontrollsummor", "publicerat"}
MARKER = "SKRIV:"
_MARKER = re.compile(rf"^\s*{MARKER}")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def take_empty(tree: Any, shown: str) -> list[Finding]:
    """A finding for each empty value still to fill in, replaced by a stand-in so the rest reads."""
    if not isinstance(tree, CommentedMap):
        return []
    return list(_walk(tree, (), [], shown))


def _walk(node: Any, path: tuple[str, ...], labels: list[str], shown: str) -> Iterator[Finding]:
    if isinstance(node, CommentedSeq):
        for item in node:
            yield from _walk(item, path, labels, shown)
        return
    if not isinstance(node, CommentedMap) or (path and path[0] in NOT_HERE):
        return
    label = next((str(node[k]) for k in ("text", "namn", "rubrik") if isinstance(node.get(k), str)), None)
    inner = labels + [label] if label else labels
    for key in list(node):
        value = node[key]
        if value is EMPTY and isinstance(key, str) and _to_fill(path, key):
            node[key] = dt.date(2000, 1, 1) if key in DATES else 0
            yield todo("F-FYLL", _message(path, key, inner), key_pos(node, key, shown))
        else:
            yield from _walk(value, (*path, str(key)), inner, shown)


def _to_fill(path: tuple[str, ...], key: str) -> bool:
    if path == ("medlemsavgifter",) or path in {(s,) for s in LINES}:
        return True
    return key in FYLL_I and (bool(path) or key in {"styrelsens_beslut", "antal_anstallda"})


def _message(path: tuple[str, ...], key: str, labels: list[str]) -> str:
    if path == ("medlemsavgifter",):
        return f'fyll i årets medlemsavgift för "{excerpt(key)}" i kronor'
    if len(path) == 1 and path[0] in LINES:
        return f"{path[0]}.{key}: fyll i årets belopp"
    where = ".".join(p for p in path[:2] if p not in {"rader", "varav"})
    named = " under ".join(f'"{excerpt(text)}"' for text in reversed(labels))
    what = FYLL_I[key]
    if not where:
        return f"{key}: fyll i {what}"
    return f"{where}: fyll i {what}" + (f" för {named}" if named else "")


def skriv_lines(path: Path, shown: str) -> list[Finding]:
    """A finding for each line of the year's narrative that starts with SKRIV:, named by its heading."""
    from ..findings import Pos

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the narrative's reader says why, with its own finding
    heading, found = "", []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADING.match(line)
        if match:
            heading = match.group(2)
        elif _MARKER.match(line):
            under = f' under "{excerpt(heading)}"' if heading else ""
            found.append(todo("F-SKRIV", f"skriv årets text{under} och ta bort raden som börjar med {MARKER}",
                              Pos(shown, number, 1)))
    return found
