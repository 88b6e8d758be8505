"""The typed, immutable model of a förbund and its years: the schema of the YAML files.

A key is valid exactly when it is a field here; the field's docstring is its Swedish
description (shown by editors through the JSON Schema `make schema` writes). Each value
has a kind (`Belopp`, `Tal`, `Datum` …) whose validator, in `generator.load.values`, says
in words what to write when a value is wrong. The model itself only declares: it imports
neither the YAML reader nor the validation library.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, Union

from .findings import Pos
from .rules import EGET_KAPITAL_TAK

NOWHERE = Pos("")
K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


@dataclass(frozen=True)
class Kind:
    """What kind of value a field holds; the load stage supplies its validator.

    `minst`: the least number of items of a list (`revisorer` needs one).
    """

    name: str
    minst: int = 0

    # Pydantic asks this when the load stage builds its validator and the JSON Schema;
    # it is imported then, so the model costs nothing to import elsewhere.
    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from .load.values import core_schema_for

        return core_schema_for(self, source, handler)


Belopp = Annotated[Decimal, Kind("belopp")]  # kronor, at most öre
Tal = Annotated[Decimal, Kind("tal")]  # a share or a key: any number of decimals
Heltal = Annotated[int, Kind("heltal")]
Artal = Annotated[int, Kind("ar")]
Datum = Annotated[dt.date, Kind("datum")]
Text = Annotated[str, Kind("text")]
JaNej = Annotated[bool, Kind("ja_nej")]
Lista = Annotated[tuple[T, ...], Kind("lista")]
MinstEn = Annotated[tuple[T, ...], Kind("lista", minst=1)]


class PMap(Mapping[K, V], Generic[K, V]):
    """An immutable mapping that remembers where each key stood in the source."""

    def __init__(self, items: Mapping[K, V], at: Mapping[K, Pos] | None = None, pos: Pos = NOWHERE):
        self._items = dict(items)
        self.at = dict(at or {})
        self.pos = pos

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"PMap({self._items!r})"

    def pos_of(self, key: K) -> Pos:
        return self.at.get(key, self.pos)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from .load.tree import mapping_schema

        return mapping_schema(source, handler)


def _empty_map() -> PMap[Any, Any]:
    return PMap({})


@dataclass(frozen=True, kw_only=True)
class Node:
    """Base of every model object: where it stood, and where each of its keys stood.

    `pos` and `at` are filled by the load stage; they are not keys a file may write.
    A class may name fields of which at least one must be given (`one_of`).
    """

    pos: Pos = field(default=NOWHERE, init=False, compare=False, repr=False)
    at: Mapping[str, Pos] = field(default_factory=dict, init=False, compare=False, repr=False)
    one_of: ClassVar[tuple[str, ...]] = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def pos_of(self, name: str) -> Pos:
        return self.at.get(name, self.pos)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from .load.tree import node_schema

        return node_schema(cls, source, handler)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        from .load.tree import node_json_schema

        return node_json_schema(cls, schema, handler)


# --- The förbund: stable facts -------------------------------------------------------

MedlemTyp = Annotated[Literal["staten", "region", "kommun"], Kind("val")]


@dataclass(frozen=True)
class Medlem(Node):
    """En medlem i förbundet."""

    namn: Text
    """Medlemmens namn, skrivet som under medlemsavgifter i årsfilerna."""
    typ: MedlemTyp
    """staten (Försäkringskassan och Arbetsförmedlingen), region eller kommun."""
    fordelningsnyckel: Tal | None = None
    """Kommunens del i förbundets egen nyckel för kommunernas fjärdedel, ofta befolkningen."""


@dataclass(frozen=True)
class Ledamot(Node):
    """En ledamot i styrelsen; alla skriver under årsredovisningen."""

    namn: Text
    """Ledamotens namn."""
    roll: Text
    """Rollen i styrelsen: Ordförande, Vice ordförande, Ledamot …"""
    utsedd_av: Text | None = None
    """Den medlem som utsett ledamoten."""


@dataclass(frozen=True)
class Revisor(Node):
    """En revisor; revisorerna skriver under påteckningen."""

    namn: Text
    """Revisorns namn."""
    utsedd_av: Text
    """Den eller de medlemmar som utsett revisorn."""
    titel: Text | None = None
    """Titel eller byrå, till exempel KPMG AB."""


@dataclass(frozen=True)
class Installningar(Node):
    """Inställningar för rapporten."""

    eget_kapital_tak: Tal = EGET_KAPITAL_TAK
    """Nationella rådets rekommenderade tak för eget kapital, andel av årets medlemsavgifter (0.20 är 20 %)."""
    signeringsrad: JaNej = False
    """true: rad för ordförandes och justerandes signatur på varje sida efter framsidan."""
    datumformat: Annotated[Literal["iso", "lang"], Kind("val")] = "iso"
    """Datum som 2024-03-08 (iso) eller 8 mars 2024 (lang)."""


@dataclass(frozen=True)
class Historik(Node):
    """Ett år utan årsfil, som det redovisades i den årsredovisningen."""

    verksamhetens_intakter: Belopp | None = None
    """Verksamhetens intäkter i kronor."""
    verksamhetens_kostnader: Belopp | None = None
    """Verksamhetens kostnader i kronor, negativt."""
    arets_resultat: Belopp | None = None
    """Årets resultat i kronor."""
    eget_kapital: Belopp | None = None
    """Summa eget kapital vid årets slut."""
    summa_tillgangar: Belopp | None = None
    """Summa tillgångar vid årets slut."""
    soliditet: Tal | None = None
    """Soliditet som den publicerades, bara för ett år vars balansräkning saknas (0.54 är 54 %)."""
    antal_anstallda: Heltal | None = None
    """Antal anställda."""
    anlaggningstillgangar: Belopp | None = None
    """Summa anläggningstillgångar vid årets slut (för nästa års kassaflödesanalys)."""
    forrad: Belopp | None = None
    """Förråd vid årets slut."""
    fordringar: Belopp | None = None
    """Fordringar vid årets slut."""
    kortfristiga_placeringar: Belopp | None = None
    """Kortfristiga placeringar vid årets slut."""
    kassa_och_bank: Belopp | None = None
    """Kassa och bank vid årets slut."""
    avsattningar: Belopp | None = None
    """Summa avsättningar vid årets slut."""
    langfristiga_skulder: Belopp | None = None
    """Långfristiga skulder vid årets slut."""
    kortfristiga_skulder: Belopp | None = None
    """Kortfristiga skulder vid årets slut."""


@dataclass(frozen=True)
class Forbund(Node):
    """Förbundets fasta uppgifter (forbund.yaml)."""

    namn: Text
    """Förbundets namn, till exempel Samordningsförbundet Halland."""
    organisationsnummer: Text
    """Organisationsnumret inom citattecken: "222000-2857"."""
    medlemmar: MinstEn[Medlem]
    """Förbundets medlemmar, en rad per medlem."""
    styrelse: MinstEn[Ledamot]
    """Styrelsens ledamöter, som skriver under årsredovisningen."""
    revisorer: MinstEn[Revisor]
    """Revisorerna, som skriver under påteckningen."""
    verksamhetside: Text
    """Förbundets verksamhetsidé."""
    sate: Text | None = None
    """Förbundets säte (ort)."""
    vision: Text | None = None
    """Förbundets vision."""
    installningar: Installningar = field(default_factory=Installningar)
    """Inställningar för rapporten."""
    historik: PMap[Artal, Historik] = field(default_factory=_empty_map)
    """År utan årsfil, för femårsöversikten och som ingående balans: år följt av uppgifterna."""


# --- One year ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rad(Node):
    """En rad i en not eller bilaga: ett belopp, eller en grupp med egna rader."""

    text: Text
    """Radens text."""
    belopp: Belopp | None = None
    """Radens belopp i kronor; för en grupp summan av dess rader."""
    rader: Lista[Rad] = ()
    """Gör raden till en grupp: dess rader, vars summa är radens belopp."""
    varav: Lista[Rad] = ()
    """Radens fullständiga uppdelning, som visas indragen och ska summera till raden."""


@dataclass(frozen=True)
class Bilaga(Node):
    """En specifikation efter noterna, av en notrad eller en varav-rad."""

    rubrik: Text
    """Bilagans rubrik."""
    avser: Text
    """Den notrad den specificerar, eller "varav" och varav-radens text."""
    rader: Lista[Rad]
    """Bilagans rader, som ska summera till raden den avser."""


@dataclass(frozen=True)
class Post(Node):
    """En rad i resultat- eller balansräkningen med specifikation, som blir en not."""

    one_of: ClassVar[tuple[str, ...]] = ("belopp", "rader")
    rader: Lista[Rad] = ()
    """Notens rader; radens belopp är deras summa."""
    belopp: Belopp | None = None
    """Beloppet enligt bokföringen; med rader kontrolleras det mot deras summa."""
    rubrik: Text | None = None
    """Notens rubrik, om den ska vara en annan än radens namn."""
    bilagor: Lista[Bilaga] = ()
    """Specifikationer av notens rader."""


# A statement line: an amount, or a mapping with its note's rows.
Linje = Annotated[Union[Decimal, Post], Kind("linje")]


@dataclass(frozen=True)
class Resultatrakning(Node):
    """Resultaträkningens rader; summorna räknas fram. Intäkter positiva, kostnader negativa."""

    verksamhetens_kostnader: Linje
    """Verksamhetens kostnader, negativt: belopp eller rader."""
    verksamhetens_intakter: Post | None = None
    """Intäkter utöver medlemsavgifterna (som hämtas ur medlemsavgifter), med rader."""
    avskrivningar: Linje | None = None
    """Avskrivningar, negativt."""
    finansiella_intakter: Linje | None = None
    """Finansiella intäkter."""
    finansiella_kostnader: Linje | None = None
    """Finansiella kostnader, negativt."""
    extraordinara_poster: Linje | None = None
    """Extraordinära poster."""


@dataclass(frozen=True)
class Balansrakning(Node):
    """Balansräkningens rader vid årets slut, alla positiva; eget kapital räknas fram."""

    immateriella_anlaggningstillgangar: Linje | None = None
    """Immateriella anläggningstillgångar."""
    maskiner_och_inventarier: Linje | None = None
    """Maskiner och inventarier."""
    finansiella_anlaggningstillgangar: Linje | None = None
    """Finansiella anläggningstillgångar."""
    forrad: Linje | None = None
    """Förråd."""
    fordringar: Linje | None = None
    """Kortfristiga fordringar."""
    kortfristiga_placeringar: Linje | None = None
    """Kortfristiga placeringar."""
    kassa_och_bank: Linje | None = None
    """Kassa och bank."""
    resultatutjamningsreserv: Belopp | None = None
    """Den del av eget kapital som är resultatutjämningsreserv."""
    avsattningar_pensioner: Linje | None = None
    """Avsättningar för pensioner."""
    andra_avsattningar: Linje | None = None
    """Andra avsättningar."""
    langfristiga_skulder: Linje | None = None
    """Långfristiga skulder."""
    kortfristiga_skulder: Linje | None = None
    """Kortfristiga skulder."""
    ansvarsforbindelser: Linje | None = None
    """Ansvarsförbindelser (visas under balansräkningen)."""


@dataclass(frozen=True)
class Investeringar(Node):
    """Årets investeringar och försäljningar, för kassaflödesanalysen."""

    investeringar: Belopp = Decimal(0)
    """Utbetalt för nya anläggningstillgångar, positivt som i bokföringen."""
    forsaljningar: Belopp = Decimal(0)
    """Inbetalt för sålda anläggningstillgångar."""
    realisationsresultat: Belopp = Decimal(0)
    """Vinst (+) eller förlust (−) vid försäljningarna, som den står i resultaträkningen."""


@dataclass(frozen=True)
class Verksamhet(Node):
    """En rad i driftredovisningen."""

    namn: Text
    """Verksamhetens namn, till exempel Kansli eller en insats."""
    intakt: Belopp = Decimal(0)
    """Verksamhetens intäkter."""
    kostnad: Belopp = Decimal(0)
    """Verksamhetens kostnader, negativt."""
    budget: Belopp | None = None
    """Budgeterat netto (intäkt och kostnad sammantagna)."""


@dataclass(frozen=True)
class Driftredovisning(Node):
    """Driftredovisningen: en rad per verksamhet; netto, avvikelse och summor räknas fram."""

    verksamheter: Lista[Verksamhet]
    """Verksamheterna, en rad per verksamhet."""
    enhet: Annotated[Literal["kr", "tkr", "mnkr"], Kind("val")] = "kr"
    """Enheten tabellen visas i: kr, tkr eller mnkr. Beloppen skrivs alltid i kronor."""


@dataclass(frozen=True)
class Balanskrav(Node):
    """Justeringar för balanskravsresultatet (11 kap. LKBR); utelämnade är 0."""

    samtliga_realisationsvinster: Belopp = Decimal(0)
    """Samtliga realisationsvinster under året."""
    realisationsvinster_undantag: Belopp = Decimal(0)
    """Realisationsvinster enligt undantagsmöjlighet."""
    realisationsforluster_undantag: Belopp = Decimal(0)
    """Realisationsförluster enligt undantagsmöjlighet."""
    orealiserade_vinster_forluster: Belopp = Decimal(0)
    """Orealiserade vinster och förluster i värdepapper."""
    aterforing_orealiserade: Belopp = Decimal(0)
    """Återföring av orealiserade vinster och förluster i värdepapper."""
    till_resultatutjamningsreserv: Belopp = Decimal(0)
    """Medel avsatta till resultatutjämningsreserven."""
    fran_resultatutjamningsreserv: Belopp = Decimal(0)
    """Medel tagna från resultatutjämningsreserven."""
    tidigare_underskott: PMap[Artal, Belopp] = field(default_factory=_empty_map)
    """Tidigare års negativa balanskravsresultat som inte är återställda: år följt av belopp."""
    styrelsens_forklaring: Text | None = None
    """Krävs när resultatet är negativt: hur och när det återställs, eller de synnerliga skälen."""


@dataclass(frozen=True)
class Underskrift(Node):
    """Styrelsens underskrift."""

    ort: Text | None = None
    """Orten där styrelsen skriver under."""
    datum: Datum | None = None
    """Dagen då styrelsen skriver under, ÅÅÅÅ-MM-DD."""
    elektronisk: JaNej = False
    """true: årsredovisningen skrivs under elektroniskt."""


@dataclass(frozen=True)
class Kontrollsummor(Node):
    """Belopp ur bokföringen eller en publicerad rapport, som kontrolleras mot de framräknade."""

    belopp: PMap[Artal, PMap[Annotated[str, Kind("nyckel")], Belopp]]
    """År, och under varje år nycklar ur `make figures` med sina belopp."""
    kalla: Text | None = None
    """Varifrån beloppen kommer, till exempel Huvudbok 2023-12-31."""


# --- Insatser, mål and follow-up -------------------------------------------------------

MalStatus = Annotated[Literal["uppnatt", "delvis_uppnatt", "ej_uppnatt", "kan_ej_matas"], Kind("val")]


@dataclass(frozen=True)
class Mal(Node):
    """Ett mål och hur det uppfylldes."""

    text: Text
    """Målet."""
    status: MalStatus
    """uppnatt, delvis_uppnatt, ej_uppnatt eller kan_ej_matas."""
    kommentar: Text | None = None
    """Kommentar i Markdown; kan nämna belopp som {{ nyckel }}."""


@dataclass(frozen=True)
class Malbild(Node):
    """Årets mål."""

    verksamhetsmal: Lista[Mal] = ()
    """Verksamhetsmålen."""
    finansiella_mal: Lista[Mal] = ()
    """De finansiella målen."""


@dataclass(frozen=True)
class Deltagare(Node):
    """Antal deltagare per juridiskt kön."""

    kvinnor: Heltal = 0
    """Antal kvinnor."""
    man: Heltal = 0
    """Antal män."""
    annan: Heltal = 0
    """Annan juridisk könstillhörighet, eller kön inte registrerat."""


@dataclass(frozen=True)
class Insats(Node):
    """En finansierad insats. Budget och utfall är kronor, positiva; med driftredovisning hämtas de därifrån."""

    namn: Text
    """Insatsens namn."""
    kategori: Annotated[Literal["individinriktad", "strukturovergripande"], Kind("val")]
    """individinriktad eller strukturovergripande."""
    projektagare: Text | None = None
    """Projektägare."""
    syfte: Text | None = None
    """Insatsens syfte."""
    malgrupp: Text | None = None
    """Målgrupp."""
    mal: Text | None = None
    """Insatsens mål."""
    kvantitativt_mal: Text | None = None
    """Kvantitativt mål, till exempel antal deltagare."""
    deltagare: Deltagare | None = None
    """Deltagare under året per kön."""
    avslutade: Heltal | None = None
    """Antal deltagare som avslutat insatsen under året."""
    avslutade_med_stegforflyttning: Heltal | None = None
    """Antal av de avslutade som gjort en stegförflyttning."""
    budget: Belopp | None = None
    """Budget i kronor, om insatsen inte har en rad i driftredovisningen."""
    utfall: Belopp | None = None
    """Utfall i kronor, om insatsen inte har en rad i driftredovisningen."""
    driftredovisning: Text | None = None
    """Namnet på driftredovisningens rad, om det skiljer sig från insatsens namn."""
    maluppfyllelse: MalStatus | None = None
    """uppnatt, delvis_uppnatt, ej_uppnatt eller kan_ej_matas."""
    kommentar: Text | None = None
    """Kommentar i Markdown; kan nämna belopp som {{ nyckel }}."""


@dataclass(frozen=True)
class Aktivitet(Node):
    """En strukturövergripande aktivitet och hur den gick."""

    aktivitet: Text
    """Aktivitetens namn."""
    deltagare: Heltal | None = None
    """Antal deltagare."""
    mal: Text | None = None
    """Aktivitetens mål."""
    resultat: Text | None = None
    """Resultatet."""
    maluppfyllelse: Text | None = None
    """Måluppfyllelse i ord."""


@dataclass(frozen=True)
class Fraga(Node):
    """En fråga i indikatormätningen."""

    fraga: Text
    """Frågan."""
    andel_positiva: Tal
    """Andel positiva svar, 0.98 för 98 %."""


@dataclass(frozen=True)
class Indikatormatning(Node):
    """Indikatormätning bland en insats avslutade deltagare."""

    insats: Text
    """Insatsens namn, som under insatser."""
    svarande: Heltal
    """Antal som svarade."""
    fragor: Lista[Fraga]
    """Frågorna och andelen positiva svar."""
    svarsalternativ: Text | None = None
    """Vilka svar som räknas som positiva."""


@dataclass(frozen=True)
class Arsfil(Node):
    """Ett års uppgifter (ÅÅÅÅ.yaml); allt som kan räknas fram räknas fram."""

    ar: Artal
    """Räkenskapsåret, samma som filens namn."""
    styrelsens_beslut: Datum
    """Dagen då styrelsen fastställde årsredovisningen, ÅÅÅÅ-MM-DD."""
    medlemsavgifter: PMap[Annotated[str, Kind("namn")], Belopp]
    """Varje medlems avgift i kronor, med medlemmens namn som i forbund.yaml."""
    resultatrakning: Resultatrakning
    """Resultaträkningens rader."""
    balansrakning: Balansrakning
    """Balansräkningens rader."""
    underskrift: Underskrift = field(default_factory=Underskrift)
    """Ort, datum och sätt för styrelsens underskrift."""
    antal_anstallda: Heltal | None = None
    """Antal anställda vid årets slut."""
    investeringar: Investeringar = field(default_factory=Investeringar)
    """Årets investeringar och försäljningar."""
    driftredovisning: Driftredovisning | None = None
    """Driftredovisningen."""
    balanskrav: Balanskrav = field(default_factory=Balanskrav)
    """Justeringar för balanskravsresultatet och styrelsens förklaring."""
    mal: Malbild | None = None
    """Verksamhetsmål och finansiella mål."""
    insatser: Lista[Insats] = ()
    """Insatserna och deras uppföljning."""
    strukturaktiviteter: Lista[Aktivitet] = ()
    """Strukturövergripande aktiviteter."""
    indikatormatning: Lista[Indikatormatning] = ()
    """Indikatormätningar."""
    kontrollsummor: Kontrollsummor | None = None
    """Kontrollsummor ur bokföringen eller en publicerad rapport."""
