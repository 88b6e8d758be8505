"""One year (YYYY.yaml): the statements' lines, the driftredovisning, and everything else of the year."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from .base import Artal, Belopp, Datum, Heltal, JaNej, Kind, Lista, Node, PMap, Text, empty_map
from .drift import Minnespost
from .kategorier import Kategorier
from .noter import Infonot, Post
from .uppfoljning import Aktivitet, Indikatormatning, Insats, Malbild, Uppfoljningstabell

# A statement line: an amount, or a mapping with its note's rows.
Linje = Annotated[Decimal | Post, Kind("linje")]


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
    """År före 2024: den del av eget kapital som är resultatutjämningsreserv."""
    resultatreserv: Belopp | None = None
    """Från 2024: den del av eget kapital som är resultatreserv (hette tidigare resultatutjämningsreserv)."""
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
    summa_text: Text | None = None
    """Texten på summaraden, till exempel Resultat; annars Summa."""
    fotnoter: Lista[Text] = ()
    """Fotnoter som visas under tabellen."""
    finansiella_poster: JaNej = False
    """ja: en rad Finansiella poster räknas fram ur resultaträkningen, så att verksamheterna summerar till
    verksamhetens resultat och tabellen ändå slutar på årets resultat."""
    jamforelse: Annotated[Literal["netto", "intakt_och_kostnad"], Kind("val")] = "netto"
    """Fjolårets kolumner: netto, eller intakt_och_kostnad (fjolårets intäkt och kostnad ur fjolårets fil)."""
    minnesposter: Lista[Minnespost] = ()
    """Minnesposter under summaraden, till exempel utgående eget kapital eller likvida medel."""


@dataclass(frozen=True)
class AterstallsInte(Node):
    """Styrelsens beslut att årets negativa balanskravsresultat inte ska återställas (synnerliga skäl)."""

    beslut: Datum
    """Dagen då styrelsen beslutade det, ÅÅÅÅ-MM-DD."""
    skal: Text
    """De synnerliga skälen, som de står i beslutet."""
    belopp: Belopp | None = None
    """Den del av underskottet som inte återställs, negativt; utan belopp gäller beslutet hela underskottet."""


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
    """År före 2024: medel avsatta till resultatutjämningsreserven."""
    fran_resultatutjamningsreserv: Belopp = Decimal(0)
    """År före 2024: medel tagna från resultatutjämningsreserven."""
    till_resultatreserv: Belopp = Decimal(0)
    """Från 2024: medel avsatta till resultatreserven."""
    fran_resultatreserv: Belopp = Decimal(0)
    """Från 2024: medel tagna från resultatreserven."""
    tidigare_underskott: PMap[Artal, Belopp] = field(default_factory=empty_map)
    """Tidigare års negativa balanskravsresultat som inte är återställda: år följt av belopp."""
    aterstalls_inte: AterstallsInte | None = None
    """Styrelsens beslut att inte återställa årets underskott, med de synnerliga skälen."""
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
    beslut: Text | None = None
    """Styrelsens beslut vid underskrifterna, t.ex. att föra över medel (Markdown, får namnge {{ nyckeltal }})."""
    ej_undertecknat: Lista[Text] = ()
    """Ledamöter (namn som i forbund.yaml) som inte har skrivit under; de visas utan namnteckningsrad."""


@dataclass(frozen=True)
class Kontrollsummor(Node):
    """Belopp ur bokföringen eller en publicerad rapport, som kontrolleras mot de framräknade."""

    belopp: PMap[Artal, PMap[Annotated[str, Kind("nyckel")], Belopp]]
    """År, och under varje år nycklar ur `make figures` med sina belopp."""
    enhet: Annotated[Literal["kr", "tkr", "mnkr"], Kind("val")] = "kr"
    """Enheten beloppen är skrivna i, som rapporten tryckte dem: kr (exakt), tkr eller mnkr (avrundat)."""
    kalla: Text | None = None
    """Varifrån beloppen kommer, till exempel Huvudbok 2023-12-31."""


@dataclass(frozen=True)
class Publicerat(Node):
    """Fjolårets belopp så som fjolårets fastställda årsredovisning skrev dem (jämförelsetalen)."""

    belopp: PMap[Annotated[str, Kind("nyckel")], Belopp]
    """Nycklar ur `make figures` för fjolåret, med beloppet som det trycktes."""
    forklaring: Text | None = None
    """Varför jämförelsetalen nu visas annorlunda, till exempel en rättelse av en periodisering."""


@dataclass(frozen=True)
class Arsfil(Node):
    """Ett års uppgifter (ÅÅÅÅ.yaml); allt som kan räknas fram räknas fram."""

    ar: Artal
    """Räkenskapsåret, samma som filens namn."""
    # Optional only for a comparison year (the latest year must have it, check_beslutsdatum),
    # so kw_only keeps it in its place among the required keys.
    styrelsens_beslut: Datum | None = field(default=None, kw_only=True)
    """Dagen då styrelsen fastställde årsredovisningen, ÅÅÅÅ-MM-DD (krävs för förbundets senaste år)."""
    medlemsavgifter: PMap[Annotated[str, Kind("namn")], Belopp]
    """Varje medlems avgift i kronor, med medlemmens namn som i forbund.yaml."""
    resultatrakning: Resultatrakning
    """Resultaträkningens rader."""
    balansrakning: Balansrakning
    """Balansräkningens rader."""
    underskrift: Underskrift = field(default_factory=Underskrift)
    """Ort, datum och sätt för styrelsens underskrift."""
    diarienummer: Text | None = None
    """Årsredovisningens diarienummer, visas på framsidan, till exempel SF 2024/12."""
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
    kategorier: Kategorier | None = None
    """Utfall och budget per kategori, för insatser vars kostnader redovisas bara per kategori."""
    strukturaktiviteter: Lista[Aktivitet] = ()
    """Strukturövergripande aktiviteter."""
    indikatormatning: Lista[Indikatormatning] = ()
    """Indikatormätningar."""
    uppfoljning: Lista[Uppfoljningstabell] = ()
    """Uppföljningstabeller för hela förbundet: antal per kommun, remitterande part, utfall …"""
    kontrollsummor: Kontrollsummor | None = None
    """Kontrollsummor ur bokföringen eller en publicerad rapport."""
    noter: Lista[Infonot] = ()
    """Noter som inte specificerar en rad: text och eventuellt rader, numrerade efter radernas noter."""
    publicerat: Publicerat | None = None
    """Fjolårets belopp som de publicerades; där de skiljer sig från jämförelsetalen får rapporten en not."""
