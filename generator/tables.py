"""The report's tables, laid out from derived figures: which lines, in which order, labelled how.

Templates only display these: every value in a row is a figure `derive` computed (or, in
a table shown in tkr, that figure rounded so the shown rows add up to the shown total).
Column headings come from the years in the data, the unit from the table's settings.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .derive import ZERO, Arsredovisning, Not
from .formatting import distribute


@dataclass(frozen=True)
class Kolumn:
    rubrik: str
    key: str  # what the column holds: a year, or a field name for driftredovisning
    format: str = "belopp"  # belopp | procent


@dataclass(frozen=True)
class TabellRad:
    text: str
    values: tuple[Decimal | None, ...]
    kind: str = "rad"  # rad | indrag | varav | rubrik | summa | totalsumma
    note: int | None = None
    key: str | None = None


@dataclass(frozen=True)
class Tabell:
    id: str
    caption: str
    kolumner: tuple[Kolumn, ...]
    rader: tuple[TabellRad, ...]
    enhet: str = "kr"
    decimals: int = 0
    note_column: bool = False
    footnote: str | None = None

    @property
    def enhet_text(self) -> str:
        return {"kr": "Belopp i kr", "tkr": "Belopp i tkr", "mnkr": "Belopp i mnkr"}[self.enhet]


def _decimals(rows: list[TabellRad], amount_columns: int = 99) -> int:
    """Öre are shown only when the data has öre; whole kronor otherwise."""
    for row in rows:
        for v in row.values[:amount_columns]:
            if v is not None and v != v.to_integral_value():
                return 2
    return 0


class _Layout:
    """Collects rows for a statement, dropping lines that are empty in every year."""

    def __init__(self, r: Arsredovisning, section: str):
        self.r, self.section = r, section
        self.years = (r.year, r.year - 1)
        self.rows: list[TabellRad] = []
        self.notes = {n.key: n.number for n in r.noter}

    def value(self, key: str, year: int) -> Decimal | None:
        return self.r.figures.get(year, {}).get(key)

    def line(self, name: str, text: str, kind: str = "rad", always: bool = False, key: str | None = None) -> bool:
        key = key or f"{self.section}.{name}"
        values = tuple(self.value(key, y) for y in self.years)
        note = self.notes.get(key)
        if not always and note is None and all(v is None or v == 0 for v in values):
            return False
        self.rows.append(TabellRad(text, values, kind, note, key))
        return True

    def heading(self, text: str) -> None:
        self.rows.append(TabellRad(text, (None,) * len(self.years), "rubrik"))

    def group(self, heading: str, lines: list[tuple[str, str]], total: tuple[str, str] | None) -> None:
        """A heading, its lines, its sum: all left out when every line is empty."""
        start = len(self.rows)
        self.heading(heading)
        shown = [self.line(name, text) for name, text in lines]
        if not any(shown):
            del self.rows[start:]
            return
        if total:
            self.line(total[0], total[1], "summa", always=True)


def _columns(r: Arsredovisning, dated: bool) -> tuple[Kolumn, ...]:
    years = (r.year, r.year - 1)
    return tuple(Kolumn(f"{y}-12-31" if dated else str(y), str(y)) for y in years)


def resultatrakning(r: Arsredovisning) -> Tabell:
    t = _Layout(r, "resultatrakning")
    t.line("verksamhetens_intakter", "Verksamhetens intäkter", always=True)
    t.line("verksamhetens_kostnader", "Verksamhetens kostnader", always=True)
    t.line("avskrivningar", "Avskrivningar")
    t.line("verksamhetens_nettokostnader", "Verksamhetens nettokostnader", "summa", always=True)
    t.line("verksamhetens_resultat", "Verksamhetens resultat", "summa", always=True)
    t.line("finansiella_intakter", "Finansiella intäkter")
    t.line("finansiella_kostnader", "Finansiella kostnader")
    t.line("resultat_efter_finansiella_poster", "Resultat efter finansiella poster", "summa", always=True)
    t.line("extraordinara_poster", "Extraordinära poster")
    t.line("arets_resultat", "Årets resultat", "totalsumma", always=True)
    return Tabell("resultatrakning", "Resultaträkning", _columns(r, False), tuple(t.rows),
                  decimals=_decimals(t.rows), note_column=True)


def balansrakning(r: Arsredovisning) -> Tabell:
    t = _Layout(r, "balansrakning")
    t.heading("Tillgångar")
    t.group("Anläggningstillgångar", [
        ("immateriella_anlaggningstillgangar", "Immateriella anläggningstillgångar"),
        ("maskiner_och_inventarier", "Maskiner och inventarier"),
        ("finansiella_anlaggningstillgangar", "Finansiella anläggningstillgångar"),
    ], ("summa_anlaggningstillgangar", "Summa anläggningstillgångar"))
    t.group("Omsättningstillgångar", [
        ("forrad", "Förråd"), ("fordringar", "Fordringar"),
        ("kortfristiga_placeringar", "Kortfristiga placeringar"), ("kassa_och_bank", "Kassa och bank"),
    ], ("summa_omsattningstillgangar", "Summa omsättningstillgångar"))
    t.line("summa_tillgangar", "Summa tillgångar", "totalsumma", always=True)
    t.heading("Eget kapital, avsättningar och skulder")
    t.heading("Eget kapital")
    t.line("arets_resultat", "Årets resultat", always=True)
    t.line("resultatutjamningsreserv", "Resultatutjämningsreserv")
    t.line("ovrigt_eget_kapital", "Övrigt eget kapital", always=True)
    t.line("summa_eget_kapital", "Summa eget kapital", "summa", always=True)
    t.group("Avsättningar", [
        ("avsattningar_pensioner", "Avsättningar för pensioner"), ("andra_avsattningar", "Andra avsättningar"),
    ], ("summa_avsattningar", "Summa avsättningar"))
    t.group("Skulder", [
        ("langfristiga_skulder", "Långfristiga skulder"), ("kortfristiga_skulder", "Kortfristiga skulder"),
    ], ("summa_skulder", "Summa skulder"))
    t.line("summa_eget_kapital_avsattningar_och_skulder", "Summa eget kapital, avsättningar och skulder",
           "totalsumma", always=True)
    t.line("ansvarsforbindelser", "Ansvarsförbindelser")
    return Tabell("balansrakning", "Balansräkning", _columns(r, True), tuple(t.rows),
                  decimals=_decimals(t.rows), note_column=True)


def kassaflodesanalys(r: Arsredovisning) -> Tabell:
    t = _Layout(r, "kassaflodesanalys")
    t.heading("Den löpande verksamheten")
    t.line("arets_resultat", "Årets resultat", always=True)
    t.line("avskrivningar", "Justering för avskrivningar", "indrag")
    t.line("forandring_avsattningar", "Justering för förändring av avsättningar", "indrag")
    t.line("realisationsresultat", "Justering för realisationsresultat", "indrag")
    t.line("medel_fore_forandring_av_rorelsekapital", "Medel från verksamheten före förändring av rörelsekapital",
           "summa", always=True)
    t.line("forandring_forrad", "Minskning (+) / ökning (−) av förråd")
    t.line("forandring_kortfristiga_fordringar", "Minskning (+) / ökning (−) av kortfristiga fordringar", always=True)
    t.line("forandring_kortfristiga_skulder", "Ökning (+) / minskning (−) av kortfristiga skulder", always=True)
    t.line("kassaflode_fran_den_lopande_verksamheten", "Kassaflöde från den löpande verksamheten", "summa", always=True)
    start = len(t.rows)
    t.heading("Investeringsverksamheten")
    shown = [t.line("investeringar", "Investering i materiella anläggningstillgångar"),
             t.line("forsaljningar", "Försäljning av anläggningstillgångar")]
    if any(shown):
        t.line("kassaflode_fran_investeringsverksamheten", "Kassaflöde från investeringsverksamheten", "summa", always=True)
    else:
        del t.rows[start:]
    start = len(t.rows)
    t.heading("Finansieringsverksamheten")
    if t.line("forandring_langfristiga_skulder", "Förändring av långfristiga skulder"):
        t.line("kassaflode_fran_finansieringsverksamheten", "Kassaflöde från finansieringsverksamheten", "summa", always=True)
    else:
        del t.rows[start:]
    t.line("arets_kassaflode", "Årets kassaflöde", "totalsumma", always=True)
    t.line("likvida_medel_vid_arets_borjan", "Likvida medel vid årets början", always=True)
    t.line("likvida_medel_vid_arets_slut", "Likvida medel vid årets slut", "summa", always=True)
    return Tabell("kassaflodesanalys", "Kassaflödesanalys", _columns(r, False), tuple(t.rows),
                  decimals=_decimals(t.rows))


def driftredovisning(r: Arsredovisning) -> Tabell | None:
    """One row per verksamhet; shown in the data's unit, rounded so every column adds up."""
    if not r.driftredovisning:
        return None
    unit = r.ar.driftredovisning.enhet
    rows = r.driftredovisning
    y, prev = r.year, r.year - 1

    def column(name: str) -> list[Decimal | None]:
        values = [getattr(row, name) for row in rows]
        present = [v for v in values if v is not None]
        if unit == "kr" or not present:
            return values
        total = sum(present, ZERO)
        shown = iter(distribute(present, total, unit))
        return [next(shown) if v is not None else None for v in values]

    intakt, kostnad, budget, fjol = column("intakt"), column("kostnad"), column("budget"), column("netto_fjol")
    # Netto and avvikelse of the shown figures, so each row adds up across as shown.
    netto = [None if i is None and k is None else (i or ZERO) + (k or ZERO) for i, k in zip(intakt, kostnad)]
    avvikelse = [None if n is None or b is None else n - b for n, b in zip(netto, budget)]
    table_rows = [TabellRad(row.namn, (i, k, n, b, a, f), "rad", key=f"driftredovisning.{row.key}")
                  for row, i, k, n, b, a, f in zip(rows, intakt, kostnad, netto, budget, avvikelse, fjol)]

    def total(values):
        present = [v for v in values if v is not None]
        return sum(present, ZERO) if present else None

    sums = tuple(total(c) for c in (intakt, kostnad, netto, budget, avvikelse, fjol))
    table_rows.append(TabellRad("Summa", sums, "totalsumma", key="driftredovisning.summa"))
    kolumner = (Kolumn(f"Intäkt {y}", "intakt"), Kolumn(f"Kostnad {y}", "kostnad"), Kolumn(f"Netto {y}", "netto"),
                Kolumn(f"Budget netto {y}", "budget"), Kolumn("Avvikelse netto − budget", "avvikelse"),
                Kolumn(f"Netto {prev}", "netto_fjol"))
    footnote = None
    if unit != "kr":
        footnote = (f"Beloppen är avrundade till {unit}; varje kolumn är avrundad så att summan är lika med "
                    "summan av de visade raderna.")
    return Tabell("driftredovisning", "Driftredovisning", kolumner, tuple(table_rows), enhet=unit,
                  decimals=_decimals(table_rows) if unit == "kr" else 0, footnote=footnote)


def note_table(note: Not, r: Arsredovisning) -> Tabell:
    years = (r.year, r.year - 1)
    kind = {"rad": "rad", "grupp": "rubrik", "delsumma": "summa", "varav": "varav"}
    rows = [TabellRad(row.text, tuple(row.varden.get(y) for y in years),
                      "indrag" if row.kind == "rad" and row.level else kind[row.kind], key=row.key)
            for row in note.rader]
    rows.append(TabellRad("Summa", tuple(note.summa.get(y) for y in years), "totalsumma", key=note.key))
    return Tabell(f"not-{note.number}", f"Not {note.number} {note.rubrik}", _columns(r, note.key.startswith("balans")),
                  tuple(rows), decimals=_decimals(rows))


def bilaga_tables(note: Not, r: Arsredovisning) -> list[Tabell]:
    out = []
    years = (r.year, r.year - 1)
    for i, b in enumerate(note.bilagor, start=1):
        rows = [TabellRad(row.text, tuple(row.varden.get(y) for y in years), "rad", key=row.key) for row in b.rader]
        rows.append(TabellRad("Summa", tuple(b.summa.get(y) for y in years), "totalsumma", key=b.key + ".summa"))
        out.append(Tabell(f"not-{note.number}-spec-{i}", f"Specifikation till not {note.number}: {b.rubrik}",
                          _columns(r, False), tuple(rows), decimals=_decimals(rows)))
    return out


def balanskrav(r: Arsredovisning) -> Tabell:
    t = _Layout(r, "balanskravsresultat")
    t.years = (r.year, r.year - 1)
    t.line("arets_resultat", "Årets resultat enligt resultaträkningen", always=True)
    t.line("samtliga_realisationsvinster", "Reducering av samtliga realisationsvinster", always=True)
    t.line("realisationsvinster_undantag", "Vissa realisationsvinster enligt undantagsmöjlighet", always=True)
    t.line("realisationsforluster_undantag", "Vissa realisationsförluster enligt undantagsmöjlighet", always=True)
    t.line("orealiserade_vinster_forluster", "Orealiserade vinster och förluster i värdepapper", always=True)
    t.line("aterforing_orealiserade", "Återföring av orealiserade vinster och förluster i värdepapper", always=True)
    t.line("resultat_efter_balanskravsjusteringar", "Årets resultat efter balanskravsjusteringar", "summa", always=True)
    t.line("till_resultatutjamningsreserv", "Medel till resultatutjämningsreserv")
    t.line("fran_resultatutjamningsreserv", "Medel från resultatutjämningsreserv")
    t.line("arets_balanskravsresultat", "Årets balanskravsresultat", "totalsumma", always=True)
    return Tabell("balanskravsresultat", "Balanskravsresultat", _columns(r, False), tuple(t.rows),
                  decimals=_decimals(t.rows))


def medlemsavgifter(r: Arsredovisning) -> Tabell:
    y = r.year
    rows = [TabellRad(m.namn, (m.belopp, m.andel), "rad", key=f"medlemsavgifter.{m.key}") for m in r.medlemmar]
    rows.append(TabellRad("Summa medlemsavgifter", (r.value("medlemsavgifter.summa"), Decimal(1) if r.medlemmar else None),
                          "totalsumma", key="medlemsavgifter.summa"))
    return Tabell("medlemsavgifter", f"Medlemsavgifter {y}",
                  (Kolumn("Belopp", "belopp"), Kolumn("Andel", "andel", "procent")),
                  tuple(rows), decimals=_decimals(rows, amount_columns=1))


def kategorier(r: Arsredovisning) -> Tabell | None:
    """What the förbund's money financed, by category, as shares of verksamhetens kostnader."""
    if not r.kategorier:
        return None
    rows = [TabellRad(k.namn, (k.utfall, k.andel), "rad", key=f"insatser.{k.key}") for k in r.kategorier]
    total = -r.value("resultatrakning.verksamhetens_kostnader")
    rows.append(TabellRad("Summa verksamhetens kostnader", (total, Decimal(1)), "totalsumma",
                          key="resultatrakning.verksamhetens_kostnader"))
    return Tabell("kategorier", f"Kostnader per kategori {r.year}",
                  (Kolumn("Utfall", "utfall"), Kolumn("Andel av kostnaderna", "andel", "procent")),
                  tuple(rows), decimals=_decimals(rows, amount_columns=1))


def insatser_ekonomi(r: Arsredovisning, kategori: str) -> Tabell | None:
    """Budget, utfall and avvikelse of the insatser of one category."""
    mine = [i for i in r.insatser if i.insats.kategori == kategori]
    if not mine:
        return None
    rows = [TabellRad(i.insats.namn, (i.budget, i.utfall, i.avvikelse), "rad", key=f"insatser.{i.key}") for i in mine]

    def total(values):
        present = [v for v in values if v is not None]
        return sum(present, ZERO) if present else None

    budget = total(i.budget for i in mine)
    utfall = total(i.utfall for i in mine)
    avvikelse = total(i.avvikelse for i in mine) if all(i.avvikelse is not None for i in mine) else None
    rows.append(TabellRad("Summa", (budget, utfall, avvikelse), "totalsumma", key=f"insatser.{kategori}"))
    name = {"individinriktad": "Individinriktade insatser", "strukturovergripande": "Strukturövergripande insatser"}
    kolumner = (Kolumn("Budget", "budget"), Kolumn("Utfall", "utfall"), Kolumn("Avvikelse budget − utfall", "avvikelse"))
    if budget is None:  # no insats has a budget: show utfall alone rather than two empty columns
        kolumner = kolumner[1:2]
        rows = [TabellRad(row.text, row.values[1:2], row.kind, row.note, row.key) for row in rows]
    return Tabell(f"insatser-{kategori}", f"{name[kategori]} {r.year}", kolumner, tuple(rows), decimals=_decimals(rows))
