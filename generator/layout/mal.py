"""Mål: the summary sentence per group ("3 av 5 verksamhetsmål uppnådda") and a table per group.

A goal the board did not assess has no status: its row says "Ej bedömt" and the summary
counts it only among all goals, in words that say the board assessed fewer than all.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..derive import Arsredovisning
from ..derive.mal import GROUPS, malsammanfattning, numbered, target
from ..formatting import heltal, plural, procent
from ..keys import ML, Family
from ..model import Delmal, Mal
from ..texts import MAL_STATUS
from .tables import Column, Row, Table
from .uppfoljning import Markdown

EJ_BEDOMT = "Ej bedömt"

# Each group's noun in the singular and the plural.
_NOUN = {"verksamhetsmal": ("verksamhetsmål", "verksamhetsmål"),
         "finansiella_mal": ("finansiellt mål", "finansiella mål"),
         "delmal": ("delmål", "delmål")}
# Each group's noun in the definite singular and plural: "det finansiella målet", "de finansiella målen".
_BESTAMD = {"verksamhetsmal": ("verksamhetsmålet", "de {n} verksamhetsmålen"),
            "finansiella_mal": ("det finansiella målet", "de {n} finansiella målen"),
            "delmal": ("delmålet", "de {n} delmålen")}
_TITLE = {"verksamhetsmal": "Verksamhetsmål", "finansiella_mal": "Finansiella mål"}
# A status said of one goal and of several.
_STATUS_WORDS = {"uppnatt": ("uppnått", "uppnådda"), "delvis_uppnatt": ("delvis uppnått", "delvis uppnådda"),
                 "ej_uppnatt": ("ej uppnått", "ej uppnådda"), "kan_ej_matas": ("kan ej mätas", "kan ej mätas")}


@dataclass(frozen=True)
class GoalsBlock:
    summary: str  # "4 av 4 verksamhetsmål uppnådda. Styrelsen har bedömt 1 av 5 finansiella mål, och det är uppnått."
    tables: tuple[Table, ...]


def _noun(group: str, antal: int) -> str:
    return plural(antal, _NOUN[group])


def _status_word(status: str, antal: int) -> str:
    return plural(antal, _STATUS_WORDS[status])


def sammanfattning(group: str, uppnadda: int, bedomda: int, antal: int, statuses: tuple[str, ...]) -> str:
    """One group's summary, without the full stop: what was reached, or what the board assessed."""
    if bedomda == antal:
        # "1 av 1 finansiellt mål uppnått", "0 av 1 … uppnått", "3 av 5 verksamhetsmål uppnådda"
        word = _status_word("uppnatt", 1 if uppnadda == 1 or antal == 1 else 2)
        return f"{heltal(uppnadda)} av {heltal(antal)} {_noun(group, antal)} {word}"
    if bedomda == 0:
        # "Styrelsen har inte bedömt det finansiella målet", "… något av de 5 finansiella målen"
        one, many = _BESTAMD[group]
        return "Styrelsen har inte bedömt " + (one if antal == 1 else "något av " + many.format(n=heltal(antal)))
    said = f"Styrelsen har bedömt {heltal(bedomda)} av {heltal(antal)} {_noun(group, antal)}"
    if bedomda == 1:
        return f"{said}, och det är {_status_word(statuses[0], 1)}"
    counts = {s: statuses.count(s) for s in _STATUS_WORDS if s in statuses}
    return f"{said}: " + ", ".join(f"{heltal(n)} {_status_word(s, n)}" for s, n in counts.items())


def _group_summary(r: Arsredovisning, group: str) -> str | None:
    antal = r.value(ML.grupp(group, "antal"))
    if not antal:
        return None
    statuses = malsammanfattning(getattr(r.arsfil.mal, group)).statuses
    return sammanfattning(group, int(r.value(ML.grupp(group, "uppnadda")) or 0),
                          int(r.value(ML.grupp(group, "bedomda")) or 0), int(antal), statuses)


def _comparison(r: Arsredovisning, family: Family, nr: str, goal: Mal | Delmal) -> str:
    """Targets per year and the outcome beside this year's target: "Målvärde 2024: 50 %, 2026: 80 %. …"."""
    parts = []
    if goal.malvarden:
        word = plural(len(goal.malvarden), ("Målvärde", "Målvärden"))
        parts.append(f"{word} " + ", ".join(f"{y}: {procent(v)}" for y, v in sorted(goal.malvarden.items())) + ".")
    utfall = r.value(family(nr, "utfall"))
    if utfall is not None or goal.utfall_enligt or goal.malvarden:
        said = procent(utfall) if utfall is not None else "uppgift saknas"
        aim = target(goal, r.year)
        beside = f" mot målvärdet {procent(aim[1])}" if utfall is not None and aim and aim[0] == r.year else ""
        parts.append(f"Utfall {r.year}: {said}{beside}.")
    return " ".join(parts)


def _delmal_line(r: Arsredovisning, family: Family, nr: str) -> str:
    antal = r.value(family(nr, "delmal_antal"))
    if not antal:
        return ""
    goal: Mal = getattr(r.arsfil.mal, family.prefix.split(".")[1])[int(nr) - 1]
    sub = malsammanfattning(goal.delmal)
    return sammanfattning("delmal", sub.uppnadda, sub.bedomda, sub.antal, sub.statuses) + "."


def _comment(r: Arsredovisning, family: Family, nr: str, goal: Mal | Delmal, md: Markdown) -> Markup:
    lines = [text for text in (_delmal_line(r, family, nr) if "_" not in nr else "",
                               _comparison(r, family, nr, goal)) if text]
    html = Markup("").join(Markup("<p>{}</p>").format(escape(line)) for line in lines)
    return html + (md(goal.kommentar) or Markup(""))


def _mal_table(r: Arsredovisning, group: str, goals: tuple[Mal, ...], md: Markdown) -> Table:
    family = GROUPS[group]
    rows = []
    for nr, goal in numbered(goals):
        status = MAL_STATUS[goal.status] if goal.status else EJ_BEDOMT
        rows.append(Row(goal.text, (status, _comment(r, family, nr, goal, md)), "indrag" if "_" in nr else "rad",
                        css=f"status-{goal.status or 'ej_bedomt'}"))
    return Table(f"tabell-{group.replace('_', '-')}", f"{_TITLE[group]} {r.year}",
                 (Column("Måluppfyllelse", "status", "status"), Column("Kommentar", "kommentar", "text")),
                 tuple(rows), unit=None, css="statement mal", first_header="Mål")


def block_mal(r: Arsredovisning, md: Markdown) -> GoalsBlock | None:
    mal = r.arsfil.mal
    if mal is None:
        return None
    sentences = [s for s in (_group_summary(r, group) for group in GROUPS) if s]
    tables = tuple(_mal_table(r, group, getattr(mal, group), md) for group in GROUPS if getattr(mal, group))
    return GoalsBlock(" ".join(f"{s}." for s in sentences), tables)
