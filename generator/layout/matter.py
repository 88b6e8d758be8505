"""Front and back matter: the front page (title, diarienummer, logo), the people who sign
or are listed beside the signatures, the board's decisions, the comments under the
statements and the Bilagor part after the auditors.

Every fact here is optional except the names: what the data does not have is left out
whole (no "Org.nr:" without a number, no "Diarienummer" line without one).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..derive import Arsredovisning
from ..model import Ersattare, Ledamot
from ..model.forbund import ACCENTFARG

Md = Callable[..., Markup | None]

ARSREDOVISNING = "Årsredovisning"
_TABLE = re.compile(r"<table[^>]*>")


@dataclass(frozen=True)
class Logo:
    url: str  # data: URL (narrative.logotyp read and judged the file)
    alt: str


@dataclass(frozen=True)
class Front:
    titel: str  # the document's name: Årsredovisning, Årsrapport …
    bestamd: str  # its definite form: Årsredovisningen
    diarienummer: str | None
    logotyp: Logo | None
    accent: str | None = None  # "#00607a": the förbund's colour, when not the stylesheet's own
    datumformat: str = "iso"  # the report's one date style; long dates widen the figure columns

    @property
    def accent_css(self) -> str | None:
        """The one value the data writes into the stylesheet: `--accent`, rebuilt from its three channels."""
        return None if self.accent is None else f"--accent: {accent_hex(self.accent)};"

    @property
    def titel_i_text(self) -> str:
        """The name inside a sentence: "avger här årsredovisning för …"."""
        return self.titel[:1].lower() + self.titel[1:]

    @property
    def bestamd_i_text(self) -> str:
        return self.bestamd[:1].lower() + self.bestamd[1:]


@dataclass(frozen=True)
class Signer:
    namn: str  # with party or organisation: "Anna Ek (S)", "Anna Ek, Arbetsförmedlingen"
    roll: str
    undertecknar: bool = True  # False: listed without a signature line
    organisation: bool = False  # an organisation signs: a line for its representative's name


@dataclass(frozen=True)
class Bilaga:
    id: str
    number: str  # "Bilaga 1"
    rubrik: str
    html: Markup | None


def accent_hex(colour: str) -> str:
    """#rrggbb from the colour's numbers, so that nothing but six hex digits can reach the CSS."""
    channels = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{c:02x}" for c in channels)


def front(r: Arsredovisning) -> Front:
    s = r.forbund.installningar
    titel = s.titel.strip() or ARSREDOVISNING
    bestamd = s.titel_bestamd or (titel + ("n" if titel.endswith("e") else "en"))
    logo = r.forbund.logotyp
    accent = accent_hex(s.accentfarg) if s.accentfarg.lower() != ACCENTFARG else None
    return Front(titel, bestamd, r.arsfil.diarienummer,
                 Logo(r.logotyp, logo.alt) if logo is not None and r.logotyp else None, accent, s.datumformat)


def _namn(p: Ledamot | Ersattare) -> str:
    return p.namn + (f" ({p.parti})" if p.parti else "") + (f", {p.organisation}" if p.organisation else "")


def styrelse(r: Arsredovisning) -> tuple[Signer, ...]:
    """The board in the order of forbund.yaml; those who did not sign this year's report are shown so."""
    ej = {name.strip() for name in r.arsfil.underskrift.ej_undertecknat}
    return tuple(Signer(_namn(p), p.roll + (f", utsedd av {p.utsedd_av}" if p.utsedd_av else ""),
                        p.namn not in ej, p.organisation_undertecknar) for p in r.forbund.styrelse)


def ersattare(r: Arsredovisning) -> tuple[Signer, ...]:
    return tuple(Signer(_namn(p), "Ersättare" + (f", utsedd av {p.utsedd_av}" if p.utsedd_av else ""), False)
                 for p in r.forbund.ersattare)


def revisorer(r: Arsredovisning) -> tuple[Signer, ...]:
    separat = r.forbund.installningar.revisorernas_patekning == "separat"
    return tuple(Signer(p.namn + (f", {p.titel}" if p.titel else ""), f"Revisor, utsedd av {p.utsedd_av}",
                        not separat) for p in r.forbund.revisorer)


def beslut(r: Arsredovisning, md: Md) -> Markup | None:
    return md(r.arsfil.underskrift.beslut) if r.arsfil.underskrift.beslut else None


def kommentarer(r: Arsredovisning, md: Md) -> dict[str, Markup]:
    """`## Kommentar till driftredovisningen` … by the statement part it stands under."""
    out = {}
    for a in r.narrativ:
        if a.key.startswith("kommentar_"):
            html = md(a.markdown, a.bilder)
            if html:
                out[a.key.removeprefix("kommentar_")] = html
    return out


def _captioned(html: Markup | None, name: str) -> Markup | None:
    """Every table of a bilaga captioned with the bilaga's name (each table of the report has a
    caption, for those who hear the page read); a second table is "… (tabell 2)"."""
    if html is None:
        return None
    count = iter(range(1, 1000))

    def caption(match: re.Match[str]) -> str:
        n = next(count)
        return f"{match.group(0)}<caption>{escape(name)}{f' (tabell {n})' if n > 1 else ''}</caption>"
    return Markup(_TABLE.sub(caption, str(html)))


def bilagor(r: Arsredovisning, md: Md) -> tuple[Bilaga, ...]:
    """`## Bilaga: …` sections of the year's Markdown, numbered in the order written."""
    found = [a for a in r.narrativ if a.key.startswith("bilaga_")]
    return tuple(Bilaga(f"bilaga-{n}", f"Bilaga {n}", a.rubrik,
                        _captioned(md(a.markdown, a.bilder), f"Bilaga {n} {a.rubrik}"))
                 for n, a in enumerate(found, start=1))


# Markdown sections that are not the förvaltningsberättelse's.
def elsewhere(key: str) -> bool:
    return key.startswith(("bilaga_", "kommentar_"))
