"""Markdown → sanitised HTML. CommonMark with tables (markdown-it), raw HTML off, then nh3
(Ammonia): no scripts, no styles, pictures only those bilder.py read from the förbund's
folder, links only to http, https, mailto and the report's own headings (links.py
decides, and the same rule is applied twice)."""
from __future__ import annotations

import re
from collections.abc import Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import fotnoter
from .links import allowed, as_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h4", "h5", "h6", "blockquote", "code",
                "table", "thead", "tbody", "tr", "th", "td", "hr", "s", "img", "sup"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "img": {"src", "alt"},
                      "sup": {"data-fotnot"}, "*": {"data-line"}}
# The box round a table of the text: focusable, a group named "Tabell" (a table written in
# Markdown has no id to name it by; its caption, when it has one, is read inside).
SCROLL_BOX = 'role="group" tabindex="0" aria-label="Tabell"'
# A picture's src while the HTML is sanitised; the data: URL replaces it afterwards.
_PLACEHOLDER = re.compile(r'src="#bild-(\d+)"')


def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    # Every link and image is parsed, whatever its address, so that links.py sees it,
    # decides, and reports it at its line: markdown-it's own check would leave
    # `[x](javascript:…)` as unexplained brackets and say nothing.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


MD = markdown()


def _prepare(tokens: list[Token], bilder: Mapping[str, str], notes: fotnoter.Fotnoter) -> list[str]:
    """Headings below the section's, refused links and images made text, and each top-level
    block marked with its line in the text (the print stage names the line of a block that
    does not fit the page); the data: URLs of the pictures shown, in order."""
    urls: list[str] = []
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            # A section's own heading is h3 in the report, so a heading inside its text
            # becomes h4 or lower: it can never outrank the section or break the outline.
            token.tag = f"h{min(6, max(4, int(token.tag[1]) + 1))}"
        if token.nesting == 1 and token.level == 0 and token.map:
            token.attrSet("data-line", str(token.map[0]))
        if token.type == "inline" and token.children:
            token.children = fotnoter.mark(as_text(token.children, bilder), notes)
            for child in token.children:
                if child.type == "image":
                    urls.append(bilder[str(child.attrGet("src"))])
                    child.attrSet("src", f"#bild-{len(urls) - 1}")
    return urls


def _clean_attribute(tag: str, name: str, value: str) -> str | None:
    # markdown-it writes column alignment as style="text-align:right"; keep only that.
    if name == "style":
        return value if re.fullmatch(r"text-align:(left|right|center)", value) else None
    if name == "href":
        return value if allowed(value) else None
    if name == "src":
        return value if _PLACEHOLDER.fullmatch(f'src="{value}"') else None
    if name in ("data-line", "data-fotnot"):
        return value if value.isdigit() else None
    return value


def render_markdown(text: str, bilder: Mapping[str, str] | None = None) -> str:
    """`bilder`: the pictures that may be shown, src → data: URL (bilder.read_images)."""
    env: dict[str, object] = {}
    tokens, notes = fotnoter.extract(MD.parse(text, env))
    urls = _prepare(tokens, bilder or {}, notes)
    html = MD.renderer.render(tokens, MD.options, env)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                      attribute_filter=_clean_attribute, strip_comments=True)
    # A table wider than the column scrolls sideways in its own box on the web (the
    # print stage reports one wider than the page); the wrapper is ours, added after nh3. It
    # takes the keyboard's focus, so the keyboard can scroll it (see SCROLL_BOX).
    clean = clean.replace("<table", f'<div class="table-scroll" {SCROLL_BOX}><table')
    clean = clean.replace("</table>", "</table></div>")
    clean = _PLACEHOLDER.sub(lambda m: f'src="{urls[int(m.group(1))]}"', clean)
    clean = fotnoter.finish(clean, notes, render_markdown)
    # Ammonia writes the no-break space as an entity; the tables carry the character
    # itself, and a figure in the text should be the very same string as in a table.
    return clean.replace("&nbsp;", "\u00a0")
