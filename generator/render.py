"""Render the derived report as HTML with Jinja2. Templates display; they compute nothing."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import formatting, tables
from .derive import Arsredovisning
from .narrative import TITLES, Avsnitt

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
STYLES = ROOT / "styles"

# Sections whose content the tool supplies from the data, besides any narrative text.
AUTOMATIC = {"finansiering", "verksamhetside_och_vision", "oversikt", "god_ekonomisk_hushallning", "balanskravsresultat"}
FORVALTNINGSBERATTELSE = ("organisation", "uppdrag", "finansiering", "verksamhetside_och_vision", "oversikt",
                          "viktiga_forhallanden", "vasentliga_handelser", "styrning_och_uppfoljning",
                          "god_ekonomisk_hushallning", "uppfoljning_av_insatser", "balanskravsresultat",
                          "personalforhallanden", "forvantad_utveckling")


@dataclass(frozen=True)
class Section:
    key: str
    id: str
    rubrik: str
    html: Markup | None
    auto: bool


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(belopp=formatting.belopp, kr=formatting.kr, procent=formatting.procent, tal=formatting.tal,
                       heltal=formatting.heltal, datum=formatting.datum)
    return env


def _sections(narrative: list[Avsnitt]) -> tuple[list[Section], dict[str, Avsnitt]]:
    by_key = {a.key: a for a in narrative if not a.key.startswith("eget_")}
    own = [a for a in narrative if a.key.startswith("eget_")]
    out: list[Section] = []

    def add_own(after: str | None) -> None:
        for a in own:
            if a.after == after or (after is None and a.after not in FORVALTNINGSBERATTELSE):
                out.append(Section(a.key, f"avsnitt-{a.key}", a.rubrik, Markup(a.html), False))

    add_own(None)
    for key in FORVALTNINGSBERATTELSE:
        text = by_key.get(key)
        if text or key in AUTOMATIC:
            out.append(Section(key, key.replace("_", "-"), TITLES[key], Markup(text.html) if text else None,
                               key in AUTOMATIC))
        add_own(key)
    return out, by_key


def context(r: Arsredovisning) -> dict:
    sections, by_key = _sections(list(r.narrativ))
    notes = [(n, tables.note_table(n, r), tables.bilaga_tables(n, r)) for n in r.noter]
    ordforande = by_key.get("ordforanden_har_ordet")
    principer = by_key.get("redovisningsprinciper")
    ctx = {
        "r": r,
        "forbund": r.forbund,
        "ar": r.ar,
        "year": r.year,
        "prev_year": r.year - 1,
        "f": r.figures[r.year],
        "f_prev": r.figures.get(r.year - 1, {}),
        "datumformat": r.forbund.installningar.datumformat,
        "ordforande": Markup(ordforande.html) if ordforande else None,
        "redovisningsprinciper": Markup(principer.html) if principer else None,
        "sections": sections,
        "rr": tables.resultatrakning(r),
        "br": tables.balansrakning(r),
        "kf": tables.kassaflodesanalys(r),
        "drift": tables.driftredovisning(r),
        "balanskrav": tables.balanskrav(r),
        "medlemsavgifter": tables.medlemsavgifter(r),
        "femar": r.femar,
        "notes": notes,
        "css": Markup((STYLES / "report.css").read_text(encoding="utf-8")),
    }
    return ctx


def render_html(r: Arsredovisning, lang: str = "sv") -> str:
    """The report as one self-contained HTML page. The PDF is printed from the same page
    with lang="sv-SE", which WeasyPrint writes as the PDF's document language."""
    return environment().get_template("report.html.j2").render(context(r), lang=lang)
