"""The model's foundations: value kinds, the positioned mapping, and the base of every object.

The typed, immutable model of a förbund and its years is the schema of the YAML files.

A key is valid exactly when it is a field here; the field's docstring is its Swedish
description (shown by editors through the JSON Schema `make schema` writes). Each value
has a kind (`Belopp`, `Tal`, `Datum` …) whose validator, in `generator.load.values`, says
in words what to write when a value is wrong. The model itself only declares: it imports
neither the YAML reader nor the validation library.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from ..findings import Pos

NOWHERE = Pos("")
K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


@dataclass(frozen=True)
class Kind:
    """What kind of value a field holds; the load stage supplies its validator.

    `minst`: the least number of items of a list (`revisorer` needs one).
    """

    name: str
    minst: int = 0

    # Pydantic asks this when the load stage builds its validator and the JSON Schema;
    # it is imported then, so the model costs nothing to import elsewhere.
    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from ..load.values import core_schema_for

        return core_schema_for(self, source, handler)


Belopp = Annotated[Decimal, Kind("belopp")]  # kronor, at most öre
Tal = Annotated[Decimal, Kind("tal")]  # a share or a key: any number of decimals
Heltal = Annotated[int, Kind("heltal")]
Artal = Annotated[int, Kind("ar")]
Datum = Annotated[dt.date, Kind("datum")]
Text = Annotated[str, Kind("text")]
JaNej = Annotated[bool, Kind("ja_nej")]
Lista = Annotated[tuple[T, ...], Kind("lista")]
MinstEn = Annotated[tuple[T, ...], Kind("lista", minst=1)]


class PMap(Mapping[K, V], Generic[K, V]):
    """An immutable mapping that remembers where each key stood in the source."""

    def __init__(self, items: Mapping[K, V], at: Mapping[K, Pos] | None = None, pos: Pos = NOWHERE):
        self._items = dict(items)
        self.at = dict(at or {})
        self.pos = pos

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"PMap({self._items!r})"

    def pos_of(self, key: K) -> Pos:
        return self.at.get(key, self.pos)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from ..load.tree import mapping_schema

        return mapping_schema(source, handler)


def empty_map() -> PMap[Any, Any]:
    return PMap({})


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every model object: where it stood, and where each of its keys stood.

    `pos` and `at` are filled by the load stage; they are not keys a file may write.
    A class may name fields of which at least one must be given (`one_of`).
    """

    pos: Pos = field(default=NOWHERE, init=False, compare=False, repr=False)
    at: Mapping[str, Pos] = field(default_factory=dict, init=False, compare=False, repr=False)
    one_of: ClassVar[tuple[str, ...]] = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def pos_of(self, name: str) -> Pos:
        return self.at.get(name, self.pos)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from ..load.tree import node_schema

        return node_schema(cls, source, handler)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        from ..load.tree import node_json_schema

        return node_json_schema(cls, schema, handler)
