"""A figure key: a string with its Swedish label and the way it is shown."""
from __future__ import annotations

from typing import Literal

# The three ways a figure is shown; the names are the report's formatting filters.
Format = Literal["belopp", "procent", "heltal"]
BELOPP: Format = "belopp"  # an amount in kronor: −2 812 499
ANDEL: Format = "procent"  # a share: 42 %
ANTAL: Format = "heltal"  # a count: 17


class Key(str):
    """A figure key: the string itself, with its Swedish label and display format."""

    label: str
    display: Format

    def __new__(cls, key: str, label: str, display: Format = BELOPP) -> Key:
        self = super().__new__(cls, key)
        self.label = label
        self.display = display
        return self

    def __getnewargs__(self) -> tuple[str, str, Format]:  # type: ignore[override]
        """What pickle passes to __new__: a report crosses processes in `finsam report --jobs`."""
        return str(self), self.label, self.display


class Section:
    """A group of fixed keys under one prefix; subclasses list them as attributes."""

    prefix = ""
    title = ""

    @classmethod
    def members(cls) -> list[Key]:
        return [v for v in vars(cls).values() if isinstance(v, Key)]


def _k(section: str, name: str, label: str, display: Format = BELOPP) -> Key:
    return Key(f"{section}.{name}", label, display)


