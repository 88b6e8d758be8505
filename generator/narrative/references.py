"""Figures in the narrative: `{{ resultatrakning.arets_resultat }}`, printed as the tables print it.

A reference may add a year and a format: `{{ resultatrakning.arets_resultat@2022 | kr }}`;
`| resultat` says the sign in words ("ett underskott på 2 812 499 kr"), `| absolut` leaves
it out, `| tkr` and `| mnkr` round to one decimal for prose.
This is not a template language: nothing else may stand between the braces, and `{% … %}`
is refused, so text from the data can never run code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import formatting
from ..findings import excerpt
from ..keys import BELOPP, PREFIXES, format_of

REFERENCE = re.compile(r"\{\{(.*?)\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_PREFIX = "|".join(PREFIXES)
_INNER = re.compile(rf"^\s*((?:{_PREFIX})(?:\.[a-z0-9](?:[a-z0-9]|_(?!_))*)+)(?:@(\d{{4}}))?\s*(?:\|\s*([a-z]+)\s*)?$")
FORMATS = ("belopp", "kr", "absolut", "resultat", "tkr", "mnkr", "procent", "tal", "heltal")
# Formats that only make sense for an amount in kronor (a share has no "underskott").
AMOUNT_FORMATS = ("belopp", "kr", "absolut", "resultat", "tkr", "mnkr")


@dataclass(frozen=True)
class Referens:
    text: str  # as written, braces included
    key: str | None
    year: int | None
    format: str | None
    offset: int  # characters from the start of the text
    problem: str | None  # why it cannot be filled in, if it cannot


def _parse(match: re.Match[str]) -> Referens:
    whole, inner = match.group(0), match.group(1)
    if inner is None:
        return Referens(whole, None, None, None, match.start(), f'"{excerpt(whole)}" är inte tillåtet: texten '
                        "namnger nyckeltal som {{ nyckel }} och kan inte köra mallkod; ta bort det")
    parsed = _INNER.match(inner)
    if not parsed:
        return Referens(whole, None, None, None, match.start(),
                        f'"{excerpt(whole)}" är inget nyckeltal: skriv till exempel '
                        f"{{{{ resultatrakning.arets_resultat }}}}, om du vill med @ÅÅÅÅ och | {' / '.join(FORMATS)}; "
                        "texten kan inte köra mallkod")
    key, year, fmt = parsed.group(1), parsed.group(2), parsed.group(3)
    problem = None
    if fmt and fmt not in FORMATS:
        problem = f'formatet "{fmt}" finns inte; skriv ett av {", ".join(FORMATS)}'
    elif fmt in AMOUNT_FORMATS and format_of(key) != BELOPP:
        problem = (f'"{fmt}" är ett format för belopp, och {key} är inget belopp; skriv {{{{ {key} }}}} '
                   "eller | procent, | tal, | heltal")
    return Referens(whole, key, int(year) if year else None, fmt, match.start(), problem)


def references(text: str) -> list[Referens]:
    return [_parse(match) for match in REFERENCE.finditer(text)]


def show(value: Decimal, key: str, fmt: str | None) -> str:
    """A figure as the tables show it, or in the format the reference asks for."""
    return str(getattr(formatting, fmt or format_of(key))(value))


def fill(text: str, figures: dict[int, dict[str, Decimal]], year: int) -> str:
    """Replace each figure reference by the figure, formatted exactly as the tables show it."""
    parts, last = [], 0
    for ref in references(text):
        parts.append(text[last:ref.offset])
        value = figures.get(ref.year or year, {}).get(ref.key) if ref.key and not ref.problem else None
        parts.append("[?]" if value is None or ref.key is None else show(value, ref.key, ref.format))
        last = ref.offset + len(ref.text)
    parts.append(text[last:])
    return "".join(parts)
