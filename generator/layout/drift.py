"""The driftredovisning (RKR R14): one row per verksamhet, in the data's unit.

Every figure is the export's (`driftredovisning.<verksamhet>.<fält>`, the total row
`driftredovisning.summa_<fält>`); in tkr or mnkr each column's rows are rounded together
so they add up to the rounded total, and the total row is the export's total rounded.
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from ..derive import ZERO, Arsredovisning
from ..formatting import UNITS, distribute
from ..keys import DR, DRIFT, MINNESPOST
from .tables import Column, Row, Table, decimals

_TOTALS = {"intakt": DR.summa_intakt, "kostnad": DR.summa_kostnad, "netto": DR.summa_netto,
           "budget": DR.summa_budget, "avvikelse": DR.summa_avvikelse, "netto_fjol": DR.summa_netto_fjol,
           "intakt_fjol": DR.summa_intakt_fjol, "kostnad_fjol": DR.summa_kostnad_fjol}


def _shown_column(values: list[Decimal | None], unit: str) -> list[Decimal | None]:
    """A column as shown: in kr as it is; in tkr or mnkr rounded so the rows add up to their total."""
    present = [v for v in values if v is not None]
    if unit == "kr" or not present:
        return values
    shown = iter(distribute(present, sum(present, ZERO), unit))
    return [next(shown) if v is not None else None for v in values]


def _shown_total(value: Decimal | None, unit: str) -> Decimal | None:
    if value is None or unit == "kr":
        return value
    size = UNITS[unit]
    return (value / size).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) * size


def _footnotes(r: Arsredovisning, unit: str) -> tuple[str, ...]:
    drift = r.arsfil.driftredovisning
    notes = []
    if unit != "kr":
        notes.append(f"Beloppen är avrundade till {unit}; varje kolumns rader är avrundade så att de summerar till "
                     "den avrundade summan, varför netto på en rad kan skilja en enhet från intäkt plus kostnad.")
    notes.append(NETTO)
    utan = [row.namn for row in r.driftredovisning if row.netto is not None and row.budget is None
            and not row.harledd]
    if utan and r.value(DR.summa_avvikelse) is not None:
        names = utan[0] if len(utan) == 1 else f"{', '.join(utan[:-1])} och {utan[-1]}"
        many = len(utan) > 1
        notes.append(f"{'Verksamheterna' if many else 'Verksamheten'} {names} har ingen budget. "
                     f"{'Deras' if many else 'Dess'} netto ingår i summa netto och därmed i summa avvikelse, "
                     "som är summa netto minus summa budget och därför inte summan av radernas avvikelser.")
    if any(row.harledd for row in r.driftredovisning):
        notes.append("Finansiella poster är resultaträkningens finansiella intäkter och kostnader."
                     + (" De har ingen budget; deras netto ingår i summa avvikelse."
                        if r.value(DR.summa_avvikelse) is not None else ""))
    return tuple(notes) + (drift.fotnoter if drift is not None else ())


def _columns(r: Arsredovisning, fjol: bool) -> tuple[tuple[Column, ...], tuple[str, ...]]:
    y = r.year
    headings = [Column(f"Intäkt {y}", "intakt"), Column(f"Kostnad {y}", "kostnad"), Column(f"Netto {y}", "netto"),
                Column(f"Budget netto {y}", "budget"), Column("Avvikelse netto − budget", "avvikelse")]
    if fjol:
        headings += [Column(f"Intäkt {y - 1}", "intakt_fjol"), Column(f"Kostnad {y - 1}", "kostnad_fjol")]
    headings.append(Column(f"Netto {y - 1}", "netto_fjol"))
    return tuple(headings), tuple(c.key for c in headings)


def _memo_rows(r: Arsredovisning, fields: tuple[str, ...], unit: str) -> list[Row]:
    """Memo rows under the total: each rounded by itself, outside the columns' sums."""
    return [Row(m.text, tuple(_shown_total(r.value(MINNESPOST(m.key, f)), unit) if f in _MEMO_FIELDS else ""
                              for f in fields), "minnespost", key=f"driftredovisning.minnespost.{m.key}")
            for m in r.minnesposter]


_MEMO_FIELDS = ("netto", "budget", "avvikelse", "netto_fjol")


def table_driftredovisning(r: Arsredovisning) -> Table | None:
    """One row per verksamhet and the total row, each cell the export's figure in the data's unit."""
    drift = r.arsfil.driftredovisning
    if not r.driftredovisning or drift is None:
        return None
    unit, rows = drift.enhet, r.driftredovisning
    headings, fields = _columns(r, drift.jamforelse == "intakt_och_kostnad")
    columns = [_shown_column([r.value(DRIFT(row.key, name)) for row in rows], unit) for name in fields]
    table_rows = [Row(row.namn, tuple(c[i] for c in columns), key=f"driftredovisning.{row.key}")
                  for i, row in enumerate(rows)]
    totals = tuple(_TOTALS[f] for f in fields)
    table_rows.append(Row(drift.summa_text or "Summa", tuple(_shown_total(r.value(k), unit) for k in totals),
                          "totalsumma", cell_keys=totals))
    table_rows += _memo_rows(r, fields, unit)
    return Table("tabell-driftredovisning", "Driftredovisning", headings, tuple(table_rows), unit=unit,
                 decimals=decimals(table_rows) if unit == "kr" else 0, footnotes=_footnotes(r, unit),
                 first_header="Verksamhet", quiet_caption=True)


NETTO = ("Netto är intäkt och kostnad sammantagna; avvikelse är netto minus budgeterat netto, så att ett positivt "
         "tal är ett bättre utfall än budget.")
