"""What an SIE file says, as the reader found it (each value with where it stood)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..findings import Pos

TYPES = {"T": "tillgång", "S": "skuld", "K": "kostnad", "I": "intäkt"}


@dataclass(frozen=True)
class Konto:
    nummer: str
    namn: str
    pos: Pos


@dataclass(frozen=True)
class Saldo:
    konto: str
    belopp: Decimal
    pos: Pos


@dataclass(frozen=True)
class Verifikation:
    serie: str
    nummer: str
    rader: tuple[Saldo, ...]
    pos: Pos


@dataclass
class Sie:
    """What an SIE file says. Year numbers as in the file: 0 this year, -1 the year before."""

    path: str
    kodning: str = "cp437"
    sietyp: str = ""
    orgnr: str = ""
    fnamn: str = ""
    rar: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)
    konton: dict[str, Konto] = field(default_factory=dict)
    ktyp: dict[str, str] = field(default_factory=dict)
    ib: dict[int, dict[str, Saldo]] = field(default_factory=dict)
    ub: dict[int, dict[str, Saldo]] = field(default_factory=dict)
    res: dict[int, dict[str, Saldo]] = field(default_factory=dict)
    verifikationer: list[Verifikation] = field(default_factory=list)
