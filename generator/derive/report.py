"""The derived report of one förbund-year: what every later stage reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Arsfil, Forbund

if TYPE_CHECKING:
    from ..narrative import Avsnitt
    from .driftredovisning import DriftRad, Minnesrad
    from .femar import FemArsRad
    from .insatser import InsatsResultat
    from .kategorier import Kategori
    from .medlemmar import Medlemsandel
    from .noter import Not

ZERO = Decimal(0)
# One year's figures: figure key (generator.keys) → exact amount, share or count.
Figures = dict[str, Decimal]


@dataclass(frozen=True)
class Arsredovisning:
    """Everything the report shows for one förbund-year, derived from the facts entered once."""

    forbund: Forbund
    arsfil: Arsfil
    fjol: Arsfil | None  # last year's file, when there is one
    figures: dict[int, Figures]  # this year and last year
    noter: list[Not]
    driftredovisning: list[DriftRad]
    medlemmar: list[Medlemsandel]
    femar: list[FemArsRad]
    narrativ: tuple[Avsnitt, ...] = ()  # the year's Markdown, in file order
    insatser: list[InsatsResultat] = field(default_factory=list)
    kategorier: list[Kategori] = field(default_factory=list)
    senaste: bool = True  # the förbund's latest year: forbund.yaml's own facts are checked with it, once
    ar_med_fil: tuple[int, ...] = ()  # every year the förbund has a file for
    logotyp: str | None = None  # the front page's logo as a data: URL (narrative.logotyp read it)
    minnesposter: list[Minnesrad] = field(default_factory=list)  # the driftredovisning's memo rows

    @property
    def year(self) -> int:
        return self.arsfil.ar

    def value(self, key: str, year: int | None = None) -> Decimal | None:
        return self.figures.get(year or self.year, {}).get(key)
