"""The file written again by ruamel's round trip, in one style: indentation, quoting, numbers.

What ruamel keeps: comments where they stood, block texts (`>-`, `|`) as they are folded,
flow rows (`{text: …, belopp: …}`) on one line. What is decided here:

* two spaces per level, and a list's `- ` two spaces in from its key, as the examples;
* a string plain where YAML reads it back as the same text, else in double quotes; a
  string that starts like a number (`"222000-2857"`) is quoted too, so it reads as text;
* integers as plain digits (`1_234_567` → 1234567, `+5` → 5), decimals without `_`;
* a comment line indented as the line below it;
* the keys of a one-line block (`{belopp: 5, text: X}`) in the model's order.
"""
from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.representer import RoundTripRepresenter

from . import walk

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
_NUMBER_LIKE = re.compile(r"^[-+.]?\d")


class Decimaltal(str):
    """A decimal number as its digits, written back plain (never through a binary float)."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_float(self, node: Any) -> Any:
        return Decimaltal(node.value.replace("_", "").removeprefix("+"))

    def construct_yaml_int(self, node: Any) -> Any:
        value = super().construct_yaml_int(node)
        return value if isinstance(value, bool) else int(value)


_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


class _Representer(RoundTripRepresenter):
    def represent_decimaltal(self, data: Decimaltal) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:float", str(data))


_Representer.add_representer(Decimaltal, _Representer.represent_decimaltal)


class _Emitter(Emitter):
    """Double quotes where quotes are needed, and for text that starts like a number."""

    def choose_scalar_style(self) -> Any:
        if self.event.tag == NULL and not self.event.value and (self.flow_level or self.simple_key_context):
            # An empty value inside {…} (a new year's `belopp:` to fill in) is written `null`:
            # ruamel would write `!!null ""`, a tag, which the loader refuses.
            self.event.value = "null"
            self.analysis = None
            return ""
        style = super().choose_scalar_style()
        if style == "'" or style == "" and self.event.tag == STR and _NUMBER_LIKE.match(self.event.value or ""):
            return '"'
        return style


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.Emitter = _Emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long line: where a line breaks is the author's
    yaml.preserve_quotes = False
    return yaml


def restyle(text: str, cls: type) -> str:
    """The text written again in the canonical style (key order of block mappings aside)."""
    yaml = _yaml()
    tree = yaml.load(text)
    for mapping, names in walk.fixed_mappings(tree, cls):
        if mapping.fa.flow_style():
            _sort(mapping, names)
    out = io.StringIO()
    yaml.dump(tree, out)
    return indent_comments(out.getvalue())


def indent_comments(text: str) -> str:
    """Each comment line indented as the line it stands above (ruamel keeps the column it had).

    Comment lines at the end of the file keep their place. (A line starting with # inside a
    `|` text would be re-indented too and change the text; `canon` then sees the change and
    leaves the file as it was.)
    """
    lines = text.splitlines(keepends=True)
    below = ""
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].lstrip(" ")
        if stripped.startswith("#") and below:
            lines[i] = " " * (len(below) - len(below.lstrip(" "))) + stripped
        elif stripped.strip():
            below = lines[i]
    return "".join(lines)


def _sort(mapping: CommentedMap, names: list[str]) -> None:
    for key in sorted(mapping, key=lambda k: walk.rank(k, names)):
        mapping.move_to_end(key)
