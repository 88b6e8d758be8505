"""Load YAML into the model, keeping the source position of every value.

YAML is read with ruamel's round-trip loader, which constructs only plain data (maps,
lists, strings, numbers, dates: no arbitrary objects) and records line and column. Floats
are kept as their source text so amounts become exact Decimals, never binary floats.

Amounts (kronor): a YAML number, whole or with at most two decimals (öre):
`19847560`, `-2812499`, `2611000.00`, `1234.5`. Underscores group digits if you like
(`19_847_560`). Text such as "19 847 560" or "1 234,50" is refused with a message that
shows how to write it; so is a third decimal, since the bookkeeping has no part of an öre.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, Union, get_args, get_origin

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scalarint import BinaryInt, HexInt, OctalInt, ScalarInt

from .findings import Finding, Pos, UnusableInput, error
from .model import INTERNAL_FIELDS, TAL, Ar, Forbund, Node, PMap


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


_NOT_DECIMAL = re.compile(r"^[+-]?0([xob]|\d)", re.IGNORECASE)


class _ExactConstructor(RoundTripConstructor):
    def construct_yaml_float(self, node):  # noqa: D102 - ruamel hook
        return FloatText(node.value)

    def construct_yaml_int(self, node):  # noqa: D102 - ruamel hook
        if isinstance(node.value, str) and _NOT_DECIMAL.match(node.value.replace("_", "")):
            return NotDecimalInt(node.value)
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node, values=None):  # noqa: D102 - ruamel hook
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as exc:  # 2024-13-45: matches the date pattern, not the calendar
            bad = BadDate(node.value)
            bad.reason = str(exc)
            return bad


_ExactConstructor.add_constructor("tag:yaml.org,2002:float", _ExactConstructor.construct_yaml_float)
_ExactConstructor.add_constructor("tag:yaml.org,2002:int", _ExactConstructor.construct_yaml_int)
_ExactConstructor.add_constructor("tag:yaml.org,2002:timestamp", _ExactConstructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _ExactConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def _mark_pos(path: str, mark) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1) if mark is not None else Pos(path)


def _refuse_special(yaml: YAML, text: str, shown: str) -> None:
    """Refuse anchors, aliases, tags and merge keys before anything is constructed.

    They are legal YAML but have no place in these files: an alias makes one fact stand
    in two places, and a tag (`!!python/object`, `!!binary`, `!mytag`) asks for a type the
    model does not have. Only the parser's events are looked at here, so nothing in the
    file is ever built, let alone run.
    """
    for event in yaml.parse(text):
        pos = _mark_pos(shown, event.start_mark)
        if isinstance(event, AliasEvent):
            raise UnusableInput([error(
                "E-ALIAS", f"*{event.anchor} repeats a value from elsewhere in the file (a YAML alias); "
                "these files do not use anchors and aliases: write the value out here", pos)])
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise UnusableInput([error(
                "E-ALIAS", f"&{anchor} marks a value to be repeated elsewhere (a YAML anchor); these files do "
                f"not use anchors and aliases: remove &{anchor} and write each value where it belongs", pos)])
        tag = getattr(event, "tag", None)
        if tag:
            shown_tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise UnusableInput([error(
                "E-TAG", f"{shown_tag} is a YAML tag, and these files do not use tags: remove it and write "
                'the value plainly (put text in quotes, like ort: "123")', pos)])
        if isinstance(event, ScalarEvent) and event.value == "<<" and event.style is None:
            raise UnusableInput([error(
                "E-ALIAS", "<< (a YAML merge key) copies keys from elsewhere; these files do not use it: "
                'write the keys out here, or put the text in quotes ("<<") if you meant it as text', pos)])


def _line_text(text: str, mark) -> str:
    lines = text.splitlines()
    return lines[mark.line] if mark is not None and mark.line < len(lines) else ""


def _where(mark) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _explain_syntax(exc: MarkedYAMLError, text: str) -> tuple[str, object]:
    """A YAML syntax error in words for the person who typed the file, and where to look."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    pmark, cmark = exc.problem_mark, exc.context_mark
    if "'\\t'" in problem:
        return ("a tab character here: YAML needs spaces, both for indentation and after a colon; "
                "replace the tab with spaces", pmark)
    found = re.search(r"found character '(.+)' that cannot start any token", problem)
    if found:
        ch = found.group(1)
        return (f"a value cannot start with {ch}: put the whole value in quotes, "
                f'like text: "{ch}…"', pmark)
    if context.startswith("while parsing a flow"):
        opener, closer = ("{", "}") if "mapping" in context else ("[", "]")
        if "<stream end>" in problem or (cmark is not None and pmark is not None and pmark.line != cmark.line):
            return (f"the {opener} opened here is never closed: end it with {closer} on the same line "
                    f"(YAML noticed at {_where(pmark)})", cmark)
        if "got ':'" in problem:
            return (f"a colon inside {opener} {closer} separates a key from its value: put text that "
                    'contains a colon in quotes, like {text: "Avgifter: kurser", belopp: -1200}', pmark)
        return (f"unexpected text inside {opener} {closer}: separate the items with commas, and put text "
                f"that contains a comma, colon or quote in quotes", pmark)
    if "quoted scalar" in context:
        if "end of stream" in problem or "end of document" in problem:
            return ("the quote that starts here is never closed: end the text with the same kind of quote "
                    "(\" or \')", cmark)
        if "escape character" in problem:
            return ('a backslash inside "double quotes" starts an escape: use \'single quotes\' instead, '
                    "or write the backslash twice", pmark)
    if problem == "mapping values are not allowed here":
        before = _line_text(text, pmark)[: pmark.column] if pmark is not None else ""
        above = _line_above(text, pmark) if pmark is not None else None
        if above is not None and ":" not in before:
            line, column = above
            prev = text.splitlines()[line - 1].split(" #")[0].rstrip()
            if re.search(r"[^\s:]:[^\s:/]", prev) and not re.search(r":(\s|$)", prev):
                return ("a colon must be followed by a space: write key: value (YAML read this line and the "
                        "next as one text)", _Mark(line - 1, column - 1))
            if not re.search(r":(\s|$)", prev) and not prev.lstrip().startswith("- "):
                return ("this line has no ':' after its key: write key: value (YAML read it together with "
                        "the next line)", _Mark(line - 1, column - 1))
        if re.search(r":\s", before) or before.rstrip().endswith(":"):
            return ("a second ': ' on this line: a value that contains a colon followed by a space must be "
                    'put in quotes, like ort: "Halmstad: centrum"', pmark)
        return ("unexpected ':' here: this line is probably indented more than the key above it; keys at "
                "the same level must start in the same column", pmark)
    if "could not find expected ':'" in problem:
        return ("this line has no ':' after its key: write key: value, or, if it continues the text on "
                "the line above, indent it further than that line's key", cmark or pmark)
    if problem.startswith("expected <block end>"):
        start = f" (the block that starts at {_where(cmark)})" if cmark is not None else ""
        if "'-'" in problem or "block sequence start" in problem:
            return ("a list item ('- ') where key: value lines are expected" + start + "; check the "
                    "indentation: a block is either all key: value lines or all '- ' items", pmark)
        if "block mapping start" in problem:
            above = _line_above(text, pmark)
            if above is not None:
                line, column = above
                start = (f": it starts in column {pmark.column + 1}, but line {line}, above it, starts in "
                         f"column {column}")
            return ("this line is indented differently from the lines above it" + start + "; keys at the "
                    "same level must start in the same column", pmark)
        if "'?'" in problem:
            return ("a list item ('- ') where key: value lines are expected" + start + "; a block is "
                    "either all key: value lines or all '- ' items", pmark)
        return ("unexpected text after the value: if the value contains quotes or special characters, put "
                "the whole value in quotes; otherwise check the indentation" + start, pmark)
    if "expected a single document" in context or "another document" in problem:
        return ("a second document starts here (---): a file holds one document; remove the --- line, "
                "or move what follows it into its own file", pmark)
    detail = f"{problem} ({context})" if context and problem else problem or context or "invalid YAML"
    return (f"YAML syntax error: {detail}", pmark or cmark)


@dataclasses.dataclass(frozen=True)
class _Mark:
    """A 0-based place, like ruamel's marks, for positions the loader works out itself."""

    line: int
    column: int


def _line_above(text: str, mark) -> tuple[int, int] | None:
    """Line number and first column of the nearest line above the mark that holds a key or item."""
    lines = text.splitlines()
    for n in range(min(mark.line, len(lines)) - 1, -1, -1):
        stripped = lines[n].lstrip(" ")
        if stripped and not stripped.startswith("#"):
            return n + 1, len(lines[n]) - len(stripped) + 1
    return None


def _first_key_line(yaml: YAML, text: str, map_mark, key: str) -> int | None:
    """The line of the first of two equal keys of the mapping that starts at map_mark."""
    try:
        root = yaml.compose(text)
    except Exception:  # noqa: BLE001 - only a nicety for the message
        return None
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            if (node.start_mark.line, node.start_mark.column) == (map_mark.line, map_mark.column):
                for k, _v in node.value:
                    if isinstance(k, ScalarNode) and k.value == key:
                        return k.start_mark.line + 1
            stack.extend(v for pair in node.value for v in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None


def read_yaml(path: Path, shown: str) -> object:
    """Parse one YAML file; raise UnusableInput with a positioned finding on any fault."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnusableInput([error("E-READ", f"cannot read the file: {exc.strerror}", Pos(shown))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        # Columns count characters, as editors do, not bytes: å, ä and ö are two bytes each.
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", errors="replace")) + 1
        hint = ""
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            hint = " (it is saved as UTF-16)"
        elif raw[exc.start] in b"\xc4\xc5\xd6\xe4\xe5\xf6\xe9":
            hint = " (it looks like Latin-1 or Windows-1252: å, ä, ö are stored differently there)"
        raise UnusableInput([error(
            "E-UTF8",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}){hint}; "
            "save it as UTF-8 in your editor",
            Pos(shown, line, col))])
    yaml = _yaml()
    try:
        _refuse_special(yaml, text, shown)
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if isinstance(exc, DuplicateKeyError) or "duplicate key" in str(exc):
            key = re.search(r'duplicate key "([^"]*)"', str(exc))
            name = key.group(1) if key else "?"
            first = _first_key_line(yaml, text, exc.context_mark, name) if key and exc.context_mark else None
            also = f" (it is also at line {first})" if first and first != mark.line + 1 else ""
            msg = f'duplicate key "{name}"{also}: each key may appear once; remove or rename one of them'
            raise UnusableInput([error("E-DUPKEY", msg, _mark_pos(shown, mark))])
        message, where = _explain_syntax(exc, text)
        raise UnusableInput([error("E-YAML", message, _mark_pos(shown, where))])
    except ReaderError as exc:
        if isinstance(exc.character, int) and isinstance(exc.position, int):
            before = text[: exc.position]
            line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
            raise UnusableInput([error(
                "E-YAML", f"an invisible control character (U+{exc.character:04X}) that YAML does not allow; "
                "delete it (it often comes with text copied from another program)", Pos(shown, line, col))])
        raise UnusableInput([error("E-YAML", f"YAML could not be read: {exc}", Pos(shown, 1, 1))])
    except UnusableInput:
        raise
    except Exception as exc:  # ruamel raises a few unmarked errors on odd input
        raise UnusableInput([error("E-YAML", f"YAML could not be read: {exc}", Pos(shown, 1, 1))])
    return data


# --- Building dataclasses from the YAML tree ---------------------------------------

_AMOUNT = re.compile(r"^[+-]?\d+(\.\d{1,2})?$")
# Choices people write for a Literal value, and what the model calls them.
_CHOICE_ALIASES = {"mkr": "mnkr", "msek": "mnkr", "miljoner kronor": "mnkr", "ksek": "tkr", "tsek": "tkr",
                   "tusen kronor": "tkr", "sek": "kr", "kronor": "kr", "stat": "staten", "landsting": "region"}
_MONTHS = {name: i + 1 for i, name in enumerate((
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december"))}


def _example(name: str, tp) -> str:
    """How a key of this type is written, for messages that ask the user to add or fill it in."""
    if get_origin(tp) is Annotated:
        base, *meta = get_args(tp)
        if base is PMap:
            return f"{name}: followed by indented key: value lines"
        tp = base
    if get_origin(tp) in (Union, types.UnionType):
        options = [o for o in get_args(tp) if o is not type(None)]
        if any(dataclasses.is_dataclass(o) for o in options) and Decimal in options:
            return f"{name}: -1234567 (an amount), or {name}: with rader: below it for a note"
        tp = options[0]
    if get_origin(tp) is Literal:
        return f"{name}: {get_args(tp)[0]} (one of {', '.join(str(c) for c in get_args(tp))})"
    if get_origin(tp) is tuple:
        return f"{name}: followed by indented lines starting with '- '"
    if dataclasses.is_dataclass(tp):
        return f"{name}: followed by indented key: value lines"
    return {Decimal: f"{name}: 1234567", int: f"{name}: {2024 if name == 'ar' else 5}",
            str: f"{name}: …", bool: f"{name}: true", dt.date: f"{name}: 2024-03-08"}.get(tp, f"{name}: …")


def _accepts_none(tp) -> bool:
    """Whether an empty value (`key:` with nothing after it) is a valid value of this type."""
    if get_origin(tp) is Annotated:
        base = get_args(tp)[0]
        return base is PMap or _accepts_none(base)
    # An optional field left empty is almost always a figure someone forgot to fill in;
    # counting it as absent would surface later as an unbalanced balance sheet instead
    # of here. Only a list or a mapping may be empty.
    return get_origin(tp) is tuple


def _scalar_text(value) -> str:
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


def _is_collection(value) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq, list, dict, set))


def _complex_key(key) -> bool:
    """A key YAML built from [..] or {..} (or `? ` lines): never a valid name here."""
    return isinstance(key, (tuple, frozenset, dict, list))


_COMPLEX_KEY = ("a key must be a plain name, not a list or mapping: remove the [ ] or { } (or the '? ' line) "
                "before the colon")


def _describe(value) -> str:
    if isinstance(value, (CommentedMap, dict)):
        return "a mapping (key: value lines)"
    if isinstance(value, (CommentedSeq, list, set)):
        return "a list (- lines)"
    if value is None:
        return "nothing"
    if isinstance(value, (bool, dt.date, TaggedScalar)):
        return _scalar_text(value)
    if isinstance(value, (str, FloatText)):
        return repr(str(value))
    if isinstance(value, int):
        return str(int(value))
    return "a value of another kind"


def _swedish_date(text: str) -> dt.date | None:
    """'8 mars 2024', '8/3 2024', '2024.03.08', '20240308' as a date, when it is one."""
    t = " ".join(text.lower().replace(",", " ").split())
    m = re.fullmatch(r"(\d{1,2})\.? ([a-zåäö]+) (\d{4})", t)
    try:
        if m and m.group(2) in _MONTHS:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        m = re.fullmatch(r"(\d{4})[./](\d{1,2})[./](\d{1,2})", t) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[ ./-](\d{4})", t)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})[ t]", t)  # a date with a time of day
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


def _plain_digits(value: str) -> str:
    """0777 → 777, 0x1F → 31: what a non-decimal YAML integer was probably meant to be, or means."""
    text = value.replace("_", "")
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("+-")
    if body[:2].lower() in ("0x", "0o", "0b"):
        try:
            return str(int(text, 0))
        except ValueError:
            return ""
    return sign + (body.lstrip("0") or "0")


class Builder:
    """Walks the YAML tree against the model's type hints, collecting findings."""

    def __init__(self, path: str):
        self.path = path
        self.findings: list[Finding] = []

    def fail(self, code: str, message: str, pos: Pos):
        self.findings.append(error(code, message, pos))
        return _INVALID

    # Positions ----------------------------------------------------------------------
    def _pos(self, line0: int, col0: int) -> Pos:
        return Pos(self.path, line0 + 1, col0 + 1)

    def node_pos(self, node) -> Pos:
        lc = getattr(node, "lc", None)
        if lc is None or lc.line is None:
            return Pos(self.path)
        return self._pos(lc.line, lc.col)

    def value_pos(self, parent, key) -> Pos:
        """Where a value stands; for a block of lines under a key, the key's line.

        `balansrakning:` followed by indented lines is reported at `balansrakning:`, not at
        its first line, so a finding about the whole block points at its name.
        """
        try:
            if isinstance(parent, CommentedSeq):
                return self._pos(*parent.lc.item(key))
            item = parent[key]
            if item is None:  # `key:` with nothing after it: ruamel's value mark is on a later line
                return self.key_pos(parent, key)
            if isinstance(item, (CommentedMap, CommentedSeq)) and len(item) and not item.fa.flow_style():
                return self.key_pos(parent, key)
            return self._pos(*parent.lc.value(key))
        except (KeyError, TypeError, IndexError, AttributeError):
            return self.node_pos(parent)

    def key_pos(self, parent, key) -> Pos:
        try:
            return self._pos(*parent.lc.key(key))
        except (KeyError, TypeError, AttributeError):
            return self.node_pos(parent)

    # Values -------------------------------------------------------------------------
    def build(self, tp, value, pos: Pos, what: str):
        if value is None and not _accepts_none(tp):
            if what.endswith("]"):
                return self.fail("E-MISSING", f"{what} is an empty list item (a '-' with nothing after it): write "
                                 "the item after the dash, or delete the line", pos)
            name = what.rsplit(".", 1)[-1]
            return self.fail("E-MISSING", f"{what} has no value; write it like {_example(name, tp)}, "
                             "or remove the key if it is optional", pos)
        origin = get_origin(tp)
        if origin is Annotated:
            base, *meta = get_args(tp)
            if base is PMap:
                return self.build_map(meta[0], meta[1], value, pos, what)
            if TAL in meta:  # a share or a key number: not kronor, so no öre rule
                return self.amount(value, pos, what, kronor=False)
            return self.build(base, value, pos, what)
        if origin in (Union, types.UnionType):
            return self.build_union(get_args(tp), value, pos, what)
        if origin is Literal:
            return self.choice(get_args(tp), value, pos, what)
        if origin is tuple:
            return self.build_list(get_args(tp)[0], value, pos, what)
        if dataclasses.is_dataclass(tp):
            return self.build_dataclass(tp, value, pos, what)
        if tp is Decimal:
            return self.amount(value, pos, what)
        if tp is int:
            return self.whole(value, pos, what)
        if tp is bool:
            if isinstance(value, bool):
                return value
            said = _scalar_text(value).strip().lower() if not _is_collection(value) else ""
            hint = ("; write true" if said in ("ja", "yes", "on", "y", "1", "sant") else
                    "; write false" if said in ("nej", "no", "off", "n", "0", "falskt") else "")
            return self.fail("E-TYPE", f"{what} must be true or false, not {_describe(value)}{hint}", pos)
        if tp is str:
            if isinstance(value, str) and not isinstance(value, FloatText):
                if not value.strip():
                    return self.fail("E-EMPTY", f"{what} is empty; write the text or remove the key", pos)
                return str(value)
            if _is_collection(value):
                return self.fail("E-TYPE", f"{what} must be text, not {_describe(value)}; for text over several "
                                 f"lines write {what.rsplit('.', 1)[-1]}: >- and indent the lines below it", pos)
            return self.fail("E-TYPE", f'{what} must be text, not {_describe(value)}; put it in quotes: '
                             f'"{_scalar_text(value)}"', pos)
        if tp is dt.date:
            return self.date(value, pos, what)
        raise TypeError(f"model type {tp!r} has no loader")  # a programming error, not input

    def choice(self, choices, value, pos, what):
        if value in choices:
            return value
        listed = ", ".join(str(c) for c in choices)
        said = " ".join(_scalar_text(value).lower().split()) if not _is_collection(value) else ""
        by_case = [str(c) for c in choices if str(c).lower() == said]
        alias = _CHOICE_ALIASES.get(said)
        close = by_case or ([alias] if alias in choices else []) or \
            difflib.get_close_matches(said, [str(c) for c in choices], n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        return self.fail("E-CHOICE", f"{what} must be one of {listed}, not {_describe(value)}{hint}", pos)

    def build_union(self, options, value, pos, what):
        options = [o for o in options if o is not type(None)]
        if value is None:
            return None
        if len(options) == 1:
            return self.build(options[0], value, pos, what)
        # Linje = Decimal | Post: a scalar is an amount, a mapping a line with its note.
        dataclass_opts = [o for o in options if dataclasses.is_dataclass(o)]
        if isinstance(value, CommentedMap) and dataclass_opts:
            return self.build(dataclass_opts[0], value, pos, what)
        if isinstance(value, CommentedSeq) and dataclass_opts:
            name = what.rsplit(".", 1)[-1]
            return self.fail("E-TYPE", f"{what} must be an amount, or a note with its rows under rader:, not a list "
                             f"(- lines) directly below {name}:; write rader: on the line after {name}: and indent "
                             "the rows below it", pos)
        scalar_opts = [o for o in options if not dataclasses.is_dataclass(o)]
        return self.build(scalar_opts[0], value, pos, what)

    def whole(self, value, pos: Pos, what: str):
        if isinstance(value, int) and not isinstance(value, bool) and not isinstance(value, (OctalInt, HexInt, BinaryInt)):
            return int(value)
        if isinstance(value, NotDecimalInt):
            return self.fail("E-TYPE", f"{what}: {value} is not a plain whole number (YAML reads a number that starts "
                             f"with 0, 0x, 0o or 0b in another number system); write it in plain digits without a "
                             f"leading zero, like {_plain_digits(value)}", pos)
        hint = ""
        if isinstance(value, str) and not _is_collection(value):
            text = value.strip().replace("_", "")
            try:
                number = Decimal(text)
            except ArithmeticError:
                number = None
            if number is not None and number.is_finite() and number == number.to_integral_value():
                hint = f"; write {int(number)}" + ("" if isinstance(value, FloatText) else " without quotes")
            elif number is not None and number.is_finite():
                hint = "; it cannot have decimals"
            else:
                hint = "; write it in digits"
        return self.fail("E-TYPE", f"{what} must be a whole number, not {_describe(value)}{hint}", pos)

    def date(self, value, pos: Pos, what: str):
        if isinstance(value, BadDate):
            return self.fail("E-DATE", f"{what}: {value} is not a date in the calendar ({value.reason}); write "
                             "YYYY-MM-DD with the month first, for example 2024-03-08", pos)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        guess = _swedish_date(_scalar_text(value)) if not _is_collection(value) else None
        hint = f"; write {guess.isoformat()}" if guess else ""
        return self.fail("E-DATE", f"{what} must be a date written YYYY-MM-DD (for example 2024-03-08), "
                         f"not {_describe(value)}{hint}", pos)

    def amount(self, value, pos: Pos, what: str, kronor: bool = True):
        kind = "an amount in kronor" if kronor else "a number"
        example = "for example 19847560 or 1234.50" if kronor else "for example 0.15"
        if isinstance(value, bool):
            return self.fail("E-AMOUNT", f"{what} must be {kind}, not {_describe(value)} (true and false are yes-or-no "
                             f"values); write the figure in digits, {example}", pos)
        if isinstance(value, (NotDecimalInt, OctalInt, HexInt, BinaryInt)):
            return self.fail("E-AMOUNT", f"{what}: {_scalar_text(value)} is not written in plain digits (YAML reads a "
                             f"number that starts with 0, 0x, 0o or 0b in another number system); write it without "
                             f"the leading zero or prefix, like {_plain_digits(str(value))}", pos)
        if isinstance(value, (int, ScalarInt)):
            return Decimal(int(value))
        if isinstance(value, FloatText):
            text = value.replace("_", "")
            if _AMOUNT.match(text):
                return Decimal(text)
            try:
                number = Decimal(text)
            except ArithmeticError:
                number = None
            if number is not None and number.is_finite() and not kronor:
                return number
            if re.match(r"^[+-]?\d+\.\d{3,}$", text):
                thousands = (f", or {text.replace('.', '')} if the point separates thousands"
                             if re.match(r"^[+-]?\d{1,3}\.\d{3}$", text) else "")
                return self.fail("E-AMOUNT", f"{what}: {value} has more than two decimals; amounts are kronor with at "
                                 f"most öre: write {Decimal(text).quantize(Decimal('0.01'))} for kronor and öre"
                                 f"{thousands}", pos)
            if number is not None and number.is_finite():
                return self.fail("E-AMOUNT", f"{what}: write {value} as plain digits: {number:f}", pos)
            return self.fail("E-AMOUNT", f"{what}: {value} is not an amount; write kronor as digits, {example}", pos)
        if isinstance(value, str) and not isinstance(value, TaggedScalar):
            return self.amount_text(str(value), kronor, pos, what)
        return self.fail("E-AMOUNT", f"{what} must be {kind}, not {_describe(value)}", pos)

    def amount_text(self, value: str, kronor: bool, pos: Pos, what: str):
        """An amount that YAML read as text: say what to write instead."""
        compact = value.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\u2212", "-")
        compact = compact.replace("\u2013", "-").strip()
        percent = re.fullmatch(r"([+-]?\d+(?:[.,]\d+)?)\s*%", compact)
        if percent:
            share = Decimal(percent.group(1).replace(",", ".")) / 100
            return self.fail("E-AMOUNT", f'{what}: "{value}" is text; write a share as a decimal fraction, without %: '
                             f"{share.normalize():f}", pos)
        bare = re.sub(r"\s*(kr|kronor|sek|:-)\.?$", "", compact, flags=re.IGNORECASE)
        digits = bare.replace(" ", "")
        if re.fullmatch(r"[+-]?\d+([.,]\d+)?", digits) and (kronor or "," in digits or digits != value):
            fix = digits.replace(",", ".")
            how = []
            if " " in bare:
                how.append("without spaces")
            if "," in digits:
                how.append("with a decimal point instead of the comma")
            if bare != compact:
                how.append("without the unit")
            how.append("without quotes")
            return self.fail("E-AMOUNT", f'{what}: "{value}" is text, not a number; write it {", ".join(how)}: {fix}',
                             pos)
        if re.fullmatch(r"[+-]?\d+([.,]\d+)?", digits):
            return self.fail("E-AMOUNT", f'{what}: "{value}" is text, not a number; write it without quotes: {digits}',
                             pos)
        kind = "an amount; write kronor as digits, for example 19847560" if kronor else "a number; for example 0.15"
        return self.fail("E-AMOUNT", f'{what}: "{value}" is not {kind}', pos)

    def build_list(self, item_tp, value, pos, what):
        if value is None:
            return ()
        if not isinstance(value, CommentedSeq):
            return self.fail("E-TYPE", f"{what} must be a list (lines starting with '- '), not {_describe(value)}", pos)
        items = [self.build(item_tp, item, self.value_pos(value, i), f"{what}[{i + 1}]") for i, item in enumerate(value)]
        if any(i is _INVALID for i in items):
            return _INVALID
        return tuple(items)

    def build_map(self, key_tp, value_tp, value, pos, what):
        if value is None:
            return PMap({}, pos=pos)
        if not isinstance(value, CommentedMap):
            return self.fail("E-TYPE", f"{what} must be a mapping (key: value lines), not {_describe(value)}", pos)
        items, at, bad = {}, {}, False
        for key, item in value.items():
            kpos = self.key_pos(value, key)
            if _complex_key(key):
                self.fail("E-KEY", f"{what}: {_COMPLEX_KEY}", kpos)
                bad = True
                continue
            if key_tp is int and not (isinstance(key, int) and not isinstance(key, bool)):
                text = str(key).strip()
                hint = (f"; write it without quotes: {text}" if re.fullmatch(r"\d{4}", text) and not isinstance(key, NotDecimalInt)
                        else ", for example 2023")
                self.fail("E-KEY", f"{what}: key {_describe(key)} must be a year{hint}", kpos)
                bad = True
                continue
            if key_tp is str and not (isinstance(key, str) and not isinstance(key, FloatText)):
                self.fail("E-KEY", f'{what}: key {_describe(key)} must be text; put it in quotes: "{_scalar_text(key)}"', kpos)
                bad = True
                continue
            vpos = self.value_pos(value, key)
            built = self.build(value_tp, item, vpos, f"{what}.{key}")
            if built is _INVALID:
                bad = True
                continue
            items[int(key) if key_tp is int else str(key)] = built
            at[int(key) if key_tp is int else str(key)] = vpos
        return _INVALID if bad else PMap(items, at, pos)

    def build_dataclass(self, cls, value, pos, what):
        name = what or "the file"
        where = f"in {what}" if what else "at the top level of the file"
        if not isinstance(value, CommentedMap):
            if not what:
                return self.fail("E-TYPE", f"the file must be made of key: value lines at the top level (like "
                                 f"{_example(*_first_field(cls))}), not {_describe(value)}", pos)
            return self.fail("E-TYPE", f"{name} must be a mapping (key: value lines), not {_describe(value)}", pos)
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in INTERNAL_FIELDS and f.init}
        kwargs, at, bad = {}, {}, False
        for key, item in value.items():
            kpos = self.key_pos(value, key)
            if _complex_key(key):
                self.fail("E-KEY", f"{_COMPLEX_KEY} ({where})", kpos)
                bad = True
                continue
            if not isinstance(key, str) or key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                hint = f'; did you mean "{close[0]}"?' if close else f"; allowed here: {', '.join(fields)}"
                if item is None and value.fa.flow_style():
                    hint = ("; a comma inside { } starts a new key: put text that contains a comma in quotes, "
                            'like text: "Inventarier, anskaffningsvärde"')
                self.fail("E-KEY", f'unknown key "{_scalar_text(key)}" {where}{hint}', kpos)
                bad = True
                continue
            vpos = self.value_pos(value, key)
            child = f"{what}.{key}" if what else key
            built = self.build(hints[key], item, vpos, child)
            if built is _INVALID:
                bad = True
                continue
            if built is None and not _optional(hints[key]):
                self.fail("E-MISSING", f'{child} has no value; fill it in or remove the key', vpos)
                bad = True
                continue
            kwargs[key] = built
            at[key] = vpos
        for fname, f in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required and fname not in kwargs and fname in value:
                continue  # already reported as invalid
            if required and fname not in kwargs:
                self.fail("E-MISSING", f'{name} is missing the required key "{fname}"; add it, like '
                          f"{_example(fname, hints[fname])}", pos)
                bad = True
        if bad:
            return _INVALID
        return cls(**kwargs, pos=pos, at=at)


def _first_field(cls) -> tuple[str, object]:
    hints = typing.get_type_hints(cls, include_extras=True)
    first = next(f for f in dataclasses.fields(cls) if f.name not in INTERNAL_FIELDS)
    return first.name, hints[first.name]


def _optional(tp) -> bool:
    if get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp)


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID = _Invalid()


def build_file(cls, path: Path, shown: str) -> Node:
    data = read_yaml(path, shown)
    builder = Builder(shown)
    if data is None:
        text = path.read_bytes().decode("utf-8")
        what = "has only comments" if any(line.strip() for line in text.splitlines()) else "is empty"
        hints = typing.get_type_hints(cls, include_extras=True)
        required = [f.name for f in dataclasses.fields(cls) if f.name not in INTERNAL_FIELDS and f.init
                    and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        first = _example(required[0], hints[required[0]]) if required else ""
        raise UnusableInput([error("E-EMPTY", f"the file {what}; it needs at least the keys {', '.join(required)} "
                                   f"(starting with {first}); the other förbund's files show how", Pos(shown, 1, 1))])
    result = builder.build(cls, data, builder.node_pos(data) if hasattr(data, "lc") else Pos(shown, 1, 1), "")
    if builder.findings or result is _INVALID:
        raise UnusableInput(builder.findings)
    return result


# --- Finding the files of a förbund ------------------------------------------------

FORBUND_FILE = "forbund.yaml"
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")


@dataclasses.dataclass(frozen=True)
class Source:
    """Everything read for one förbund: its facts and its year files, by year."""

    forbund: Forbund
    years: dict[int, Ar]
    root: Path


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def load_forbund(folder: Path, base: Path | None = None) -> Source:
    """Read forbund.yaml and every YYYY.yaml in a förbund's folder.

    Collects the findings of all files before giving up, so one run shows every
    problem. `base` is what paths in messages are relative to.
    """
    base = base or Path.cwd()
    findings: list[Finding] = []
    forbund = None
    fpath = folder / FORBUND_FILE
    if not fpath.is_file():
        raise UnusableInput([error("E-NOFILE", f"{FORBUND_FILE} is missing in {_shown(folder, base)}; "
                                   "every förbund folder needs one (see data/halland/forbund.yaml)", Pos(_shown(folder, base)))])
    try:
        forbund = build_file(Forbund, fpath, _shown(fpath, base))
        forbund = dataclasses.replace(forbund, folder=folder.name)
    except UnusableInput as exc:
        findings.extend(exc.findings)
    years: dict[int, Ar] = {}
    for path in sorted(folder.iterdir()):
        match = YEAR_FILE.match(path.name)
        if not match:
            continue
        shown = _shown(path, base)
        try:
            ar = build_file(Ar, path, shown)
        except UnusableInput as exc:
            findings.extend(exc.findings)
            continue
        if ar.ar != int(match.group(1)):
            findings.append(error("E-YEAR", f"the file is named {path.name} but says ar: {ar.ar}; "
                                  f"rename the file or correct the year", ar.pos_of("ar")))
            continue
        years[ar.ar] = ar
    if findings:
        raise UnusableInput(findings)
    if not years:
        raise UnusableInput([error("E-NOYEAR", "no year file (for example 2023.yaml) in this förbund's folder",
                                   Pos(_shown(folder, base)))])
    return Source(forbund, years, folder)
