"""Follow-up: cost per category, each insats, structural activities, indikatormätning, mål."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from markupsafe import Markup

from ..derive import Arsredovisning
from ..derive.insatser import InsatsResultat
from ..formatting import antal, heltal, procent
from ..keys import IN, INDIKATOR, INSATS, SA
from ..slug import unique_slugs
from ..texts import KATEGORI, MAL_STATUS
from .tables import Column, Row, Table, decimals


class Markdown(Protocol):
    """A text as sanitised HTML; the narrative's sections pass the pictures they may show."""

    def __call__(self, text: str | None, bilder: tuple[tuple[str, str], ...] = ()) -> Markup | None: ...


def table_kategorier(r: Arsredovisning) -> Table | None:
    """What the förbund's money financed, by category, as shares of verksamhetens kostnader.

    A category without utfall (an insats of it has none and no total was given) shows "–"
    and no share; drift och administration, the rest, is then unknown too.
    """
    if not r.kategorier or r.value(IN.verksamhetens_kostnader) is None:
        return None
    rows = [Row(k.namn, (r.value(IN.kategori(k.key, "utfall")), r.value(IN.kategori(k.key, "andel_av_kostnaderna"))),
                key=f"insatser.{k.key}") for k in r.kategorier]
    rows.append(Row("Summa verksamhetens kostnader", (r.value(IN.verksamhetens_kostnader), r.value(IN.summa_andel)),
                    "totalsumma", cell_keys=(IN.verksamhetens_kostnader, IN.summa_andel)))
    return Table("tabell-kategorier", f"Kostnader per kategori {r.year}",
                 (Column("Utfall", "utfall"), Column("Andel av kostnaderna", "andel_av_kostnaderna", "procent")),
                 tuple(rows), decimals=decimals(rows, amount_columns=1), first_header="Kategori")


def table_insatser(r: Arsredovisning, kategori: str) -> Table | None:
    """Budget, utfall and avvikelse of the insatser of one category; the total row is the category's."""
    mine = [i for i in r.insatser if i.insats.kategori == kategori]
    if not mine:
        return None
    rows = [Row(i.insats.namn, (i.budget, i.utfall, i.avvikelse), key=f"insatser.{i.key}") for i in mine]
    names = ("budget", "utfall", "avvikelse")
    rows.append(Row("Summa", tuple(r.value(f"insatser.{kategori}.{n}") for n in names), "totalsumma",
                    key=f"insatser.{kategori}"))
    columns: tuple[Column, ...] = (Column("Budget", "budget"), Column("Utfall", "utfall"),
                                   Column("Avvikelse budget − utfall", "avvikelse"))
    if all(i.budget is None for i in mine):  # no insats has a budget: show utfall alone, not two empty columns
        columns = columns[1:2]
        rows = [Row(row.label, row.values[1:2], row.kind, row.note, row.key) for row in rows]
    return Table(f"tabell-insatser-{kategori}", f"{KATEGORI[kategori]} {r.year}", columns, tuple(rows),
                 decimals=decimals(rows), first_header="Insats")


def _fact(label: str, value: object, format: str = "text", key: str | None = None) -> Row:
    return Row(label, (value,), format=format, key=key)  # type: ignore[arg-type]


def _figure(i: InsatsResultat, label: str, name: str, format: str = "kr") -> list[Row]:
    """A fact row of one of the insats's figures (insatser.<insats>.<fält>); none when it is missing."""
    value = i.insats.avslutade if name == "avslutade" else (
        i.insats.avslutade_med_stegforflyttning if name == "avslutade_med_stegforflyttning" else getattr(i, name))
    return [] if value is None else [_fact(label, value, format, INSATS(i.key, name))]


def _deltagare_rows(i: InsatsResultat) -> list[Row]:
    d = i.insats.deltagare
    if i.deltagare is None or d is None:
        return []
    rows = _figure(i, "Antal deltagare", "deltagare", "heltal") + _figure(i, "Andel kvinnor", "andel_kvinnor",
                                                                          "procent")
    rows += _figure(i, "Andel män", "andel_man", "procent")
    if d.annan:
        rows += _figure(i, "Andel annan eller uppgift saknas", "andel_annan", "procent")
    return rows


def _resultat_rows(i: InsatsResultat) -> list[Row]:
    if i.insats.avslutade is None:
        return []
    return (_figure(i, "Avslutade deltagare", "avslutade", "heltal")
            + _figure(i, "Avslutade med stegförflyttning", "avslutade_med_stegforflyttning", "heltal")
            + _figure(i, "Andel av de avslutade med stegförflyttning", "andel_stegforflyttning", "procent"))


def table_insats(i: InsatsResultat) -> Table:
    """One insats's facts and figures, a row each; each figure the export's `insatser.<insats>.<fält>`."""
    insats = i.insats
    texts = (("Projektägare", insats.projektagare), ("Syfte", insats.syfte), ("Målgrupp", insats.malgrupp),
             ("Mål", insats.mal), ("Kvantitativt mål", insats.kvantitativt_mal))
    rows = [_fact(label, text) for label, text in texts if text]
    rows += _deltagare_rows(i) + _resultat_rows(i)
    rows += _figure(i, "Budget", "budget") + _figure(i, "Utfall", "utfall")
    if i.utfall is None:
        rows.append(_fact("Utfall", "uppgift saknas"))
    rows += _figure(i, "Avvikelse budget − utfall", "avvikelse")
    rows += _figure(i, "Kostnad per deltagare", "kostnad_per_deltagare")
    if insats.maluppfyllelse:
        rows.append(_fact("Måluppfyllelse", MAL_STATUS[insats.maluppfyllelse]))
    return Table(f"insats-{i.key}", insats.namn, (Column("", "", "text"),), tuple(rows), unit=None,
                 css="statement insats", header=False)


def table_strukturaktiviteter(r: Arsredovisning) -> Table | None:
    aktiviteter = r.arsfil.strukturaktiviteter
    if not aktiviteter:
        return None
    rows = [Row(a.aktivitet, (a.deltagare, a.mal, a.resultat, a.maluppfyllelse), key=f"strukturaktiviteter.{key}")
            for a, key in zip(aktiviteter, unique_slugs([a.aktivitet for a in aktiviteter]), strict=True)]
    caption = (f"Aktiviteter {r.year}: {antal(r.value(SA.antal), ('aktivitet', 'aktiviteter'))} med sammanlagt "
               f"{antal(r.value(SA.deltagare), ('deltagare', 'deltagare'))}")
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


def survey_lead(svarande: Decimal | None, avslutade: Decimal | None, frekvens: Decimal | None) -> str:
    """Who answered the survey, of how many who finished: "21 av 30 avslutade deltagare besvarade …"."""
    if svarande is None:
        return ""
    if avslutade is None or frekvens is None:
        return f"{antal(svarande, ('deltagare', 'deltagare'))} besvarade enkäten."
    return (f"{heltal(svarande)} av {antal(avslutade, ('avslutad deltagare', 'avslutade deltagare'))} besvarade "
            f"enkäten, en svarsfrekvens på {procent(frekvens)}.")


def blocks_indikatormatning(r: Arsredovisning) -> list[SurveyBlock]:
    out = []
    keys = unique_slugs([m.insats for m in r.arsfil.indikatormatning])
    for m, key in zip(r.arsfil.indikatormatning, keys, strict=True):
        lead = survey_lead(r.value(INDIKATOR(key, "svarande")), r.value(INDIKATOR(key, "avslutade")),
                           r.value(INDIKATOR(key, "svarsfrekvens")))
        rows = [Row(q.fraga, (q.andel_positiva,), key=f"indikatormatning.fraga.{key}_{n}")
                for n, q in enumerate(m.fragor, start=1)]
        table = Table(f"tabell-indikator-{key}", f"Andel positiva svar, {m.insats} {r.year}",
                      (Column("Andel positiva svar", "andel_positiva", "procent"),), tuple(rows), unit=None,
                      first_header="Fråga")
        out.append(SurveyBlock(f"Indikatormätning: {m.insats}", f"{lead}\n{m.svarsalternativ or ''}".strip(), table))
    return out
