"""`YYYY.md` → sections of the report, split at its `## ` headings.

A heading that names a standard section of the förvaltningsberättelse (Organisation,
Uppdrag, Händelser av väsentlig betydelse, …) fills that section; any other heading is the
förbund's own section, placed after the standard section that precedes it in the file.
Headings are found by the Markdown parser, so a `## ` line in a code block is text.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..chars import invisible_in, misleads, name_of
from ..findings import Finding, Pos, error, excerpt, warning
from ..load.files import read_text
from ..texts import AVSNITT, AVSNITT_ALIAS
from . import fotnoter
from .bilder import image_tokens, read_images
from .links import lint
from .markdown import MD

_BY_TITLE = {title.lower(): key for key, title in AVSNITT.items()}
# `## Bilaga: Verksamhetsplan 2024` starts an appendix after the auditors' påteckning.
BILAGA = re.compile(r"(?i)bilaga\s*\d*\s*[:.–-]\s*(?P<rubrik>\S.*)")
# `## Kommentar till driftredovisningen` is shown right under that statement.
KOMMENTAR = {f"kommentar till {name}": f"kommentar_{part}" for name, part in (
    ("resultaträkningen", "resultatrakning"), ("balansräkningen", "balansrakning"),
    ("kassaflödesanalysen", "kassaflodesanalys"), ("driftredovisningen", "driftredovisning"))}


@dataclass(frozen=True)
class Avsnitt:
    key: str  # standard key, or "eget_<n>" for the förbund's own section
    rubrik: str
    markdown: str  # as written; figures are filled in and HTML made when rendering
    after: str | None  # for own sections: the standard key they follow
    pos: Pos  # the heading's line
    body_line: int = 0  # line number of the first line of `markdown`
    bilder: tuple[tuple[str, str], ...] = ()  # the pictures it shows: (src as written, data: URL)


@dataclass(frozen=True)
class _Heading:
    title: str
    line: int  # 0-based line of the heading
    body: str


def _headings(text: str) -> tuple[str, list[_Heading]]:
    """The text before the first `## ` heading, and each heading with the text below it."""
    # Lines as markdown-it counts them: only \n, \r\n and \r end a line (str.splitlines
    # would also split at U+2028, form feeds … and shift every section after them).
    text = re.sub(r"\r\n?", "\n", text)
    tokens = MD.parse(text)
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    starts = [(i, t) for i, t in enumerate(tokens)
              if t.type == "heading_open" and t.tag == "h2" and t.markup == "##" and t.level == 0 and t.map]
    # Each heading's text runs to the next heading, the last one's to the end of the file.
    ends = [t.map[0] for _, t in starts[1:] if t.map] + ([len(lines)] if starts else [])
    out = []
    for (i, token), end in zip(starts, ends, strict=True):
        assert token.map is not None
        first, body_start = token.map
        out.append(_Heading(tokens[i + 1].content.strip(), first, "".join(lines[body_start:end])))
    before = "".join(lines[: starts[0][1].map[0]]) if starts and starts[0][1].map else text
    return before, out


def _lying_characters(text: str, shown: str) -> list[Finding]:
    """Direction controls and control characters in the narrative: they can make the
    printed text read otherwise than the file (the YAML loader refuses them too)."""
    found = []
    for n, line in enumerate(text.split("\n"), start=1):
        for col, ch in invisible_in(line):
            if misleads(ch) and ch not in "\t\r\f":  # tab, line end and page break may stand in text
                found.append(error("E-TECKEN", f"{name_of(ch)}: tecknet syns inte men kan få texten att se ut som "
                                   "något annat än det som står i filen; ta bort tecknet", Pos(shown, n, col + 1)))
    return found


def _heading_links(text: str, headings: list[_Heading], shown: str) -> list[Finding]:
    """A heading is shown as plain text: a link or picture in it is reported, not followed."""
    lines = re.sub(r"\r\n?", "\n", text).split("\n")
    found = []
    for h in headings:
        tokens = MD.parse(lines[h.line])
        srcs = [str(c.attrGet("src")) for c in image_tokens(tokens)]
        found += lint(tokens, [lines[h.line]], shown, h.line + 1, (), dict.fromkeys(srcs, "en rubrik visar bara text"))
    return found


def split_sections(text: str, shown: str, folder: Path | None = None) -> tuple[list[Avsnitt], list[Finding]]:
    """Sections of a year's Markdown; findings for loose text, repeats and likely typos.
    With `folder` (the förbund's), the pictures the sections show are read from it."""
    findings: list[Finding] = []
    sections: list[Avsnitt] = []
    findings += _lying_characters(text, shown)
    before, headings = _headings(text)
    if before.strip():
        findings.append(error("E-NARRATIV", "texten före den första rubriken hör inte till något avsnitt; börja "
                              "filen med en rubrik, till exempel '## Organisation'", Pos(shown, 1, 1)))
    last_standard: str | None = None
    own = bilagor = 0
    findings += _heading_links(text, headings, shown)
    for h in headings:
        key = _BY_TITLE.get(h.title.lower()) or AVSNITT_ALIAS.get(h.title.lower()) or KOMMENTAR.get(h.title.lower())
        pos = Pos(shown, h.line + 1, 1)
        bilaga = BILAGA.fullmatch(h.title)
        if bilaga:
            bilagor += 1
            sections.append(Avsnitt(f"bilaga_{bilagor}", bilaga.group("rubrik").strip(), h.body, None, pos, h.line + 2))
        elif not h.title:
            findings.append(error("E-NARRATIV", "rubriken saknar text: skriv avsnittets namn efter ## (till exempel "
                                  "'## Organisation') eller ta bort raden", pos))
        elif key and (first := next((s for s in sections if s.key == key), None)):
            findings.append(error("E-NARRATIV", f'avsnittet "{excerpt(h.title)}" finns redan på rad {first.pos.line}; '
                                  "slå ihop de två till ett avsnitt", pos))
        elif key and key.startswith("kommentar_"):
            sections.append(Avsnitt(key, h.title, h.body, None, pos, h.line + 2))
        elif key:
            sections.append(Avsnitt(key, AVSNITT[key], h.body, None, pos, h.line + 2))
            last_standard = key
        else:
            close = difflib.get_close_matches(h.title.lower(), list(_BY_TITLE), n=1, cutoff=0.85)
            if close:
                findings.append(warning("W-RUBRIK", f'"{excerpt(h.title)}" visas som förbundets eget avsnitt; menade '
                                        f'du standardavsnittet "{AVSNITT[_BY_TITLE[close[0]]]}"?', pos))
            own += 1
            sections.append(Avsnitt(f"eget_{own}", h.title, h.body, last_standard, pos, h.line + 2))
    return _with_pictures(sections, findings, shown, folder)


def _with_pictures(sections: list[Avsnitt], findings: list[Finding], shown: str,
                   folder: Path | None) -> tuple[list[Avsnitt], list[Finding]]:
    """Each section with the pictures it may show, and a warning for each link or picture it may not."""
    out = []
    for a in sections:
        tokens = MD.parse(a.markdown)
        bilder, varfor = read_images(tokens, folder, str(PurePosixPath(shown).parent)) if folder else ({}, {})
        findings += lint(tokens, a.markdown.split("\n"), shown, a.body_line, bilder, varfor)
        findings += fotnoter.lint(tokens, a.markdown.split("\n"), shown, a.body_line)
        out.append(dataclasses.replace(a, bilder=tuple(bilder.items())))
    return out, findings


def read_narrative(path: Path, shown: str) -> tuple[list[Avsnitt] | None, list[Finding]]:
    """The sections of a Markdown file; none when there is no file; None when it cannot be read."""
    if not path.exists():
        return [], []
    text, findings = read_text(path, shown)
    if text is None:
        return None, findings
    return split_sections(text, shown, path.parent)
