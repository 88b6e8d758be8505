"""The förbund: the facts that stay from year to year (forbund.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from ..rules import EGET_KAPITAL_TAK
from .base import Artal, Belopp, Heltal, JaNej, Kind, MinstEn, Node, PMap, Tal, Text, empty_map

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
    not_eget_kapital: JaNej = False
    """true: en not till Summa eget kapital med ingående eget kapital, årets resultat och utgående eget kapital."""


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
    historik: PMap[Artal, Historik] = field(default_factory=empty_map)
    """År utan årsfil, för femårsöversikten och som ingående balans: år följt av uppgifterna."""


