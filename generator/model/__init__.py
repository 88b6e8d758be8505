"""The typed, immutable model of a förbund and its years: the schema of the YAML files.

A key is valid exactly when it is a field here; the field's docstring is its Swedish
description (shown by editors through the JSON Schema `make schema` writes). Each value
has a kind (`Belopp`, `Tal`, `Datum` …) whose validator, in `generator.load.values`, says
in words what to write when a value is wrong. The model itself only declares: it imports
neither the YAML reader nor the validation library.

`base` holds the kinds and the base of every object; `forbund` forbund.yaml; `arsfil`
a year file; `noter` its notes; `uppfoljning` the insatser, mål and follow-up of a year;
`kategorier` category totals given directly; `drift` the driftredovisning's memo rows.
"""
from __future__ import annotations

from .arsfil import (
                     Arsfil,
                     Balanskrav,
                     Balansrakning,
                     Driftredovisning,
                     Investeringar,
                     Kontrollsummor,
                     Linje,
                     Resultatrakning,
                     Underskrift,
                     Verksamhet,
)
from .base import NOWHERE, Artal, Belopp, Datum, Heltal, JaNej, Kind, Lista, MinstEn, Node, PMap, Tal, Text
from .forbund import Ersattare, Forbund, Historik, Installningar, Kontakt, Ledamot, Logotyp, Medlem
from .noter import Bilaga, Infonot, Post, Rad
from .uppfoljning import (
    Aktivitet,
    Delmal,
    Deltagare,
    Fraga,
    Indikatormatning,
    Insats,
    Mal,
    Malbild,
    Uppfoljningsrad,
    Uppfoljningstabell,
    Varavrad,
)

MODULES = ("base", "forbund", "arsfil", "noter", "uppfoljning", "kategorier", "drift")

__all__ = ["NOWHERE", "Aktivitet", "Arsfil", "Artal", "Balanskrav", "Balansrakning", "Belopp", "Bilaga", "Datum",
           "Delmal", "Deltagare", "Driftredovisning", "Ersattare", "Forbund", "Fraga", "Heltal", "Historik",
           "Indikatormatning", "Insats", "Installningar", "Investeringar", "JaNej", "Kind", "Kontakt", "Kontrollsummor",
           "Ledamot", "Linje", "Lista", "Logotyp", "Mal",
           "Malbild", "Medlem", "MinstEn", "Node", "PMap", "Post", "Rad", "Resultatrakning", "Tal", "Text",
           "Underskrift", "Uppfoljningsrad", "Uppfoljningstabell", "Varavrad", "Verksamhet"]
__all__ += ["Infonot"]
