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
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarint import BinaryInt, HexInt, OctalInt, ScalarInt

from .findings import Finding, Pos, UnusableInput, error
from .model import INTERNAL_FIELDS, Ar, Forbund, Node, PMap


class FloatText(str):
    """A YAML float kept as the text the user wrote."""


class _ExactConstructor(RoundTripConstructor):
    def construct_yaml_float(self, node):  # noqa: D102 - ruamel hook
        return FloatText(node.value)


_ExactConstructor.add_constructor("tag:yaml.org,2002:float", _ExactConstructor.construct_yaml_float)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _ExactConstructor
    yaml.allow_duplicate_keys = False
    return yaml


def _mark_pos(path: str, mark) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1) if mark is not None else Pos(path)


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
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnusableInput([error(
            "E-UTF8",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
            "save it as UTF-8 in your editor",
            Pos(shown, line, col))])
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in problem or "found duplicate key" in str(exc):
            key = re.search(r'duplicate key "([^"]*)"', str(exc))
            name = key.group(1) if key else "?"
            msg = f'duplicate key "{name}": each key may appear once; remove or rename one of them'
            raise UnusableInput([error("E-DUPKEY", msg, _mark_pos(shown, mark))])
        if "\t" in text and "tab" in str(exc).lower():
            problem += "; indent with spaces, not tabs"
        raise UnusableInput([error("E-YAML", f"YAML syntax error: {problem}", _mark_pos(shown, mark))])
    except Exception as exc:  # ruamel raises a few unmarked errors on odd input
        raise UnusableInput([error("E-YAML", f"YAML could not be read: {exc}", Pos(shown, 1, 1))])
    return data


# --- Building dataclasses from the YAML tree ---------------------------------------

_AMOUNT = re.compile(r"^[+-]?\d+(\.\d{1,2})?$")


def _type_name(tp) -> str:
    if tp is Decimal:
        return "an amount"
    if tp is int:
        return "a whole number"
    if tp is str:
        return "text"
    if tp is bool:
        return "true or false"
    if tp is dt.date:
        return "a date (YYYY-MM-DD)"
    return "a value"


def _describe(value) -> str:
    if isinstance(value, CommentedMap):
        return "a mapping (key: value lines)"
    if isinstance(value, CommentedSeq):
        return "a list (- lines)"
    if value is None:
        return "nothing"
    return repr(str(value)) if isinstance(value, str) else repr(value)


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
        try:
            if isinstance(parent, CommentedSeq):
                return self._pos(*parent.lc.item(key))
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
        origin = get_origin(tp)
        if origin is Annotated:
            base, *meta = get_args(tp)
            if base is PMap:
                return self.build_map(meta[0], meta[1], value, pos, what)
            return self.build(base, value, pos, what)
        if origin in (Union, types.UnionType):
            return self.build_union(get_args(tp), value, pos, what)
        if origin is Literal:
            choices = get_args(tp)
            if value in choices:
                return value
            close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            listed = ", ".join(str(c) for c in choices)
            return self.fail("E-CHOICE", f"{what} must be one of {listed}, not {_describe(value)}{hint}", pos)
        if origin is tuple:
            return self.build_list(get_args(tp)[0], value, pos, what)
        if dataclasses.is_dataclass(tp):
            return self.build_dataclass(tp, value, pos, what)
        if tp is Decimal:
            return self.amount(value, pos, what)
        if tp is int:
            if isinstance(value, int) and not isinstance(value, bool) and not isinstance(value, (OctalInt, HexInt, BinaryInt)):
                return int(value)
            return self.fail("E-TYPE", f"{what} must be a whole number, not {_describe(value)}", pos)
        if tp is bool:
            if isinstance(value, bool):
                return value
            return self.fail("E-TYPE", f"{what} must be true or false, not {_describe(value)}", pos)
        if tp is str:
            if isinstance(value, str) and not isinstance(value, FloatText):
                if not value.strip():
                    return self.fail("E-EMPTY", f"{what} is empty; write the text or remove the key", pos)
                return str(value)
            return self.fail("E-TYPE", f'{what} must be text, not {_describe(value)}; put it in quotes: "{value}"', pos)
        if tp is dt.date:
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            return self.fail("E-DATE", f"{what} must be a date written YYYY-MM-DD (for example 2024-03-08), not {_describe(value)}", pos)
        raise TypeError(f"model type {tp!r} has no loader")  # a programming error, not input

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
        scalar_opts = [o for o in options if not dataclasses.is_dataclass(o)]
        return self.build(scalar_opts[0], value, pos, what)

    def amount(self, value, pos: Pos, what: str):
        if isinstance(value, bool):
            return self.fail("E-AMOUNT", f"{what} must be an amount in kronor, not {value!r}", pos)
        if isinstance(value, (OctalInt, HexInt, BinaryInt)):
            return self.fail("E-AMOUNT", f"{what}: write the amount in plain decimal digits", pos)
        if isinstance(value, (int, ScalarInt)):
            return Decimal(int(value))
        if isinstance(value, FloatText):
            text = value.replace("_", "")
            if _AMOUNT.match(text):
                return Decimal(text)
            if re.match(r"^[+-]?\d+\.\d{3,}$", text):
                return self.fail("E-AMOUNT", f"{what}: {value} has more than two decimals; amounts are kronor with at most öre, "
                                 f"for example {Decimal(text).quantize(Decimal('0.01'))}", pos)
            return self.fail("E-AMOUNT", f"{what}: {value} is not an amount; write kronor as digits, for example 19847560 or 1234.50", pos)
        if isinstance(value, str):
            compact = value.replace("\u00a0", " ").replace("\u2212", "-").replace("−", "-")
            digits = compact.replace(" ", "")
            if re.match(r"^[+-]?\d+(,\d{1,2})?$", digits):
                fix = digits.replace(",", ".")
                return self.fail("E-AMOUNT", f'{what}: "{value}" is text, not a number; write it without spaces, '
                                 f"with a decimal point and no quotes: {fix}", pos)
            return self.fail("E-AMOUNT", f'{what}: "{value}" is not an amount; write kronor as digits, for example 19847560', pos)
        return self.fail("E-AMOUNT", f"{what} must be an amount in kronor, not {_describe(value)}", pos)

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
            if key_tp is int and not (isinstance(key, int) and not isinstance(key, bool)):
                self.fail("E-KEY", f"{what}: key {key!r} must be a year, for example 2023", kpos)
                bad = True
                continue
            if key_tp is str and not isinstance(key, str):
                self.fail("E-KEY", f'{what}: key {key!r} must be text; put it in quotes: "{key}"', kpos)
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
        name = what or cls.__name__
        if not isinstance(value, CommentedMap):
            return self.fail("E-TYPE", f"{name} must be a mapping (key: value lines), not {_describe(value)}", pos)
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in INTERNAL_FIELDS and f.init}
        kwargs, at, bad = {}, {}, False
        for key, item in value.items():
            kpos = self.key_pos(value, key)
            if not isinstance(key, str) or key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                hint = f'; did you mean "{close[0]}"?' if close else f"; allowed here: {', '.join(fields)}"
                if item is None and value.fa.flow_style():
                    hint = ("; a comma inside { } starts a new key: put text that contains a comma in quotes, "
                            'like text: "Inventarier, anskaffningsvärde"')
                self.fail("E-KEY", f'unknown key "{key}" in {name}{hint}', kpos)
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
                self.fail("E-MISSING", f'{name or "the file"} is missing the required key "{fname}"', pos)
                bad = True
        if bad:
            return _INVALID
        return cls(**kwargs, pos=pos, at=at)


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
        raise UnusableInput([error("E-EMPTY", "the file is empty", Pos(shown, 1, 1))])
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
