"""Follow-up: cost per category, each insats, structural activities, indikatormätning, mål."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from markupsafe import Markup

from ..derive import Arsredovisning
from ..derive.insatser import InsatsResultat
from ..formatting import heltal, procent
from ..keys import INDIKATOR, RR, SA
from ..slug import unique_slugs
from ..texts import KATEGORI, MAL_STATUS
from .tables import Column, Row, Table, decimals, total


class Markdown(Protocol):
    """A text as sanitised HTML; the narrative's sections pass the pictures they may show."""

    def __call__(self, text: str | None, bilder: tuple[tuple[str, str], ...] = ()) -> Markup | None: ...


def table_kategorier(r: Arsredovisning) -> Table | None:
    """What the förbund's money financed, by category, as shares of verksamhetens kostnader."""
    costs = r.value(RR.verksamhetens_kostnader)
    if not r.kategorier or costs is None:
        return None
    rows = [Row(k.namn, (k.utfall, k.andel), key=f"insatser.{k.key}") for k in r.kategorier]
    rows.append(Row("Summa verksamhetens kostnader", (-costs, Decimal(1)), "totalsumma",
                    key=RR.verksamhetens_kostnader))
    return Table("tabell-kategorier", f"Kostnader per kategori {r.year}",
                 (Column("Utfall", "utfall"), Column("Andel av kostnaderna", "andel", "procent")),
                 tuple(rows), decimals=decimals(rows, amount_columns=1), first_header="Kategori")


def table_insatser(r: Arsredovisning, kategori: str) -> Table | None:
    """Budget, utfall and avvikelse of the insatser of one category."""
    mine = [i for i in r.insatser if i.insats.kategori == kategori]
    if not mine:
        return None
    rows = [Row(i.insats.namn, (i.budget, i.utfall, i.avvikelse), key=f"insatser.{i.key}") for i in mine]
    # A column with a hole has no total: a sum that leaves a row out would be false.
    budget, utfall, avvikelse = (total([getattr(i, name) for i in mine])
                                 if all(getattr(i, name) is not None for i in mine) else None
                                 for name in ("budget", "utfall", "avvikelse"))
    rows.append(Row("Summa", (budget, utfall, avvikelse), "totalsumma", key=f"insatser.{kategori}"))
    columns: tuple[Column, ...] = (Column("Budget", "budget"), Column("Utfall", "utfall"),
                                   Column("Avvikelse budget − utfall", "avvikelse"))
    if all(i.budget is None for i in mine):  # no insats has a budget: utfall alone, not two empty columns
        columns = columns[1:2]
        rows = [Row(row.label, row.values[1:2], row.kind, row.note, row.key) for row in rows]
    return Table(f"tabell-insatser-{kategori}", f"{KATEGORI[kategori]} {r.year}", columns, tuple(rows),
                 decimals=decimals(rows), first_header="Insats")


def _fact(label: str, value: object, format: str = "text") -> Row:
    return Row(label, (value,), format=format)  # type: ignore[arg-type]


def _deltagare_rows(i: InsatsResultat) -> list[Row]:
    d = i.insats.deltagare
    if i.deltagare is None or d is None:
        return []
    kon = f"{procent(i.andel_kvinnor)} kvinnor, {procent(i.andel_man)} män"
    if d.annan:
        kon += f", {procent(i.andel_annan)} annan eller uppgift saknas"
    return [_fact("Antal deltagare", heltal(i.deltagare)), _fact("Könsfördelning", kon)]


def _resultat_row(i: InsatsResultat) -> list[Row]:
    avslutade = i.insats.avslutade
    if avslutade is None:
        return []
    return [_fact("Resultat", f"{heltal(i.insats.avslutade_med_stegforflyttning)} av {heltal(avslutade)} avslutade "
                  f"deltagare har gjort en stegförflyttning ({procent(i.andel_stegforflyttning)})")]


def table_insats(i: InsatsResultat) -> Table:
    """One insats's facts and figures, a row each."""
    insats = i.insats
    texts = (("Projektägare", insats.projektagare), ("Syfte", insats.syfte), ("Målgrupp", insats.malgrupp),
             ("Mål", insats.mal), ("Kvantitativt mål", insats.kvantitativt_mal))
    rows = [_fact(label, text) for label, text in texts if text]
    rows += _deltagare_rows(i) + _resultat_row(i)
    if i.budget is not None:
        rows.append(_fact("Budget", i.budget, "kr"))
    rows.append(_fact("Utfall", i.utfall, "kr"))
    if i.avvikelse is not None:
        rows.append(_fact("Avvikelse budget − utfall", i.avvikelse, "kr"))
    if i.kostnad_per_deltagare is not None:
        rows.append(_fact("Kostnad per deltagare", i.kostnad_per_deltagare, "kr"))
    if insats.maluppfyllelse:
        rows.append(_fact("Måluppfyllelse", MAL_STATUS[insats.maluppfyllelse]))
    return Table(f"insats-{i.key}", insats.namn, (Column("", "varde", "text"),), tuple(rows), unit=None,
                 css="statement insats", header=False)


def table_strukturaktiviteter(r: Arsredovisning) -> Table | None:
    aktiviteter = r.arsfil.strukturaktiviteter
    if not aktiviteter:
        return None
    rows = [Row(a.aktivitet, (a.deltagare, a.mal, a.resultat, a.maluppfyllelse)) for a in aktiviteter]
    caption = (f"Aktiviteter {r.year}: {heltal(r.value(SA.antal))} aktiviteter med sammanlagt "
               f"{heltal(r.value(SA.deltagare))} deltagare")
    columns = (Column("Antal deltagare", "deltagare", "heltal"), Column("Mål", "mal", "text"),
               Column("Resultat", "resultat", "text"), Column("Måluppfyllelse", "maluppfyllelse", "text"))
    return Table("tabell-strukturaktiviteter", caption, columns, tuple(rows), unit=None,
                 css="statement aktiviteter", first_header="Aktivitet")


@dataclass(frozen=True)
class SurveyBlock:
    """An indikatormätning: who answered, and the share of positive answers per question."""

    rubrik: str
    lead: str
    table: Table


def blocks_indikatormatning(r: Arsredovisning) -> list[SurveyBlock]:
    out = []
    keys = unique_slugs([m.insats for m in r.arsfil.indikatormatning])
    for m, key in zip(r.arsfil.indikatormatning, keys, strict=True):
        lead = (f"{heltal(r.value(INDIKATOR(key, 'svarande')))} av {heltal(r.value(INDIKATOR(key, 'avslutade')))} "
                "avslutade deltagare besvarade enkäten, en svarsfrekvens på "
                f"{procent(r.value(INDIKATOR(key, 'svarsfrekvens')))}.")
        rows = [Row(q.fraga, (q.andel_positiva,)) for q in m.fragor]
        table = Table(f"tabell-indikator-{key}", f"Andel positiva svar, {m.insats} {r.year}",
                      (Column("Andel positiva svar", "andel", "procent"),), tuple(rows), unit=None,
                      first_header="Fråga")
        out.append(SurveyBlock(f"Indikatormätning: {m.insats}", f"{lead}\n{m.svarsalternativ or ''}".strip(), table))
    return out
