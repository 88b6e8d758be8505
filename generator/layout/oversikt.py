"""The förvaltningsberättelse's figures: five-year overview, finansiering, eget kapital and ceiling."""
from __future__ import annotations

from ..derive import Arsredovisning
from ..formatting import kr, procent
from ..keys import BR, MA, NT, RR
from .tables import Column, Row, Table

# Label, field of the five-year row, format, and the export's key of that figure.
_FEMAR_ROWS = (("Verksamhetens intäkter", "verksamhetens_intakter", "belopp", RR.verksamhetens_intakter),
               ("Verksamhetens kostnader", "verksamhetens_kostnader", "belopp", RR.verksamhetens_kostnader),
               ("Årets resultat", "arets_resultat", "belopp", RR.arets_resultat),
               ("Eget kapital", "eget_kapital", "belopp", BR.summa_eget_kapital),
               ("Soliditet", "soliditet", "procent", NT.soliditet),
               ("Antal anställda", "antal_anstallda", "heltal", NT.antal_anstallda))


def table_femar(r: Arsredovisning) -> Table:
    """Översikt över verksamhetens utveckling: one column per year, newest first."""
    columns = tuple(Column(str(row.year), str(row.year)) for row in r.femar)
    rows = tuple(Row(label, tuple(getattr(year, name) for year in r.femar), format=fmt,  # type: ignore[arg-type]
                     key=key) for label, name, fmt, key in _FEMAR_ROWS)
    return Table("tabell-femarsoversikt", "Översikt över verksamhetens utveckling", columns, rows,
                 css="statement femar")


def femar_note(r: Arsredovisning) -> str:
    """What the table's figures are, and which years come from earlier reports."""
    history = [str(row.year) for row in r.femar if row.kalla == "historik"]
    note = "Soliditet: eget kapital i procent av summa tillgångar."
    if history:
        note += f" Åren {', '.join(history)} är hämtade ur tidigare årsredovisningar."
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
                else f"Eget kapital ligger {kr(-over)} under taket.")
    return (f"Eget kapital uppgick vid årets slut till {kr(ek)}, vilket är "
            f"{procent(r.value(NT.eget_kapital_andel_av_tilldelning))} av årets medlemsavgifter. Nationella rådets "
            f"rekommenderade tak är {procent(r.value(NT.eget_kapital_tak_andel))} av tilldelningen, i år {kr(tak)}. "
            f"{position} Soliditeten är {procent(r.value(NT.soliditet))}.")
