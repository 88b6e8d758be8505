"""Validation errors as findings: each at its file, line and column, in words a user acts on.

Pydantic reports an error with a location in the data (`('balansrakning', 'kassa_och_bank',
'post', 'rader', 2, 'belopp')`). `locate` follows that location through the model's types
and the YAML tree together, which gives the dotted name the user reads
(`balansrakning.kassa_och_bank.rader[3].belopp`), the line and column, and the model type
that stood there (for "did you mean" and "add it, like …").
"""
from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from ..chars import invisible_in, name_of
from ..findings import Finding, Pos, did_you_mean, error, excerpt
from ..model import Kind, PMap
from .refusal import Where, example, scalar_text
from .tree import key_pos, node_pos, value_pos
from .yaml import EMPTY


@dataclasses.dataclass
class Place:
    """Where a location in the data leads: names, the tree there, and the model type there."""

    names: list[str] = dataclasses.field(default_factory=list)  # "balansrakning", "[3]", ".Staten" …
    node: Any = None  # the YAML value at the location (None: not written)
    parent: Any = None  # the YAML mapping or list holding it
    key: Any = None  # its key or index in the parent, as written
    tp: Any = None  # the model type at the location (None: no such key)
    owner: Any = None  # the model type of the parent (a dataclass, for unknown and missing keys)
    pos: Pos = Pos("")  # where the value stands
    outer_pos: Pos = Pos("")  # where the parent stands
    item: bool = False  # the value is a list item
    is_key: bool = False  # the error is about the key itself

    @property
    def what(self) -> str:
        return "".join(self.names).lstrip(".")

    def where(self, names: list[str]) -> Where:
        return Where("".join(names).lstrip("."), excerpt(str(self.key)) if self.key is not None else "", self.item)


def _strip(tp: Any) -> Any:
    """The type without Optional; an Annotated type keeps its kind."""
    if get_origin(tp) is Union or type(tp).__name__ == "UnionType":
        options = [o for o in get_args(tp) if o is not type(None)]
        return options[0] if len(options) == 1 else tp
    return tp


def _kind(tp: Any) -> str | None:
    if get_origin(tp) is Annotated:
        return next((m.name for m in get_args(tp)[1:] if isinstance(m, Kind)), None)
    return None


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolved once per model class: resolving them again for every finding was most of
    # the time a file with thousands of findings took.
    return typing.get_type_hints(cls, include_extras=True)


def _original_key(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        # Usually the key itself: look it up, since scanning every key for every finding
        # made a file with 50 000 wrong keys take minutes.
        if isinstance(part, str) and part in node:
            return part
        for key in node:
            if key == part or scalar_text(key) == str(part):
                return key
    return part


def _step(place: Place, part: Any, path: str) -> None:
    """Follow one element of the location."""
    tp = _strip(place.tp)
    base = get_args(tp)[0] if get_origin(tp) is Annotated else tp
    origin = get_origin(base)
    place.outer_pos, place.item = place.pos, False
    if dataclasses.is_dataclass(base):
        place.owner = base
        place.tp = _hints(typing.cast(type, base)).get(part)
        place.names.append(f".{part}")
    elif origin is tuple:
        place.tp, place.item = get_args(base)[0], True
        place.names.append(f"[{part + 1}]" if isinstance(part, int) else f".{part}")
    elif isinstance(origin, type) and issubclass(origin, PMap):
        place.tp = get_args(base)[1]
        place.names.append(f".{excerpt(scalar_text(part))}")
    else:
        place.tp = None
        place.names.append(f".{excerpt(str(part))}")
    place.parent, place.key = place.node, _original_key(place.node, part)
    container = place.parent if isinstance(place.parent, (dict, list)) else None
    if isinstance(container, list) and isinstance(part, int) and part < len(container):
        place.node = container[part]
    elif isinstance(container, dict) and place.key in container:
        place.node = container[place.key]
    else:
        place.node = None
    place.pos = value_pos(place.parent, place.key, path) if place.node is not None else place.outer_pos


def locate(root: Any, tree: Any, loc: tuple[Any, ...], path: str) -> Place:
    # A document that is a single scalar has no position of its own: it starts the file.
    place = Place(node=tree, tp=root, pos=node_pos(tree, path) if hasattr(tree, "lc") else Pos(path, 1, 1))
    place.outer_pos = place.pos
    for part in loc:
        if _kind(_strip(place.tp)) == "linje":  # the tag of the union: which form was written
            from ..model import Belopp, Post
            place.tp = Post if part == "post" else Belopp
            continue
        if part == "[key]":
            place.is_key = True
            place.pos = key_pos(place.parent, place.key, path)
            continue
        _step(place, part, path)
    return place


# --- Words ---------------------------------------------------------------------------

def _unknown_key(place: Place, key: str) -> str:
    owner = place.owner
    fields = [f.name for f in dataclasses.fields(owner) if f.init] if owner else []
    outer = "".join(place.names[:-1]).lstrip(".")
    where = f"i {outer}" if outer else "på filens översta nivå"
    hint = did_you_mean(key, fields, f"; tillåtna här: {', '.join(fields)}")
    flow = getattr(getattr(place.parent, "fa", None), "flow_style", lambda: False)()
    if place.node is EMPTY and isinstance(place.parent, CommentedMap) and flow:
        hint = ('; ett kommatecken inuti { } börjar en ny nyckel: sätt text som innehåller kommatecken inom '
                'citattecken, som text: "Inventarier, anskaffningsvärde"')
    hidden = invisible_in(key)
    if hidden:
        hint = (f"; nyckeln innehåller {name_of(hidden[0][1])}, som inte syns: ta bort tecknet"
                + did_you_mean(key.translate({ord(ch): None for _, ch in hidden}), fields))
    return f'okänd nyckel "{excerpt(key)}" {where}{hint}'


def _missing_key(place: Place, name: str) -> str:
    outer = "".join(place.names[:-1]).lstrip(".") or "filen"
    return f'{outer} saknar nyckeln "{name}", som måste finnas; lägg till den, som {example(name, place.tp)}'


def finding(err: Any, root: Any, tree: Any, path: str) -> Finding:
    """One pydantic error as a finding at its place."""
    place = locate(root, tree, tuple(err["loc"]), path)
    kind, ctx = err["type"], err.get("ctx") or {}
    if "say" in ctx:
        names = place.names[:-1] if place.is_key else place.names
        pos = key_pos(place.node, ctx["key"], path) if ctx.get("key") is not None else place.pos
        return error(kind, ctx["say"](place.where(names)), pos)
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        return error("E-KEY", _unknown_key(place, str(place.key)), key_pos(place.parent, place.key, path))
    if kind == "missing":
        return error("E-MISSING", _missing_key(place, str(place.key)), place.outer_pos)
    # Not reached by any known input: the validators refuse in their own words. The type names
    # pydantic's check for the developer who meets it.
    return error("E-TYPE", f"{place.what or 'filen'}: värdet kan inte användas här (pydantic: {excerpt(kind)})",
                 place.pos)


def findings(exc: ValidationError, root: Any, tree: Any, path: str) -> list[Finding]:
    found = [finding(err, root, tree, path) for err in exc.errors(include_url=False)]
    return sorted(found, key=lambda f: (f.pos.line, f.pos.col))
