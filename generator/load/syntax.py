"""YAML syntax errors in words for the person who typed the file, and where to look.

ruamel reports a syntax error in parser terms ("expected <block end>, but found '?'").
`explain` tries an ordered list of small rules, each recognising one kind of slip (a tab,
an unclosed quote, a missing space after a colon …); the first that recognises the error
words it, in Swedish. The last rule always answers, without parser words: where to look
and what usually helps.
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
    return f"rad {mark.line + 1}, kolumn {mark.column + 1}"


def tab(p: Problem) -> Answer | None:
    if "'\\t'" in p.problem:
        return ("en tabb här: YAML kräver mellanslag, både för indrag och efter kolon; byt tabben mot mellanslag",
                p.pmark)
    return None


def bad_first_character(p: Problem) -> Answer | None:
    found = re.search(r"found character '(.+)' that cannot start any token", p.problem)
    if found:
        ch = found.group(1)
        return f'ett värde kan inte börja med {ch}: sätt hela värdet inom citattecken, som text: "{ch}…"', p.pmark
    return None


def flow_collection(p: Problem) -> Answer | None:
    """Inside { } or [ ]: unclosed, a colon in text, or text that needs quotes."""
    if not p.context.startswith("while parsing a flow"):
        return None
    opener, closer = ("{", "}") if "mapping" in p.context else ("[", "]")
    if "<stream end>" in p.problem or (p.cmark is not None and p.pmark is not None and p.pmark.line != p.cmark.line):
        return (f"{opener} som börjar här stängs aldrig: avsluta med {closer} på samma rad (YAML märkte det på "
                f"{_where(p.pmark)})", p.cmark)
    if "got ':'" in p.problem:
        return (f"ett kolon inuti {opener} {closer} skiljer en nyckel från dess värde: sätt text som innehåller kolon "
                'inom citattecken, som {text: "Avgifter: kurser", belopp: -1200}', p.pmark)
    return (f"oväntad text inuti {opener} {closer}: skilj delarna åt med komma, och sätt text som innehåller komma, "
            "kolon eller citattecken inom citattecken", p.pmark)


def quoted_text(p: Problem) -> Answer | None:
    if "quoted scalar" not in p.context:
        return None
    if "end of stream" in p.problem or "end of document" in p.problem:
        return ("citattecknet som börjar här stängs aldrig: avsluta texten med samma sorts citattecken (\" eller ')",
                p.cmark)
    if "escape character" in p.problem:
        return ('ett omvänt snedstreck (\\) inuti "dubbla citattecken" har en särskild betydelse i YAML: använd '
                "'enkla citattecken' i stället, eller skriv snedstrecket två gånger", p.pmark)
    return None


def colon_in_line(p: Problem) -> Answer | None:
    """'mapping values are not allowed here': a colon where YAML did not expect one."""
    if p.problem != "mapping values are not allowed here":
        return None
    before = p.before()
    marker = re.match(r"(---|\.\.\.)\s", before)
    if marker:
        return (f"en rad som börjar med {marker.group(1)} skiljer dokument åt i YAML, och en fil rymmer ett dokument: "
                f"ta bort {marker.group(1)} i början av raden", Mark(p.pmark.line, 0))
    if len(before) > 1000 and ":" not in before:  # ruamel's limit for a key on one line is 1024 characters
        return "en nyckel får vara högst 1000 tecken lång; korta nyckeln", Mark(p.pmark.line, 0)
    above = p.line_above() if p.pmark is not None else None
    if above is not None and ":" not in before:
        line, column = above
        prev = p.line(line - 1).split(" #")[0].rstrip()
        if re.search(r"[^\s:]:[^\s:/]", prev) and not re.search(r":(\s|$)", prev):
            return ("ett kolon måste följas av ett mellanslag: skriv nyckel: värde (YAML läste den här raden och "
                    "nästa som en enda text)", Mark(line - 1, column - 1))
        if not re.search(r":(\s|$)", prev) and not prev.lstrip().startswith("- "):
            return ("den här raden saknar ':' efter nyckeln: skriv nyckel: värde (YAML läste den tillsammans med "
                    "nästa rad)", Mark(line - 1, column - 1))
    if re.search(r":\s", before) or before.rstrip().endswith(":"):
        return ("ett andra ': ' på raden: ett värde som innehåller kolon följt av mellanslag måste stå inom "
                'citattecken, som ort: "Halmstad: centrum"', p.pmark)
    return ("oväntat ':' här: raden är troligen mer indragen än nyckeln ovanför; nycklar på samma nivå ska börja i "
            "samma kolumn", p.pmark)


def no_colon(p: Problem) -> Answer | None:
    if "could not find expected ':'" in p.problem and p.cmark is not None and len(p.line(p.cmark.line)) > 1000:
        return "en nyckel får vara högst 1000 tecken lång; korta nyckeln", Mark(p.cmark.line, 0)
    if "could not find expected ':'" in p.problem:
        return ("den här raden saknar ':' efter nyckeln: skriv nyckel: värde, eller, om raden fortsätter texten på "
                "raden ovanför, dra in den mer än den radens nyckel", p.cmark or p.pmark)
    return None


def list_after_key(p: Problem) -> Answer | None:
    if "sequence entries are not allowed here" not in p.problem:
        return None
    number = re.match(r"-\s+(\d[\d.]*)\s*(#.*)?$", p.line(p.pmark.line)[p.pmark.column:])
    if number:
        return (f"ett minustecken ska stå direkt före talet: skriv -{number.group(1)} (med mellanslag efter blir '- ' "
                "en listrad)", p.pmark)
    return ("en listrad ('- ') kan inte stå på samma rad som nyckeln: skriv varje listrad på en egen rad under "
            "nyckeln, indragen, eller sätt texten inom citattecken om strecket hör till texten", p.pmark)


def block_end(p: Problem) -> Answer | None:
    """'expected <block end>': a line that does not fit the block it stands in."""
    if not p.problem.startswith("expected <block end>"):
        return None
    start = f" (i blocket som börjar på {_where(p.cmark)})" if p.cmark is not None else ""
    if "'-'" in p.problem or "block sequence start" in p.problem or "'?'" in p.problem:
        return ("en listrad ('- ') där det ska stå nyckel: värde-rader" + start + "; kontrollera indragen: ett "
                "block består antingen bara av nyckel: värde-rader eller bara av '- '-rader", p.pmark)
    if "block mapping start" in p.problem:
        above = p.line_above()
        if above is not None:
            line, column = above
            start = (f": den börjar i kolumn {p.pmark.column + 1}, men rad {line} ovanför börjar i kolumn "
                     f"{column}")
        return ("den här raden är indragen på ett annat sätt än raderna ovanför" + start + "; nycklar på samma "
                "nivå ska börja i samma kolumn", p.pmark)
    return ("oväntad text efter värdet: om värdet innehåller citattecken eller specialtecken, sätt hela värdet "
            "inom citattecken; annars, kontrollera indragen" + start, p.pmark)


def second_document(p: Problem) -> Answer | None:
    ended = [n for n in range(p.pmark.line) if p.line(n).strip() == "..."] if p.pmark is not None else []
    if ("expected a single document" in p.context or "another document" in p.problem) and ended:
        return ("en rad med bara ... avslutar dokumentet, och det som följer blir ett andra dokument: ta bort raden "
                "med ...", Mark(ended[0], 0))
    if "expected a single document" in p.context or "another document" in p.problem:
        return ("ett andra dokument börjar här (---): en fil rymmer ett dokument; ta bort raden med --- eller "
                "flytta det som följer till en egen fil", p.pmark)
    return None


def block_scalar(p: Problem) -> Answer | None:
    if "block scalar" not in p.context:
        return None
    return ("efter | eller > får bara - eller + stå (och en siffra 1–9 för indraget): skriv texten på raderna under, "
            'indragna, eller sätt hela värdet inom citattecken, som kommentar: "a | b"', p.pmark)


def tag(p: Problem) -> Answer | None:
    if "tag" not in p.context:
        return None
    return ("ett värde kan inte börja med ! (det märker en YAML-tagg, något de här filerna inte använder): sätt hela "
            'värdet inom citattecken, som text: "!Viktigt"', p.cmark or p.pmark)


def outdented_top_level(p: Problem) -> Answer | None:
    """'expected <document start>': a line left of where the file's first key began."""
    if not p.problem.startswith("expected '<document start>'"):
        return None
    first = next((n for n in range(p.pmark.line) if p.line(n).strip() and not p.line(n).lstrip().startswith("#")),
                 None)
    if first is None or not p.line(first).startswith(" "):
        return None
    return (f"filens första nyckel är indragen, men raderna efter den (från rad {p.pmark.line + 1}) börjar längre till "
            "vänster; nycklarna på översta nivån ska alla börja i kolumn 1: ta bort mellanslagen före den här "
            "nyckeln", Mark(first, 0))


def anchor_or_alias(p: Problem) -> Answer | None:
    if "while scanning an anchor" not in p.context and "while scanning an alias" not in p.context:
        return None
    ch = "&" if "anchor" in p.context else "*"
    return (f"ett värde kan inte börja med {ch} (& och * märker och upprepar värden i YAML, något de här filerna inte "
            f'använder): sätt hela värdet inom citattecken, som text: "{ch} …"', p.cmark or p.pmark)


def no_value(p: Problem) -> Answer | None:
    """'expected the node content': a closing bracket, or a document end marker, where a value belongs."""
    found = re.search(r"expected the node content, but found '(.+)'", p.problem)
    if not found:
        return None
    if found.group(1) == "<document end>":
        return ("en rad med bara ... avslutar dokumentet i YAML; ta bort raden, eller sätt texten inom "
                'citattecken, som text: "..."', p.pmark)
    ch = found.group(1).strip("<>")
    if ch == ",":
        return ("två kommatecken i rad inuti [ ] eller { }: ta bort det ena, eller skriv värdet som ska stå mellan "
                "dem", p.pmark)
    return (f'ett värde kan inte börja med {ch}: sätt hela värdet inom citattecken, som text: "{ch}…"', p.pmark)


def too_deep(p: Problem) -> Answer | None:
    if not p.problem.startswith("maximum depth"):
        return None
    from .prescan import TOO_DEEP

    return TOO_DEEP, p.pmark


def anything(p: Problem) -> Answer:
    """The last rule: no parser words, but where to look and what usually helps."""
    return ("filen kan inte läsas som YAML här: kontrollera indrag, kolon och citattecken på raden, och sätt text "
            "med specialtecken (: # [ ] { } & * ! | > ' \" % @) inom citattecken", p.pmark or p.cmark)


RULES: tuple[Rule, ...] = (too_deep, tab, bad_first_character, no_value, block_scalar, tag, outdented_top_level,
                           anchor_or_alias, flow_collection, quoted_text, colon_in_line, no_colon, list_after_key,
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
