"""An SVG logo is active content: what it may hold before the report embeds it.

An SVG can run scripts, load other files and web addresses, and (through a DOCTYPE)
expand entities until the memory is gone. The report shows a logo, so it takes only
shapes, text, gradients and pictures inside the file: it is read with the standard
library's expat, with a DOCTYPE refused before any entity can be declared, and every
element and attribute is judged. Each refusal names its line and column in the SVG file
and what to do, and one refusal keeps the logo out of the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# A reference inside the file (#gradient) or a picture carried in it (data:image/png…).
_OWN_REFERENCE = re.compile(r"\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.I)
# url(…) in a style that does not point inside the file, and @import.
_EXTERNAL_STYLE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.I)
_SCRIPT_VALUE = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
_ANIMATION = {"set", "animate", "animateMotion", "animateTransform"}
_AVOID = "spara logotypen på nytt som en enkel SVG (till exempel Inkscape: Spara som → Optimerad SVG) eller som PNG"


@dataclass(frozen=True)
class Problem:
    line: int
    col: int  # 1-based
    message: str


class _Refused(Exception):
    """A DOCTYPE or entity: nothing after it is read."""


class _Scan:
    """The expat handlers: every element and attribute judged as it is read."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.problems: list[Problem] = []
        self.depth = 0
        self.in_style = False

    def _add(self, message: str) -> None:
        self.problems.append(Problem(self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1, message))

    def doctype(self, *_: object) -> None:
        self._add(f"logotypen har en DOCTYPE, som kan deklarera entiteter och hämta andra filer; ta bort raden "
                  f"<!DOCTYPE …> ur filen eller {_AVOID}")
        raise _Refused

    def instruction(self, target: str, _data: str) -> None:
        self._add(f"logotypen har en bearbetningsinstruktion <?{target} …?> som kan hämta en annan fil; ta bort den")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(" ")
        if self.depth == 0 and (ns, local) != (SVG_NS, "svg"):
            self._add(f"filen är ingen SVG-bild (det yttersta elementet är <{local}>, inte <svg> med "
                      f'xmlns="{SVG_NS}"); {_AVOID}')
        self.depth += 1
        if local == "script":
            self._add(f"logotypen innehåller ett skript (<script>), som inte får finnas i rapporten; {_AVOID}")
        elif local == "foreignObject":
            self._add(f"logotypen innehåller <foreignObject>, som kan bära HTML och skript; {_AVOID}")
        elif local in _ANIMATION and attrs.get("attributeName", "").endswith("href"):
            self._add(f"logotypen har en animering <{local}> som byter en länk; ta bort den")
        self.in_style = local == "style"
        for attr, value in attrs.items():
            self._attribute(attr.rpartition(" ")[2], value)

    def _attribute(self, attr: str, value: str) -> None:
        if attr.lower().startswith("on"):
            self._add(f'logotypen har händelseattributet {attr}="…", som kör skript; ta bort det')
        elif attr == "href" and not _OWN_REFERENCE.match(value):
            self._add(f'logotypen hänvisar till något utanför filen (href="{value[:40]}"); en logotyp får bara '
                      "hänvisa inom filen (#…) eller bära sina bilder i sig (data:image/png…); bädda in bilden "
                      f"eller {_AVOID}")
        elif _SCRIPT_VALUE.search(value):
            self._add(f'logotypen har ett skript i attributet {attr}; ta bort det')
        elif attr == "style" and _EXTERNAL_STYLE.search(value):
            self._add("logotypens stil hämtar något utanför filen (url(…) eller @import); ta bort det")

    def end(self, _name: str) -> None:
        self.depth -= 1
        self.in_style = False

    def text(self, data: str) -> None:
        if self.in_style and _EXTERNAL_STYLE.search(data):
            self._add("logotypens <style> hämtar något utanför filen (url(…) eller @import); ta bort det")


def problems(raw: bytes) -> list[Problem]:
    """Why the SVG may not be shown, each at its line and column; empty when it may."""
    parser = expat.ParserCreate(namespace_separator=" ")
    scan = _Scan(parser)
    parser.StartDoctypeDeclHandler = scan.doctype
    parser.EntityDeclHandler = scan.doctype
    parser.ProcessingInstructionHandler = scan.instruction
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(raw, True)
    except _Refused:
        pass
    except expat.ExpatError as exc:
        why = f"filen är ingen giltig SVG ({expat.ErrorString(exc.code)}); {_AVOID}"
        scan.problems.append(Problem(exc.lineno, exc.offset + 1, why))
    return scan.problems
