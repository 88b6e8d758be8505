"""Swedish number and date formatting, via Babel (locale sv_SE).

Babel groups digits with a no-break space and writes a decimal comma. It writes the
minus as ASCII hyphen-minus although sv_SE's own minus sign is U+2212, so the sign is
taken from the locale's symbols and the digits from Babel.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = Locale.parse("sv_SE")
MINUS = LOCALE.number_symbols["latn"]["minusSign"]  # U+2212
NBSP = "\u00a0"
DASH = "–"  # shown for a figure that does not apply

UNITS = {"kr": Decimal(1), "tkr": Decimal(1000), "mnkr": Decimal(1000000)}


def _signed(value: Decimal, pattern: str | None = None) -> str:
    digits = format_decimal(abs(value), format=pattern, locale=LOCALE)
    return f"{MINUS}{digits}" if value < 0 else digits


def belopp(value: Decimal | None, unit: str = "kr", decimals: int = 0) -> str:
    """An amount in the given unit, rounded for display only: 19 847 560, −2 812 499."""
    if value is None:
        return DASH
    scaled = (Decimal(value) / UNITS[unit]).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if scaled == 0:
        scaled = abs(scaled)  # no "−0"
    return _signed(scaled, pattern)


def kr(value: Decimal | None) -> str:
    """Amount with its unit: 2 812 499 kr."""
    return DASH if value is None else f"{belopp(value)}{NBSP}kr"


def absolut(value: Decimal | None) -> str:
    """An amount without its sign, for a sentence that says the sign in words: 2 812 499 kr."""
    return DASH if value is None else kr(abs(Decimal(value)))


def resultat(value: Decimal | None) -> str:
    """A result in words, never with a minus sign: ett underskott på 2 812 499 kr."""
    if value is None:
        return DASH
    if belopp(value) == belopp(Decimal(0)):
        return "ett nollresultat"
    return f"{'ett underskott' if value < 0 else 'ett överskott'} på {absolut(value)}"


def tkr(value: Decimal | None) -> str:
    """An amount in thousands with one decimal, for prose: −2 812,5 tkr."""
    return DASH if value is None else f"{belopp(value, 'tkr', 1)}{NBSP}tkr"


def mnkr(value: Decimal | None) -> str:
    """An amount in millions with one decimal, for prose: −2,8 mnkr."""
    return DASH if value is None else f"{belopp(value, 'mnkr', 1)}{NBSP}mnkr"


def procent(value: Decimal | None, decimals: int = 0) -> str:
    """A share as percent: 0.4236 → 42 %."""
    if value is None:
        return DASH
    pct = (Decimal(value) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if pct == 0:
        pct = abs(pct)
    return f"{_signed(pct, pattern)}{NBSP}%"


def tal(value: Decimal | None, decimals: int = 2) -> str:
    """A plain ratio with decimal comma: 0.4236 → 0,42."""
    if value is None:
        return DASH
    q = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    if q == 0:
        q = abs(q)
    return _signed(q, "#,##0." + "0" * decimals)


def plural(value: int | Decimal, former: tuple[str, str]) -> str:
    """The word's form for a count, by the locale's plural rule (sv: one for 1): ("aktivitet", "aktiviteter")."""
    return former[0] if LOCALE.plural_form(Decimal(value).copy_abs()) == "one" else former[1]


def antal(value: int | Decimal | None, former: tuple[str, str]) -> str:
    """A count with its noun in the right number: 1 aktivitet, 3 aktiviteter."""
    return DASH if value is None else f"{heltal(value)}{NBSP}{plural(value, former)}"


def heltal(value: int | Decimal | None) -> str:
    return DASH if value is None else _signed(Decimal(value), "#,##0")


def datum(value: dt.date | None, style: str = "iso") -> str:
    """ISO (2024-03-08) or long Swedish (8 mars 2024): one style per report."""
    if value is None:
        return DASH
    if style == "lang":
        return format_date(value, format="d MMMM y", locale=LOCALE)
    return value.isoformat()


def plain(value: Decimal | None) -> str:
    """For terminal messages: grouped digits with ordinary spaces and an ASCII minus."""
    if value is None:
        return "(none)"
    text = belopp(value) if value == value.to_integral_value() else belopp(value, decimals=2)
    return text.replace(NBSP, " ").replace(MINUS, "-")


def distribute(values: list[Decimal], total: Decimal, unit: str) -> list[Decimal]:
    """Round rows for display so that the shown rows add up to the shown total.

    Largest-remainder method: every row is rounded down in the display unit, then the
    units still missing go to the rows that lost the most. Exact figures are untouched;
    only what is printed changes, by less than one display unit per row.
    """
    size = UNITS[unit]
    shown_total = (total / size).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    exact = [v / size for v in values]
    floors = [e.to_integral_value(rounding="ROUND_FLOOR") for e in exact]
    missing = int(shown_total - sum(floors, Decimal(0)))
    order = sorted(range(len(values)), key=lambda i: (exact[i] - floors[i]), reverse=True)
    result = list(floors)
    if missing >= 0:
        for i in order[:missing]:
            result[i] += 1
    else:
        for i in list(reversed(order))[: -missing]:
            result[i] -= 1
    return [r * size for r in result]


def bokslutsdag(year: int, style: str = "iso") -> str:
    """The balance-sheet day of a year in the report's date style: 2023-12-31 or 31 december 2023."""
    return datum(dt.date(year, 12, 31), style)
