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
    html: str  # sanitised
    after: str | None  # for own sections: the standard key they follow
    pos: Pos


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
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                     attribute_filter=_clean_table_style, strip_comments=True)


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
        html = render_markdown("".join(body))
        if key:
            if any(s.key == key for s in sections):
                findings.append(error("E-NARRATIV", f'the section "{title}" appears twice; merge the two', pos))
                return
            sections.append(Avsnitt(key, TITLES[key], html, None, pos))
            last_standard = key
        else:
            close = difflib.get_close_matches(title.lower(), list(_BY_TITLE), n=1, cutoff=0.85)
            if close:
                findings.append(warning("W-RUBRIK", f'"{title}" is shown as the förbund\'s own section; did you mean '
                                        f'the standard section "{TITLES[_BY_TITLE[close[0]]]}"?', pos))
            own += 1
            sections.append(Avsnitt(f"eget_{own}", title, html, last_standard, pos))

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
