"""The notes of a year file: a statement line's specification (Post with its Rad rows and
bilagor) and the information-only notes (`noter:`) that specify no line."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .base import Belopp, JaNej, Lista, Node, Text


@dataclass(frozen=True)
class Rad(Node):
    """En rad i en not eller bilaga: ett belopp, eller en grupp med egna rader."""

    text: Text
    """Radens text."""
    belopp: Belopp | None = None
    """Radens belopp i kronor; för en grupp summan av dess rader."""
    rader: Lista[Rad] = ()
    """Gör raden till en grupp: dess rader, vars summa är radens belopp."""
    varav: Lista[Rad] = ()
    """Radens uppdelning, som visas indragen och ska summera till raden (om inte varav_delvis)."""
    varav_delvis: JaNej = False
    """true: varav-raderna visar bara en del av raden och behöver inte summera till den."""


@dataclass(frozen=True)
class Bilaga(Node):
    """En specifikation efter noterna, av en notrad eller en varav-rad."""

    rubrik: Text
    """Bilagans rubrik."""
    avser: Text
    """Den notrad den specificerar, eller "varav" och varav-radens text."""
    rader: Lista[Rad]
    """Bilagans rader, som ska summera till raden den avser."""


@dataclass(frozen=True)
class Post(Node):
    """En rad i resultat- eller balansräkningen med egen rubrik, not eller hänvisning till noter."""

    one_of: ClassVar[tuple[str, ...]] = ("belopp", "rader")
    rader: Lista[Rad] = ()
    """Notens rader; radens belopp är deras summa."""
    belopp: Belopp | None = None
    """Beloppet enligt bokföringen; med rader kontrolleras det mot deras summa."""
    rubrik: Text | None = None
    """Radens text i resultat- eller balansräkningen och notens rubrik, om den ska vara en annan än standardtexten."""
    noter: Lista[Text] = ()
    """Upplysningsnoter (under noter: i årsfilen) som raden också hänvisar till, med deras rubrik."""
    bilagor: Lista[Bilaga] = ()
    """Specifikationer av notens rader."""


@dataclass(frozen=True)
class Infonot(Node):
    """En upplysningsnot som inte specificerar en rad, till exempel arvode till revisorerna eller leasing."""

    one_of: ClassVar[tuple[str, ...]] = ("beskrivning", "rader")
    rubrik: Text
    """Notens rubrik; en rad hänvisar till noten med den (noter: [Leasing])."""
    beskrivning: Text | None = None
    """Notens text, i Markdown som berättelsen; får nämna belopp med {{ nyckel }}."""
    rader: Lista[Rad] = ()
    """Notens belopp, som visas med fjolårets (ur fjolårets not med samma rubrik) och en summa."""
