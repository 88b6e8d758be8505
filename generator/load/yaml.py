"""Read YAML text into a tree of plain data that remembers the line and column of every value.

ruamel's round-trip loader constructs only maps, lists, strings, numbers and dates, and
records positions. On top of it:

* floats are kept as the text the user wrote (`FloatText`), so amounts become exact
  Decimals and never pass through binary floating point;
* integers not written in plain decimal digits (0x1F, 0777) and dates not in the calendar
  (2024-13-45) are kept as text, for the validators to explain;
* a key written with nothing after it is `EMPTY`, not None, so that an optional figure
  someone forgot to fill in is an error rather than a figure nobody entered;
* anchors, aliases, merge keys and tags are refused while the document is composed,
  before anything is constructed: each fact is written where it belongs, and nothing in a
  data file can ask for an object to be built;
* directives and invisible characters are refused before ruamel sees the text (`prescan`),
  and nesting deeper than MAX_DEPTH stops the composer at the line where it happens.

When ruamel.yaml.clib is installed, libyaml's C scanner and parser give ruamel's composer
its events (`libyaml`); whatever goes wrong there is read again by the pure path.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from ..chars import name_of
from ..findings import Finding, Pos, error, excerpt
from . import libyaml, prescan
from .prescan import MAX_DEPTH
from .syntax import explain


class FloatText(str):
    """A YAML float kept as the text the user wrote."""


class NotDecimalInt(str):
    """A YAML integer not written in plain decimal digits (0x1F, 0o17, 0b101, 0777), kept as text.

    YAML reads these as hexadecimal, octal or binary numbers; in a report they are far more
    likely a typing slip than meant, so they are refused where a number is expected.
    """


class BadDate(str):
    """A YAML date that is not in the calendar (2024-13-45), kept as text with the reason."""

    reason = ""


class _Empty:
    """A key or list item written with nothing after it."""

    def __repr__(self) -> str:
        return "EMPTY"


EMPTY = _Empty()
_NOT_DECIMAL = re.compile(r"^[+-]?0([xob]|\d)", re.IGNORECASE)


class _ExactConstructor(RoundTripConstructor):
    def construct_yaml_float(self, node: Any) -> Any:  # a FloatText
        return FloatText(node.value)

    def construct_yaml_int(self, node: Any) -> Any:
        if isinstance(node.value, str) and len(node.value) > 30:  # Python refuses over 4300 digits; no figure
            return FloatText(node.value)  # has 30: as text, the validators say it is too large
        if isinstance(node.value, str) and _NOT_DECIMAL.match(node.value.replace("_", "")):
            return NotDecimalInt(node.value)
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as exc:  # 2024-13-45: matches the date pattern, not the calendar
            bad = BadDate(node.value)
            bad.reason = str(exc)
            return bad

    def construct_yaml_null(self, node: Any) -> Any:  # EMPTY
        return EMPTY


_ExactConstructor.add_constructor("tag:yaml.org,2002:float", _ExactConstructor.construct_yaml_float)
_ExactConstructor.add_constructor("tag:yaml.org,2002:int", _ExactConstructor.construct_yaml_int)
_ExactConstructor.add_constructor("tag:yaml.org,2002:timestamp", _ExactConstructor.construct_yaml_timestamp)
_ExactConstructor.add_constructor("tag:yaml.org,2002:null", _ExactConstructor.construct_yaml_null)


class _Refused(Exception):
    """An anchor, alias, tag or merge key, met while composing; carries its finding."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def _mark_pos(path: str, mark: Any) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1) if mark is not None else Pos(path)


def _refusing_composer(shown: str, fast: str | None = None) -> type[Composer]:
    """`fast`: the text, when libyaml parses it."""
    class RefusingComposer(Composer):
        """Composes the document, refusing what these files do not use as it meets it."""

        # ruamel's composer asks the YAML object for these at every event, a frame inspection
        # each time: a third of composing. Both stay the same while a document is composed.
        parser = functools.cached_property(Composer.parser.fget)  # type: ignore[attr-defined]
        resolver = functools.cached_property(Composer.resolver.fget)  # type: ignore[attr-defined]

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            empty = fast is not None and libyaml.as_ruamels(event, parent, index)
            # A mapping's keys are composed with index None, its values with their key.
            problem = _special(event, is_key=isinstance(parent, MappingNode) and index is None)
            if problem:
                raise _Refused(error(problem[0], problem[1], _mark_pos(shown, event.start_mark)))
            node = super().compose_node(parent, index)
            if empty and fast is not None:
                libyaml.place_empty(node, self.parser.peek_event(), fast)
            return node

    return RefusingComposer


def _special(event: Any, is_key: bool) -> tuple[str, str] | None:
    if isinstance(event, AliasEvent):
        return ("E-ALIAS", f"*{excerpt(str(event.anchor))} upprepar ett värde från ett annat ställe i filen (ett "
                "YAML-alias); de här filerna använder inte ankare och alias: skriv ut värdet här")
    anchor = getattr(event, "anchor", None)
    if anchor:
        shown = excerpt(str(anchor))
        return ("E-ALIAS", f"&{shown} märker ett värde som ska upprepas på ett annat ställe (ett YAML-ankare); de "
                f"här filerna använder inte ankare och alias: ta bort &{shown} och skriv varje värde där det hör "
                "hemma")
    tag = getattr(event, "tag", None)
    if tag:
        shown_tag = excerpt(str(tag).replace("tag:yaml.org,2002:", "!!"))
        return ("E-TAG", f"{shown_tag} är en YAML-tagg, och de här filerna använder inga taggar: ta bort den och "
                'skriv värdet som det är (text som ska läsas som text sätts inom citattecken, som ort: "123")')
    if is_key and isinstance(event, ScalarEvent) and event.value == "<<" and event.style is None:
        return ("E-ALIAS", "<< (en YAML-sammanslagningsnyckel) kopierar nycklar från ett annat ställe; de här "
                'filerna använder den inte: skriv ut nycklarna här, eller sätt texten inom citattecken ("<<") om '
                "du menade den som text")
    return None


class _Resolver(VersionedResolver):
    """YAML 1.2's rules for plain scalars, always.

    ruamel looks the version up for every scalar, through an AttributeError when libyaml
    parses, and builds its table of rules anew for every text; a %YAML directive is refused
    before parsing (`prescan`), so the version is always 1.2 and one table serves every text."""

    _rules: dict[Any, Any] = {}  # shared on purpose: ruamel fills it once, for 1.2

    def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
        super().__init__(version, loader, loadumper)
        self._version_implicit_resolver = _Resolver._rules

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    @functools.cached_property
    def versioned_resolver(self) -> Any:
        return super().versioned_resolver


def _yaml(shown: str, fast: str | None = None) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.Constructor = _ExactConstructor
    yaml.Composer = _refusing_composer(shown, fast)
    yaml.allow_duplicate_keys = False
    # ruamel composes recursively: without a limit, 10 000 nested levels reach Python's recursion
    # limit after seconds and are reported at line 1; with it, reading stops at the 41st level.
    yaml.max_depth = MAX_DEPTH
    return yaml


def parse(text: str, shown: str) -> tuple[Any, list[Finding]]:
    """The tree of one YAML text, or None and a finding that says what is wrong and where.

    A text with no document at all (empty, or only comments) gives (None, []).
    """
    found = prescan.scan(text, shown)
    if found:
        return None, found
    if libyaml.usable(text):
        tree = libyaml.tree(_yaml(shown, fast=text), text)
        if tree is not libyaml.SLOW:
            return tree, []
    yaml = _yaml(shown)
    try:
        return yaml.load(text), []
    except _Refused as exc:
        return None, [exc.finding]
    except DuplicateKeyError as exc:
        return None, [_duplicate(exc, text, shown)]
    except MarkedYAMLError as exc:
        message, where = explain(exc, text)
        return None, [error("E-YAML", message, _mark_pos(shown, where))]
    except ReaderError as exc:
        return None, [_reader_error(exc, text, shown)]
    except TypeError as exc:  # a key that is itself a mapping or list ('? ' with lines below it)
        if "unhashable" not in str(exc):
            raise
        return None, [error("E-KEY", COMPLEX_KEY, _complex_key_pos(text, shown))]
    except Exception as exc:  # ruamel raises more kinds than it documents
        return None, [error("E-YAML", f"filen kunde inte läsas som YAML ({excerpt(str(exc))})", Pos(shown, 1, 1))]


def _duplicate(exc: DuplicateKeyError, text: str, shown: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    found = re.search(r'duplicate key "([^"]*)"', str(exc))
    name = found.group(1) if found else "?"
    first = _first_key_line(text, exc.context_mark, name) if found and exc.context_mark else None
    also = f" (den finns också på rad {first})" if first and mark is not None and first != mark.line + 1 else ""
    return error("E-DUPKEY", f'nyckeln "{excerpt(name)}" finns två gånger{also}: varje nyckel får finnas en gång; '
                 "ta bort den ena eller byt namn på den", _mark_pos(shown, mark))


COMPLEX_KEY = ("en nyckel måste vara ett vanligt namn, inte en lista eller ett block: ta bort [ ] eller { } (eller "
               "'? ' i början av raden) före kolonet")


def _complex_key_pos(text: str, shown: str) -> Pos:
    """Where the first key that is a mapping or a list starts."""
    stack = [YAML(typ="rt").compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for k, _v in node.value:
                if not isinstance(k, ScalarNode):
                    return _mark_pos(shown, k.start_mark)
            stack.extend(v for pair in reversed(node.value) for v in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
    return Pos(shown, 1, 1)


def _first_key_line(text: str, map_mark: Any, key: str) -> int | None:
    """The line of the first of two equal keys of the mapping that starts at map_mark."""
    try:
        root = YAML(typ="rt").compose(text)
    except Exception:
        return None
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            if (node.start_mark.line, node.start_mark.column) == (map_mark.line, map_mark.column):
                for k, _v in node.value:
                    if isinstance(k, ScalarNode) and k.value == key:
                        return int(k.start_mark.line) + 1
            stack.extend(v for pair in node.value for v in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None


def _reader_error(exc: ReaderError, text: str, shown: str) -> Finding:
    """A character YAML does not allow; `prescan` finds the ones people paste first, this is the rest."""
    if isinstance(exc.character, int) and isinstance(exc.position, int):
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return error("E-TECKEN", f"{name_of(chr(exc.character))}, ett tecken som YAML inte tillåter; ta bort "
                     "tecknet (det följer ofta med text som kopierats från ett annat program)", Pos(shown, line, col))
    return error("E-YAML", f"filen kunde inte läsas som YAML ({excerpt(str(exc))})", Pos(shown, 1, 1))
