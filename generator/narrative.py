"""The narrative: `YYYY.md` beside the year file, Markdown split into sections by `## ` headings.

A heading that names a standard section of the förvaltningsberättelse (Organisation,
Uppdrag, Händelser av väsentlig betydelse, …) fills that section; any other heading is
the förbund's own section, placed after the standard section that precedes it in the
file. Markdown is rendered by markdown-it (CommonMark with tables) with raw HTML turned
off, then sanitised by nh3 (Ammonia): no scripts, no styles, no images, links only to
http, https and mailto. The narrative cannot run code, read files or reach the network.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import nh3
from markdown_it import MarkdownIt

from .findings import Finding, Pos, UnusableInput, error, warning

# Standard sections in the order of the report, with their headings.
STANDARD = (
    ("ordforanden_har_ordet", "Ordföranden har ordet"),
    ("organisation", "Organisation"),
    ("uppdrag", "Uppdrag"),
    ("finansiering", "Finansiering"),
    ("verksamhetside_och_vision", "Verksamhetsidé och vision"),
    ("oversikt", "Översikt över verksamhetens utveckling"),
    ("viktiga_forhallanden", "Viktiga förhållanden för resultat och ekonomisk ställning"),
    ("vasentliga_handelser", "Händelser av väsentlig betydelse"),
    ("styrning_och_uppfoljning", "Styrning och uppföljning av verksamheten"),
    ("god_ekonomisk_hushallning", "God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning"),
    ("uppfoljning_av_insatser", "Uppföljning av insatser"),
    ("balanskravsresultat", "Balanskravsresultat"),
    ("personalforhallanden", "Väsentliga personalförhållanden"),
    ("forvantad_utveckling", "Förväntad utveckling"),
    ("redovisningsprinciper", "Redovisningsprinciper"),
)
TITLES = dict(STANDARD)
_BY_TITLE = {title.lower(): key for key, title in STANDARD}
# Shorter names people use for the same sections.
_ALIASES = {"ordförande har ordet": "ordforanden_har_ordet", "finansiering/medlemsavgifter": "finansiering",
            "verksamhetsidé": "verksamhetside_och_vision", "händelser": "vasentliga_handelser",
            "intern kontroll": "styrning_och_uppfoljning", "personal": "personalforhallanden",
            "god ekonomisk hushållning": "god_ekonomisk_hushallning"}

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h4", "h5", "h6", "blockquote", "code",
                "table", "thead", "tbody", "tr", "th", "td", "hr", "s"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}}


@dataclass(frozen=True)
class Avsnitt:
    key: str  # standard key, or "eget_<n>" for the förbund's own section
    rubrik: str
    markdown: str  # as written; figures are filled in and HTML made when rendering
    after: str | None  # for own sections: the standard key they follow
    pos: Pos  # the heading's line
    body_line: int = 0  # line number of the first line of `markdown`


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    md.disable("image")
    return md


_MD = _markdown()


def _shift_headings(text: str) -> str:
    # A section's own heading is h3 in the report, so a heading inside its text becomes
    # h4 or lower: it can never outrank the section or break the document's outline.
    return re.sub(r"^(#{1,6})(?=\s)", lambda m: "#" * min(6, max(4, len(m.group(1)) + 1)), text, flags=re.M)


def _clean_table_style(tag: str, name: str, value: str) -> str | None:
    # markdown-it writes column alignment as style="text-align:right"; keep only that.
    if name == "style":
        return value if re.fullmatch(r"text-align:(left|right|center)", value) else None
    return value


def render_markdown(text: str) -> str:
    html = _MD.render(_shift_headings(text))
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                      attribute_filter=_clean_table_style, strip_comments=True)
    # Ammonia writes the no-break space as an entity; the tables carry the character
    # itself, and a figure in the text should be the very same string as in a table.
    return clean.replace("&nbsp;", "\u00a0")


def read_narrative(path: Path, shown: str) -> tuple[list[Avsnitt], list[Finding]]:
    """Split a year's Markdown into sections; findings for headings that look like typos."""
    if not path.exists():
        return [], []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnusableInput([error("E-UTF8", "the file is not valid UTF-8; save it as UTF-8 in your editor",
                                   Pos(shown, line, 1))])
    findings: list[Finding] = []
    sections: list[Avsnitt] = []
    current: tuple[str, int] | None = None
    body: list[str] = []
    last_standard: str | None = None
    own = 0

    def flush():
        nonlocal last_standard, own
        if current is None:
            if "".join(body).strip():
                findings.append(error("E-NARRATIV", "text before the first '## Rubrik' belongs to no section; "
                                      "start the file with a heading such as '## Organisation'", Pos(shown, 1, 1)))
            return
        title, line = current
        key = _BY_TITLE.get(title.lower()) or _ALIASES.get(title.lower())
        pos = Pos(shown, line, 1)
        markdown = "".join(body)
        if key:
            if any(s.key == key for s in sections):
                findings.append(error("E-NARRATIV", f'the section "{title}" appears twice; merge the two', pos))
                return
            sections.append(Avsnitt(key, TITLES[key], markdown, None, pos, line + 1))
            last_standard = key
        else:
            close = difflib.get_close_matches(title.lower(), list(_BY_TITLE), n=1, cutoff=0.85)
            if close:
                findings.append(warning("W-RUBRIK", f'"{title}" is shown as the förbund\'s own section; did you mean '
                                        f'the standard section "{TITLES[_BY_TITLE[close[0]]]}"?', pos))
            own += 1
            sections.append(Avsnitt(f"eget_{own}", title, markdown, last_standard, pos, line + 1))

    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        match = re.match(r"^##\s+(.+?)\s*#*\s*$", line)
        if match and not line.startswith("###"):
            flush()
            current, body = (match.group(1).strip(), number), []
        else:
            body.append(line)
    flush()
    return sections, findings


def read_year(source_root: Path, year: int, base: Path | None = None) -> tuple[list[Avsnitt], list[Finding]]:
    """The narrative of one year: `YYYY.md` in the förbund's folder, if there is one."""
    path = source_root / f"{year}.md"
    try:
        shown = str(path.relative_to(base or Path.cwd()))
    except ValueError:
        shown = str(path)
    return read_narrative(path, shown)


# --- Figures in the narrative -------------------------------------------------------
# The narrative names figures of the figures export as {{ resultatrakning.arets_resultat }},
# optionally with a year and a format: {{ resultatrakning.arets_resultat@2022 | kr }}. This
# is not a template language: nothing else may stand between the braces, and {% … %}
# is refused, so text from the data can never run code.

REFERENCE = re.compile(r"\{\{(.*?)\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
SECTIONS = ("resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "balanskravsresultat",
            "nyckeltal", "medlemsavgifter", "noter", "insatser", "mal", "strukturaktiviteter", "indikatormatning")
_INNER = re.compile(r"^\s*((?:%s)(?:\.[a-z0-9](?:[a-z0-9]|_(?!_))*)+)(?:@(\d{4}))?\s*(?:\|\s*([a-z]+)\s*)?$"
                    % "|".join(SECTIONS))
FORMATS = ("belopp", "kr", "tkr", "procent", "tal", "heltal")
_COUNTS = ("deltagare", "antal", "avslutade", "avslutade_med_stegforflyttning", "svarande", "uppnadda",
           "antal_anstallda")


def default_format(key: str) -> str:
    """The format a figure has in the report's tables, so text and tables print it alike."""
    last = key.rsplit(".", 1)[-1]
    if last in _COUNTS:
        return "heltal"
    if last.startswith("andel") or last in ("soliditet", "svarsfrekvens", "eget_kapital_tak_andel") \
            or last.endswith("_andel") or "andel_av" in last:
        return "procent"
    return "belopp"


@dataclass(frozen=True)
class Referens:
    text: str  # as written, braces included
    key: str | None
    year: int | None
    format: str | None
    offset: int  # characters from the start of the text
    problem: str | None  # why it cannot be filled in, if it cannot


def references(text: str) -> list[Referens]:
    out = []
    for match in REFERENCE.finditer(text):
        whole = match.group(0)
        inner = match.group(1)
        if inner is None:
            out.append(Referens(whole, None, None, None, match.start(),
                                f"{whole!r} is not allowed: the narrative names figures as {{{{ nyckel }}}} and cannot run "
                                "template code"))
            continue
        parsed = _INNER.match(inner)
        if not parsed:
            out.append(Referens(whole, None, None, None, match.start(),
                                f"{whole!r} is not a figure name: write {{{{ resultatrakning.arets_resultat }}}}, optionally "
                                f"with @YYYY and | {' / '.join(FORMATS)}; the narrative cannot run template code"))
            continue
        key, year, fmt = parsed.group(1), parsed.group(2), parsed.group(3)
        problem = None
        if fmt and fmt not in FORMATS:
            problem = f"unknown format {fmt!r} in {whole}; use one of {', '.join(FORMATS)}"
        out.append(Referens(whole, key, int(year) if year else None, fmt, match.start(), problem))
    return out


def fill(text: str, figures: dict[int, dict], year: int) -> str:
    """Replace each figure reference by the figure, formatted exactly as the tables show it."""
    from . import formatting

    def one(ref: Referens) -> str:
        if ref.problem or ref.key is None:
            return "[?]"
        value = figures.get(ref.year or year, {}).get(ref.key)
        if value is None:
            return "[?]"
        fmt = ref.format or default_format(ref.key)
        if fmt == "tkr":
            return formatting.belopp(value, "tkr")
        return getattr(formatting, fmt)(value)

    parts, last = [], 0
    for ref in references(text):
        parts.append(text[last:ref.offset])
        parts.append(one(ref))
        last = ref.offset + len(ref.text)
    parts.append(text[last:])
    return "".join(parts)


def to_html(text: str, figures: dict[int, dict], year: int) -> str:
    return render_markdown(fill(text, figures, year))
