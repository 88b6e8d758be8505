"""Figures named by the user: control totals copied from elsewhere, and figures in the text."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from ..derive import Arsredovisning
from ..derive.balanskrav import as_key_of_report
from ..findings import Finding, Pos, did_you_mean, error, excerpt
from ..formatting import MINUS, NBSP, UNITS, plain, tal
from ..keys import ANDEL, format_of
from ..narrative import link_findings, references


def _disagreement(key: str, year: int, expected: Decimal, computed: Decimal) -> str:
    message = (f"kontrollsumma {key} {year}: angivet {plain(expected)}, framräknat {plain(computed)}, "
               f"skillnad {plain(expected - computed)}")
    if expected == -computed:
        # The commonest slip when copying from a ledger, which shows costs and equity
        # with the opposite sign of the report's.
        message += ("; bara tecknet skiljer: i de här filerna är intäkter och tillgångar positiva och kostnader "
                    "negativa, som resultaträkningen visar dem")
    return message


def _half_last_digit(written: Decimal) -> Decimal:
    """Half a unit of the last digit written: 2813 → 0.5, 2.8 → 0.05, 0.19 → 0.005."""
    return Decimal(5).scaleb(int(written.as_tuple().exponent) - 1)


def _in_unit(value: Decimal, decimals: int, most: int) -> str:
    """A figure for a terminal message in a report's unit: the decimals it has, at least `decimals`,
    at most `most` (öre in the unit; six for a share, as the figures export has them)."""
    exponent = int(value.normalize().as_tuple().exponent) if value else 0
    text = tal(value, max(decimals, min(-exponent, most), 0))
    return text.replace(NBSP, " ").replace(MINUS, "-")


def _compare(key: str, year: int, expected: Decimal, computed: Decimal, unit: str) -> str | None:
    """None when the figure as printed agrees with the derived one; else the message.

    Amounts in kr are compared exactly, as the bookkeeping has them. What was rounded when
    printed (amounts in tkr or mnkr, shares, and a quotient such as kostnad per deltagare,
    which has more decimals than öre) agrees within half a unit of the last digit written,
    exactly half included, since either rounding of it may have been printed.
    """
    share = format_of(key) == ANDEL
    size = Decimal(1) if share else UNITS[unit]
    if not share and unit == "kr" and computed == computed.quantize(Decimal("0.01")):
        return None if computed == expected else _disagreement(key, year, expected, computed)
    margin = _half_last_digit(expected)
    if abs(expected * size - computed) <= margin * size:
        return None
    decimals = max(-int(expected.as_tuple().exponent), 0)
    most = 6 if share else 2 + len(str(int(size))) - 1
    suffix = "" if share else f" {unit}"
    shown = computed / size
    return (f"kontrollsumma {key} {year}: angivet {_in_unit(expected, decimals, most)}{suffix}, framräknat "
            f"{_in_unit(shown, decimals, most)}{suffix}" + ("" if share else f" ({plain(computed)} kr)")
            + f", skillnad {_in_unit(expected - shown, decimals, most)}{suffix}: mer än avrundningens "
            f"±{_in_unit(margin, 0, most)}{suffix}")


def check_kontrollsummor(r: Arsredovisning) -> Iterator[Finding]:
    """Figures copied from the bookkeeping or a published report, checked as assertions."""
    ks = r.arsfil.kontrollsummor
    if ks is None:
        return
    for year, values in ks.belopp.items():
        if year not in (r.year, r.year - 1):
            yield error("E-KONTROLL", f"kontrollsummor för {year}: bara {r.year} och {r.year - 1} finns i den "
                        "här årsredovisningen",
                        ks.belopp.pos_of(year))
            continue
        derived = r.figures.get(year, {})
        for key, expected in values.items():
            # Last year's published reserve may be entered under the name it had then.
            computed = derived.get(as_key_of_report(key, r.year) if year < r.year else key)
            if computed is None:
                hint = did_you_mean(key, list(derived), "; `make figures` visar alla nycklar", cutoff=0.7)
                yield error("E-KONTROLL", f'kontrollsumma "{excerpt(key)}" är inget belopp som räknas fram för '
                            f"{year}{hint}", values.pos_of(key))
                continue
            message = _compare(key, year, expected, computed, ks.enhet)
            if message:
                yield error("E-KONTROLL", message, values.pos_of(key))


def _texts(r: Arsredovisning) -> Iterator[tuple[str, str, int, int]]:
    """Every free text that may name figures, with where it starts: (text, path, first line,
    column of a one-line text on its key's line, else 0)."""
    for a in r.narrativ:
        yield a.markdown, a.pos.path, a.body_line, 0
    yield from _yaml_texts(r)


def _yaml_texts(r: Arsredovisning) -> Iterator[tuple[str, str, int, int]]:
    """The year file's comments and explanations, rendered as Markdown like the narrative."""
    arsfil = r.arsfil
    owners: list[tuple[object, str]] = [(arsfil.balanskrav, "styrelsens_forklaring"), (arsfil.underskrift, "beslut")]
    if arsfil.mal is not None:
        goals = arsfil.mal.verksamhetsmal + arsfil.mal.finansiella_mal
        owners += [(goal, "kommentar") for mal in goals for goal in (mal, *mal.delmal)]
    owners += [(insats, "kommentar") for insats in arsfil.insatser]
    owners += [(note, "beskrivning") for note in arsfil.noter]
    for owner, name in owners:
        value = getattr(owner, name)
        if value:
            pos: Pos = owner.pos_of(name)  # type: ignore[attr-defined]
            # A block scalar (| or >) starts on the line after its key.
            if "\n" in value:
                yield value, pos.path, pos.line + 1, 0
            else:
                yield value, pos.path, pos.line, pos.col


def _on_value_line(pos: Pos, first_line: int, value_col: int) -> Pos:
    """A place in a one-line text (value_col > 0) moved to where the text stands on its key's line."""
    if not value_col or pos.line != first_line:
        return pos
    return dataclasses.replace(pos, col=pos.col + value_col - 1)


def check_referenser(r: Arsredovisning) -> Iterator[Finding]:
    """Figures named in the narrative exist; nothing else stands between the braces."""
    for text, path, first_line, value_col in _texts(r):
        for ref in references(text):
            line = first_line + text.count("\n", 0, ref.offset)
            pos = _on_value_line(Pos(path, line, ref.offset - (text.rfind("\n", 0, ref.offset) + 1) + 1),
                                 first_line, value_col)
            year = ref.year or r.year
            if ref.problem or ref.key is None:
                yield error("E-REFERENS", ref.problem or "inget namn på ett belopp", pos)
            elif year not in (r.year, r.year - 1):
                yield error("E-REFERENS", f"{excerpt(ref.text)}: bara {r.year} och {r.year - 1} finns i den här "
                            "årsredovisningen", pos)
            elif ref.key not in r.figures.get(year, {}):
                hint = did_you_mean(ref.key, list(r.figures.get(year, {})), "; `make figures` visar alla namn",
                                    cutoff=0.7)
                yield error("E-REFERENS", f'"{excerpt(ref.key)}" är inget belopp som räknas fram för {year}{hint}', pos)


def check_lankar(r: Arsredovisning) -> Iterator[Finding]:
    """Links in the year file's texts follow the narrative's rule (the Markdown file is linted as it is read)."""
    for text, path, first_line, value_col in _yaml_texts(r):
        for f in link_findings(text, path, first_line):
            yield dataclasses.replace(f, pos=_on_value_line(f.pos, first_line, value_col))
