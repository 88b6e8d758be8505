"""Follow-up tables: a row per kommun, part, outcome …, counts (per kön when given) and shares.

Every count and share is the export's figure under the row's key and the column's field
(`uppfoljning.<tabell>.<rad>.antal`); a cell nobody filled in, or a share of a total
that cannot be known, shows "–".
"""
from __future__ import annotations

from dataclasses import dataclass

from ..derive import Arsredovisning
from ..derive.uppfoljning import Tabell, derive_tabeller
from .tables import Column, Row, Table

_KON_COLUMNS = {"kvinnor": "Kvinnor", "man": "Män", "annan": "Annan eller uppgift saknas"}
DIMENSION = {"kommun": "Kommun", "remitterande_part": "Remitterande part", "forsorjning": "Försörjning vid start",
             "utfall": "Utfall", "kon": "Kön", "intag": "Skede", "annan": ""}
VARAV_NOTE = "Andelen på en varav-rad är andelen av raden ovanför."


@dataclass(frozen=True)
class FollowUp:
    """A follow-up table with the insats it belongs to (None for the whole förbund)."""

    insats_key: str | None
    table: Table
    kommentar: str | None


def _varav_label(text: str) -> str:
    return text if text.lower().startswith("varav") else f"varav {text}"


def _table(r: Arsredovisning, t: Tabell) -> Table:
    whole = t.tabell.summeras
    fields = (*t.kon, "antal", "andel")[:None if whole else -1]
    columns = tuple(Column(_KON_COLUMNS[k], k, "heltal") for k in t.kon)
    columns += (Column("Totalt" if t.kon else "Antal", "antal", "heltal"),)
    columns += (Column("Andel", "andel", "procent"),) if whole else ()

    def row(label: str, key: str, kind: str = "rad") -> Row:
        return Row(label, tuple(r.value(f"{key}.{f}") for f in fields), kind, key=key)  # type: ignore[arg-type]

    rows = []
    for rad, rkey, vkeys in zip(t.tabell.rader, t.row_keys, t.varav_keys, strict=True):
        rows.append(row(rad.text, f"{t.key}.{rkey}"))
        rows += [row(_varav_label(v.text), f"{t.key}.{rkey}.varav.{vkey}", "varav")
                 for v, vkey in zip(rad.varav, vkeys, strict=True)]
    entered = t.tabell.totalt is not None
    if whole:
        rows.append(row("Totalt" if entered else "Summa", f"{t.key}.{'totalt' if entered else 'summa'}",
                        "totalsumma"))
    note = (VARAV_NOTE,) if whole and any(rad.varav for rad in t.tabell.rader) else ()
    caption = f"{t.insats.insats.namn}: {t.tabell.rubrik}" if t.insats else t.tabell.rubrik
    return Table(f"tabell-{t.key.replace('.', '-').replace('_', '-')}", caption, columns, tuple(rows),
                 unit=None, first_header=DIMENSION[t.tabell.dimension], footnotes=note,
                 css="statement uppfoljning")


def follow_ups(r: Arsredovisning) -> list[FollowUp]:
    """Every follow-up table of the year: the förbund's, then each insats's."""
    return [FollowUp(t.insats.key if t.insats else None, _table(r, t), t.tabell.kommentar)
            for t in derive_tabeller(r.arsfil, r.insatser)]
