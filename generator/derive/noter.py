"""The notes: one per statement line entered with rows, numbered in order of first reference.

A note shows this year's and last year's rows side by side; rows are matched across the
years by their key (their text, and their parent's for group and varav rows), so a row of
only one year keeps its place. Every row and total is also a figure (`noter.…`).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from ..keys import BR, RR, Key, Noter
from ..model import Arsfil, Bilaga, Linje, Post, Rad
from ..slug import unique_slugs
from .report import ZERO, Figures

RowKind = Literal["rad", "grupp", "delsumma", "varav"]


def rad_amount(rad: Rad) -> Decimal:
    """A row's amount: its own belopp, or the sum of its rows when it is a group."""
    if rad.rader:
        return sum((rad_amount(r) for r in rad.rader), ZERO)
    return rad.belopp if rad.belopp is not None else ZERO


def line_amount(linje: Linje | None) -> Decimal | None:
    """A statement line's amount: as entered, or the sum of its note's rows."""
    if isinstance(linje, Post):
        if not linje.rader:
            return linje.belopp
        return sum((rad_amount(r) for r in linje.rader), ZERO)
    return linje


@dataclass(frozen=True)
class NotRad:
    text: str
    key: str  # figure key of this row
    level: int  # 0 top row, 1 row of a group or a varav row
    kind: RowKind
    varden: dict[int, Decimal | None]


@dataclass(frozen=True)
class BilagaTabell:
    rubrik: str
    avser: str
    key: str
    rader: tuple[NotRad, ...]
    summa: dict[int, Decimal | None]


@dataclass(frozen=True)
class Not:
    """A note: its number, heading, rows with their sum (if any), bilagor and text (if any).

    `key` is the statement line a specification belongs to ("resultatrakning.…"), or for a
    note that specifies no line its own key prefix ("noter.leasing"); `avser` are the
    statement lines whose Not column points to it.
    """

    key: str
    rubrik: str
    rader: tuple[NotRad, ...]
    summa: dict[int, Decimal | None]
    bilagor: tuple[BilagaTabell, ...] = ()
    number: int = 0
    avser: tuple[str, ...] = ()
    text: str | None = None  # Markdown of an information-only note
    efter: tuple[NotRad, ...] = ()  # rows after the sum (the eget kapital note's varav)
    dated: bool = False  # columns are balance-sheet dates (2023-12-31) rather than years
    summa_text: str = "Summa"

    @property
    def summa_key(self) -> str:
        return Noter.summa(self.key if self.key.startswith("noter.") else Noter.line(self.key.split(".", 1)[1]))


# A row of one year before the years are merged: (text, key, level, kind, amount).
_Row = tuple[str, str, int, RowKind, Decimal | None]

# The statement lines that may have a note, in the order the report refers to them;
# notes are numbered in this order (after Not 1, redovisningsprinciper).
NOTE_LINES: tuple[Key, ...] = (RR.verksamhetens_intakter, RR.verksamhetens_kostnader, RR.avskrivningar,
                               RR.finansiella_intakter, RR.finansiella_kostnader, RR.extraordinara_poster,
                               BR.immateriella_anlaggningstillgangar, BR.maskiner_och_inventarier,
                               BR.finansiella_anlaggningstillgangar, BR.forrad, BR.fordringar,
                               BR.kortfristiga_placeringar, BR.kassa_och_bank, BR.summa_eget_kapital,
                               BR.avsattningar_pensioner,
                               BR.andra_avsattningar, BR.langfristiga_skulder, BR.kortfristiga_skulder,
                               BR.ansvarsforbindelser)


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


# Words a row's slug may not take: the keys the notes write themselves under a parent.
RESERVED_ROW = ("summa", "varav", "varav_delvis", "bilaga")


def _flatten(rader: Iterable[Rad], prefix: str, level: int = 0, reserved: tuple[str, ...] = ()) -> list[_Row]:
    """Rows of a specification, groups before their rows and their subtotal after."""
    out: list[_Row] = []
    rader = list(rader)
    for rad, slug_ in zip(rader, unique_slugs([r.text for r in rader], RESERVED_ROW + reserved), strict=True):
        key = Noter.row(prefix, slug_, rad.text)
        if rad.rader:
            out.append((rad.text, key, level, "grupp", None))
            out.extend(_flatten(rad.rader, key, level + 1))
            out.append((f"Summa {_lowered(rad.text)}", Noter.summa(key), level, "delsumma", rad_amount(rad)))
        else:
            out.append((rad.text, key, level, "rad", rad_amount(rad)))
        for v, vslug in zip(rad.varav, unique_slugs([r.text for r in rad.varav]), strict=True):
            vkey = Noter.varav(key, vslug, v.text, rad.varav_delvis)
            out.append((f"varav {_lowered(v.text)}", vkey, level + 1, "varav", rad_amount(v)))
    return out


def _merge_years(now: list[_Row], before: list[_Row], year: int) -> tuple[NotRad, ...]:
    by_key = {k: a for _, k, _, _, a in before}
    keys_now = {k for _, k, _, _, _ in now}
    rows = [NotRad(t, k, lvl, kind, {year: a, year - 1: by_key.get(k)}) for t, k, lvl, kind, a in now]
    rows += [NotRad(t, k, lvl, kind, {year: None, year - 1: a}) for t, k, lvl, kind, a in before if k not in keys_now]
    return tuple(rows)


def line_post(arsfil: Arsfil | None, key: str) -> Post | None:
    """The statement line a key names, when it is entered as a mapping (rows, rubrik, noter)."""
    if arsfil is None or "." not in key:
        return None
    section, name = key.split(".", 1)
    linje = getattr(getattr(arsfil, section, None), name, None)
    return linje if isinstance(linje, Post) else None


def line_label(arsfil: Arsfil, key: Key) -> str:
    """A statement line's text: the year file's own `rubrik`, or the standard one."""
    post = line_post(arsfil, key)
    return post.rubrik if post is not None and post.rubrik else key.label


def _post(arsfil: Arsfil | None, key: Key) -> Post | None:
    post = line_post(arsfil, key)
    return post if post is not None and post.rader else None


def _intakter_rows(arsfil: Arsfil, prefix: str) -> list[_Row]:
    """Note rows for verksamhetens intäkter: the members' fees as a group, then other income."""
    rows: list[_Row] = []
    if arsfil.medlemsavgifter:
        group = Noter.row(prefix, "medlemsavgifter", "Medlemsavgifter")
        rows.append(("Medlemsavgifter", group, 0, "grupp", None))
        names = list(arsfil.medlemsavgifter)
        for name, slug_ in zip(names, unique_slugs(names, RESERVED_ROW), strict=True):
            rows.append((name, Noter.row(group, slug_, name), 1, "rad", arsfil.medlemsavgifter[name]))
        rows.append(("Summa medlemsavgifter", Noter.summa(group), 0, "delsumma",
                     sum(arsfil.medlemsavgifter.values(), ZERO)))
    other = arsfil.resultatrakning.verksamhetens_intakter
    rows.extend(_flatten(other.rader if other else (), prefix, reserved=("medlemsavgifter",) if rows else ()))
    return rows


def _rows(key: Key, arsfil: Arsfil | None, post: Post | None, prefix: str) -> list[_Row]:
    if arsfil is None:
        return []
    if key == RR.verksamhetens_intakter:
        return _intakter_rows(arsfil, prefix)
    return _flatten(post.rader, prefix) if post else []


def derive_noter(arsfil: Arsfil, fjol: Arsfil | None, figures: dict[int, Figures],
                 extra: dict[str, Not] | None = None) -> list[Not]:
    """Statement notes in order of first reference, numbered from 2 (Not 1 is redovisningsprinciper).

    `extra` holds generated notes of a statement line (the eget kapital note), placed where
    that line is first referred to.
    """
    year = arsfil.ar
    out: list[Not] = []
    for key in NOTE_LINES:
        if extra and key in extra:
            out.append(extra[key])
            continue
        post_now, post_before = _post(arsfil, key), _post(fjol, key)
        if key != RR.verksamhetens_intakter and post_now is None and post_before is None:
            continue
        prefix = Noter.line(key.split(".", 1)[1])
        now_rows, before_rows = _rows(key, arsfil, post_now, prefix), _rows(key, fjol, post_before, prefix)
        if not now_rows and not before_rows:
            continue
        summa = {year: figures.get(year, {}).get(key), year - 1: figures.get(year - 1, {}).get(key)}
        bilagor_before = {_norm(b.rubrik): b for b in (post_before.bilagor if post_before else ())}
        own = post_now.bilagor if post_now else ()
        bilagor = tuple(_bilaga(b, bilagor_before.get(_norm(b.rubrik)), prefix, year, bslug)
                        for b, bslug in zip(own, unique_slugs([b.rubrik for b in own]), strict=True))
        out.append(Not(key, line_label(arsfil, key), _merge_years(now_rows, before_rows, year), summa, bilagor,
                       avser=(key,), dated=key.startswith("balansrakning")))
    return [replace(n, number=i + 2) for i, n in enumerate(out)]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _bilaga(b: Bilaga, before: Bilaga | None, prefix: str, year: int, bslug: str) -> BilagaTabell:
    key = Noter.bilaga(prefix.split(".", 1)[1], bslug)
    rows = _merge_years(_flatten(b.rader, key), _flatten(before.rader, key) if before else [], year)
    total = sum((rad_amount(r) for r in b.rader), ZERO)
    total_before = sum((rad_amount(r) for r in before.rader), ZERO) if before else None
    return BilagaTabell(b.rubrik, b.avser, key, rows, {year: total, year - 1: total_before})


def note_figures(notes: list[Not], year: int) -> dict[int, Figures]:
    """Every note row and total as a figure, for the export and the narrative."""
    out: dict[int, Figures] = {year: {}, year - 1: {}}
    for note in notes:
        for y in (year, year - 1):
            total = note.summa.get(y)
            if total is not None:
                out[y][note.summa_key] = total
            rows = list(note.rader) + list(note.efter) + [row for bilaga in note.bilagor for row in bilaga.rader]
            out[y].update({row.key: v for row in rows if (v := row.varden.get(y)) is not None})
            for bilaga in note.bilagor:
                bilaga_total = bilaga.summa.get(y)
                if bilaga_total is not None:
                    out[y][Noter.summa(bilaga.key)] = bilaga_total
    return out
