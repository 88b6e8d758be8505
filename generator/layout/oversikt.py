"""The förvaltningsberättelse's figures: five-year overview, finansiering, eget kapital and ceiling."""
from __future__ import annotations

from decimal import Decimal

from ..derive import Arsredovisning
from ..formatting import kr, procent
from ..keys import BR, FEMAR, MA, NT
from .tables import Column, Row, Table

_FEMAR_ROWS = (("Verksamhetens intäkter", "verksamhetens_intakter", "belopp"),
               ("Verksamhetens kostnader", "verksamhetens_kostnader", "belopp"),
               ("Årets resultat", "arets_resultat", "belopp"), ("Eget kapital", "eget_kapital", "belopp"),
               ("Soliditet", "soliditet", "procent"), ("Antal anställda", "antal_anstallda", "heltal"))
_THOUSAND = Decimal(1000)


def _femar_unit(r: Arsredovisning) -> tuple[str, int]:
    """kr, or tkr when any year was entered in tkr; one decimal when a tkr figure has one."""
    tkr = [row for row in r.femar if row.enhet == "tkr"]
    if not tkr:
        return "kr", 0
    fractions = any(v is not None and (v / _THOUSAND) != (v / _THOUSAND).to_integral_value()
                    for row in tkr for v in (getattr(row, name) for _, name, fmt in _FEMAR_ROWS if fmt == "belopp"))
    return "tkr", 1 if fractions else 0


def table_femar(r: Arsredovisning) -> Table:
    """Översikt över verksamhetens utveckling: one column per year, newest first.

    Each cell is the export's `femar.<år>.<kolumn>` (the year's column, the row's field),
    which the row names itself; in a tkr table a cell is that figure rounded half to even,
    as the footnote says.
    """
    unit, decimals = _femar_unit(r)
    columns = tuple(Column(str(row.year), str(row.year)) for row in r.femar)
    rows = tuple(Row(label, tuple(getattr(year, name) for year in r.femar), format=fmt,  # type: ignore[arg-type]
                     cell_keys=tuple(FEMAR(str(year.year), name) for year in r.femar))
                 for label, name, fmt in _FEMAR_ROWS)
    return Table("tabell-femarsoversikt", "Översikt över verksamhetens utveckling", columns, rows,
                 unit=unit, decimals=decimals, css="statement femar", footnotes=femar_footnotes(r, unit, decimals),
                 rounding="cell")


def femar_footnotes(r: Arsredovisning, unit: str, decimals: int = 0) -> tuple[str, ...]:
    """Which years are of a predecessor förbund, which columns some year counted otherwise, the rounding."""
    notes = []
    by_name: dict[str, list[str]] = {}
    for row in r.femar:
        if row.foregangare:
            by_name.setdefault(row.foregangare, []).append(str(row.year))
    for name, years in by_name.items():
        notes.append(f"{'Året' if len(years) == 1 else 'Åren'} {lista(sorted(years))} avser {name}.")
    labels = {name: label for label, name, _ in _FEMAR_ROWS}
    for row in r.femar:
        for column, meaning in row.definitioner:
            notes.append(f"{labels[column]} {row.year}: {meaning}; övriga år enligt resultat- och "
                         "balansräkningen.")
    if unit == "tkr":
        step = "hundratal" if decimals else "tusental"
        notes.append(f"Beloppen är i tusental kronor; de år som redovisats i kronor är avrundade till närmaste "
                     f"{step} kronor (vid exakt hälften till jämnt {step}).")
    return tuple(notes)


def lista(items: list[str]) -> str:
    """Years as a reader says them: "2019–2021" for a run of three or more, else "2019 och 2021"."""
    years = sorted(int(y) for y in items)
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = [f"{run[0]}–{run[-1]}" if len(run) >= 3 else ", ".join(map(str, run)) for run in runs]
    words = ", ".join(parts).split(", ")
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def femar_note(r: Arsredovisning) -> str:
    """What the table's figures are, and which years come from earlier reports."""
    history = [str(row.year) for row in r.femar if row.kalla == "historik"]
    note = "Soliditet: eget kapital i procent av summa tillgångar."
    if history:
        note += (f" {'Året' if len(history) == 1 else 'Åren'} {lista(sorted(history))} är "
                 f"{'hämtat' if len(history) == 1 else 'hämtade'} ur "
                 f"{'en tidigare årsredovisning' if len(history) == 1 else 'tidigare årsredovisningar'}.")
    return note


def finansiering_text(r: Arsredovisning) -> str:
    return ("Förbundet finansieras enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser: "
            "staten bidrar med hälften, regionen med en fjärdedel och kommunerna tillsammans med en fjärdedel. "
            f"Årets medlemsavgifter uppgick till {kr(r.value(MA.summa))}.")


def eget_kapital_text(r: Arsredovisning) -> str | None:
    """Eget kapital against Nationella rådets recommended ceiling, in words."""
    ek, over, tak = r.value(BR.summa_eget_kapital), r.value(NT.eget_kapital_over_tak), r.value(NT.eget_kapital_tak)
    if ek is None or over is None or tak is None:
        return None
    position = (f"Eget kapital överstiger taket med {kr(over)}." if over > 0
                else f"Eget kapital ligger {kr(-over)} under taket." if over < 0
                else "Eget kapital är lika stort som taket.")
    return (f"Eget kapital uppgick vid årets slut till {kr(ek)}, vilket är "
            f"{procent(r.value(NT.eget_kapital_andel_av_tilldelning))} av årets medlemsavgifter. Nationella "
            f"rådets rekommenderade tak är {procent(r.value(NT.eget_kapital_tak_andel))} av medlemsavgifterna, i år "
            f"{kr(tak)}. "
            f"{position} Soliditeten är {procent(r.value(NT.soliditet))}.")
