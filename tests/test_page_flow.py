"""Page flow of the printed report, read back from the PDF (issue 10, item 1).

Each page's text is extracted with its position (pypdf); the running header and footer
are left out. On no page is the last line a heading, a table caption or an introducing
paragraph (`class="intro"`: the sentence before the table, chart or signatures it
introduces). No page is less than half full, except the page before a part that starts
on a new page (`NEW_PAGE`, the same list as styles/print.css and README.md) and the last.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import FORBUND

# The parts that start on a new page, by HTML id (styles/print.css).
NEW_PAGE = ("ordforanden-har-ordet", "innehall", "forvaltningsberattelse", "resultatrakning", "balansrakning",
            "kassaflodesanalys", "bilagor")
PX = 0.75  # WeasyPrint writes CSS pixels; a point is 4/3 px
TOP, BOTTOM = 22 / 25.4 * 72 / PX, (297 - 24) / 25.4 * 72 / PX  # the page's text area, in px from the top


@dataclass(frozen=True)
class Run:
    text: str
    x: float  # points from the page's left edge
    y: float  # px from the page's top (the baseline)


def runs(pdf: Path) -> list[list[Run]]:
    """Every page's text runs inside the text area (no running header or footer), top to bottom."""
    pages = []
    for page in PdfReader(pdf).pages:
        found: list[Run] = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip() and TOP - 2 <= tm[5] <= BOTTOM + 2:
                found.append(Run(text.strip(), round(tm[4] * PX, 2), round(tm[5], 1)))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(found, key=lambda r: (r.y, r.x)))
    return pages


def lines(page: list[Run]) -> list[str]:
    """The page's lines of text, top to bottom, runs on one baseline joined."""
    out: dict[float, list[Run]] = {}
    for run in page:
        out.setdefault(round(run.y), []).append(run)
    return [" ".join(r.text for r in sorted(line, key=lambda r: r.x)) for _, line in sorted(out.items())]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00a0", " ")).strip()


def keep_with_next(html: str) -> list[str]:
    """The texts that must not end a page: headings, visible captions, introducing paragraphs."""
    html = re.sub(r'<span class="visually-hidden">.*?</span>', "", html)
    found = re.findall(r"<(h[2-4])[^>]*>(.*?)</\1>", html, re.S)
    found += [("caption", c) for c in re.findall(r"<caption[^>]*>(.*?)</caption>", html, re.S)]
    found += [("p", p) for p in re.findall(r'<p class="[^"]*\bintro\b[^"]*">(.*?)</p>', html, re.S)]
    return [t for _, text in found if (t := squash(text))]


def part_headings(html: str) -> dict[str, str]:
    """Each part's id and its heading (the h2 right after the part's opening tag)."""
    return {i: squash(h) for i, h in re.findall(r'<(?:section|nav) class="[^"]*\b(?:part|toc)\b[^"]*" id="([^"]+)"'
                                                r'[^>]*>\s*<h2[^>]*>(.*?)</h2>', html, re.S)}


def figcaptions(html: str) -> set[str]:
    """A chart's caption stands under its chart and may end a page."""
    return {squash(c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)}


def ends_with(line: str, texts: list[str], allowed: set[str] = frozenset()) -> str | None:  # type: ignore[assignment]
    """The text the page's last line belongs to, if it is one that must not end a page."""
    tail = squash(line)
    if tail in allowed:
        return None
    return next((t for t in texts if len(tail) > 3 and tail in t), None)


def fill(page: list[Run]) -> float:
    """How far down the text area the page's last line stands, 0 to 1."""
    return (max(r.y for r in page) - TOP) / (BOTTOM - TOP) if page else 0.0


@pytest.mark.parametrize("name", FORBUND)
def test_no_page_ends_with_a_heading_or_an_introduction(built, name):
    html = built[name]["html"].read_text(encoding="utf-8")
    texts, charts = keep_with_next(html), figcaptions(html)
    assert any("Styrelsen intygar" in t for t in texts)  # the introductions are marked
    pages = runs(built[name]["pdf"])
    ending = {i + 1: (lines(page)[-1], hit) for i, page in enumerate(pages[:-1])
              if page and (hit := ends_with(lines(page)[-1], texts, charts))}
    assert ending == {}


@pytest.mark.parametrize("name", FORBUND)
def test_the_named_parts_start_a_page_and_no_other_page_is_under_half_full(built, name):
    html = built[name]["html"].read_text(encoding="utf-8")
    headings = part_headings(html)
    pages = [lines(p) for p in runs(built[name]["pdf"])]
    firsts = [p[0] if p else "" for p in pages]
    starting = {i for i in NEW_PAGE if i in headings}
    assert {i for i in starting if headings[i] in firsts} == starting
    # A part that flows on does not open a page of its own on purpose.
    assert headings["styrelsens-underskrift"] not in firsts or fill(runs(built[name]["pdf"])[firsts.index(
        headings["styrelsens-underskrift"]) - 1]) > 0.5
    before_break = {firsts.index(headings[i]) - 1 for i in starting}
    thin = {i + 1: round(fill(p), 2) for i, p in enumerate(runs(built[name]["pdf"]))
            if 0 < i < len(pages) - 1 and i not in before_break and fill(p) < 0.5}
    assert thin == {}


def test_the_last_line_check_can_fail():
    """A page whose last line is a heading, or a line of an introduction, is caught."""
    texts = keep_with_next('<h3>Not 4 Avskrivningar</h3><p class="intro">Förbundets kostnader fördelade på '
                           'insatser och <em>drift</em>.</p><p>Löptext.</p>')
    assert ends_with("Not 4 Avskrivningar", texts) == "Not 4 Avskrivningar"
    assert ends_with("fördelade på insatser", texts)
    assert ends_with("Löptext.", texts) is None
    assert ends_with("Summa 12 362 0", texts) is None
    assert ends_with("Not 4", texts, allowed={"Not 4"}) is None  # a chart's caption under its chart
