"""The balanskravsresultat's deficits: the table of what is carried, restored and left, and the board's decision."""
from __future__ import annotations

from ..derive import Arsredovisning
from ..formatting import datum, kr
from ..keys import BK, UNDERSKOTT
from .tables import Column, Row, Table, decimals

_PREFIX = UNDERSKOTT.prefix + "."


def _names(r: Arsredovisning) -> list[str]:
    """The deficits' years of the report year, oldest first, as derive wrote them."""
    figures = r.figures.get(r.year, {})
    return sorted({k[len(_PREFIX):].split(".")[0] for k in figures if k.startswith(_PREFIX)} - {"summa"})


def table_underskott(r: Arsredovisning) -> Table | None:
    """One row per deficit (carried, and this year's), with the sum; none when there is no deficit."""
    names = _names(r)
    if not names:
        return None
    figures = r.figures[r.year]
    columns = [Column("Underskott", "belopp"), Column(f"Återställt {r.year}", "aterstallt")]
    if BK.aterstalls_inte in figures:
        columns.append(Column("Återställs inte enligt styrelsens beslut", "aterstalls_inte"))
    columns.append(Column("Kvar att återställa", "kvar"))
    rows = []
    # A sum of one row would only repeat it.
    for name in [*names, "summa"] if len(names) > 1 else names:
        label = "Summa" if name == "summa" else (f"Årets underskott {name}" if name == str(r.year)
                                                  else f"Underskott {name}")
        values = tuple(figures.get(UNDERSKOTT(name, c.key)) for c in columns)
        rows.append(Row(label, values, "totalsumma" if name == "summa" else "rad", key=_PREFIX + name))
    return Table("tabell-underskott", "Underskott att återställa", tuple(columns), tuple(rows),
                 decimals=decimals(rows), first_header="År")


def text_aterstalls_inte(r: Arsredovisning) -> str | None:
    """The board's decision not to restore this year's deficit, in a sentence; its reasons follow it."""
    beslut = r.arsfil.balanskrav.aterstalls_inte
    part, deficit = r.value(BK.aterstalls_inte), r.value(BK.arets_balanskravsresultat)
    if beslut is None or part is None or deficit is None or deficit >= 0:
        return None
    when = datum(beslut.beslut, r.forbund.installningar.datumformat)
    what = (f"årets underskott på {kr(-deficit)}" if part == deficit
            else f"{kr(-part)} av årets underskott på {kr(-deficit)}")
    return f"Styrelsen beslutade den {when} att inte återställa {what}. Styrelsens synnerliga skäl:"
