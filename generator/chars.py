"""Characters a reader cannot see, named in words a kansli user understands.

A zero-width space pasted from a web page before `medlemsavgifter` makes an unknown key
that looks exactly like the right one; the message must say what is there.
"""
from __future__ import annotations

import unicodedata

# The ones people actually paste, with their Swedish names.
NAMN = {
    "\u200b": "ett nollbreddsmellanslag",
    "\u200c": "en nollbreddsicke-sammanfogare",
    "\u200d": "en nollbreddssammanfogare",
    "\u2060": "en osynlig ordsammanfogare",
    "\ufeff": "ett byte order mark (BOM)",
    "\u00a0": "ett hårt mellanslag",
    "\u202f": "ett smalt hårt mellanslag",
    "\u2009": "ett smalt mellanslag",
    "\u00ad": "ett mjukt bindestreck",
    "\u2028": "en radavgränsare (line separator)",
    "\u2029": "en styckeavgränsare (paragraph separator)",
    "\u0085": "en NEL-radbrytning (next line)",
    "\t": "en tabb",
    "\r": "en vagnretur",
    "\u202a": "en riktningsstyrning (LRE)",
    "\u202b": "en riktningsstyrning (RLE)",
    "\u202c": "en riktningsstyrning (PDF)",
    "\u202d": "en riktningsstyrning (LRO)",
    "\u202e": "en riktningsvändning (RLO)",
    "\u2066": "en riktningsstyrning (LRI)",
    "\u2067": "en riktningsstyrning (RLI)",
    "\u2068": "en riktningsstyrning (FSI)",
    "\u2069": "en riktningsstyrning (PDI)",
    "\u200e": "en vänster-till-höger-markering",
    "\u200f": "en höger-till-vänster-markering",
}

BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def is_invisible(ch: str) -> bool:
    """Characters that print as nothing or as an ordinary space, and control characters."""
    if ch in NAMN:
        return True
    category = unicodedata.category(ch)
    return category in ("Cc", "Cf", "Zl", "Zp") or (category == "Zs" and ch != " ")


def misleads(ch: str) -> bool:
    """A direction control or a control character: it can make printed text read otherwise
    than the file holds it (callers allow the tab and line ends where text may have them)."""
    return ch in BIDI or unicodedata.category(ch) == "Cc"


def name_of(ch: str) -> str:
    """'ett nollbreddsmellanslag (U+200B)'; any other invisible character by its code point."""
    code = f"U+{ord(ch):04X}"
    if ch in NAMN:
        return f"{NAMN[ch]} ({code})"
    if ch == "\n":
        return f"en radbrytning ({code})"
    if unicodedata.category(ch) == "Cc":
        return f"ett styrtecken ({code})"
    return f"ett osynligt tecken ({code} {unicodedata.name(ch, '').lower()})".replace(" )", ")")


def visible(text: str) -> str:
    """The text with every invisible character replaced by ⟨its name⟩."""
    return "".join(f"⟨{name_of(ch)}⟩" if is_invisible(ch) else ch for ch in text)


def invisible_in(text: str) -> list[tuple[int, str]]:
    """(index, character) of each invisible character in `text`."""
    return [(i, ch) for i, ch in enumerate(text) if is_invisible(ch)]
