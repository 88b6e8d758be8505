"""The note Justerade jämförelsetal: where the comparison column differs from last year's adopted report."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..derive import Arsredovisning
from ..derive.jamforelse import justerade_i
from ..keys import SECTIONS, lookup
from .matter import front
from .tables import Column, Row, Table, decimals

RUBRIK = "Justerade jämförelsetal"
_TITLES = {s.prefix: s.title for s in SECTIONS} | {"noter": "Not", "driftredovisning": "Driftredovisning"}


def _label(key: str) -> str:
    """The line as a reader finds it: statement and line, "Resultaträkning: Årets resultat"."""
    found = lookup(key)
    label = found.label if found is not None else key
    title = _TITLES.get(key.split(".", 1)[0])
    return f"{title}: {label}" if title else label


def table_jamforelse(r: Arsredovisning) -> Table | None:
    """Line, figure published last year, figure shown now, difference; None when none differs.

    Each cell is the export's `jamforelsetal.<nyckel>.<kolumn>` (row key + column key).
    """
    rows = tuple(Row(_label(j.key), (j.publicerat, j.visat, j.skillnad), key=j.export_key) for j in justerade_i(r))
    if not rows:
        return None
    y = r.year - 1
    columns = (Column(f"Publicerat {y}", "publicerat"), Column(f"Visat {y}", "visat"),
               Column("Skillnad", "skillnad"))
    return Table("tabell-jamforelsetal", f"{RUBRIK} {y}", columns, rows, decimals=decimals(rows),
                 first_header="Rad", footnotes=("Skillnad är det visade beloppet minus det publicerade.",),
                 unit_said_above=True)


def text_jamforelse(r: Arsredovisning) -> Markup:
    """What the note is, and the board's explanation when given."""
    y = r.year - 1
    document = front(r).bestamd_i_text  # the document's own name: "årsrapporten" where it is an Årsrapport
    text = (f"Jämförelsetalen för {y} i den här {document} skiljer sig på raderna nedan från "
            f"{document} för {y} som den fastställdes.")
    p = r.arsfil.publicerat
    html = Markup("<p>{}</p>").format(text)
    if p is not None and p.forklaring:
        html += Markup("<p>{}</p>").format(escape(p.forklaring))
    return html
