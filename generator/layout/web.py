"""The web version's own parts (screen only, never in the PDF): the site header's PDF link
and publication date, the footer's contact lines, the signature statement that replaces
the blank signing lines, and the accessibility statement (tillgänglighetsredogörelse).

The statement follows the parts Digg's model asks for: who publishes what, how far it
meets the law's requirements and which content is not accessible, how to report a
shortcoming, Digg's supervision, how the page was assessed and when.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..derive import Arsredovisning
from ..formatting import datum
from .matter import front

DIGG_ANMALAN = "https://www.digg.se/tdosanmalan"


@dataclass(frozen=True)
class Kontaktrad:
    """One line of the footer's contact details."""

    etikett: str  # "E-post"
    text: str
    href: str | None = None  # mailto:, tel: or https:


@dataclass(frozen=True)
class Stycke:
    """One part of the accessibility statement: a heading, its paragraphs and a list."""

    rubrik: str | None
    stycken: tuple[Markup, ...]
    punkter: tuple[str, ...] = ()


@dataclass(frozen=True)
class Web:
    """What the web page adds around the report."""

    pdf: str  # the PDF's file name beside the HTML: "halland-2023.pdf"
    fastalld: str | None  # "Fastställd av styrelsen 8 mars 2024", when the decision date is known
    undertecknad: str  # who signed and when, said in words instead of blank lines
    kontakt: tuple[Kontaktrad, ...]
    redogorelse: tuple[Stycke, ...]


def pdf_name(r: Arsredovisning) -> str:
    """The PDF's file name as the build writes it: <the förbund's folder>-<year>.pdf."""
    path = Path(r.arsfil.pos.path)
    return f"{path.parent.name or path.resolve().parent.name}-{r.year}.pdf"


def kontakt(r: Arsredovisning) -> tuple[Kontaktrad, ...]:
    """The office's contact details as forbund.yaml gives them; what is missing is left out."""
    k = r.forbund.kontakt
    if k is None:
        return ()
    lines = [Kontaktrad("Postadress", k.postadress) if k.postadress else None,
             Kontaktrad("Besöksadress", k.besoksadress) if k.besoksadress else None,
             Kontaktrad("Telefon", k.telefon, "tel:" + re.sub(r"[^\d+]", "", k.telefon)) if k.telefon else None,
             Kontaktrad("E-post", k.e_post, f"mailto:{k.e_post}") if k.e_post else None,
             Kontaktrad("Webbplats", k.webbplats.removeprefix("https://").rstrip("/"), k.webbplats)
             if k.webbplats else None]
    return tuple(line for line in lines if line is not None)


def undertecknad(r: Arsredovisning) -> str:
    """The board's signing in one sentence: "Årsredovisningen har undertecknats av styrelsen …"."""
    u, bestamd = r.arsfil.underskrift, front(r).bestamd
    if u.elektronisk:
        return f"{bestamd} har undertecknats av styrelsen med elektroniska underskrifter."
    when = u.datum or r.arsfil.styrelsens_beslut
    if when is None:
        return f"{bestamd} undertecknas av styrelsen."
    ort = f" i {u.ort}" if u.ort else ""
    return f"{bestamd} har undertecknats av styrelsen{ort} den {datum(when, r.forbund.installningar.datumformat)}."


def _link(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


# The statement's fixed texts: the law and standard, the known gaps, how it was assessed.
FORENLIGHET = ("Sidan ska uppfylla lagen (2018:1937) om tillgänglighet till digital offentlig service, som hänvisar "
               "till standarden EN 301 549 och därmed till WCAG 2.1 på nivå AA. Sidan är delvis förenlig med lagens "
               "krav, på grund av bristerna nedan.")
BRISTER = ("Diagrammens textalternativ skrivs automatiskt utifrån siffrorna. De säger vad diagrammet visar men inte "
           "vad det betyder; samma siffror finns i tabellerna i rapporten.",
           "Breda tabeller får inte plats på en smal skärm. De går att svepa i sidled, men de är svåra att överblicka "
           "med kraftig förstoring.",
           "Sidan har ännu inte granskats med automatiska verktyg (till exempel axe), och PDF-versionen har inte "
           "kontrollerats mot standarden PDF/UA. Det arbetet är planerat.")
BEDOMNING = ("Bedömningen är en självskattning gjord av förbundet: sidan har granskats i webbläsare i datorbredd och "
             "mobilbredd. Sidan har inga skript och hämtar inget utifrån; text, tabeller och diagrammens "
             "textalternativ finns i själva sidan. Inget av innehållet är undantaget från lagens krav.")
TILLSYN = ("Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi tar hand "
           "om dina synpunkter kan du anmäla det till Digg: ")


def redogorelse(r: Arsredovisning) -> tuple[Stycke, ...]:
    """The accessibility statement, in Digg's order; its date is the board's decision date."""
    f, matter = r.forbund, front(r)
    e_post = f.kontakt.e_post if f.kontakt else None
    kontakt = (Markup("skriv till oss på ") + _link(f"mailto:{e_post}", e_post) if e_post
               else escape(f"kontakta {f.namn}"))
    beslut = r.arsfil.styrelsens_beslut
    datering = (escape(f"Redogörelsen gjordes och uppdaterades senast {datum(beslut, f.installningar.datumformat)}, "
                       f"när styrelsen fastställde {matter.bestamd_i_text}."),) if beslut else ()
    return (
        Stycke(None, (escape(f"{f.namn} står bakom den här webbversionen av {matter.titel_i_text} {r.year}. Här "
                             "beskriver vi hur väl sidan uppfyller kraven på tillgänglighet, vilka brister vi känner "
                             "till och hur du kan meddela oss om något inte fungerar för dig."),)),
        Stycke("Hur tillgänglig är sidan?", (escape(FORENLIGHET),)),
        Stycke("Innehåll som inte är tillgängligt", (escape("Vi känner till följande brister:"),), BRISTER),
        Stycke("Meddela brister", (Markup("Om du stöter på något som inte fungerar, eller behöver innehållet i en "
                                          "annan form, ") + kontakt + ".",)),
        Stycke("Tillsyn", (escape(TILLSYN) + _link(DIGG_ANMALAN, "digg.se/tdosanmalan") + ".",)),
        Stycke("Hur vi har bedömt sidan", (escape(BEDOMNING), *datering)),
    )


def web(r: Arsredovisning) -> Web:
    """Everything the web page shows around the report."""
    beslut = r.arsfil.styrelsens_beslut
    return Web(pdf=pdf_name(r),
               fastalld=f"Fastställd av styrelsen {datum(beslut, r.forbund.installningar.datumformat)}"
               if beslut else None,
               undertecknad=undertecknad(r), kontakt=kontakt(r), redogorelse=redogorelse(r))
