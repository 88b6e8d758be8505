"""Characters that can make a printed name lie, and negative counts, anywhere in the model.

A name with a right-to-left override (U+202E) prints its letters in another order than
the file holds them, so the signed report could show a name nobody wrote; a control
character prints as nothing. Both are errors in a name. A non-breaking or zero-width space
is harmless on paper but makes two names that look alike differ: a warning. A count
(deltagare, avslutade, anställda …) is never negative.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from ..chars import invisible_in, misleads, name_of
from ..findings import Finding, Pos, error, excerpt, warning
from ..model import Node, PMap

# Fields that hold a name or a short label, printed as written (in tables, signatures).
NAMNFALT = frozenset({"namn", "text", "rubrik", "insats", "fraga", "aktivitet", "roll", "utsedd_av", "titel", "ort",
                      "projektagare", "sate", "driftredovisning", "avser", "kalla", "organisationsnummer"})
# Characters a long text may hold: its line breaks and tabs.
RADBRYTNING = frozenset("\n\t")


def text_findings(text: str, what: str, pos: Pos, namn: bool) -> Iterator[Finding]:
    """E-TECKEN for a bidi override or control character, W-TECKEN for another invisible one in a name."""
    found = [(i, ch) for i, ch in invisible_in(text) if ch not in RADBRYTNING or namn]
    lying = [ch for _, ch in found if misleads(ch)]
    if lying:
        yield error("E-TECKEN", f'{what} "{excerpt(text)}": {name_of(lying[0])} kan få det som skrivs ut att se ut '
                    "som något annat än det som står i filen; ta bort tecknet", pos)
    elif found and namn:
        yield warning("W-TECKEN", f'{what} "{excerpt(text)}": {name_of(found[0][1])} syns inte men gör namnet till '
                      "ett annat än samma namn skrivet med vanliga tecken; skriv ett vanligt mellanslag eller ta bort "
                      "tecknet", pos)


def _value(name: str, value: Any, pos: Pos) -> Iterator[Finding]:
    if isinstance(value, str):
        yield from text_findings(value, name, pos, name in NAMNFALT)
    elif isinstance(value, int) and not isinstance(value, bool) and value < 0:
        yield error("E-ANTAL", f"{name} är {value}; ett antal kan inte vara negativt", pos)
    else:
        yield from walk(value, name)


def walk(value: Any, name: str = "") -> Iterator[Finding]:
    """Every text and count in a model object, with its position."""
    if isinstance(value, Node):
        for f in dataclasses.fields(value):
            if f.name not in ("pos", "at"):
                yield from _value(f.name, getattr(value, f.name), value.pos_of(f.name))
    elif isinstance(value, PMap):
        for key, item in value.items():
            if isinstance(key, str):
                yield from text_findings(key, f"namnet under {name}" if name else "namnet", value.pos_of(key), True)
            yield from _value(name, item, value.pos_of(key))
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item, name)
