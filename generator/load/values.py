"""Value kinds as reusable validators: year, date, choice, text, yes or no (numbers: `numbers`).

Each kind of the model (`Kind("belopp")` …) gets a pydantic core schema here: a plain
validator that accepts exactly what the YAML should hold and otherwise *refuses* with a
message that shows what to write instead. A refusal does not know where it stands; its
message is a function of the place (see `refusal`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any, get_args

from pydantic_core import core_schema
from ruamel.yaml.scalarint import BinaryInt, HexInt, OctalInt

from ..chars import invisible_in, name_of
from ..findings import excerpt
from ..model import Kind
from .numbers import MAX_BELOPP, MAX_HELTAL, MAX_TAL, amount, whole
from .refusal import describe, example, is_collection, missing, refuse, scalar_text
from .yaml import EMPTY, BadDate, FloatText, NotDecimalInt

FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a report can be about; the JSON Schema says the same


def year(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, (bool, NotDecimalInt, OctalInt, HexInt, BinaryInt)):
        number = int(value)  # not whole(): a count's limit is not a year's
    elif isinstance(value, FloatText):
        whole_ = re.fullmatch(r"(\d{4})\.0*", value)
        hint = f"; skriv {whole_.group(1)}" if whole_ else ", till exempel 2024"
        refuse("E-TYPE", lambda w: f"{w.what} ska vara ett år med fyra siffror, inte {describe(value)}{hint}")
    else:
        number = whole(value)
    if not FIRST_YEAR <= number <= LAST_YEAR:
        refuse("E-TYPE", lambda w: f"{w.what}: {number} är inget år som en rapport kan gälla; skriv året med fyra "
               f"siffror, mellan {FIRST_YEAR} och {LAST_YEAR}, till exempel 2024")
    return number


# --- Dates, choices, text, yes or no ------------------------------------------------

_MONTHS = {name: i + 1 for i, name in enumerate((
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december"))}
_DATE_FORMS = (  # (pattern, order of year, month, day in the groups)
    (re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})[./-](\d{1,2})[ ./-](\d{4})"), (3, 2, 1)),
)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_REASONS = {"month must be in 1..12": "månaden måste vara 1–12", "day is out of range for month": "dagen finns inte i "
            "den månaden", "year 0 is out of range": "år 0 finns inte"}


def swedish_date(text: str) -> dt.date | None:
    """'8 mars 2024', '8/3 2024', '2024.03.08', '2024-3-8', '20240308' as a date, when it is one."""
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
        reason = _REASONS.get(value.reason, "den finns inte")
        swapped = swedish_date(f"{value[:4]}-{value[8:10]}-{value[5:7]}") if len(value) == 10 else None
        hint = f"; menade du {swapped.isoformat()}?" if swapped else ", till exempel 2024-03-08"
        refuse("E-DATE", lambda w: f"{w.what}: {excerpt(value)} är inget datum i kalendern ({reason}); skriv "
               f"ÅÅÅÅ-MM-DD med månaden först{hint}")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO.fullmatch(value.strip()) and swedish_date(value.strip()):
        refuse("E-DATE", lambda w: f'{w.what}: "{excerpt(value)}" står inom citattecken och är därför text, inte '
               f"ett datum; ta bort citattecknen: {value.strip()}")
    guess = swedish_date(scalar_text(value)) if not is_collection(value) else None
    hint = f"; skriv {guess.isoformat()}" if guess else ""
    refuse("E-DATE", lambda w: f"{w.what} ska vara ett datum skrivet ÅÅÅÅ-MM-DD (till exempel 2024-03-08), inte "
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
        refuse("E-CHOICE", lambda w: f"{w.what} ska vara ett av {', '.join(choices)}, inte {describe(value)}{hint}")
    return validate


def text(value: Any) -> str:
    if isinstance(value, str) and not isinstance(value, FloatText):
        if not value.strip():
            refuse("E-EMPTY", lambda w: f"{w.what} är tom; skriv texten eller ta bort nyckeln")
        _visible(value)
        return str(value)
    if is_collection(value):
        refuse("E-TYPE", lambda w: f"{w.what} ska vara text, inte {describe(value)}; för text över flera rader, "
               f"skriv {w.name}: >- och dra in raderna under")
    refuse("E-TYPE", lambda w: f"{w.what} ska vara text, inte {describe(value)}; sätt det inom citattecken: "
           f'"{excerpt(scalar_text(value))}"')


def _visible(value: str) -> None:
    """Refuse a text with a character that does not show (written as an escape like "\\u200b")."""
    hidden = [(i, ch) for i, ch in invisible_in(value) if ch in "\u2028\u2029\x85" or not ch.isspace()]
    surrogate = next((i for i, ch in enumerate(value) if "\ud800" <= ch <= "\udfff"), None)
    if surrogate is not None:
        refuse("E-TECKEN", lambda w: f"{w.what}: tecken {surrogate + 1} är en halv UTF-16-kod (U+"
               f"{ord(value[surrogate]):04X}), inget tecken; ta bort \\u-koden ur texten")
    if hidden:
        index, ch = hidden[0]
        refuse("E-TECKEN", lambda w: f"{w.what}: tecken {index + 1} är {name_of(ch)}, som inte syns i texten; ta "
               "bort det (i en text inom \"dubbla citattecken\" kan det stå som en kod som börjar med \\u)")


_E_POST = re.compile(r"[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:/]+\.[^@\s<>\"'(),;:/.]{2,}")
_WEBBADRESS = re.compile(r"https://[^\s<>\"'/@]+\.[^\s<>\"'/@.]{2,}(/[^\s<>\"']*)?")


def e_post(value: Any) -> str:
    """An e-mail address as a link shows it: name@domän.se, nothing around it."""
    said = text(value).strip()
    plain = said.removeprefix("mailto:").strip("<> ")
    if not _E_POST.fullmatch(plain):
        refuse("E-TYPE", lambda w: f"{w.what}: {describe(value)} är ingen e-postadress; skriv den som "
               "namn@exempel.se")
    if plain != said:
        refuse("E-TYPE", lambda w: f"{w.what}: skriv bara adressen: {plain}")
    return plain


def webbadress(value: Any) -> str:
    """A web address a reader can follow: https:// and a domain."""
    said = text(value).strip()
    if not _WEBBADRESS.fullmatch(said):
        bare = said.removeprefix("http://").removeprefix("https://")
        hint = (f"; skriv https://{bare}" if _WEBBADRESS.fullmatch(f"https://{bare}")
                else ", till exempel https://www.exempel.se")
        refuse("E-TYPE", lambda w: f"{w.what}: {describe(value)} är ingen webbadress som börjar med https://{hint}")
    return said


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    said = scalar_text(value).strip().lower() if not is_collection(value) else ""
    hint = ("; skriv true" if said in ("ja", "yes", "on", "y", "1", "sant", "true") else
            "; skriv false" if said in ("nej", "no", "off", "n", "0", "falskt", "false") else "")
    refuse("E-TYPE", lambda w: f"{w.what} ska vara true eller false, inte {describe(value)}{hint}")


def year_key(value: Any) -> int:
    """A key that must be a year (historik, tidigare_underskott, kontrollsummor)."""
    if isinstance(value, int) and not isinstance(value, (bool, NotDecimalInt, OctalInt, HexInt, BinaryInt)):
        return int(value)
    shown = str(value).strip()
    hint = (f"; skriv det utan citattecken: {shown}" if re.fullmatch(r"\d{4}", shown)
            and not isinstance(value, NotDecimalInt) else ", till exempel 2023")
    refuse("E-KEY", lambda w: f"{w.what}: nyckeln {describe(value)} ska vara ett år{hint}")


def text_key(value: Any) -> str:
    """A key that is a name (a member, a figure key)."""
    if isinstance(value, str) and not isinstance(value, FloatText):
        return str(value)
    refuse("E-KEY", lambda w: f'{w.what}: nyckeln {describe(value)} ska vara text; sätt den inom citattecken: '
           f'"{excerpt(scalar_text(value))}"')


# --- Colour ----------------------------------------------------------------------

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
MIN_CONTRAST = 4.5  # WCAG AA for text: the accent colours headings and links on white


def contrast_on_white(rgb: str) -> float:
    """The contrast ratio of #rrggbb against white (WCAG 2: 1 to 21)."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(rgb[i:i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def darker(rgb: str) -> str:
    """The same hue darkened just enough to be read on white: what to write instead."""
    channels = [int(rgb[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(100, -1, -1):
        shade = "#" + "".join(f"{c * step // 100:02x}" for c in channels)
        if contrast_on_white(shade) >= MIN_CONTRAST:
            return shade
    return "#000000"


def colour(value: Any) -> str:
    """A colour as "#rrggbb" (lower case), dark enough for text on white."""
    said = scalar_text(value).strip() if not is_collection(value) else ""
    found = _HEX.fullmatch(said)
    if found is None or not isinstance(value, str) or isinstance(value, FloatText):
        refuse("E-FARG", lambda w: f"{w.what} ska vara en färg skriven som sex hexadecimala siffror efter #, inom "
               f'citattecken, till exempel "#1f4e79", inte {describe(value)}')
    digits = found.group(1).lower()
    rgb = "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
    if rgb.lstrip("#") != said.lower().lstrip("#") or not said.startswith("#"):
        refuse("E-FARG", lambda w: f'{w.what} ska skrivas med # och sex siffror; skriv "{rgb}"')
    ratio = contrast_on_white(rgb)
    if ratio < MIN_CONTRAST:
        shown = f"{ratio:.1f}".replace(".", ",")
        refuse("E-KONTRAST", lambda w: f"{w.what}: {rgb} är för ljus för text på vit botten (kontrast {shown}:1, "
               f'minst 4,5:1 behövs); skriv en mörkare färg, till exempel "{darker(rgb)}"')
    return rgb


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
    "text": text, "ja_nej": yes_no, "nyckel": text, "namn": text, "e_post": e_post, "webbadress": webbadress,
    "farg": colour,
}
# What each kind is in the JSON Schema that editors check the files with.
_JSON: dict[str, Any] = {
    "belopp": core_schema.float_schema(gt=-int(MAX_BELOPP), lt=int(MAX_BELOPP)),
    "tal": core_schema.float_schema(gt=-int(MAX_TAL), lt=int(MAX_TAL)),
    "heltal": core_schema.int_schema(ge=-MAX_HELTAL, le=MAX_HELTAL),
    "ar": core_schema.int_schema(ge=FIRST_YEAR, le=LAST_YEAR), "datum": core_schema.date_schema(),
    "text": core_schema.str_schema(min_length=1), "ja_nej": core_schema.bool_schema(),
    "nyckel": core_schema.str_schema(), "namn": core_schema.str_schema(),
    "e_post": core_schema.str_schema(pattern=f"^{_E_POST.pattern}$"),
    "webbadress": core_schema.str_schema(pattern=f"^{_WEBBADRESS.pattern}$"),
    "farg": core_schema.str_schema(pattern="^#[0-9a-fA-F]{6}$"),
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
