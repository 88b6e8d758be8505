"""Insatser, mål and follow-up of one year."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from .base import Artal, Belopp, Heltal, JaNej, Kind, Lista, Node, PMap, Tal, Text, empty_map

MalStatus = Annotated[Literal["uppnatt", "delvis_uppnatt", "ej_uppnatt", "kan_ej_matas"], Kind("val")]


@dataclass(frozen=True)
class Delmal(Node):
    """Ett delmål och, om styrelsen har bedömt det, hur det uppfylldes."""

    text: Text
    """Delmålet."""
    status: MalStatus | None = None
    """uppnatt, delvis_uppnatt, ej_uppnatt eller kan_ej_matas; utelämnas när styrelsen inte har bedömt målet."""
    malvarden: PMap[Artal, Tal] = field(default_factory=empty_map)
    """Målvärde per år, till exempel {2024: 0.50, 2026: 0.80} för 50 % år 2024 och 80 % år 2026."""
    utfall: Tal | None = None
    """Årets utfall som andel (0.48 för 48 %), om det inte hämtas med utfall_enligt."""
    utfall_enligt: Text | None = None
    """Nyckel i sifferexporten som ger årets utfall, till exempel insatser.steg.andel_stegforflyttning."""
    kommentar: Text | None = None
    """Kommentar i Markdown; kan nämna belopp som {{ nyckel }}."""


@dataclass(frozen=True)
class Mal(Node):
    """Ett mål, dess delmål och, om styrelsen har bedömt det, hur det uppfylldes."""

    text: Text
    """Målet."""
    status: MalStatus | None = None
    """uppnatt, delvis_uppnatt, ej_uppnatt eller kan_ej_matas; utelämnas när styrelsen inte har bedömt målet."""
    malvarden: PMap[Artal, Tal] = field(default_factory=empty_map)
    """Målvärde per år, till exempel {2024: 0.50, 2026: 0.80} för 50 % år 2024 och 80 % år 2026."""
    utfall: Tal | None = None
    """Årets utfall som andel (0.48 för 48 %), om det inte hämtas med utfall_enligt."""
    utfall_enligt: Text | None = None
    """Nyckel i sifferexporten som ger årets utfall, till exempel insatser.steg.andel_stegforflyttning."""
    kommentar: Text | None = None
    """Kommentar i Markdown; kan nämna belopp som {{ nyckel }}."""
    delmal: Lista[Delmal] = ()
    """Delmålen, vart och ett med egen status."""


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


Dimension = Annotated[Literal["kommun", "remitterande_part", "forsorjning", "utfall", "kon", "intag", "annan"],
                      Kind("val")]


@dataclass(frozen=True)
class Varavrad(Node):
    """En delgrupp av en rad i en uppföljningstabell."""

    text: Text
    """Delgruppen, till exempel "varav unga under 30 år"."""
    antal: Heltal | None = None
    """Antal, om det inte anges per kön."""
    kvinnor: Heltal | None = None
    """Antal kvinnor."""
    man: Heltal | None = None
    """Antal män."""
    annan: Heltal | None = None
    """Annan juridisk könstillhörighet, eller kön inte registrerat."""


@dataclass(frozen=True)
class Uppfoljningsrad(Node):
    """En rad i en uppföljningstabell: en kommun, en part, ett utfall …"""

    text: Text
    """Radens namn, till exempel kommunen eller utfallet."""
    antal: Heltal | None = None
    """Antal, om det inte anges per kön."""
    kvinnor: Heltal | None = None
    """Antal kvinnor."""
    man: Heltal | None = None
    """Antal män."""
    annan: Heltal | None = None
    """Annan juridisk könstillhörighet, eller kön inte registrerat."""
    varav: Lista[Varavrad] = ()
    """Delgrupper av raden; ingen får vara större än raden."""


@dataclass(frozen=True)
class Uppfoljningstabell(Node):
    """Antal deltagare fördelade efter en dimension; andelar och summor räknas fram."""

    rubrik: Text
    """Tabellens rubrik."""
    dimension: Dimension
    """kommun, remitterande_part, forsorjning, utfall, kon, intag (anmälda, startade …) eller annan."""
    rader: Lista[Uppfoljningsrad]
    """Raderna med antal, eller antal per kön (kvinnor, man, annan)."""
    totalt: Heltal | None = None
    """Hela gruppen, om raderna inte täcker alla; annars räknas summan fram."""
    summeras: JaNej = True
    """false när raderna inte är delar av en helhet (skeden som inskrivna, nya, avslutade): då visas varken summa
    eller andelar."""
    kommentar: Text | None = None
    """Kommentar under tabellen."""


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
    utfall_enligt: Lista[Text] = ()
    """Nycklar i sifferexporten (notrader, bilagerader, driftredovisningens rader) vars summa är utfallet."""
    maluppfyllelse: MalStatus | None = None
    """uppnatt, delvis_uppnatt, ej_uppnatt eller kan_ej_matas."""
    kommentar: Text | None = None
    """Kommentar i Markdown; kan nämna belopp som {{ nyckel }}."""
    uppfoljning: Lista[Uppfoljningstabell] = ()
    """Uppföljningstabeller för insatsen: antal per kommun, remitterande part, utfall …"""


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
