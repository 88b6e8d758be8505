"""Notes beside the specifications: information-only notes (`noter:`) and the eget kapital note.

Information-only notes are numbered after the statement notes, in the order the year file
lists them: a statement note's number then never changes when such a note is added or
removed, and a note that no line refers to still has a fixed place. Each is matched with
last year's note of the same heading (by its key), as a specification is.
"""
from __future__ import annotations

from decimal import Decimal

from ..keys import BR, RR, Noter
from ..model import Arsfil, Infonot
from ..slug import slug
from .balanskrav import reserv_keys
from .noter import Not, NotRad, RowKind, _flatten, _merge_years, line_post, rad_amount
from .report import ZERO, Figures
from .statements import BR_LINES, field_of

EGET_KAPITAL = Noter.line("summa_eget_kapital")


def infonot_key(note: Infonot | str) -> str:
    """The key prefix of an information-only note: `noter.<slug of its heading>`."""
    return Noter.line(slug(note if isinstance(note, str) else note.rubrik))


def referring_lines(arsfil: Arsfil) -> dict[str, list[str]]:
    """Information-only note key → the statement lines whose `noter:` name it."""
    out: dict[str, list[str]] = {}
    for key in (RR.verksamhetens_intakter, RR.verksamhetens_kostnader, RR.avskrivningar, RR.finansiella_intakter,
                RR.finansiella_kostnader, RR.extraordinara_poster, *BR_LINES):
        post = line_post(arsfil, key)
        for ref in post.noter if post else ():
            out.setdefault(infonot_key(ref), []).append(key)
    return out


def derive_infonoter(arsfil: Arsfil, fjol: Arsfil | None, first: int) -> list[Not]:
    """The year file's information-only notes, numbered from `first`."""
    year = arsfil.ar
    before = {infonot_key(n): n for n in (fjol.noter if fjol else ())}
    refs = referring_lines(arsfil)
    out = []
    for number, note in enumerate(arsfil.noter, start=first):
        key = infonot_key(note)
        prev = before.get(key)
        now_rows, before_rows = _flatten(note.rader, key), _flatten(prev.rader if prev else (), key)
        rows = _merge_years(now_rows, before_rows, year) if note.rader else ()
        summa = ({year: sum((rad_amount(r) for r in note.rader), ZERO),
                  year - 1: sum((rad_amount(r) for r in prev.rader), ZERO) if prev and prev.rader else None}
                 if note.rader else {})
        out.append(Not(key, note.rubrik, rows, summa, number=number, avser=tuple(refs.get(key, ())),
                       text=note.beskrivning))
    return out


def _row(text: str, name: str, kind: RowKind, values: dict[int, Decimal | None]) -> NotRad:
    return NotRad(text, f"{EGET_KAPITAL}.{name}", 0, kind, values)


def eget_kapital_not(year: int, figures: dict[int, Figures], before_fjol: Figures) -> Not:
    """Opening equity (last year's closing), årets resultat and closing equity, all derived.

    A year whose opening is unknown (no figures two years back) shows "–" in that column
    and no sum, rather than a closing figure that does not follow from the rows shown.
    """
    opening = {year: figures.get(year - 1, {}).get(BR.summa_eget_kapital),
               year - 1: before_fjol.get(BR.summa_eget_kapital)}
    result = {y: figures.get(y, {}).get(BR.arets_resultat) for y in (year, year - 1)}
    closing = {y: figures.get(y, {}).get(BR.summa_eget_kapital) if opening[y] is not None else None
               for y in (year, year - 1)}
    rows = (_row("Ingående eget kapital", "ingaende", "rad", opening),
            _row("Årets resultat", "arets_resultat", "rad", result))
    # The reserve under the report year's name (resultatreserv from 2024; both columns so named).
    key = reserv_keys(year)[0]
    reserv = {y: figures.get(y, {}).get(key) for y in (year, year - 1)}
    # The reserve is a part of the closing equity, not a movement: shown after the sum.
    label = key.label
    efter = ((NotRad(f"varav {label[:1].lower()}{label[1:]}", f"{EGET_KAPITAL}.varav_delvis.{field_of(key)}",
                     1, "varav", reserv),) if any(reserv.values()) else ())
    return Not(BR.summa_eget_kapital, "Eget kapital", rows, closing, avser=(BR.summa_eget_kapital,),
               efter=efter, summa_text="Utgående eget kapital")


def number_after(notes: list[Not]) -> int:
    return (max((n.number for n in notes), default=1)) + 1

