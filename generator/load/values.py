"""Value kinds as reusable validators: amount, share, whole number, year, date, choice, text.

Each kind of the model (`Kind("belopp")` …) gets a pydantic core schema here: a plain
validator that accepts exactly what the YAML should hold and otherwise *refuses* with a
message that shows what to write instead. A refusal does not know where it stands; its
message is a function of the place (see `refusal`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, NoReturn, get_args

from pydantic_core import core_schema
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.scalarint import BinaryInt, HexInt, OctalInt

from ..model import Kind
from ..rules import ORE_DECIMALER
from .refusal import describe, example, is_collection, missing, plain_digits, refuse, scalar_text
from .yaml import EMPTY, BadDate, FloatText, NotDecimalInt

# --- Amounts and numbers ---------------------------------------------------------------

_AMOUNT = re.compile(rf"^[+-]?\d+(\.\d{{1,{ORE_DECIMALER}}})?$")


def amount(value: Any, kronor: bool = True) -> Decimal:
    """An amount in kronor (at most öre), or with kronor=False any number (a share, a key)."""
    kind = "an amount in kronor" if kronor else "a number"
    example_ = "for example 19847560 or 1234.50" if kronor else "for example 0.15"
    if isinstance(value, bool):
        refuse("E-AMOUNT", lambda w: f"{w.what} must be {kind}, not {describe(value)} (true and false are "
               f"yes-or-no values); write the figure in digits, {example_}")
    if isinstance(value, (NotDecimalInt, OctalInt, HexInt, BinaryInt)):
        refuse("E-AMOUNT", lambda w: f"{w.what}: {scalar_text(value)} is not written in plain digits (YAML reads "
               "a number that starts with 0, 0x, 0o or 0b in another number system); write it without the "
               f"leading zero or prefix, like {plain_digits(str(value))}")
    if isinstance(value, int):
        return Decimal(int(value))
    if isinstance(value, FloatText):
        return _float_text(value, kronor, example_)
    if isinstance(value, str) and not isinstance(value, TaggedScalar):
        _amount_text(str(value), kronor)
    refuse("E-AMOUNT", lambda w: f"{w.what} must be {kind}, not {describe(value)}")


def _float_text(value: FloatText, kronor: bool, example_: str) -> Decimal:
    text = value.replace("_", "")
    if _AMOUNT.match(text):
        return Decimal(text)
    try:
        number: Decimal | None = Decimal(text)
    except InvalidOperation:
        number = None
    if number is not None and number.is_finite() and not kronor:
        return number
    if re.match(r"^[+-]?\d+\.\d{3,}$", text):
        thousands = (f", or {text.replace('.', '')} if the point separates thousands"
                     if re.match(r"^[+-]?\d{1,3}\.\d{3}$", text) else "")
        rounded = Decimal(text).quantize(Decimal(1).scaleb(-ORE_DECIMALER))
        refuse("E-AMOUNT", lambda w: f"{w.what}: {value} has more than two decimals; amounts are kronor with at "
               f"most öre: write {rounded} for kronor and öre{thousands}")
    if number is not None and number.is_finite():
        refuse("E-AMOUNT", lambda w: f"{w.what}: write {value} as plain digits: {number:f}")
    refuse("E-AMOUNT", lambda w: f"{w.what}: {value} is not an amount; write kronor as digits, {example_}")


def _amount_text(value: str, kronor: bool) -> NoReturn:
    """An amount that YAML read as text: say what to write instead."""
    compact = value.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\u2212", "-")
    compact = compact.replace("\u2013", "-").strip()
    percent = re.fullmatch(r"([+-]?\d+(?:[.,]\d+)?)\s*%", compact)
    if percent:
        share = Decimal(percent.group(1).replace(",", ".")) / 100
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{value}" is text; write a share as a decimal fraction, without '
               f"%: {share.normalize():f}")
    bare = re.sub(r"\s*(kr|kronor|sek|:-)\.?$", "", compact, flags=re.IGNORECASE)
    digits = bare.replace(" ", "")
    if re.fullmatch(r"[+-]?\d+([.,]\d+)?", digits) and (kronor or "," in digits or digits != value):
        how = [h for h, applies in (("without spaces", " " in bare),
                                    ("with a decimal point instead of the comma", "," in digits),
                                    ("without the unit", bare != compact)) if applies] + ["without quotes"]
        fix = digits.replace(",", ".")
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{value}" is text, not a number; write it {", ".join(how)}: {fix}')
    if re.fullmatch(r"[+-]?\d+([.,]\d+)?", digits):
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{value}" is text, not a number; write it without quotes: {digits}')
    kind = "an amount; write kronor as digits, for example 19847560" if kronor else "a number; for example 0.15"
    refuse("E-AMOUNT", lambda w: f'{w.what}: "{value}" is not {kind}')


def whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, (bool, OctalInt, HexInt, BinaryInt)):
        return int(value)
    if isinstance(value, (NotDecimalInt, OctalInt, HexInt, BinaryInt)):
        refuse("E-TYPE", lambda w: f"{w.what}: {value} is not a plain whole number (YAML reads a number that starts "
               "with 0, 0x, 0o or 0b in another number system); write it in plain digits without a leading zero, "
               f"like {plain_digits(str(value))}")
    hint = ""
    if isinstance(value, str) and not is_collection(value):
        try:
            number: Decimal | None = Decimal(value.strip().replace("_", ""))
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite() and number == number.to_integral_value():
            hint = f"; write {int(number)}" + ("" if isinstance(value, FloatText) else " without quotes")
        elif number is not None and number.is_finite():
            hint = "; it cannot have decimals"
        else:
            hint = "; write it in digits"
    refuse("E-TYPE", lambda w: f"{w.what} must be a whole number, not {describe(value)}{hint}")


FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a report can be about; the JSON Schema says the same


def year(value: Any) -> int:
    number = whole(value)
    if not FIRST_YEAR <= number <= LAST_YEAR:
        refuse("E-TYPE", lambda w: f"{w.what}: {number} is not a year this report can be for; write the year with "
               "four digits, for example 2024")
    return number


# --- Dates, choices, text, yes or no ------------------------------------------------

_MONTHS = {name: i + 1 for i, name in enumerate((
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december"))}
_DATE_FORMS = (  # (pattern, order of year, month, day in the groups)
    (re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})[./-](\d{1,2})[ ./-](\d{4})"), (3, 2, 1)),
)


def swedish_date(text: str) -> dt.date | None:
    """'8 mars 2024', '8/3 2024', '2024.03.08', '20240308' as a date, when it is one."""
    t = " ".join(text.lower().replace(",", " ").split())
    try:
        words = re.fullmatch(r"(\d{1,2})\.? ([a-zåäö]+) (\d{4})", t)
        if words and words.group(2) in _MONTHS:
            return dt.date(int(words.group(3)), _MONTHS[words.group(2)], int(words.group(1)))
        for pattern, (y, m, d) in _DATE_FORMS:
            found = pattern.fullmatch(t)
            if found:
                return dt.date(int(found.group(y)), int(found.group(m)), int(found.group(d)))
        timed = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})[ t]", t)  # a date with a time of day
        if timed:
            return dt.date(int(timed.group(1)), int(timed.group(2)), int(timed.group(3)))
    except ValueError:
        return None
    return None


def date(value: Any) -> dt.date:
    if isinstance(value, BadDate):
        refuse("E-DATE", lambda w: f"{w.what}: {value} is not a date in the calendar ({value.reason}); write "
               "YYYY-MM-DD with the month first, for example 2024-03-08")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    guess = swedish_date(scalar_text(value)) if not is_collection(value) else None
    hint = f"; write {guess.isoformat()}" if guess else ""
    refuse("E-DATE", lambda w: f"{w.what} must be a date written YYYY-MM-DD (for example 2024-03-08), not "
           f"{describe(value)}{hint}")


# Choices people write for a Literal value, and what the model calls them.
_CHOICE_ALIASES = {"mkr": "mnkr", "msek": "mnkr", "miljoner kronor": "mnkr", "ksek": "tkr", "tsek": "tkr",
                   "tusen kronor": "tkr", "sek": "kr", "kronor": "kr", "stat": "staten", "landsting": "region"}


def choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    import difflib

    def validate(value: Any) -> str:
        if isinstance(value, str) and value in choices:
            return str(value)
        said = " ".join(scalar_text(value).lower().split()) if not is_collection(value) else ""
        by_case = [c for c in choices if c.lower() == said]
        alias = _CHOICE_ALIASES.get(said)
        close = by_case or ([alias] if alias in choices else []) or difflib.get_close_matches(said, choices, n=1)
        hint = f'; menade du "{close[0]}"?' if close else ""
        refuse("E-CHOICE", lambda w: f"{w.what} must be one of {', '.join(choices)}, not {describe(value)}{hint}")
    return validate


def text(value: Any) -> str:
    if isinstance(value, str) and not isinstance(value, FloatText):
        if not value.strip():
            refuse("E-EMPTY", lambda w: f"{w.what} is empty; write the text or remove the key")
        return str(value)
    if is_collection(value):
        refuse("E-TYPE", lambda w: f"{w.what} must be text, not {describe(value)}; for text over several lines "
               f"write {w.name}: >- and indent the lines below it")
    refuse("E-TYPE", lambda w: f"{w.what} must be text, not {describe(value)}; put it in quotes: "
           f'"{scalar_text(value)}"')


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    said = scalar_text(value).strip().lower() if not is_collection(value) else ""
    hint = ("; write true" if said in ("ja", "yes", "on", "y", "1", "sant") else
            "; write false" if said in ("nej", "no", "off", "n", "0", "falskt") else "")
    refuse("E-TYPE", lambda w: f"{w.what} must be true or false, not {describe(value)}{hint}")


def year_key(value: Any) -> int:
    """A key that must be a year (historik, tidigare_underskott, kontrollsummor)."""
    if isinstance(value, int) and not isinstance(value, (bool, NotDecimalInt, OctalInt, HexInt, BinaryInt)):
        return int(value)
    shown = str(value).strip()
    hint = (f"; write it without quotes: {shown}" if re.fullmatch(r"\d{4}", shown)
            and not isinstance(value, NotDecimalInt) else ", for example 2023")
    refuse("E-KEY", lambda w: f"{w.what}: key {describe(value)} must be a year{hint}")


def text_key(value: Any) -> str:
    """A key that is a name (a member, a figure key)."""
    if isinstance(value, str) and not isinstance(value, FloatText):
        return str(value)
    refuse("E-KEY", lambda w: f'{w.what}: key {describe(value)} must be text; put it in quotes: '
           f'"{scalar_text(value)}"')


# --- Core and JSON schemas for the kinds ---------------------------------------------

def _with_empty(validate: Callable[[Any], Any], name_example: Callable[[str], str]) -> Callable[[Any], Any]:
    """A validator that first refuses a key or list item left empty."""
    def check(value: Any) -> Any:
        if value is EMPTY or value is None:
            refuse("E-MISSING", missing(name_example))
        return validate(value)
    return check


_SCALARS: dict[str, Callable[[Any], Any]] = {
    "belopp": amount, "tal": lambda v: amount(v, kronor=False), "heltal": whole, "ar": year, "datum": date,
    "text": text, "ja_nej": yes_no, "nyckel": text, "namn": text,
}
# What each kind is in the JSON Schema that editors check the files with.
_JSON: dict[str, Any] = {
    "belopp": core_schema.float_schema(), "tal": core_schema.float_schema(), "heltal": core_schema.int_schema(),
    "ar": core_schema.int_schema(ge=FIRST_YEAR, le=LAST_YEAR), "datum": core_schema.date_schema(),
    "text": core_schema.str_schema(min_length=1), "ja_nej": core_schema.bool_schema(),
    "nyckel": core_schema.str_schema(), "namn": core_schema.str_schema(),
}


def core_schema_for(kind: Kind, source: Any, handler: Any) -> Any:
    if kind.name == "lista":
        from .tree import list_schema
        return list_schema(kind, source, handler)
    if kind.name == "linje":
        from .tree import linje_schema
        return linje_schema(handler)
    tp: Any = Annotated[source, kind]
    if kind.name == "val":
        choices = tuple(str(c) for c in get_args(source))
        validate, json_input = choice(choices), core_schema.literal_schema(list(choices))
    else:
        validate, json_input = _SCALARS[kind.name], _JSON[kind.name]
    return core_schema.no_info_plain_validator_function(_with_empty(validate, lambda name: example(name, tp)),
                                                        json_schema_input_schema=json_input)


def key_schema(is_year: bool) -> Any:
    """A mapping's keys: years (historik, kontrollsummor) or names (members, figure keys)."""
    if is_year:
        return core_schema.no_info_plain_validator_function(
            year_key, json_schema_input_schema=core_schema.str_schema(pattern="^[0-9]{4}$"))
    return core_schema.no_info_plain_validator_function(text_key, json_schema_input_schema=core_schema.str_schema())
