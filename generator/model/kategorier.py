"""Category totals given directly, for insatser whose costs are published only per category."""
from __future__ import annotations

from dataclasses import dataclass

from .base import Belopp, Node


@dataclass(frozen=True)
class KategoriSumma(Node):
    """En kategoris utfall och budget i kronor, positiva, när de inte finns per insats."""

    utfall: Belopp
    """Kategorins utfall i kronor (positivt); jämförs med insatsernas utfall när alla har ett."""
    budget: Belopp | None = None
    """Kategorins budget i kronor (positiv)."""


@dataclass(frozen=True)
class Kategorier(Node):
    """Kostnad per kategori, när den redovisas per kategori i stället för (eller utöver) per insats."""

    individinriktad: KategoriSumma | None = None
    """Individinriktade insatser sammantagna."""
    strukturovergripande: KategoriSumma | None = None
    """Strukturövergripande insatser sammantagna."""
