"""Footnotes in the Markdown: `text[^1]` and, on a line of its own, `[^1]: the note`.

markdown-it's footnote plugin (mdit-py-plugins) is not a dependency, and the syntax
needs little: a definition is a paragraph that starts with `[^label]:`, a reference is
`[^label]` in text. The notes of a text are numbered 1, 2 … in the order they are first
referred to and listed at the end of that text, each number a link to its note, in the
web page and in the PDF alike. A reference without a note, or a note nothing
refers to, is a warning at its line (W-FOTNOT); the first is shown as written.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..findings import Finding, Pos, excerpt, warning

DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:[ \t]*(.*)", re.S)
REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
# What the sanitiser lets through for a reference; replaced by the link afterwards.
PLACEHOLDER = re.compile(r'<sup data-fotnot="(\d+)">\d+</sup>')
_NO_LINE = re.compile(r' data-line="[0-9]+"')


@dataclass
class Fotnoter:
    """The notes of one text: label → its text, and the labels in the order first referred to."""

    texts: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def number(self, label: str) -> int | None:
        if label not in self.texts:
            return None
        if label not in self.order:
            self.order.append(label)
        return self.order.index(label) + 1


def _definitions(tokens: list[Token]) -> tuple[list[Token], dict[str, tuple[str, int]]]:
    """The tokens without the definition paragraphs, and each definition with its line (0-based)."""
    out: list[Token] = []
    found: dict[str, tuple[str, int]] = {}
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "paragraph_open" and i + 2 < len(tokens) and DEFINITION.match(tokens[i + 1].content):
            # One paragraph may hold several definitions, one starting on each `[^label]:` line.
            first = t.map[0] if t.map else 0
            current: list[str] = []
            for down, text in enumerate(tokens[i + 1].content.split("\n")):
                match = DEFINITION.fullmatch(text)
                if match:
                    current = [match.group(2).strip()]
                    if match.group(1) not in found:  # the first of two with one label counts
                        found[match.group(1)] = ("", first + down)
                        label = match.group(1)
                    else:
                        label = ""
                else:
                    current.append(text)
                if label:
                    found[label] = ("\n".join(current), found[label][1])
            i += 3
            continue
        out.append(t)
        i += 1
    return out, found


def extract(tokens: list[Token]) -> tuple[list[Token], Fotnoter]:
    """The tokens without definitions, and the notes they define."""
    rest, found = _definitions(tokens)
    return rest, Fotnoter({label: text for label, (text, _) in found.items()})


def mark(children: list[Token], notes: Fotnoter) -> list[Token]:
    """Each reference to a defined note replaced by a placeholder the sanitiser keeps."""
    out: list[Token] = []
    for child in children:
        if child.type != "text" or "[^" not in child.content:
            out.append(child)
            continue
        last = 0
        for match in REFERENCE.finditer(child.content):
            n = notes.number(match.group(1))
            if n is None:
                continue
            out.append(Token("text", "", 0, content=child.content[last:match.start()]))
            out.append(Token("html_inline", "", 0, content=f'<sup data-fotnot="{n}">{n}</sup>'))
            last = match.end()
        out.append(Token("text", "", 0, content=child.content[last:]))
    return out


def finish(html: str, notes: Fotnoter, render: Callable[[str], str]) -> str:
    """The sanitised HTML with each placeholder a link, and the notes listed at its end."""
    if not notes.order:
        return html
    # A screen reader says "Fotnot 1", not a bare "1", for the link (also the PDF's link text).
    # Ids unique in the report without knowing the section: from the text of the notes.
    prefix = "fotnot-" + hashlib.sha256("\x00".join(notes.texts[k] for k in notes.order).encode()).hexdigest()[:8]
    html = PLACEHOLDER.sub(lambda m: f'<sup class="fotnot-ref" id="{prefix}-ref-{m.group(1)}">'
                           f'<a href="#{prefix}-{m.group(1)}" aria-label="Fotnot {m.group(1)}">'
                           f'{m.group(1)}</a></sup>', html)
    # A note's lines are not the text's lines: no data-line for the print stage to report.
    items = "".join(f'<li id="{prefix}-{n}">{_NO_LINE.sub("", render(notes.texts[label]))}</li>'
                    for n, label in enumerate(notes.order, start=1))
    return f'{html}<ol class="fotnoter">{items}</ol>'


def lint(tokens: list[Token], lines: list[str], path: str, first_line: int) -> list[Finding]:
    """A warning for a reference without a note and for a note nothing refers to."""
    rest, found = _definitions(tokens)
    used: set[str] = set()
    findings = []
    for block in rest:
        if block.type != "inline" or not block.map:
            continue
        for down, line in enumerate(block.content.split("\n")):
            for match in REFERENCE.finditer(line):
                used.add(match.group(1))
                if match.group(1) not in found:
                    index = block.map[0] + down
                    col = lines[index].find(match.group(0)) if index < len(lines) else -1
                    findings.append(warning("W-FOTNOT", f'fotnoten "{excerpt(match.group(0))}" har ingen text: skriv '
                                            f"den på en egen rad, som {match.group(0)}: Fotnotens text.",
                                            Pos(path, first_line + index, max(col, 0) + 1)))
    for label, (_, at) in found.items():
        if label not in used:
            findings.append(warning("W-FOTNOT", f'fotnoten "[^{excerpt(label)}]" används inte i texten och visas '
                                    f"inte; skriv [^{excerpt(label)}] där den hör hemma eller ta bort den",
                                    Pos(path, first_line + at, 1)))
    return findings
