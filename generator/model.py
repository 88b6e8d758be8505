"""The typed, immutable model of a förbund and its years.

The dataclasses here *are* the schema of the YAML files: `load` walks their type hints,
so a key is valid exactly when it is a field here. Field names are the YAML keys.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal, Union

from .findings import Pos

NOWHERE = Pos("")


class PMap(Mapping):
    """An immutable mapping that remembers where each key stood in the source."""

    def __init__(self, items: dict, at: dict[object, Pos] | None = None, pos: Pos = NOWHERE):
        self._items = dict(items)
        self.at = dict(at or {})
        self.pos = pos

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self) -> Iterator:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"PMap({self._items!r})"

    def pos_of(self, key) -> Pos:
        return self.at.get(key, self.pos)


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every model object: where it stood, and where each of its keys stood."""

    pos: Pos = field(default=NOWHERE, compare=False, repr=False)
    at: Mapping[str, Pos] = field(default_factory=dict, compare=False, repr=False)

    def pos_of(self, name: str) -> Pos:
        return self.at.get(name, self.pos)


INTERNAL_FIELDS = frozenset({"pos", "at"})

# A number that is not kronor (a share such as 0.15, a key such as a population): the
# loader accepts any number of decimals for it, where an amount in kronor has at most öre.
TAL = "tal"
Tal = Annotated[Decimal, TAL]


# --- The förbund: stable facts -------------------------------------------------------

MedlemTyp = Literal["staten", "region", "kommun"]


@dataclass(frozen=True)
class Medlem(Node):
    namn: str
    typ: MedlemTyp
    # The förbund's own key for splitting the kommuner's quarter (often population).
    fordelningsnyckel: Tal | None = None


@dataclass(frozen=True)
class Ledamot(Node):
    namn: str
    roll: str
    utsedd_av: str | None = None


@dataclass(frozen=True)
class Revisor(Node):
    namn: str
    utsedd_av: str
    titel: str | None = None


@dataclass(frozen=True)
class Installningar(Node):
    # Nationella rådets recommended ceiling for eget kapital, as a share of the year's
    # allocation (medlemsavgifter). Configuration, not code.
    eget_kapital_tak: Tal = Decimal("0.20")
    # "Ordförandes sign / Justerandes sign" line on every page after the front page.
    signeringsrad: bool = False
    # Warn when the board signs later than this many months after the year's end.
    datumformat: Literal["iso", "lang"] = "iso"


@dataclass(frozen=True)
class Historik(Node):
    """A compact comparison block for a year that has no year file."""

    verksamhetens_intakter: Decimal | None = None
    verksamhetens_kostnader: Decimal | None = None
    arets_resultat: Decimal | None = None
    eget_kapital: Decimal | None = None
    summa_tillgangar: Decimal | None = None
    # Only for a year whose balance sheet is not at hand: soliditet as published then.
    soliditet: Tal | None = None
    antal_anstallda: int | None = None
    # Balance-sheet lines the next year's cash-flow analysis needs.
    anlaggningstillgangar: Decimal | None = None
    forrad: Decimal | None = None
    fordringar: Decimal | None = None
    kortfristiga_placeringar: Decimal | None = None
    kassa_och_bank: Decimal | None = None
    avsattningar: Decimal | None = None
    langfristiga_skulder: Decimal | None = None
    kortfristiga_skulder: Decimal | None = None


@dataclass(frozen=True)
class Forbund(Node):
    namn: str
    organisationsnummer: str
    medlemmar: tuple[Medlem, ...]
    styrelse: tuple[Ledamot, ...]
    revisorer: tuple[Revisor, ...]
    verksamhetside: str
    sate: str | None = None
    vision: str | None = None
    installningar: Installningar = field(default_factory=Installningar)
    historik: Annotated[PMap, int, Historik] = field(default_factory=lambda: PMap({}))
    folder: str = field(default="", compare=False)


# --- One year ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rad(Node):
    """A row of a specification (a note or a bilaga).

    `rader` makes the row a group whose amount is the sum of its rows; `varav` is the
    complete split of the row's amount, shown indented and checked to add up.
    """

    text: str
    belopp: Decimal | None = None
    rader: tuple[Rad, ...] = ()
    varav: tuple[Rad, ...] = ()


@dataclass(frozen=True)
class Bilaga(Node):
    """A further breakdown printed after the notes, of a note row or a `varav` label."""

    rubrik: str
    avser: str
    rader: tuple[Rad, ...]


@dataclass(frozen=True)
class Post(Node):
    """A statement line with its specification, which becomes a note in the report.

    The line's amount is the sum of `rader`. `belopp` is optional: when given it is the
    figure from the bookkeeping and is checked against the rows.
    """

    rader: tuple[Rad, ...] = ()
    belopp: Decimal | None = None
    rubrik: str | None = None
    bilagor: tuple[Bilaga, ...] = ()


Linje = Union[Decimal, Post]


@dataclass(frozen=True)
class Resultatrakning(Node):
    verksamhetens_kostnader: Linje
    # Income besides medlemsavgifter (which come from the year's `medlemsavgifter`).
    verksamhetens_intakter: Post = field(default_factory=Post)
    avskrivningar: Linje | None = None
    finansiella_intakter: Linje | None = None
    finansiella_kostnader: Linje | None = None
    extraordinara_poster: Linje | None = None


@dataclass(frozen=True)
class Balansrakning(Node):
    immateriella_anlaggningstillgangar: Linje | None = None
    maskiner_och_inventarier: Linje | None = None
    finansiella_anlaggningstillgangar: Linje | None = None
    forrad: Linje | None = None
    fordringar: Linje | None = None
    kortfristiga_placeringar: Linje | None = None
    kassa_och_bank: Linje | None = None
    resultatutjamningsreserv: Decimal | None = None
    avsattningar_pensioner: Linje | None = None
    andra_avsattningar: Linje | None = None
    langfristiga_skulder: Linje | None = None
    kortfristiga_skulder: Linje | None = None
    ansvarsforbindelser: Linje | None = None


@dataclass(frozen=True)
class Investeringar(Node):
    # Payments for new anläggningstillgångar, positive as the bookkeeping shows them.
    investeringar: Decimal = Decimal(0)
    # Sales proceeds, and the gain (+) or loss (−) they gave in the income statement.
    forsaljningar: Decimal = Decimal(0)
    realisationsresultat: Decimal = Decimal(0)


@dataclass(frozen=True)
class Verksamhet(Node):
    namn: str
    intakt: Decimal = Decimal(0)
    kostnad: Decimal = Decimal(0)
    budget: Decimal | None = None  # budgeted netto


@dataclass(frozen=True)
class Driftredovisning(Node):
    verksamheter: tuple[Verksamhet, ...]
    enhet: Literal["kr", "tkr", "mnkr"] = "kr"


@dataclass(frozen=True)
class Balanskrav(Node):
    samtliga_realisationsvinster: Decimal = Decimal(0)
    realisationsvinster_undantag: Decimal = Decimal(0)
    realisationsforluster_undantag: Decimal = Decimal(0)
    orealiserade_vinster_forluster: Decimal = Decimal(0)
    aterforing_orealiserade: Decimal = Decimal(0)
    till_resultatutjamningsreserv: Decimal = Decimal(0)
    fran_resultatutjamningsreserv: Decimal = Decimal(0)
    # Negative balanskravsresultat of earlier years not yet restored: year → amount.
    tidigare_underskott: Annotated[PMap, int, Decimal] = field(default_factory=lambda: PMap({}))
    # Required when the result is negative: how and when it is restored, or the
    # synnerliga skäl for not restoring it.
    styrelsens_forklaring: str | None = None


@dataclass(frozen=True)
class Underskrift(Node):
    ort: str | None = None
    datum: dt.date | None = None
    elektronisk: bool = False


@dataclass(frozen=True)
class Kontrollsummor(Node):
    """Figures as printed by the bookkeeping or a published report, checked as assertions.

    `belopp` maps a year to figure keys (as in the figures export) and their values.
    """

    belopp: Annotated[PMap, int, Annotated[PMap, str, Decimal]]
    kalla: str | None = None


# --- Insatser, mål and follow-up -------------------------------------------------------

MalStatus = Literal["uppnatt", "delvis_uppnatt", "ej_uppnatt", "kan_ej_matas"]
MAL_STATUS_TEXT = {"uppnatt": "Uppnått", "delvis_uppnatt": "Delvis uppnått", "ej_uppnatt": "Ej uppnått",
                   "kan_ej_matas": "Kan ej mätas"}


@dataclass(frozen=True)
class Mal(Node):
    text: str
    status: MalStatus
    kommentar: str | None = None  # Markdown; may name figures as {{ nyckel }}


@dataclass(frozen=True)
class Malbild(Node):
    verksamhetsmal: tuple[Mal, ...] = ()
    finansiella_mal: tuple[Mal, ...] = ()


@dataclass(frozen=True)
class Deltagare(Node):
    kvinnor: int = 0
    man: int = 0
    annan: int = 0  # annan juridisk könstillhörighet, or kön not recorded


@dataclass(frozen=True)
class Insats(Node):
    """A financed insats. Budget and utfall are kronor spent, positive as insats tables show
    them; with `driftredovisning:` they are taken from that row instead of entered again."""

    namn: str
    kategori: Literal["individinriktad", "strukturovergripande"]
    projektagare: str | None = None
    syfte: str | None = None
    malgrupp: str | None = None
    mal: str | None = None
    kvantitativt_mal: str | None = None
    deltagare: Deltagare | None = None
    avslutade: int | None = None
    avslutade_med_stegforflyttning: int | None = None
    budget: Decimal | None = None
    utfall: Decimal | None = None
    driftredovisning: str | None = None
    maluppfyllelse: MalStatus | None = None
    kommentar: str | None = None


@dataclass(frozen=True)
class Aktivitet(Node):
    """A structural activity (strukturövergripande aktivitet) and how it went."""

    aktivitet: str
    deltagare: int | None = None
    mal: str | None = None
    resultat: str | None = None
    maluppfyllelse: str | None = None


@dataclass(frozen=True)
class Fraga(Node):
    fraga: str
    andel_positiva: Tal  # 0.98 for 98 %


@dataclass(frozen=True)
class Indikatormatning(Node):
    """Indikatormätning among an insats's avslutade deltagare."""

    insats: str
    svarande: int
    fragor: tuple[Fraga, ...]
    svarsalternativ: str | None = None


@dataclass(frozen=True)
class Ar(Node):
    ar: int
    styrelsens_beslut: dt.date
    medlemsavgifter: Annotated[PMap, str, Decimal]
    resultatrakning: Resultatrakning
    balansrakning: Balansrakning
    underskrift: Underskrift = field(default_factory=Underskrift)
    antal_anstallda: int | None = None
    investeringar: Investeringar = field(default_factory=Investeringar)
    driftredovisning: Driftredovisning | None = None
    balanskrav: Balanskrav = field(default_factory=Balanskrav)
    mal: Malbild | None = None
    insatser: tuple[Insats, ...] = ()
    strukturaktiviteter: tuple[Aktivitet, ...] = ()
    indikatormatning: tuple[Indikatormatning, ...] = ()
    kontrollsummor: Kontrollsummor | None = None
