"""The page: every part and section of the report, numbered, in order, with what each shows.

The table of contents and the headings of the body come from the same `parts` list, so a
section left out is left out of both and the numbers always agree.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from ..charts import Chart, charts
from ..derive import Arsredovisning
from ..derive.jamforelse import note_number
from ..formatting import datum
from ..narrative import Avsnitt, to_html
from ..texts import AVSNITT
from . import balanskrav, jamforelse, mal, matter, noter, oversikt, statements, uppfoljning, uppfoljningstabeller, web
from .drift import table_driftredovisning
from .korthet import Kort, cards
from .matter import Bilaga, Front, Signer
from .tables import Table

# The förvaltningsberättelse's standard sections, in the order of the report.
FORVALTNINGSBERATTELSE = ("organisation", "uppdrag", "finansiering", "verksamhetside_och_vision", "oversikt",
                          "viktiga_forhallanden", "vasentliga_handelser", "styrning_och_uppfoljning",
                          "god_ekonomisk_hushallning", "uppfoljning_av_insatser", "balanskravsresultat",
                          "personalforhallanden", "forvantad_utveckling")
# Sections the data fills, shown whether or not the narrative has text for them.
FROM_THE_DATA = {"finansiering", "verksamhetside_och_vision", "oversikt", "god_ekonomisk_hushallning",
                 "balanskravsresultat"}
# Sections whose narrative comes before what the data adds.
TEXT_FIRST = {"god_ekonomisk_hushallning", "uppfoljning_av_insatser"}


@dataclass(frozen=True)
class Section:
    """A numbered section of the förvaltningsberättelse."""

    key: str
    id: str
    number: str  # "1.3"
    rubrik: str
    html: Markup | None  # the narrative's text
    text_first: bool = False
    template: str | None = None  # the template that shows what the data adds
    content: Any = None  # what that template shows


@dataclass(frozen=True)
class Part:
    """A numbered part of the report (h2), with its sections (h3) for the table of contents."""

    id: str
    number: str
    rubrik: str
    sections: tuple[Section | Bilaga, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number} {self.rubrik}"


@dataclass(frozen=True)
class NoteBlock:
    """A note as shown: heading, text (before the table) and/or table, then its bilagor."""

    number: int
    titel: str  # "Verksamhetens kostnader"
    table: Table | None
    html: Markup | None = None  # Not 1's accounting principles, or an information-only note's text
    bilagor: tuple[Table, ...] = ()
    avsnitt: str = "redovisningsprinciper"  # the narrative's data-avsnitt

    @property
    def id(self) -> str:
        return f"not-{self.number}"

    @property
    def rubrik(self) -> str:
        return f"Not {self.number} {self.titel}"

    def section(self) -> Section:
        """The note's entry in the table of contents."""
        return Section(self.id, self.id, f"Not {self.number}", self.titel, None)


@dataclass(frozen=True)
class Page:
    """Everything the report shows, decided; the templates only place it."""

    forbund: str
    organisationsnummer: str | None
    sate: str | None
    year: int
    beslutad: str | None  # the board's decision date; a comparison year's may be unknown
    signeringsrad: bool
    ordforande: Markup | None
    parts: dict[str, Part]
    statements: tuple[tuple[Part, Table], ...]  # resultaträkning … driftredovisning, in order
    notes: tuple[NoteBlock, ...]
    underskrift: str  # place and date, or how the report is signed
    styrelse: tuple[Signer, ...]
    revisorer: tuple[Signer, ...]
    elektronisk: bool
    charts: dict[str, Chart] = field(default_factory=dict)
    front: Front = Front(matter.ARSREDOVISNING, "Årsredovisningen", None, None)
    beslut: Markup | None = None  # the board's decisions, beside the signatures
    ersattare: tuple[Signer, ...] = ()
    revisorer_separat: bool = False  # the auditors' report is submitted separately
    kommentarer: dict[str, Markup] = field(default_factory=dict)  # statement part id → text under it
    bilagor: tuple[Bilaga, ...] = ()
    korthet: tuple[Kort, ...] = ()  # Året i korthet's key figures, after the chair's words
    web: web.Web | None = None  # the web version's header, footer and accessibility statement

    @property
    def toc(self) -> list[Part]:
        return list(self.parts.values())


def markdown_of(r: Arsredovisning) -> uppfoljning.Markdown:
    """Free texts from the YAML (kommentar, förklaring) are Markdown that may name figures."""
    def md(text: str | None, bilder: tuple[tuple[str, str], ...] = ()) -> Markup | None:
        # Sanitised by narrative.render_markdown (nh3) before it is marked safe here.
        return Markup(to_html(text, r.figures, r.year, dict(bilder))) if text else None
    return md


@dataclass(frozen=True)
class _Context:
    """What every section's content is made from."""

    r: Arsredovisning
    charts: dict[str, Chart]
    md: uppfoljning.Markdown


def _finansiering(c: _Context) -> dict[str, Any]:
    return {"text": oversikt.finansiering_text(c.r), "table": statements.table_medlemsavgifter(c.r)}


def _vision(c: _Context) -> dict[str, Any]:
    return {"verksamhetside": c.r.forbund.verksamhetside, "vision": c.r.forbund.vision}


def _oversikt(c: _Context) -> dict[str, Any]:
    return {"table": oversikt.table_femar(c.r), "note": oversikt.femar_note(c.r), "chart": c.charts.get("femar")}


def _hushallning(c: _Context) -> dict[str, Any]:
    text = oversikt.eget_kapital_text(c.r)
    return {"text": text, "chart": c.charts.get("eget-kapital") if text else None,
            "mal": mal.block_mal(c.r, c.md)}


def _uppfoljning(c: _Context) -> dict[str, Any]:
    r = c.r
    return {"kategorier": uppfoljning.table_kategorier(r), "kategori_chart": c.charts.get("kostnad-per-kategori"),
            "individinriktade": [(uppfoljning.table_insats(i), c.md(i.insats.kommentar)) for i in r.insatser
                                 if i.insats.kategori == "individinriktad"],
            "deltagare_chart": c.charts.get("deltagare"),
            "strukturovergripande": uppfoljning.table_insatser(r, "strukturovergripande"),
            "aktiviteter": uppfoljning.table_strukturaktiviteter(r),
            "indikatorer": uppfoljning.blocks_indikatormatning(r), **_follow_ups(c)}


def _follow_ups(c: _Context) -> dict[str, Any]:
    """Follow-up tables: the förbund's, each individinriktad insats's beside it, the structural ones'."""
    tables = uppfoljningstabeller.follow_ups(c.r)
    kategori = {i.key: i.insats.kategori for i in c.r.insatser}
    per_insats: dict[str, list[Any]] = {}
    for f in tables:
        if f.insats_key and kategori[f.insats_key] == "individinriktad":
            per_insats.setdefault(f"insats-{f.insats_key}", []).append((f.table, c.md(f.kommentar)))
    return {"uppfoljning": [(f.table, c.md(f.kommentar)) for f in tables if f.insats_key is None],
            "insats_uppfoljning": per_insats,
            "struktur_uppfoljning": [(f.table, c.md(f.kommentar)) for f in tables
                                     if f.insats_key and kategori[f.insats_key] != "individinriktad"]}


def _balanskrav(c: _Context) -> dict[str, Any]:
    bk = c.r.arsfil.balanskrav
    return {"table": statements.table_balanskrav(c.r), "forklaring": c.md(bk.styrelsens_forklaring),
            "underskott": balanskrav.table_underskott(c.r), "beslut": balanskrav.text_aterstalls_inte(c.r),
            "skal": c.md(bk.aterstalls_inte.skal) if bk.aterstalls_inte else None}


# What the data adds to a section: the template (templates/sections/…) and its content.
FROM_DATA: dict[str, tuple[str, Callable[[_Context], dict[str, Any]]]] = {
    "finansiering": ("finansiering", _finansiering), "verksamhetside_och_vision": ("vision", _vision),
    "oversikt": ("oversikt", _oversikt), "god_ekonomisk_hushallning": ("hushallning", _hushallning),
    "uppfoljning_av_insatser": ("uppfoljning", _uppfoljning), "balanskravsresultat": ("balanskrav", _balanskrav),
}


def _content(key: str, c: _Context) -> tuple[str | None, Any]:
    if key not in FROM_DATA:
        return None, None
    template, make = FROM_DATA[key]
    return f"sections/{template}.html.j2", make(c)


def _sections(r: Arsredovisning, shown: dict[str, Chart], md: uppfoljning.Markdown, part: str) -> list[Section]:
    texts = {a.key: md(a.markdown, a.bilder) for a in r.narrativ
             if not a.key.startswith("eget_") and not matter.elsewhere(a.key)}
    own = [a for a in r.narrativ if a.key.startswith("eget_")]
    from_data = FROM_THE_DATA | ({"uppfoljning_av_insatser"} if r.insatser or r.arsfil.strukturaktiviteter else set())
    chosen: list[tuple[str, str, Markup | None, Avsnitt | None]] = []

    def add_own(after: str | None) -> None:
        for a in own:
            if a.after == after or (after is None and a.after not in FORVALTNINGSBERATTELSE):
                chosen.append((a.key, a.rubrik, md(a.markdown, a.bilder), a))

    add_own(None)
    for key in FORVALTNINGSBERATTELSE:
        if texts.get(key) or key in from_data:
            chosen.append((key, AVSNITT[key], texts.get(key), None))
        add_own(key)
    out = []
    for n, (key, rubrik, html, avsnitt) in enumerate(chosen, start=1):
        template, content = _content(key, _Context(r, shown, md)) if avsnitt is None else (None, None)
        out.append(Section(key, f"avsnitt-{key}" if avsnitt else key.replace("_", "-"), f"{part}.{n}", rubrik, html,
                           key in TEXT_FIRST, template, content))
    return out


def _parts(has_drift: bool, bilagor: tuple[Bilaga, ...] = ()) -> dict[str, Part]:
    listed = [("forvaltningsberattelse", "Förvaltningsberättelse", True), ("resultatrakning", "Resultaträkning", True),
              ("balansrakning", "Balansräkning", True), ("kassaflodesanalys", "Kassaflödesanalys", True),
              ("driftredovisning", "Driftredovisning", has_drift), ("noter", "Noter", True),
              ("styrelsens-underskrift", "Styrelsens underskrift", True),
              ("revisorernas-pateckning", "Revisorernas påteckning", True), ("bilagor", "Bilagor", bool(bilagor))]
    shown = [(id_, rubrik) for id_, rubrik, present in listed if present]
    return {id_: Part(id_, str(n), rubrik, bilagor if id_ == "bilagor" else ())
            for n, (id_, rubrik) in enumerate(shown, start=1)}


def _notes(r: Arsredovisning, md: uppfoljning.Markdown) -> tuple[NoteBlock, ...]:
    principer = next((md(a.markdown, a.bilder) for a in r.narrativ if a.key == "redovisningsprinciper"), None)
    first = NoteBlock(1, "Redovisningsprinciper", None, principer)
    notes = (first, *(NoteBlock(n.number, n.rubrik, noter.table_not(n, r),
                                md(n.text) if n.text else None, tuple(noter.tables_bilagor(n, r)),
                                n.key.replace(".", "_")) for n in r.noter))
    table = jamforelse.table_jamforelse(r)
    if table is None:
        return notes
    return (*notes, NoteBlock(note_number(r), jamforelse.RUBRIK, table, jamforelse.text_jamforelse(r),
                              avsnitt="jamforelsetal"))


def _underskrift(r: Arsredovisning) -> str:
    u = r.arsfil.underskrift
    if u.elektronisk:
        return "Datum enligt elektroniska underskrifter"
    style = r.forbund.installningar.datumformat
    when = u.datum or r.arsfil.styrelsens_beslut
    return f"{u.ort + ', ' if u.ort else ''}{datum(when, style) if when else 'den ________________'}"


def layout_report(r: Arsredovisning, drawn: bool = True) -> Page:
    """The whole page of one report, from its derived figures and texts; without its charts
    when not `drawn` (`finsam diff` reads only the tables, and drawing is most of the time)."""
    md = markdown_of(r)
    shown = {chart.id: chart for chart in charts(r)} if drawn else {}
    drift = table_driftredovisning(r)
    bilagor = matter.bilagor(r, md)
    parts = _parts(drift is not None, bilagor)
    fb = parts["forvaltningsberattelse"]
    parts[fb.id] = replace(fb, sections=tuple(_sections(r, shown, md, fb.number)))
    notes = _notes(r, md)
    parts["noter"] = replace(parts["noter"], sections=tuple(n.section() for n in notes))
    f = r.forbund
    ordforande = next((md(a.markdown, a.bilder) for a in r.narrativ if a.key == "ordforanden_har_ordet"), None)
    return Page(
        forbund=f.namn, organisationsnummer=f.organisationsnummer, sate=f.sate, year=r.year,
        beslutad=datum(r.arsfil.styrelsens_beslut, f.installningar.datumformat) if r.arsfil.styrelsens_beslut else None,
        signeringsrad=f.installningar.signeringsrad, ordforande=ordforande,
        parts=parts,
        statements=tuple((parts[id_], table) for id_, table in (
            ("resultatrakning", statements.table_resultatrakning(r)),
            ("balansrakning", statements.table_balansrakning(r)),
            ("kassaflodesanalys", statements.table_kassaflodesanalys(r)), ("driftredovisning", drift))
            if table is not None),
        notes=notes, underskrift=_underskrift(r), styrelse=matter.styrelse(r), revisorer=matter.revisorer(r),
        elektronisk=r.arsfil.underskrift.elektronisk, charts=shown, front=matter.front(r),
        beslut=matter.beslut(r, md), ersattare=matter.ersattare(r),
        revisorer_separat=f.installningar.revisorernas_patekning == "separat",
        kommentarer=matter.kommentarer(r, md), bilagor=bilagor, korthet=cards(r), web=web.web(r))
