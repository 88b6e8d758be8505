"""libyaml's scanner and parser (ruamel.yaml.clib, in C) under ruamel's composer and the loader's constructor.

ruamel's pure-Python scanner is most of the time it takes to read a file. When
ruamel.yaml.clib is installed, libyaml scans and parses instead, and its events go to the
same composer (which refuses anchors, aliases, tags, merge keys and deep nesting as it
meets them) and the same constructor: the same nodes with the same marks, so the same tree
with the same positions, several times faster.

This is a fast path, never a second opinion. Anything amiss (a syntax error, a refusal, a
duplicate key; libyaml's messages and marks differ from ruamel's) returns SLOW, and the
pure path reads the text again and says what is wrong exactly as it would have. Where the
two parsers are known to disagree (`UNLIKE`, and an empty value, which they mark at different
places) the text goes to the pure path at once. tests/test_yaml_fast.py parses every YAML
file of the project, and slips made in the examples, both ways and compares the findings
and the trees, every position included.
"""
from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.events import ScalarEvent

try:
    from ruamel.yaml.cyaml import CParser
except ImportError:  # ruamel.yaml.clib not installed: every text takes the pure path
    CParser = None

SLOW = object()
# Where libyaml (YAML 1.1) and ruamel disagree about what is an error, found by comparing the two
# on mutated files: tabs, line breaks other than \n, a byte order mark, and a comment right after a
# block scalar's | or >. A text with any of them goes to the pure path, as if libyaml were not there.
UNLIKE = re.compile("[\t\r\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#")


class Slow(Exception):
    """Something the fast path leaves to the pure path."""


def usable(text: str) -> bool:
    """Whether libyaml is installed and the text has nothing on which it and ruamel disagree."""
    return CParser is not None and not UNLIKE.search(text)


def as_ruamels(event: Any) -> None:
    """libyaml's event as ruamel's parser gives it; Slow where the two differ."""
    if isinstance(event, ScalarEvent) and not event.style:
        if event.value == "":  # nothing written: libyaml marks it where the key ends, ruamel where the next begins
            raise Slow
        event.style = None  # plain: '' from libyaml, None from ruamel (and a plain << is a merge key)


def tree(yaml: Any, text: str) -> Any:
    """The tree `yaml` (the loader's YAML, its composer calling `as_ruamels`) composes and
    constructs from libyaml's events; SLOW if anything at all goes wrong."""
    yaml._parser = CParser(text)  # the composer asks the YAML object for its parser
    try:
        return yaml.constructor.get_single_data()
    except Exception:
        return SLOW
