"""Links and images in the narrative: which survive, and the findings for those that do not.

A link survives only when it goes to the web (`https://…`, `http://…`), to an e-mail
address (`mailto:…`) or to a place in the report itself (`#not-3`). Everything else, a
path on the build machine (`/etc/passwd`, `2023.yaml`, `file:///…`), another host without
a scheme (`//host/x`) or a script (`javascript:` however spelt), is shown as its text and
reported at its line. Images are not shown at all: the report is one self-contained file,
and its pictures are the charts the data draws.

The same decision serves the sanitiser (markdown.py) and the findings (`lint`), so what
the report shows and what the user is told can never disagree.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from ..findings import Finding, Pos, excerpt, warning

# Only these beginnings make a link; the whole address may hold no space or control
# character (a browser would strip them and might read another scheme).
_ALLOWED = re.compile(r"(?i)(?:https?://[^/?#\s]|mailto:[^\s]|#)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def allowed(href: str) -> bool:
    return bool(_ALLOWED.match(href)) and not _INVISIBLE.search(href)


def refused_inline(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    """Links that may not stay and every image, in the inline tokens of one block, with
    the number of line breaks before each (its line within the block)."""
    breaks = 0
    for token in tokens:
        if token.type in ("softbreak", "hardbreak"):
            breaks += 1
        elif token.type == "image" or (token.type == "link_open" and not allowed(str(token.attrGet("href") or ""))):
            yield token, breaks
        elif token.type == "text":
            breaks += token.content.count("\n")


def as_text(tokens: list[Token]) -> list[Token]:
    """The inline tokens with refused links reduced to their text and images to their
    description: nothing of the address reaches the page."""
    refused = {id(t) for t, _ in refused_inline(tokens)}
    out: list[Token] = []
    depth = 0  # inside a refused link: drop its closing token
    open_stack: list[bool] = []
    for token in tokens:
        if token.type == "link_open":
            open_stack.append(id(token) in refused)
            if open_stack[-1]:
                depth += 1
                continue
        elif token.type == "link_close":
            if open_stack and open_stack.pop():
                depth -= 1
                continue
        elif token.type == "image":
            out.append(Token("text", "", 0, content=token.content))
            continue
        out.append(token)
    return out


def _column(line: str, token: Token) -> int:
    """Where the link or image starts on its line (1-based), as well as can be told."""
    if token.markup == "autolink":
        found = line.find("<")
    else:
        text = token.content if token.type == "image" else ""
        found = line.find(("![" if token.type == "image" else "[") + text)
    return found + 1 if found >= 0 else 1


def _message(token: Token, written: str) -> str:
    if token.type == "image":
        return (f'bilden "{excerpt(written)}" visas inte: årsredovisningen visar bara de diagram som data ritar; '
                "ta bort bilden eller beskriv den i text")
    return (f'länken "{excerpt(written)}" visas som vanlig text: en länk får bara gå till en webbsida '
            "(https://…), en e-postadress (mailto:…) eller en rubrik i rapporten (#…)")


def lint(tokens: list[Token], lines: list[str], path: str, first_line: int) -> list[Finding]:
    """A warning for every refused link and image of a parsed text starting at `first_line`."""
    findings = []
    for block in tokens:
        if block.type != "inline" or not block.map or not block.children:
            continue
        for token, down in refused_inline(block.children):
            index = block.map[0] + down
            line = lines[index] if index < len(lines) else ""
            written = str(token.attrGet("src") if token.type == "image" else token.attrGet("href") or "")
            code = "W-BILD" if token.type == "image" else "W-LANK"
            findings.append(warning(code, _message(token, written), Pos(path, first_line + index,
                                                                          _column(line, token))))
    return findings
