"""The driftredovisning (RKR R14): one row per verksamhet, in the data's unit."""
from __future__ import annotations

from decimal import Decimal

from ..derive import ZERO, Arsredovisning
from ..formatting import distribute
from .tables import Column, Row, Table, decimals, total


def _shown_column(values: list[Decimal | None], unit: str) -> list[Decimal | None]:
    """A column as shown: in kr as it is; in tkr or mnkr rounded so the rows add up to the total."""
    present = [v for v in values if v is not None]
    if unit == "kr" or not present:
        return values
    shown = iter(distribute(present, sum(present, ZERO), unit))
    return [next(shown) if v is not None else None for v in values]


def table_driftredovisning(r: Arsredovisning) -> Table | None:
    """One row per verksamhet; shown in the data's unit, rounded so every column adds up."""
    drift = r.arsfil.driftredovisning
    if not r.driftredovisning or drift is None:
        return None
    unit, rows = drift.enhet, r.driftredovisning
    intakt, kostnad, budget, fjol = (_shown_column([getattr(row, name) for row in rows], unit)
                                     for name in ("intakt", "kostnad", "budget", "netto_fjol"))
    # Netto and avvikelse of the shown figures, so each row adds up across as shown.
    netto = [None if i is None and k is None else (i or ZERO) + (k or ZERO)
             for i, k in zip(intakt, kostnad, strict=True)]
    avvikelse = [None if n is None or b is None else n - b for n, b in zip(netto, budget, strict=True)]
    columns = list(zip(intakt, kostnad, netto, budget, avvikelse, fjol, strict=True))
    table_rows = [Row(row.namn, values, key=f"driftredovisning.{row.key}")
                  for row, values in zip(rows, columns, strict=True)]
    sums = tuple(total(c) for c in (intakt, kostnad, netto, budget, avvikelse, fjol))
    table_rows.append(Row("Summa", sums, "totalsumma", key="driftredovisning.summa"))
    y = r.year
    headings = (Column(f"Intäkt {y}", "intakt"), Column(f"Kostnad {y}", "kostnad"), Column(f"Netto {y}", "netto"),
                Column(f"Budget netto {y}", "budget"), Column("Avvikelse netto − budget", "avvikelse"),
                Column(f"Netto {y - 1}", "netto_fjol"))
    rounding = (f"Beloppen är avrundade till {unit}; varje kolumn är avrundad så att summan är lika med summan av "
                "de visade raderna.",) if unit != "kr" else ()
    return Table("tabell-driftredovisning", "Driftredovisning", headings, tuple(table_rows), unit=unit,
                 decimals=decimals(table_rows) if unit == "kr" else 0, footnotes=rounding + (NETTO,),
                 first_header="Verksamhet", quiet_caption=True)


NETTO = ("Netto är intäkt och kostnad sammantagna; avvikelse är netto minus budgeterat netto, så att ett positivt "
         "tal är ett bättre utfall än budget.")
