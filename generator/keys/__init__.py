"""Figure keys: every name of the figures export, with its Swedish label and display format.

A figure key is a stable ASCII name such as `resultatrakning.arets_resultat`. Derive writes
figures under these keys; the tables, the narrative's `{{ … }}` references, `make diff`,
the JSON export and the README's key list all read label and format from here, so a key
is spelt in one place. Fixed keys are attributes of the section classes in `fixed`
(`RR.arets_resultat`); keys that carry a name from the data (a verksamhet, a member, an
insats, a note row) come from a `Family` in `families` (`DRIFT("kansli", "netto")`).
"""
from __future__ import annotations

from collections.abc import Iterator

from .base import ANDEL, ANTAL, BELOPP, Format, Key, Section
from .families import (
    AKTIVITET,
    DRIFT,
    FAMILIES,
    FEMAR,
    FRAGA,
    INDIKATOR,
    INSATS,
    JAMFORELSE,
    MAL_FINANSIELLT,
    MAL_VERKSAMHET,
    MEDLEM,
    MINNESPOST,
    UNDERSKOTT,
    Family,
    Noter,
    Uppfoljning,
)
from .fixed import BK, BR, DR, FIXED, IN, KF, MA, ML, NT, RR, SA, SECTIONS

__all__ = ["AKTIVITET", "ANDEL", "ANTAL", "BELOPP", "BK", "BR", "DR", "DRIFT", "FAMILIES", "FEMAR", "FIXED", "FRAGA",
           "IN", "INDIKATOR", "INSATS", "JAMFORELSE", "KF", "MA", "MAL_FINANSIELLT", "MAL_VERKSAMHET", "MEDLEM",
           "MINNESPOST", "ML", "NT", "PREFIXES", "RR", "SA", "SECTIONS", "UNDERSKOTT", "Family", "Format", "Key",
           "Noter", "Section", "Uppfoljning", "format_of", "lookup", "readme_lines", "readme_with_keys"]

PREFIXES = tuple(dict.fromkeys([s.prefix for s in SECTIONS] + [f.prefix for f in FAMILIES] + [Noter.prefix]
                               + [Uppfoljning.prefix]))


def lookup(key: str) -> Key | None:
    """The key with its label and format, for any key the export can have; None if none."""
    if key in FIXED:
        return FIXED[key]
    for family in FAMILIES:
        match = family.pattern().match(key)
        if match:
            name = key[len(family.prefix) + 1: match.start(1) - 1]
            return family(name, match.group(1))
    if key.startswith(Uppfoljning.prefix + "."):
        return Uppfoljning.lookup(key)
    if key.startswith(Noter.prefix + "."):
        return Key(key, key.rsplit(".", 1)[-1].replace("_", " ").capitalize())
    return None


def format_of(key: str) -> Format:
    """How a figure is shown; an amount unless the key says otherwise."""
    found = lookup(key)
    return found.display if found is not None else BELOPP


# --- The README's key list, generated -----------------------------------------------

_FORMAT_TEXT = {BELOPP: "kr", ANDEL: "andel", ANTAL: "antal"}


def readme_lines() -> Iterator[str]:
    """The key list of the README (between its `keys:start` and `keys:end` markers)."""
    yield "| key | label | shown as |"
    yield "|---|---|---|"
    for section in SECTIONS:
        for key in section.members():
            yield f"| `{key}` | {key.label} | {_FORMAT_TEXT[key.display]} |"
    for family in FAMILIES:
        for field, (label, fmt) in family.fields.items():
            yield f"| `{family.prefix}.{family.slot}.{field}` | {label} | {_FORMAT_TEXT[fmt]} |"
    yield "| `noter.<line>.summa` | Summa of the note of a statement line | kr |"
    yield "| `noter.<line>.<row>` | A note row; `….<group>.summa` a group's subtotal | kr |"
    yield "| `noter.<line>.<row>.varav.<label>` | A varav row | kr |"
    yield "| `noter.<line>.<row>.varav_delvis.<label>` | A varav row of a partial split (`varav_delvis: true`) | kr |"
    yield "| `noter.<line>.bilaga.<bilaga>.<row>` | A bilaga row; `….summa` the bilaga's total | kr |"
    yield ("| `noter.<not>.<row>`, `noter.<not>.summa` | An information-only note's rows and total "
           "(`<not>`: its rubrik) | kr |")
    yield ("| `noter.summa_eget_kapital.ingaende`, `….arets_resultat`, `….summa`, "
           "`….varav_delvis.resultatutjamningsreserv` | The eget kapital note: opening, årets resultat, closing, "
           "varav the reserve | kr |")
    yield ("| `uppfoljning.[<insats>.]<tabell>.<rad>.antal` | A follow-up row's count; `.kvinnor`, `.man`, "
           "`.annan` per kön | antal |")
    yield "| `uppfoljning.[<insats>.]<tabell>.<rad>.andel` | The row's share of the table's total | andel |"
    yield ("| `uppfoljning.[<insats>.]<tabell>.<rad>.varav.<label>.antal` | A varav count; `.andel` its share "
           "of its row | antal |")
    yield ("| `uppfoljning.[<insats>.]<tabell>.summa.antal` | The rows' sum (`.totalt.antal` when the total is "
           "entered) | antal |")


README_START, README_END = "<!-- keys:start -->", "<!-- keys:end -->"


def readme_with_keys(readme: str) -> str:
    """The README with its key list between the markers replaced by the generated one."""
    start = readme.index(README_START) + len(README_START)
    return readme[:start] + "\n" + "\n".join(readme_lines()) + "\n" + readme[readme.index(README_END):]
