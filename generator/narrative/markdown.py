"""Markdown → sanitised HTML. CommonMark with tables (markdown-it), raw HTML off, then nh3
(Ammonia): no scripts, no styles, no images, links only to http, https, mailto and the
report's own headings (links.py decides, and the same rule is applied twice)."""
from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .links import allowed, as_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h4", "h5", "h6", "blockquote", "code",
                "table", "thead", "tbody", "tr", "th", "td", "hr", "s"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "*": {"data-line"}}


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


def _prepare(tokens: list[Token]) -> None:
    """Headings below the section's, refused links and images made text, and each top-level
    block marked with its line in the text (the print stage names the line of a block that
    does not fit the page)."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            # A section's own heading is h3 in the report, so a heading inside its text
            # becomes h4 or lower: it can never outrank the section or break the outline.
            token.tag = f"h{min(6, max(4, int(token.tag[1]) + 1))}"
        if token.nesting == 1 and token.level == 0 and token.map:
            token.attrSet("data-line", str(token.map[0]))
        if token.type == "inline" and token.children:
            token.children = as_text(token.children)


def _clean_attribute(tag: str, name: str, value: str) -> str | None:
    # markdown-it writes column alignment as style="text-align:right"; keep only that.
    if name == "style":
        return value if re.fullmatch(r"text-align:(left|right|center)", value) else None
    if name == "href":
        return value if allowed(value) else None
    if name == "data-line":
        return value if value.isdigit() else None
    return value


def render_markdown(text: str) -> str:
    env: dict[str, object] = {}
    tokens = MD.parse(text, env)
    _prepare(tokens)
    html = MD.renderer.render(tokens, MD.options, env)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer",
                      attribute_filter=_clean_attribute, strip_comments=True)
    # A table wider than the column scrolls sideways in its own box on the web (the
    # print stage reports one wider than the page); the wrapper is ours, added after nh3.
    clean = clean.replace("<table", '<div class="table-scroll"><table').replace("</table>", "</table></div>")
    # Ammonia writes the no-break space as an entity; the tables carry the character
    # itself, and a figure in the text should be the very same string as in a table.
    return clean.replace("&nbsp;", "\u00a0")
