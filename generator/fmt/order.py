"""The keys of each model object in the model's order, moved as lines with their comments.

ruamel attaches a comment to the key above it; a person writes it about the key below.
So the keys are moved here as text: each key of a block takes its own lines, everything
indented under it, and the comment and blank lines just above it. The comment lines above
a block's first key stay where they are (at the top of a file, they are its heading).
One block is put in order at a time and the text read again, until every block is.
"""
from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

from . import walk

MAX_PASSES = 10_000  # far more blocks than any file has; a guard, never reached


def reorder(text: str, cls: type) -> str:
    """The text with every block of a model object's keys in the model's order."""
    for _ in range(MAX_PASSES):
        found = _first_unsorted(YAML(typ="rt").load(text), cls)
        if found is None:
            break
        text = "".join(_sorted_lines(text.splitlines(keepends=True), *found))
    return text


def _first_unsorted(tree: Any, cls: type) -> tuple[Any, list[str]] | None:
    for mapping, names in walk.fixed_mappings(tree, cls):
        keys = list(mapping)
        if not mapping.fa.flow_style() and keys != sorted(keys, key=lambda k: walk.rank(k, names)):
            return mapping, names
    return None


def _loose(line: str) -> bool:
    """A blank line or a comment line: it belongs to the key below it."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _end(lines: list[str], last: int, col: int) -> int:
    """The line after the block whose last key is on line `last` (comment lines after it excluded)."""
    end = last + 1
    for i in range(last + 1, len(lines)):
        if _loose(lines[i]):
            continue
        if _indent(lines[i]) <= col:
            break
        end = i + 1
    return end


def _sorted_lines(lines: list[str], mapping: Any, names: list[str]) -> list[str]:
    keys = list(mapping)
    starts = [mapping.lc.key(k)[0] for k in keys]
    col = mapping.lc.key(keys[0])[1]
    begins = [starts[0]]
    for i in range(1, len(keys)):
        begin = starts[i]
        while begin - 1 > starts[i - 1] and _loose(lines[begin - 1]):
            begin -= 1
        begins.append(begin)
    end = _end(lines, starts[-1], col)
    # An item of a list starts with its `- ` on the first key's line: it stays first.
    prefix = lines[starts[0]][:col]
    body = lines[:]
    body[starts[0]] = " " * col + body[starts[0]][col:]
    bounds = list(zip(begins, [*begins[1:], end], starts, strict=True))
    entries = {k: bounds[i] for i, k in enumerate(keys)}
    out: list[str] = []
    for n, key in enumerate(sorted(keys, key=lambda k: walk.rank(k, names))):
        begin, stop, start = entries[key]
        chunk = body[begin:stop]
        if n == 0:
            chunk[start - begin] = prefix + chunk[start - begin][col:]
        out += chunk
    return lines[: starts[0]] + out + lines[end:]
