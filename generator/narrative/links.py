"""Links and images in the narrative: which survive, and the findings for those that do not.

A link survives only when it goes to the web (`https://…`, `http://…`), to an e-mail
address (`mailto:…`) or to a place in the report itself (`#not-3`). Everything else, a
path on the build machine (`/etc/passwd`, `2023.yaml`, `file:///…`), another host without
a scheme (`//host/x`) or a script (`javascript:` however spelt), is shown as its text and
reported at its line. A picture is shown only when it is one of the förbund's own PNG or
JPEG files (bilder.py reads it); any other is reported with the reason.

The same decision serves the sanitiser (markdown.py) and the findings (`lint`), so what
the report shows and what the user is told can never disagree.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from urllib.parse import unquote

from markdown_it.token import Token

from ..chars import is_invisible
from ..findings import Finding, Pos, excerpt, warning

# Only these beginnings make a link; the whole address may hold no space or control
# character (a browser would strip them and might read another scheme).
_ALLOWED = re.compile(r"(?i)(?:https?://[^/?#\s]|mailto:[^\s]|#)")


# For a picture in a text that is not the narrative file (a kommentar in the year file).
_NO_PICTURE = "bilder kan bara visas i årets Markdown-fil, inte i årsfilens texter"


def allowed(href: str) -> bool:
    return bool(_ALLOWED.match(href)) and not any(ch == " " or is_invisible(ch) for ch in href)


def refused_inline(tokens: list[Token], bilder: Collection[str] = ()) -> Iterator[tuple[Token, int, str]]:
    """Links that may not stay and images not in `bilder` (the pictures read), in the inline
    tokens of one block, with the line breaks before each (its line in the block) and its text."""
    breaks = 0
    for i, token in enumerate(tokens):
        if token.type in ("softbreak", "hardbreak"):
            breaks += 1
        elif token.type == "image" and str(token.attrGet("src") or "") not in bilder:
            yield token, breaks, token.content
        elif token.type == "link_open" and not allowed(str(token.attrGet("href") or "")):
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            yield token, breaks, after.content if after is not None and after.type == "text" else ""


def as_text(tokens: list[Token], bilder: Collection[str] = ()) -> list[Token]:
    """The inline tokens with refused links reduced to their text and images to their
    description: nothing of the address reaches the page."""
    refused = {id(t) for t, _, _ in refused_inline(tokens, bilder)}
    out: list[Token] = []
    opened: list[bool] = []  # for each open link: is it refused (its closing token goes too)
    for token in tokens:
        if token.type == "link_open":
            opened.append(id(token) in refused)
            if opened[-1]:
                continue
        elif token.type == "link_close":
            if opened and opened.pop():
                continue
        elif token.type == "image" and id(token) in refused:
            out.append(Token("text", "", 0, content=token.content))
            continue
        out.append(token)
    return out


def _column(line: str, token: Token, text: str, start: int) -> int:
    """Where the link or image starts on its line (0-based), searching from `start`; -1 if
    it cannot be told (a link whose text spans lines)."""
    if token.markup == "autolink":
        return line.find("<" + text, start)
    return line.find(("![" if token.type == "image" else "[") + text, start)


def _message(token: Token, written: str, why: str) -> str:
    if token.type == "image":
        return f'bilden "{excerpt(written)}" visas inte: {why or "den kunde inte läsas"}'
    return (f'länken "{excerpt(written)}" visas som vanlig text: en länk får bara gå till en webbsida '
            "(https://…), en e-postadress (mailto:…) eller en rubrik i rapporten (#…)")


def lint(tokens: list[Token], lines: list[str], path: str, first_line: int, bilder: Collection[str] = (),
         varfor: Mapping[str, str] | None = None) -> list[Finding]:
    """A warning for every refused link and image of a parsed text starting at `first_line`;
    `bilder` are the pictures shown, `varfor` why each other one is not."""
    findings = []
    for block in tokens:
        if block.type != "inline" or not block.map or not block.children:
            continue
        searched: dict[int, int] = {}  # line → where the last link on it was found
        for token, down, text in refused_inline(block.children, bilder):
            index = block.map[0] + down
            line = lines[index] if index < len(lines) else ""
            col = _column(line, token, text, searched.get(index, 0))
            searched[index] = col + 1 if col >= 0 else searched.get(index, 0)
            written = str(token.attrGet("src") if token.type == "image" else token.attrGet("href") or "")
            code = "W-BILD" if token.type == "image" else "W-LANK"
            why = (varfor or {}).get(written, _NO_PICTURE)
            # A picture's name as the user wrote it, not as markdown-it percent-encoded it.
            shown = unquote(written) if token.type == "image" else written
            findings.append(warning(code, _message(token, shown, why),
                                    Pos(path, first_line + index, max(col, 0) + 1)))
    return findings
