"""Amounts, shares and counts: exact Decimals within plausible limits, or a refusal with the fix.

An amount is kronor with at most öre, written in plain digits. What people write instead
is recognised and answered with the digits to write, a fix that is itself accepted:
`(22437)` → -22437, `191,180` → 191180 (a comma before exactly three digits separates
thousands), `1 234 567` → 1234567, `12 tkr` → 12000, `−500` (a typographic minus) → -500.

Limits keep a typing slip out of the report and every later calculation inside Decimal's
28 digits: an amount is under 10^13 kr, a share or key under 10^9, a count at most 10^6.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.scalarint import BinaryInt, HexInt, OctalInt

from ..findings import excerpt
from ..rules import ORE_DECIMALER
from .refusal import describe, is_collection, plain_digits, refuse
from .yaml import FloatText, NotDecimalInt

MAX_BELOPP = Decimal(10) ** 13  # ten thousand billion kronor: no förbund comes within a million times of it
MAX_TAL = Decimal(10) ** 9
MAX_HELTAL = 1_000_000
MAX_DECIMALER = 12  # a share or key needs a few; 1e-4000000000 would slow every calculation after it
_AMOUNT = re.compile(rf"^[+-]?\d+(\.\d{{1,{ORE_DECIMALER}}})?$")
_OTHER_BASE = (NotDecimalInt, OctalInt, HexInt, BinaryInt)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2212": "-", "\u2013": "-"})
_UNITS = {"kr": 1, "kronor": 1, "sek": 1, ":-": 1, "tkr": 1000, "tsek": 1000, "ksek": 1000, "tusen kronor": 1000,
          "mnkr": 10**6, "mkr": 10**6, "msek": 10**6, "miljoner kronor": 10**6, "miljoner": 10**6}
_UNIT = re.compile(r"\s*(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")\.?$",
                   re.IGNORECASE)


def amount(value: Any, kronor: bool = True) -> Decimal:
    """An amount in kronor (at most öre), or with kronor=False any number (a share, a key)."""
    kind = "ett belopp i kronor" if kronor else "ett tal"
    example_ = "till exempel 19847560 eller 1234.50" if kronor else "till exempel 0.15"
    if isinstance(value, bool):
        refuse("E-AMOUNT", lambda w: f"{w.what} ska vara {kind}, inte {describe(value)} (true och false betyder ja "
               f"och nej); skriv talet med siffror, {example_}")
    if isinstance(value, _OTHER_BASE):
        refuse("E-AMOUNT", lambda w: f"{w.what}: {excerpt(str(value))} är inte skrivet med vanliga siffror (YAML "
               "läser ett tal som börjar med 0, 0x, 0o eller 0b i ett annat talsystem); skriv det utan inledande "
               f"nolla eller prefix: {plain_digits(str(value))}")
    if isinstance(value, int):
        return _within(Decimal(int(value)), str(int(value)), kronor)
    if isinstance(value, FloatText):
        return _float_text(value, kronor, example_)
    if isinstance(value, str) and not isinstance(value, TaggedScalar):
        _amount_text(str(value), kronor)
    refuse("E-AMOUNT", lambda w: f"{w.what} ska vara {kind}, inte {describe(value)}")


def _within(number: Decimal, written: str, kronor: bool) -> Decimal:
    """The number, or a refusal when it is beyond any plausible report."""
    limit = MAX_BELOPP if kronor else MAX_TAL
    # adjusted() is the power of ten of the first digit; unlike abs() it cannot overflow
    # Decimal's context for 1e4000000000.
    if number.is_finite() and number and number.adjusted() >= limit.adjusted():
        what = ("beloppen i en årsredovisning är mindre än 10 000 000 000 000 kr (tio biljoner)" if kronor else
                "ett tal här (en andel eller en nyckel) är mindre än 1 000 000 000")
        refuse("E-AMOUNT", lambda w: f"{w.what}: {excerpt(written)} är för stort: {what}; kontrollera siffrorna")
    if not kronor and number.is_finite() and int(number.as_tuple().exponent) < -MAX_DECIMALER:
        refuse("E-AMOUNT", lambda w: f"{w.what}: {excerpt(written)} har fler än {MAX_DECIMALER} decimaler; skriv "
               "talet med färre decimaler")
    return number


def _float_text(value: FloatText, kronor: bool, example_: str) -> Decimal:
    text = value.replace("_", "")
    try:
        number: Decimal | None = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        meaning = "inte ett tal" if "nan" in text.lower() else "oändligheten"
        refuse("E-AMOUNT", lambda w: f"{w.what}: {excerpt(value)} är inget tal (YAML läser det som {meaning}); "
               f"skriv talet med siffror, {example_}")
    _within(number, value, kronor)
    if _AMOUNT.match(text) or not kronor:
        return number
    if re.match(r"^[+-]?\d+\.\d{3,}$", text):
        thousands = (f", eller {text.replace('.', '')} om punkten skiljer tusental"
                     if re.match(r"^[+-]?\d{1,3}\.\d{3}$", text) else "")
        rounded = number.quantize(Decimal(1).scaleb(-ORE_DECIMALER))
        refuse("E-AMOUNT", lambda w: f"{w.what}: {excerpt(value)} har fler än två decimaler; belopp skrivs i kronor "
               f"med högst öre: skriv {rounded}{thousands}")
    plain = number.quantize(Decimal(1).scaleb(-ORE_DECIMALER)).normalize() if number == number else number
    rounded_ = "" if plain == number else " (avrundat till öre)"
    refuse("E-AMOUNT", lambda w: f"{w.what}: skriv {excerpt(value)} med vanliga siffror: {plain:f}{rounded_}")


def _amount_text(value: str, kronor: bool) -> NoReturn:
    """An amount that YAML read as text: say what to write instead."""
    compact = " ".join(value.translate(_SPACES).split())
    shown = excerpt(value)
    percent = re.fullmatch(r"([+-]?\d+(?:[.,]\d+)?)\s*%", compact)
    if percent and not kronor:
        share = _within(Decimal(percent.group(1).replace(",", ".")) / 100, value, kronor)
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{shown}" är text; skriv en andel som decimaltal, utan %: '
               f"{share.normalize():f}")
    reading = _reading(compact, kronor, minus=any(ch in value for ch in "\u2212\u2013"))
    if reading is not None:
        fix, how = reading
        said = ", ".join(how[:-1]) + " och " + how[-1] if len(how) > 1 else how[0]
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{shown}" är text, inte ett tal; skriv talet {said}: {fix}')
    if re.fullmatch(r"[+-]?\d+(:[0-5]\d)+", compact):  # YAML 1.1 read 53:06:20 as 191180 (base 60)
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{shown}" ser ut som en tid eller ett tal i sextiotal, inte ett '
               f"{'belopp' if kronor else 'tal'}; skriv bara siffror, utan kolon, till exempel "
               f"{'19847560' if kronor else '0.15'}")
    if kronor and re.search(r"\d", compact):
        refuse("E-AMOUNT", lambda w: f'{w.what}: "{shown}" är inget belopp; skriv bara kronor med siffror, utan '
               "text, till exempel 19847560 (negativt för kostnader: -19847560)")
    kind = "inget belopp; skriv kronor med siffror, till exempel 19847560" if kronor else "inget tal; till exempel 0.15"
    refuse("E-AMOUNT", lambda w: f'{w.what}: "{shown}" är {kind}')


# Long: one reading per way of writing a number, in the order they are tried.
def _reading(text: str, kronor: bool, minus: bool) -> tuple[str, list[str]] | None:
    """The number the text means, as digits to write, and what was changed; None if it is not one."""
    how: list[str] = []
    body = text
    negative = re.fullmatch(r"\((.+)\)", body)  # accounting style: (22437) is -22437
    if negative:
        body, sign = negative.group(1).strip(), "-"
        how.append("med minustecken i stället för parentes")
    else:
        sign = body[0] if body[:1] in ("+", "-") else ""
        body = body.lstrip("+-").strip()
        if minus:
            how.append("med vanligt minustecken (-)")
    factor, unit = 1, _UNIT.search(body)
    if unit:
        factor, body = _UNITS[unit.group(1).lower()], body[: unit.start()].strip()
        how.append("utan enhet" if factor == 1 else f"i hela kronor, inte {unit.group(1)}")
    for mark, word in ((" ", "mellanslag"), ("'", "apostrofer")):
        if mark in body:
            body = body.replace(mark, "")
            how.append(f"utan {word}")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", body) and len(set(re.sub(r"\d", "", body))) == 1 and kronor:
        sep = re.sub(r"\d", "", body)[0]
        body = body.replace(sep, "")
        how.append(f"utan {'kommatecken' if sep == ',' else 'punkt'} mellan tusentalen (tre siffror efter "
                   "skiljetecknet är tusental, inte öre)")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+,\d{1,2}", body) or re.fullmatch(r"\d{1,3}(,\d{3})+\.\d{1,2}", body):
        decimal_sep = body[-3] if body[-3] in ".," else body[-2]
        body = body.replace("." if decimal_sep == "," else ",", "").replace(",", ".")
        how.append("utan skiljetecken mellan tusentalen och med decimalpunkt")
    elif re.fullmatch(r"\d+,\d+", body):
        body = body.replace(",", ".")
        how.append("med decimalpunkt i stället för kommatecken")
    if not re.fullmatch(r"\d+(\.\d+)?", body):
        return None
    number = _within(Decimal(sign + body) * factor, text, kronor)
    if kronor and number != number.quantize(Decimal(1).scaleb(-ORE_DECIMALER)):
        return None
    how.append("utan citattecken")
    return f"{number.normalize():f}" if number == number.to_integral_value() else f"{number:f}", how


def whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, (bool, *_OTHER_BASE)):
        if abs(int(value)) > MAX_HELTAL:
            refuse("E-TYPE", lambda w: f"{w.what}: {excerpt(str(int(value)))} är för stort: ett antal här är högst "
                   "1 000 000; kontrollera siffrorna")
        return int(value)
    if isinstance(value, _OTHER_BASE):
        refuse("E-TYPE", lambda w: f"{w.what}: {excerpt(str(value))} är inte ett vanligt heltal (YAML läser ett tal "
               "som börjar med 0, 0x, 0o eller 0b i ett annat talsystem); skriv det med vanliga siffror utan "
               f"inledande nolla: {plain_digits(str(value))}")
    hint = ""
    if isinstance(value, str) and not is_collection(value):
        try:
            number: Decimal | None = Decimal(value.strip().replace("_", ""))
        except InvalidOperation:
            number = None
        # adjusted() first: abs() and to_integral_value() overflow for 1e4000000000
        if number is not None and number.is_finite() and number and (
                number.adjusted() >= 7 or (number.adjusted() == 6 and abs(number) > MAX_HELTAL)):
            hint = "; ett antal här är högst 1 000 000"
        elif number is not None and number.is_finite() and number == number.to_integral_value():
            hint = f"; skriv {int(number)}" + ("" if isinstance(value, FloatText) else " utan citattecken")
        elif number is not None and number.is_finite():
            hint = "; det kan inte ha decimaler"
        else:
            hint = "; skriv det med siffror"
    refuse("E-TYPE", lambda w: f"{w.what} ska vara ett heltal, inte {describe(value)}{hint}")
