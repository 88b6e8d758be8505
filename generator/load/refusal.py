"""Refusing a value in words: where it stands, what was written, and an example of what to write.

A refusal does not know where it stands; its message is a function of the place (`Where`:
the dotted path, the key's name), filled in when the error is turned into a finding.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, Union, get_args, get_origin

from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

from ..findings import excerpt
from ..model import Kind
from .yaml import EMPTY, BadDate, FloatText, NotDecimalInt


@dataclasses.dataclass(frozen=True)
class Where:
    """Where a refused value stands: `what` is its dotted path, `name` its own key."""

    what: str
    name: str
    item: bool  # a list item rather than the value of a key


Say = Callable[[Where], str]


def refuse(code: str, say: Say, key: Any = None) -> NoReturn:
    """Refuse a value: pydantic records the error with its location; `say` words it.

    `key`: the error is about this key of the refused mapping, and is reported at it."""
    raise PydanticCustomError(code, "refused", {"say": say, "key": key})


# --- Describing what was written ----------------------------------------------------

def scalar_text(value: Any) -> str:
    """A scalar as the user would have typed it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, TaggedScalar):
        return str(value.value)
    return str(value)


def is_collection(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq, list, dict, set))


def describe(value: Any) -> str:
    """What was written, in words, quoting at most a short excerpt of it."""
    if isinstance(value, (CommentedMap, dict)):
        return "ett block med nyckel: värde-rader"
    if isinstance(value, (CommentedSeq, list, set)):
        return "en lista (rader som börjar med -)"
    if value is None or value is EMPTY:
        return "ingenting"
    if isinstance(value, (bool, dt.date, TaggedScalar, FloatText, NotDecimalInt, BadDate)):  # as written, unquoted
        return excerpt(scalar_text(value))
    if isinstance(value, str):
        return f'"{excerpt(str(value))}"'
    if isinstance(value, int):
        return excerpt(str(int(value)))
    return "ett värde av ett annat slag"


def plain_digits(value: str) -> str:
    """0777 → 777, 0x1F → 31: what a non-decimal YAML integer was probably meant to be."""
    text = value.replace("_", "")
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("+-")
    if body[:2].lower() in ("0x", "0o", "0b"):
        try:
            return str(int(text, 0))
        except ValueError:
            return ""
    return sign + (body.lstrip("0") or "0")


def _kind(tp: Any) -> Kind | None:
    if get_origin(tp) is Annotated:
        return next((m for m in get_args(tp)[1:] if isinstance(m, Kind)), None)
    return None


def _unwrap_optional(tp: Any) -> Any:
    if get_origin(tp) is Union or str(get_origin(tp)) == "types.UnionType":
        options = [o for o in get_args(tp) if o is not type(None)]
        if len(options) == 1:
            return options[0]
    return tp


_EXAMPLES = {"belopp": "1234567", "tal": "0.15", "heltal": "5", "datum": "2024-03-08", "text": "…",
             "ja_nej": "true", "nyckel": "…", "namn": "…",
             "e_post": "kansli@exempel.se", "webbadress": "https://www.exempel.se",
             "farg": '"#1f4e79" (inom citattecken: utan dem läses # som början på en kommentar)'}
_BLOCK = "följt av indragna nyckel: värde-rader"


def example(name: str, tp: Any) -> str:
    """How a key of this type is written, for messages that ask the user to add or fill it in."""
    tp = _unwrap_optional(tp)
    kind = _kind(tp)
    if kind is None:
        return f"{name}: {_BLOCK}"  # a model object or a mapping
    if kind.name == "linje":
        return f"{name}: -1234567 (ett belopp), eller {name}: med rader: under för en not"
    if kind.name == "lista":
        return f"{name}: följt av indragna rader som börjar med '- '"
    if kind.name == "val":
        choices = get_args(get_args(tp)[0])
        return f"{name}: {choices[0]} (ett av {', '.join(str(c) for c in choices)})"
    if kind.name == "ar":
        return f"{name}: 2024"
    return f"{name}: {_EXAMPLES.get(kind.name, '…')}"


def missing(tp_example: Callable[[str], str]) -> Say:
    """The words for a key or list item written with nothing after it."""
    def say(w: Where) -> str:
        if w.item:
            return (f"{w.what} är en tom listrad (ett '-' utan något efter): skriv det som ska stå efter strecket, "
                    "eller ta bort raden")
        return (f"{w.what} saknar värde; skriv det som {tp_example(w.name)}, eller ta bort nyckeln om den inte "
                "behövs")
    return say
