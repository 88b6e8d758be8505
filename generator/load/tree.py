"""Tree → model: the pydantic schemas of the model's containers, and where each value stood.

The YAML tree (ruamel's maps and lists, which know their line and column) is validated by
pydantic against the model's dataclasses. The schemas here wrap pydantic's own: they say
in our words what a block must be (a mapping, a list), and they give each model object
the source position of itself and of each of its keys. The validation context carries
the file's name as it is shown in messages (`{"path": "data/halland/2023.yaml"}`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Set
from typing import Any, get_args

from pydantic_core import core_schema
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..findings import Pos
from ..model import Belopp, Kind, PMap
from .refusal import Where, describe, example, missing, refuse, scalar_text
from .values import key_schema
from .yaml import COMPLEX_KEY, EMPTY

# --- Positions ---------------------------------------------------------------------

def node_pos(node: Any, path: str) -> Pos:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return Pos(path)
    return Pos(path, lc.line + 1, lc.col + 1)


def key_pos(parent: Any, key: Any, path: str) -> Pos:
    try:
        line, col = parent.lc.key(key)
        return Pos(path, line + 1, col + 1)
    except (KeyError, TypeError, AttributeError):
        return node_pos(parent, path)


def value_pos(parent: Any, key: Any, path: str) -> Pos:
    """Where a value stands; for a block of lines under a key, the key's line.

    `balansrakning:` followed by indented lines is reported at `balansrakning:`, not at
    its first line, so a finding about the whole block points at its name.
    """
    try:
        if isinstance(parent, CommentedSeq):
            line, col = parent.lc.item(key)
            return Pos(path, line + 1, col + 1)
        item = parent[key]
        if item is EMPTY:  # `key:` with nothing after it: ruamel's value mark is on a later line
            return key_pos(parent, key, path)
        if isinstance(item, (CommentedMap, CommentedSeq)) and len(item) and not item.fa.flow_style():
            return key_pos(parent, key, path)
        line, col = parent.lc.value(key)
        return Pos(path, line + 1, col + 1)
    except (KeyError, TypeError, IndexError, AttributeError):
        return node_pos(parent, path)


def _path(info: Any) -> str:
    return str((info.context or {}).get("path", ""))


def is_complex_key(key: Any) -> bool:
    """A key YAML built from [..] or {..} (or `? ` lines): never a valid name here."""
    return isinstance(key, (tuple, frozenset, dict, list, Mapping, Set))  # ruamel's key maps are Mappings


# --- Model objects ---------------------------------------------------------------------

def _first_field(cls: type) -> str:
    hints = _hints(cls)
    name = next(f.name for f in dataclasses.fields(cls) if f.init)
    return example(name, hints[name])


def _hints(cls: type) -> dict[str, Any]:
    import typing

    return typing.get_type_hints(cls, include_extras=True)


def _refuse_odd_keys(value: dict[Any, Any]) -> None:
    """A key built from [..] or {..}, or a line with nothing before its colon."""
    for key in value:
        if is_complex_key(key):
            refuse("E-KEY", lambda w: f"{COMPLEX_KEY} "
                   f"({f'i {w.what}' if w.what else 'på filens översta nivå'})", key=key)
        if key is EMPTY:
            refuse("E-KEY", lambda w: f"en rad {f'i {w.what} ' if w.what else ''}har inget före kolonet: skriv "
                   "nyckeln, som nyckel: värde", key=key)


def _as_mapping(cls: type, value: Any) -> dict[str, Any]:
    """The mapping a model object is built from: refused when it is not one; keys as text."""
    if value is EMPTY:
        refuse("E-MISSING", missing(lambda name: f"{name}: följt av indragna nyckel: värde-rader"))
    if not isinstance(value, dict):
        def say(w: Where) -> str:
            if not w.what:
                return (f"filen ska bestå av nyckel: värde-rader på översta nivån (som {_first_field(cls)}), "
                        f"inte {describe(value)}")
            return f"{w.what} ska vara ett block med nyckel: värde-rader, inte {describe(value)}"
        refuse("E-TYPE", say)
    _refuse_odd_keys(value)
    # A number or date as key is no field name; as text it is reported as an unknown key.
    return {k if isinstance(k, str) else scalar_text(k): v for k, v in value.items()}


def node_schema(cls: type, source: Any, handler: Any) -> Any:
    """A model object: built by pydantic, then given its position and its keys' positions."""
    inner = handler(source)

    def validate(value: Any, build: Any, info: Any) -> Any:
        obj = build(_as_mapping(cls, value))
        one_of: tuple[str, ...] = getattr(cls, "one_of", ())
        if one_of and not any(getattr(obj, name) not in (None, ()) for name in one_of):
            refuse("E-MISSING", lambda w: f"{w.what or 'filen'} har varken {' eller '.join(one_of)}: skriv beloppet "
                   f"({w.name}: 1234567, negativt för kostnader) eller notens rader under rader:")
        path = _path(info)
        object.__setattr__(obj, "pos", node_pos(value, path))
        object.__setattr__(obj, "at", {str(k): value_pos(value, k, path) for k in value})
        return obj

    # A class that contains itself (Rad in Rad) refers to its schema by `ref`: the ref moves
    # to the wrapper, so that the inner rows get their positions too.
    ref = inner.pop("ref", None) if isinstance(inner, dict) else None
    return core_schema.with_info_wrap_validator_function(validate, inner, ref=ref)


def node_json_schema(cls: type, schema: Any, handler: Any) -> Any:
    """The JSON Schema of a model object: its keys, not the positions the loader adds."""
    from ..schema import describe

    json_schema = handler(schema)
    target = handler.resolve_ref_schema(json_schema)
    for internal in ("pos", "at"):
        target.get("properties", {}).pop(internal, None)
    describe(cls, target)
    one_of: tuple[str, ...] = getattr(cls, "one_of", ())
    if one_of:
        target["anyOf"] = [{"required": [name]} for name in one_of]
    return json_schema


# --- Mappings, lists and statement lines ------------------------------------------------

def mapping_schema(source: Any, handler: Any) -> Any:
    """A PMap[K, V]: keys are years or names, each remembered with its position."""
    key_type, value_type = get_args(source)
    is_year = any(isinstance(m, Kind) and m.name == "ar" for m in getattr(key_type, "__metadata__", ()))
    inner = core_schema.dict_schema(keys_schema=key_schema(is_year), values_schema=handler.generate_schema(value_type),
                                    metadata={"pydantic_js_functions": [_only_year_keys]})

    def validate(value: Any, build: Any, info: Any) -> PMap[Any, Any]:
        path = _path(info)
        if value is EMPTY:
            return PMap({})
        if not isinstance(value, dict):
            refuse("E-TYPE", lambda w: f"{w.what} ska vara ett block med nyckel: värde-rader, inte {describe(value)}")
        _refuse_odd_keys(value)
        items = build(dict(value))
        at = {new: value_pos(value, old, path) for old, new in zip(value, items, strict=True)}
        return PMap(items, at, node_pos(value, path))

    return core_schema.with_info_wrap_validator_function(validate, inner)


def _only_year_keys(schema: Any, handler: Any) -> Any:
    """In the JSON Schema, a mapping by year allows no other keys."""
    json_schema = handler(schema)
    if "patternProperties" in json_schema:
        json_schema["additionalProperties"] = False
    return json_schema


def list_schema(kind: Kind, source: Any, handler: Any) -> Any:
    """A list (`- ` lines): an empty `key:` is an empty list, unless the kind needs items."""
    inner = handler(source)

    def validate(value: Any, build: Any) -> Any:
        if value is EMPTY:
            value = []
        if not isinstance(value, list):
            refuse("E-TYPE", lambda w: f"{w.what} ska vara en lista (rader som börjar med '- '), inte "
                   f"{describe(value)}")
        if len(value) < kind.minst:
            least = {1: "en", 2: "två"}.get(kind.minst, str(kind.minst))
            refuse("E-MISSING", lambda w: f"{w.what} är tom: rapporten behöver minst {least}, skriven under "
                   f"{w.name}: som rader som börjar med '- '")
        return build(list(value))

    def json_schema(schema: Any, handler: Any) -> Any:
        json_schema = handler(schema)
        if kind.minst:
            json_schema["minItems"] = kind.minst
        return json_schema

    return core_schema.no_info_wrap_validator_function(validate, inner,
                                                       metadata={"pydantic_js_functions": [json_schema]})


def linje_schema(handler: Any) -> Any:
    """A statement line: an amount, or a mapping with the rows of its note."""
    from ..model import Post

    union = core_schema.tagged_union_schema(
        {"belopp": handler.generate_schema(Belopp), "post": handler.generate_schema(Post)},
        discriminator=lambda v: "post" if isinstance(v, dict) else "belopp")

    def validate(value: Any, build: Any) -> Any:
        if isinstance(value, list):
            refuse("E-TYPE", lambda w: f"{w.what} ska vara ett belopp, eller en not med sina rader under rader:, inte "
                   f"en lista direkt under {w.name}:; skriv rader: på raden efter {w.name}: och dra in raderna under "
                   "den")
        return build(value)

    return core_schema.no_info_wrap_validator_function(validate, union)
