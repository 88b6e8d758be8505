"""Markdown → sanitised HTML. CommonMark with tables (markdown-it), raw HTML off, then nh3
(Ammonia): no scripts, no styles, no images, links only to http, https and mailto."""
from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h4", "h5", "h6", "blockquote", "code",
                "table", "thead", "tbody", "tr", "th", "td", "hr", "s"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}}


def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    md.disable("image")
    return md


MD = markdown()


def _shift_headings(tokens: list[Token]) -> None:
    # A section's own heading is h3 in the report, so a heading inside its text becomes
    # h4 or lower: it can never outrank the section or break the document's outline.
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, max(4, int(token.tag[1]) + 1))}"


def _clean_table_style(tag: str, name: str, value: str) -> str | None:
    # markdown-it writes column alignment as style="text-align:right"; keep only that.
    if name == "style":
        return value if re.fullmatch(r"text-align:(left|right|center)", value) else None
    return value


def render_markdown(text: str) -> str:
    env: dict[str, object] = {}
    tokens = MD.parse(text, env)
    _shift_headings(tokens)
    html = MD.renderer.render(tokens, MD.options, env)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                      attribute_filter=_clean_table_style, strip_comments=True)
    # Ammonia writes the no-break space as an entity; the tables carry the character
    # itself, and a figure in the text should be the very same string as in a table.
    return clean.replace("&nbsp;", "\u00a0")
