"""The förbund: the facts that stay from year to year (forbund.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from ..rules import EGET_KAPITAL_TAK
from .base import Artal, Belopp, Heltal, JaNej, Kind, Lista, MinstEn, Node, PMap, Tal, Text, empty_map

ACCENTFARG = "#1f4e79"  # the report's accent when forbund.yaml sets none (styles/report.css says the same)

MedlemTyp = Annotated[Literal["staten", "region", "kommun"], Kind("val")]
# A key figure "Året i korthet" may show (generator/layout/korthet.py says what each is).
Nyckeltal = Annotated[Literal["deltagare", "stegforflyttning", "resultat", "eget_kapital", "kostnad_per_deltagare",
                              "medlemsavgifter", "soliditet", "verksamhetsmal", "strukturaktiviteter"], Kind("val")]
EPost = Annotated[str, Kind("e_post")]
Webbadress = Annotated[str, Kind("webbadress")]


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
    """En ledamot i styrelsen; alla skriver under, utom de som årsfilen anger under underskrift.ej_undertecknat."""

    namn: Text
    """Ledamotens namn, eller organisationens när en organisation skriver under (se organisation_undertecknar)."""
    roll: Text
    """Rollen i styrelsen: Ordförande, Vice ordförande, Ledamot …"""
    utsedd_av: Text | None = None
    """Den medlem som utsett ledamoten."""
    parti: Text | None = None
    """Partiet, visas inom parentes efter namnet: (S), (M) …"""
    organisation: Text | None = None
    """Organisationen ledamoten företräder, visas efter namnet, till exempel Arbetsförmedlingen."""
    organisation_undertecknar: JaNej = False
    """true: namn är en organisation som skriver under; raden får plats för företrädarens namnförtydligande."""


@dataclass(frozen=True)
class Ersattare(Node):
    """En ersättare i styrelsen; ersättarna listas men skriver inte under."""

    namn: Text
    """Ersättarens namn."""
    utsedd_av: Text | None = None
    """Den medlem som utsett ersättaren."""
    parti: Text | None = None
    """Partiet, visas inom parentes efter namnet."""
    organisation: Text | None = None
    """Organisationen ersättaren företräder."""


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
class Granskning(Node):
    """När `check` visar en rad som info för granskaren: ändrad mer än både andelen och beloppet mot fjolåret."""

    andel: Tal = Decimal("0.25")
    """Andel av fjolårets belopp som en rad ska ha ändrats med, 0.25 för 25 %."""
    belopp: Belopp = Decimal(100000)
    """Belopp i kronor som en rad ska ha ändrats med, till exempel 100000."""


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
    titel: Text = "Årsredovisning"
    """Dokumentets namn på framsidan, i sidhuvudet och i metadata, till exempel Årsrapport."""
    titel_bestamd: Text | None = None
    """Titelns bestämda form, när den inte är titeln följd av -en eller -n (till exempel Årsbokslutet)."""
    revisorernas_patekning: Annotated[Literal["i_rapporten", "separat"], Kind("val")] = "i_rapporten"
    """i_rapporten: revisorerna skriver under påteckningen; separat: revisionsberättelsen lämnas separat."""
    aret_i_korthet: Lista[Nyckeltal] = ("deltagare", "stegforflyttning", "resultat", "eget_kapital",
                                        "kostnad_per_deltagare")
    """Nyckeltalen under Året i korthet, i den ordning de visas; ett nyckeltal vars uppgifter saknas visas inte."""
    accentfarg: Annotated[str, Kind("farg")] = ACCENTFARG
    """Förbundets färg för rubriker, länkar och framsidan, inom citattecken: "#1f4e79" (mörk nog att läsas mot vitt)."""
    granskning: Granskning = field(default_factory=Granskning)
    """Gränserna för raderna som `check` visar som stora förändringar mot fjolåret (andel och belopp)."""


@dataclass(frozen=True)
class Logotyp(Node):
    """Förbundets logotyp på framsidan: en SVG- eller PNG-fil i förbundets mapp."""

    fil: Text
    """Sökvägen i förbundets mapp, till exempel bilder/logo.svg."""
    alt: Text
    """Vad logotypen visar, i ord, för den som inte ser bilden, till exempel Förbundets logotyp."""


@dataclass(frozen=True)
class Kontakt(Node):
    """Förbundets kontaktuppgifter till kansliet, i webbversionens sidfot och tillgänglighetsredogörelse."""

    postadress: Text | None = None
    """Postadressen på en rad, till exempel Box 123, 301 04 Halmstad."""
    besoksadress: Text | None = None
    """Besöksadressen, om den är en annan än postadressen, till exempel Storgatan 1, Halmstad."""
    telefon: Text | None = None
    """Kansliets telefonnummer, till exempel 035-12 34 56."""
    e_post: EPost | None = None
    """Kansliets e-postadress, till exempel kansli@exempel.se; dit skickas också synpunkter på tillgängligheten."""
    webbplats: Webbadress | None = None
    """Förbundets webbplats med https://, till exempel https://www.exempel.se."""


@dataclass(frozen=True)
class Definitioner(Node):
    """Där ett historikår räknade en kolumn i femårsöversikten annorlunda än årsfilerna: vad beloppet avser."""

    verksamhetens_intakter: Text | None = None
    """Vad verksamhetens intäkter avser det året, till exempel: inklusive finansiella intäkter."""
    verksamhetens_kostnader: Text | None = None
    """Vad verksamhetens kostnader avser det året, till exempel: inklusive avskrivningar."""
    arets_resultat: Text | None = None
    """Vad årets resultat avser det året."""
    eget_kapital: Text | None = None
    """Vad eget kapital avser det året."""
    soliditet: Text | None = None
    """Hur soliditeten räknades det året."""
    antal_anstallda: Text | None = None
    """Vad antal anställda avser det året, till exempel: årsarbetare."""


@dataclass(frozen=True)
class Historik(Node):
    """Ett år utan årsfil, som det redovisades i den årsredovisningen."""

    enhet: Annotated[Literal["kr", "tkr"], Kind("val")] = "kr"
    """Enheten för årets belopp: kr (kronor) eller tkr (tusental kronor, högst en decimal: 21965.3)."""
    foregangare: Text | None = None
    """Namnet på det förbund som året avser, när det är ett föregångare (före en sammanslagning)."""
    definitioner: Definitioner | None = None
    """Kolumner som det året räknades annorlunda än i årsfilerna, med vad beloppet avser."""
    verksamhetens_intakter: Belopp | None = None
    """Verksamhetens intäkter (i enheten ovan)."""
    verksamhetens_kostnader: Belopp | None = None
    """Verksamhetens kostnader (i enheten ovan), negativt."""
    arets_resultat: Belopp | None = None
    """Årets resultat (i enheten ovan)."""
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
    medlemmar: MinstEn[Medlem]
    """Förbundets medlemmar, en rad per medlem."""
    styrelse: MinstEn[Ledamot]
    """Styrelsens ledamöter, som skriver under årsredovisningen."""
    revisorer: MinstEn[Revisor]
    """Revisorerna, som skriver under påteckningen."""
    verksamhetside: Text
    """Förbundets verksamhetsidé."""
    organisationsnummer: Text | None = None
    """Organisationsnumret inom citattecken: "222000-2857"; utelämnas det visas det inte."""
    sate: Text | None = None
    """Förbundets säte (ort)."""
    logotyp: Logotyp | None = None
    """Logotyp på framsidan: fil (SVG eller PNG i förbundets mapp) och alt (vad den visar)."""
    ersattare: Lista[Ersattare] = ()
    """Styrelsens ersättare, som listas vid underskrifterna men inte skriver under."""
    vision: Text | None = None
    """Förbundets vision."""
    kontakt: Kontakt | None = None
    """Kansliets kontaktuppgifter för webbversionen: postadress, besoksadress, telefon, e_post, webbplats."""
    installningar: Installningar = field(default_factory=Installningar)
    """Inställningar för rapporten."""
    historik: PMap[Artal, Historik] = field(default_factory=empty_map)
    """År utan årsfil, för femårsöversikten och som ingående balans: år följt av uppgifterna."""


