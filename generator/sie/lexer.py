"""One line of an SIE file → its label and fields, with the column where each begins.

SIE 4 (SIE-gruppen, "SIE filformat ver 4B", 2008), section 5: fields are separated by
spaces or tabs; a field with spaces is written in quotation marks, inside which a
quotation mark is written \\" (and a backslash \\\\); an object list is written in braces,
{1 "100" 6 "P1"}, and is one field. A line that is not well formed gives the column where
it went wrong and what was expected instead.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    text: str  # the field's value, quotes removed and escapes resolved
    col: int  # 1-based column where it begins
    objects: tuple[str, ...] | None = None  # for an object list: its items; else None


@dataclass(frozen=True)
class Line:
    label: str  # "#KONTO", or "{" / "}" around a verifikation's rows
    fields: tuple[Field, ...]
    number: int  # 1-based line number


class LexError(ValueError):
    def __init__(self, col: int, message: str) -> None:
        super().__init__(message)
        self.col = col
        self.message = message


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The quoted field beginning at text[start] == '"', and the index after its end."""
    out, i = [], start + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            out.append(text[i + 1])
            i += 2
        elif char == '"':
            return "".join(out), i + 1
        else:
            out.append(char)
            i += 1
    raise LexError(start + 1, 'citattecknet öppnas men stängs aldrig: avsluta fältet med "')


def _plain(text: str, start: int) -> tuple[str, int]:
    end = start
    while end < len(text) and text[end] not in ' \t"{}':
        end += 1
    return text[start:end], end


def _objects(text: str, start: int) -> tuple[tuple[str, ...], int]:
    """The object list beginning at text[start] == '{'."""
    items: list[str] = []
    i = start + 1
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            raise LexError(start + 1, "objektlistan öppnas med { men stängs aldrig: avsluta den med }")
        if text[i] == "}":
            return tuple(items), i + 1
        if text[i] == "{":
            raise LexError(i + 1, "en objektlista kan inte innehålla en annan: ta bort {")
        item, i = _quoted(text, i) if text[i] == '"' else _plain(text, i)
        items.append(item)


def split(text: str, number: int) -> Line:
    """The label and fields of one line (without its line break); raises LexError."""
    if text.strip(" \t") in ("{", "}"):  # the braces around a verifikation's rows
        return Line(text.strip(" \t"), (), number)
    fields: list[Field] = []
    i = 0
    while i < len(text):
        if text[i] in " \t":
            i += 1
            continue
        col = i + 1
        if text[i] == '"':
            value, i = _quoted(text, i)
            fields.append(Field(value, col))
        elif text[i] == "{":
            items, i = _objects(text, i)
            fields.append(Field("", col, items))
        else:
            value, i = _plain(text, i)
            if not value:
                raise LexError(col, f"oväntat tecken {text[i]!r}: sätt fältet inom citattecken")
            fields.append(Field(value, col))
        if i < len(text) and text[i] not in " \t" and fields[-1].objects is None and text[col - 1] == '"':
            raise LexError(i + 1, "ett fält inom citattecken måste följas av mellanslag")
    label = fields[0].text if fields else ""
    return Line(label, tuple(fields[1:]), number)
