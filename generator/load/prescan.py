"""What ruamel must not see: YAML directives and invisible characters, found in the plain text.

Each of these changes what the file says without showing it in an editor:

* a directive (`%YAML 1.1`) makes ruamel read the older YAML, where 53:06:20 is the
  number 191180 and `on` is true;
* U+2028, U+2029, U+0085 and a lone carriage return count as line breaks for ruamel but
  not for the editor, so a value is cut in two and every later line number is off;
* a zero-width space, a byte-order mark in the middle of the file, a control character or
  a direction override is part of the key or the text, which then looks right and is not;
* a no-break space in a key makes a key that looks exactly like the right one.

Each is reported at the line and column an editor shows (lines counted by \\n only) and
named in words (`chars.name_of`), with the fix: remove the character.
"""
from __future__ import annotations

import re
import unicodedata

from ..chars import BIDI, name_of
from ..findings import Finding, Pos, error, excerpt

MAX_FINDINGS = 10  # one pasted paragraph can hold hundreds; the first ones show what to do
# Levels of lists and mappings inside each other; the real files have at most 8. The
# composer stops at this depth (yaml.py); runs of [ and { on one line are stopped here
# already, because ruamel's scanner takes time quadratic in such a run before that.
MAX_DEPTH = 40
_DEEP_FLOW = re.compile(r"(?:[\[{][^\[\]{}\n\"'#]*){" + str(MAX_DEPTH + 1) + "}")
TOO_DEEP = ("för många nivåer inuti varandra här: de här filerna har högst ett tiotal nivåer av indrag, [ ] och { }; "
            "kontrollera att varje [ och { stängs och att indragen stämmer")
_DIRECTIVE = re.compile(r"^%\S*", re.MULTILINE)
_BREAKS = "\u2028\u2029\u0085"
_KEY_END = re.compile(r":(\s|$)")
_BLOCK_TEXT = re.compile(r":\s+[|>][-+0-9]*\s*(#.*)?$")  # a key whose text follows on the lines below
_UNUSUAL = re.compile(r"[^\t -~]")  # all but printable ASCII: the few worth a closer look


def scan(text: str, shown: str) -> list[Finding]:
    """Findings for directives and invisible characters; [] for a text ruamel may read."""
    found = [_directive(m.group(0), text, m.start(), shown) for m in _DIRECTIVE.finditer(text)][:1]
    deep = _DEEP_FLOW.search(text)
    if deep:
        at = [i for i, ch in enumerate(deep.group(0)) if ch in "[{"][MAX_DEPTH] + deep.start()
        line_start = text.rfind("\n", 0, at) + 1
        found.append(error("E-YAML", TOO_DEEP, Pos(shown, text.count("\n", 0, at) + 1, at - line_start + 1)))
    text_from = None  # the indentation of the key whose block of text (>- or |) the lines are in
    for n, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if text_from is not None and line.strip() and indent <= text_from:
            text_from = None
        in_text = text_from is not None
        if _BLOCK_TEXT.search(line):
            text_from = len(line) - len(line.lstrip(" -"))  # the key's column, also after "- "
        for match in _UNUSUAL.finditer(line):
            col, ch = match.start(), match.group(0)
            effect = _effect(ch, line, col, in_text)
            if effect:
                found.append(error("E-TECKEN", f"{name_of(ch)} {_around(line, col)}: {effect}", Pos(shown, n, col + 1)))
                if len(found) >= MAX_FINDINGS:
                    return found
    return found


def _directive(word: str, text: str, start: int, shown: str) -> Finding:
    line = text.count("\n", 0, start) + 1
    return error("E-YAML", f"{excerpt(word)} är ett YAML-direktiv, och de här filerna använder inga direktiv: ta bort "
                 "raden (ett direktiv ändrar hur resten av filen läses: med %YAML 1.1 blir till exempel 53:06:20 "
                 "talet 191180)",
                 Pos(shown, line, 1))


def _effect(ch: str, line: str, col: int, in_text: bool) -> str:
    """What the character does, and how to fix it; '' for a character that may stay."""
    if ch == " " or ch == "\t" or (ch.isprintable() and unicodedata.category(ch) != "Zs"):
        return ""
    if ch == "\r":
        return "" if col == len(line) - 1 else _AS_BREAK  # \r\n is an ordinary line ending
    if ch in _BREAKS:
        return _AS_BREAK
    if ch == "\ufeff":
        return ("ett sådant tecken hör bara hemma allra först i en fil (det kommer ofta av att två filer "
                "klistrats ihop); ta bort tecknet")
    if ch in BIDI:
        return "det vänder eller styr textens riktning utan att synas; ta bort tecknet"
    category = unicodedata.category(ch)
    if category == "Zs":  # a space that is not the ordinary one: harmless in text, not in a key
        key = _KEY_END.search(line, col) and not _KEY_END.search(line[:col]) and not line.lstrip().startswith("#")
        if key and not in_text:
            return ("det ser ut som ett mellanslag men är ett annat tecken, så nyckeln känns inte igen; skriv ett "
                    "vanligt mellanslag eller ta bort tecknet")
        return ""
    return ("tecknet syns inte men gör texten till en annan (en nyckel eller ett namn känns då inte igen); ta bort "
            "tecknet (det följer ofta med text som kopierats från en webbsida eller ett annat program)")


_AS_BREAK = ("YAML räknar tecknet som en radbrytning, men det gör inte din editor; ta bort tecknet (och tryck Enter "
             "om du ville ha en ny rad)")


def _around(line: str, col: int) -> str:
    """'före "medlemsavgifter"', 'efter "Halmstad"': where the character stands, in words."""
    after = re.match(r"[\w\-åäöÅÄÖ]+", line[col + 1:])
    if after:
        return f'före "{excerpt(after.group(0), 30)}"'
    before = re.search(r"[\w\-åäöÅÄÖ]+$", line[:col])
    if before:
        return f'efter "{excerpt(before.group(0), 30)}"'
    return "här"
