"""What a driftredovisning may show besides its verksamheter: memo rows under the total."""
from __future__ import annotations

from dataclasses import dataclass

from .base import Belopp, Node, Text


@dataclass(frozen=True)
class Minnespost(Node):
    """En minnespost under driftredovisningens summa: ett framräknat belopp, hämtat med sin nyckel."""

    text: Text
    """Radens text, till exempel Utgående eget kapital."""
    nyckel: Text
    """Nyckeln i sifferexporten vars belopp raden visar, till exempel balansrakning.summa_eget_kapital."""
    budget: Belopp | None = None
    """Budgeterat belopp i kronor, till exempel budgeterat eget kapital vid årets slut."""
