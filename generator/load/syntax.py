"""YAML syntax errors in words for the person who typed the file, and where to look.

ruamel reports a syntax error in parser terms ("expected <block end>, but found '?'").
`explain` tries an ordered list of small rules, each recognising one kind of slip (a tab,
an unclosed quote, a missing space after a colon …); the first that recognises the error
words it. The last rule always answers, with ruamel's own words.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml.error import MarkedYAMLError


@dataclasses.dataclass(frozen=True)
class Mark:
    """A 0-based place, like ruamel's marks, for positions a rule works out itself."""

    line: int
    column: int


@dataclasses.dataclass(frozen=True)
class Problem:
    """What ruamel said, and the text it said it about."""

    problem: str
    context: str
    pmark: Any  # where ruamel noticed the problem
    cmark: Any  # where the construct it was reading started
    text: str

    def line(self, n: int) -> str:
        lines = self.text.splitlines()
        return lines[n] if 0 <= n < len(lines) else ""

    def before(self) -> str:
        """The text of the problem's line before the problem."""
        return self.line(self.pmark.line)[: self.pmark.column] if self.pmark is not None else ""

    def line_above(self) -> tuple[int, int] | None:
        """1-based line and first column of the nearest line above the problem that holds something."""
        lines = self.text.splitlines()
        for n in range(min(self.pmark.line, len(lines)) - 1, -1, -1):
            stripped = lines[n].lstrip(" ")
            if stripped and not stripped.startswith("#"):
                return n + 1, len(lines[n]) - len(stripped) + 1
        return None


Answer = tuple[str, Any]
Rule = Callable[[Problem], Answer | None]


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def tab(p: Problem) -> Answer | None:
    if "'\\t'" in p.problem:
        return ("a tab character here: YAML needs spaces, both for indentation and after a colon; replace the tab "
                "with spaces", p.pmark)
    return None


def bad_first_character(p: Problem) -> Answer | None:
    found = re.search(r"found character '(.+)' that cannot start any token", p.problem)
    if found:
        ch = found.group(1)
        return f'a value cannot start with {ch}: put the whole value in quotes, like text: "{ch}…"', p.pmark
    return None


def flow_collection(p: Problem) -> Answer | None:
    """Inside { } or [ ]: unclosed, a colon in text, or text that needs quotes."""
    if not p.context.startswith("while parsing a flow"):
        return None
    opener, closer = ("{", "}") if "mapping" in p.context else ("[", "]")
    if "<stream end>" in p.problem or (p.cmark is not None and p.pmark is not None and p.pmark.line != p.cmark.line):
        return (f"the {opener} opened here is never closed: end it with {closer} on the same line (YAML noticed at "
                f"{_where(p.pmark)})", p.cmark)
    if "got ':'" in p.problem:
        return (f"a colon inside {opener} {closer} separates a key from its value: put text that contains a colon "
                'in quotes, like {text: "Avgifter: kurser", belopp: -1200}', p.pmark)
    return (f"unexpected text inside {opener} {closer}: separate the items with commas, and put text that contains "
            "a comma, colon or quote in quotes", p.pmark)


def quoted_text(p: Problem) -> Answer | None:
    if "quoted scalar" not in p.context:
        return None
    if "end of stream" in p.problem or "end of document" in p.problem:
        return ("the quote that starts here is never closed: end the text with the same kind of quote (\" or ')",
                p.cmark)
    if "escape character" in p.problem:
        return ('a backslash inside "double quotes" starts an escape: use \'single quotes\' instead, or write the '
                "backslash twice", p.pmark)
    return None


def colon_in_line(p: Problem) -> Answer | None:
    """'mapping values are not allowed here': a colon where YAML did not expect one."""
    if p.problem != "mapping values are not allowed here":
        return None
    before = p.before()
    above = p.line_above() if p.pmark is not None else None
    if above is not None and ":" not in before:
        line, column = above
        prev = p.line(line - 1).split(" #")[0].rstrip()
        if re.search(r"[^\s:]:[^\s:/]", prev) and not re.search(r":(\s|$)", prev):
            return ("a colon must be followed by a space: write key: value (YAML read this line and the next as "
                    "one text)", Mark(line - 1, column - 1))
        if not re.search(r":(\s|$)", prev) and not prev.lstrip().startswith("- "):
            return ("this line has no ':' after its key: write key: value (YAML read it together with the next "
                    "line)", Mark(line - 1, column - 1))
    if re.search(r":\s", before) or before.rstrip().endswith(":"):
        return ("a second ': ' on this line: a value that contains a colon followed by a space must be put in "
                'quotes, like ort: "Halmstad: centrum"', p.pmark)
    return ("unexpected ':' here: this line is probably indented more than the key above it; keys at the same "
            "level must start in the same column", p.pmark)


def no_colon(p: Problem) -> Answer | None:
    if "could not find expected ':'" in p.problem:
        return ("this line has no ':' after its key: write key: value, or, if it continues the text on the line "
                "above, indent it further than that line's key", p.cmark or p.pmark)
    return None


def block_end(p: Problem) -> Answer | None:
    """'expected <block end>': a line that does not fit the block it stands in."""
    if not p.problem.startswith("expected <block end>"):
        return None
    start = f" (the block that starts at {_where(p.cmark)})" if p.cmark is not None else ""
    if "'-'" in p.problem or "block sequence start" in p.problem or "'?'" in p.problem:
        return ("a list item ('- ') where key: value lines are expected" + start + "; check the indentation: a "
                "block is either all key: value lines or all '- ' items", p.pmark)
    if "block mapping start" in p.problem:
        above = p.line_above()
        if above is not None:
            line, column = above
            start = (f": it starts in column {p.pmark.column + 1}, but line {line}, above it, starts in column "
                     f"{column}")
        return ("this line is indented differently from the lines above it" + start + "; keys at the same level "
                "must start in the same column", p.pmark)
    return ("unexpected text after the value: if the value contains quotes or special characters, put the whole "
            "value in quotes; otherwise check the indentation" + start, p.pmark)


def second_document(p: Problem) -> Answer | None:
    if "expected a single document" in p.context or "another document" in p.problem:
        return ("a second document starts here (---): a file holds one document; remove the --- line, or move "
                "what follows it into its own file", p.pmark)
    return None


def anything(p: Problem) -> Answer:
    detail = f"{p.problem} ({p.context})" if p.context and p.problem else p.problem or p.context or "invalid YAML"
    return f"YAML syntax error: {detail}", p.pmark or p.cmark


RULES: tuple[Rule, ...] = (tab, bad_first_character, flow_collection, quoted_text, colon_in_line, no_colon,
                           block_end, second_document, anything)


def explain(exc: MarkedYAMLError, text: str) -> Answer:
    """The first rule's answer: a message and the mark to report it at."""
    problem = Problem((exc.problem or "").strip(), (exc.context or "").strip(), exc.problem_mark,
                      exc.context_mark, text)
    for rule in RULES:
        answer = rule(problem)
        if answer is not None:
            return answer
    return anything(problem)
