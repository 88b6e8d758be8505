"""The model's types over a YAML tree: which mappings have the model's fields as keys.

A mapping read as a model object (a dataclass) has a fixed key order, its fields' order;
a mapping read as a `PMap` (members by name, history by year) is keyed by the user and
keeps the user's order. Lists hold items of their element type; a line of a statement
(`Linje`) is an amount or a mapping, told apart by what the YAML holds.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from ..model import PMap
from .ordning import ORDNING


def key_order(cls: type) -> list[str]:
    """The order of a model object's keys in a file: as `ordning` declares, else the fields' order."""
    fields = [f.name for f in dataclasses.fields(cls) if f.init]
    declared = [name for name in ORDNING.get(cls.__name__, ()) if name in fields]
    return declared + [name for name in fields if name not in declared]


def rank(key: Any, names: list[str]) -> int:
    """A key's place: fields in their order, anything else after them as it stood (a stable sort)."""
    return names.index(key) if key in names else len(names)


def fixed_mappings(node: Any, tp: Any) -> Iterator[tuple[Any, list[str]]]:
    """Each mapping in the tree that is a model object, with its keys' order; outer first."""
    tp = _matching(_bare(tp), node)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(node, dict):
        yield node, key_order(tp)
        hints = typing.get_type_hints(tp, include_extras=True)
        for key, value in node.items():
            if key in hints:
                yield from fixed_mappings(value, hints[key])
    elif get_origin(tp) is PMap and isinstance(node, dict):
        for value in node.values():
            yield from fixed_mappings(value, get_args(tp)[1])
    elif get_origin(tp) is tuple and isinstance(node, list):
        for item in node:
            yield from fixed_mappings(item, get_args(tp)[0])


def _bare(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _matching(tp: Any, node: Any) -> Any:
    """Of a union (`Post | None`, `Decimal | Post`), the member the node can be."""
    if get_origin(tp) not in (Union, types.UnionType):
        return tp
    for member in map(_bare, get_args(tp)):
        mapping = dataclasses.is_dataclass(member) or get_origin(member) is PMap
        if isinstance(node, dict) and mapping or isinstance(node, list) and get_origin(member) is tuple:
            return member
    return None
