"""Render the derived report as HTML with Jinja2. Templates display; they compute nothing."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import charts as charts_mod
from . import formatting, tables
from .derive import Arsredovisning
from .model import MAL_STATUS_TEXT
from .slug import slug
from .narrative import TITLES, Avsnitt, to_html

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
                       heltal=formatting.heltal, datum=formatting.datum, slug=slug)
    return env


def _sections(r: Arsredovisning) -> tuple[list[Section], dict[str, Markup]]:
    def html(a: Avsnitt) -> Markup:
        # Sanitised by narrative.render_markdown (nh3) before it is marked safe here.
        return Markup(to_html(a.markdown, r.figures, r.year))

    by_key = {a.key: html(a) for a in r.narrativ if not a.key.startswith("eget_")}
    own = [a for a in r.narrativ if a.key.startswith("eget_")]
    out: list[Section] = []

    def add_own(after: str | None) -> None:
        for a in own:
            if a.after == after or (after is None and a.after not in FORVALTNINGSBERATTELSE):
                out.append(Section(a.key, f"avsnitt-{a.key}", a.rubrik, html(a), False))

    add_own(None)
    automatic = AUTOMATIC | ({"uppfoljning_av_insatser"} if r.insatser or r.ar.strukturaktiviteter else set())
    for key in FORVALTNINGSBERATTELSE:
        text = by_key.get(key)
        if text or key in automatic:
            out.append(Section(key, key.replace("_", "-"), TITLES[key], text, key in automatic))
        add_own(key)
    return out, by_key


def context(r: Arsredovisning) -> dict:
    sections, by_key = _sections(r)
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
        "ordforande": ordforande,
        "redovisningsprinciper": principer,
        "sections": sections,
        "rr": tables.resultatrakning(r),
        "br": tables.balansrakning(r),
        "kf": tables.kassaflodesanalys(r),
        "drift": tables.driftredovisning(r),
        "balanskrav": tables.balanskrav(r),
        "medlemsavgifter": tables.medlemsavgifter(r),
        "femar": r.femar,
        "charts": {chart.id: chart for chart in charts_mod.charts(r)},
        "kategorier": tables.kategorier(r),
        "individinriktade": tables.insatser_ekonomi(r, "individinriktad"),
        "strukturovergripande": tables.insatser_ekonomi(r, "strukturovergripande"),
        "mal_status": MAL_STATUS_TEXT,
        # Free texts from the YAML (kommentar, förklaring) are Markdown with figure names.
        "md": lambda text: Markup(to_html(text, r.figures, r.year)) if text else None,
        "notes": notes,
        "css": Markup((STYLES / "report.css").read_text(encoding="utf-8")),
    }
    return ctx


def render_html(r: Arsredovisning, lang: str = "sv") -> str:
    """The report as one self-contained HTML page."""
    return render_pages(r, (lang,))[0]


def render_pages(r: Arsredovisning, langs: tuple[str, ...]) -> list[str]:
    """The same page once per language tag, from one context (the charts are drawn once).
    The PDF is printed from the page with lang="sv-SE", which WeasyPrint writes as the
    PDF's document language; the web page says lang="sv"."""
    template = environment().get_template("report.html.j2")
    ctx = context(r)
    return [template.render(ctx, lang=lang) for lang in langs]
