"""Canonical form of the data files (`finsam fmt`, `make fmt`).

    text, findings = canonical(text, "ar", "data/halland/2023.yaml")

`style` writes the file again through ruamel's round trip: two spaces per level, lists
indented like the examples, a string quoted (with ") only where YAML needs it or where it
would look like a number, amounts as plain digits; comments stay. `order` then puts the
keys of each block whose keys are the model's fields in the model's order, moving each
key's lines with the comments above them; blocks keyed by names or years keep the user's
order. `command` runs it over a förbund's files, in place or as a check.
"""
from __future__ import annotations

from .canon import KINDS, canonical

__all__ = ["KINDS", "canonical"]
