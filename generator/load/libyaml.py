"""libyaml's scanner and parser (ruamel.yaml.clib, in C) under ruamel's composer and the loader's constructor.

ruamel's pure-Python scanner is most of the time it takes to read a file. When
ruamel.yaml.clib is installed, libyaml scans and parses instead, and its events go to the
same composer (which refuses anchors, aliases, tags, merge keys and deep nesting as it
meets them) and the same constructor: the same nodes with the same marks, so the same tree
with the same positions, several times faster.

This is a fast path, never a second opinion. Anything amiss (a syntax error, a refusal, a
duplicate key; libyaml's messages and marks differ from ruamel's) returns SLOW, and the
pure path reads the text again and says what is wrong exactly as it would have. Where the
two parsers are known to disagree (`UNLIKE`, `COMMENTED_KEY_TEXT`, `QUESTION_IN_FLOW`) the
text goes to the pure path; an empty value (`belopp:` in a year still to fill in), which
libyaml marks where its key ends and ruamel where the next key begins, is moved to ruamel's
place (`place_empty`).
tests/test_yaml_fast.py parses every YAML file of the project, and slips made in the
examples, both ways and compares the findings and the trees, every position included.
"""
from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.events import MappingEndEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode

try:
    from ruamel.yaml.cyaml import CParser
except ImportError:  # ruamel.yaml.clib not installed: every text takes the pure path
    CParser = None

SLOW = object()
# Where libyaml (YAML 1.1) and ruamel disagree about what is an error, found by comparing the two
# on mutated files: tabs, line breaks other than \n, a byte order mark, and a comment right after a
# block scalar's | or >. A text with any of them goes to the pure path, as if libyaml were not there.
UNLIKE = re.compile("[\t\r\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#")
# A key with a comment after it and its text on the lines below (`vision:  # ...` / `  Ingen ska ...`)
# followed by a blank line: ruamel fails on it ("overlap in comment"), libyaml reads it.
COMMENTED_KEY_TEXT = re.compile(r":[ \t]+#[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*"  # the key, its comment, blank lines
                                r"[ \t]+(?![ \t])(?![-\[{\"'#])(?![^\n]*:(?: |$))", re.MULTILINE)  # then text
# libyaml ends a plain scalar inside [ ] or { } at a "?" (YAML 1.1; 1.2 reads on): `{fraga: Till nytta?,
# andel: 0.9}` is an error to it. A line with [ or { and then a ? goes to the pure path without the try.
QUESTION_IN_FLOW = re.compile(r"^[^\n#]*[\[{][^\n]*\?", re.MULTILINE)


class Slow(Exception):
    """Something the fast path leaves to the pure path."""


def usable(text: str) -> bool:
    """Whether libyaml is installed and the text has nothing on which it and ruamel disagree."""
    return CParser is not None and not any(p.search(text) for p in (UNLIKE, COMMENTED_KEY_TEXT, QUESTION_IN_FLOW))


def as_ruamels(event: Any, parent: Any, index: Any) -> bool:
    """libyaml's event as ruamel's parser gives it; True for an empty value that `place_empty` moves."""
    if isinstance(event, ScalarEvent) and not event.style:
        event.style = None  # plain: '' from libyaml, None from ruamel (and a plain << is a merge key)
        if event.value == "":  # nothing written
            if getattr(parent, "flow_style", None) or index is None and isinstance(parent, MappingNode):
                raise Slow  # inside [ ] or { }, or a key: left to the pure path
            return isinstance(parent, MappingNode)  # an item of a list: both mark it after its -
    return False


def place_empty(node: Any, following: Any, text: str) -> None:
    """An empty value where ruamel marks it: where the next key, or the end of the block, begins;
    libyaml marks it where its key ends. Blank lines and comment lines may lie between; a comment
    on the key's own line moves ruamel's mark in ways not followed here, so that, anything else
    in between, or a '? ' key next is Slow."""
    if not isinstance(following, ScalarEvent | MappingEndEvent):
        raise Slow
    start, end = node.start_mark.index, following.start_mark.index
    own_line, _, below = text[start:end].partition("\n")
    if own_line.strip() or text[end:end + 1] == "?" or any(
            line.strip() and not line.lstrip().startswith("#") for line in below.split("\n")):
        raise Slow
    if end >= len(text) and not text.endswith("\n"):
        raise Slow  # the last line without its line break: libyaml adds one, ruamel does not
    node.start_mark = node.end_mark = following.start_mark


def tree(yaml: Any, text: str) -> Any:
    """The tree `yaml` (the loader's YAML, its composer calling `as_ruamels`) composes and
    constructs from libyaml's events; SLOW if anything at all goes wrong."""
    yaml._parser = CParser(text)  # the composer asks the YAML object for its parser
    try:
        return yaml.constructor.get_single_data()
    except Exception:
        return SLOW
