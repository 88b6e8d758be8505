"""Build one model object from one YAML file: read, parse, validate; findings, never exceptions."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from ..findings import Finding, Pos, error
from . import errors
from .files import read_text
from .refusal import example
from .yaml import EMPTY, parse

T = TypeVar("T")


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(cls: type) -> TypeAdapter[Any]:
    """The validator of a model class, built once per process (building it takes ~50 ms)."""
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def build_file(cls: type[T], path: Path, shown: str, fill: bool = False) -> tuple[T | None, list[Finding]]:
    """The model object a file holds, or None and the findings that say why not.

    With `fill` (a year file) an empty amount or date is something still to fill in (fyll_i),
    and its finding comes with the object."""
    text, found = read_text(path, shown)
    if text is None:
        return None, found
    key = (cls, shown, fill, text)
    if key not in _BUILT:
        if len(_BUILT) >= 64:  # a fuzz run reads thousands of texts; keep memory bounded
            _BUILT.clear()
        built, found = _parse_and_build(cls, text, shown, fill)
        _BUILT[key] = built, tuple(found)
    built, kept = _BUILT[key]
    return built, list(kept)


# What each text built into, in this process: a watch rebuild after an edit of one file, or of
# the Markdown, parses and validates only what changed. The objects are immutable.
_BUILT: dict[tuple[type, str, bool, str], tuple[Any, tuple[Finding, ...]]] = {}


def _parse_and_build(cls: type[T], text: str, shown: str, fill: bool) -> tuple[T | None, list[Finding]]:
    tree, found = parse(text, shown)
    if found:
        return None, found
    if tree is None or tree is EMPTY:  # no document, or one that is only `~` or `---`
        return None, [_empty(cls, text, shown)]
    if not fill:
        return build_tree(cls, tree, shown)
    from .fyll_i import take_empty

    pending = take_empty(tree, shown)
    built, found = build_tree(cls, tree, shown)
    return built, pending + found


def build_tree(cls: type[T], tree: Any, shown: str) -> tuple[T | None, list[Finding]]:
    try:
        return adapter(cls).validate_python(tree, context={"path": shown}), []
    except ValidationError as exc:
        return None, errors.findings(exc, cls, tree, shown)


def _empty(cls: type, text: str, shown: str) -> Finding:
    """A file with no document: say which keys it needs."""
    import typing

    written = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    what = ("har inga rader med nyckel: värde" if written else
            "har bara kommentarer" if any(line.strip() for line in text.splitlines()) else "är tom")
    hints = typing.get_type_hints(cls, include_extras=True)
    required = [f.name for f in dataclasses.fields(cls) if f.init and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]
    first = example(required[0], hints[required[0]]) if required else ""
    return error("E-EMPTY", f"filen {what}; den behöver minst nycklarna {', '.join(required)} (börja med "
                 f"{first}); de andra förbundens filer visar hur", Pos(shown, 1, 1))
