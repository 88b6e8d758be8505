"""The imported figures written into a year file's text, everything else kept as it was.

The file is read and written with ruamel's round trip, which keeps comments, order,
quoting and folded text. Only what comes from the bookkeeping is replaced: medlemsavgifter
and the amounts and rows of each statement line. A line's rubrik, noter and bilagor are
the kansli's and stay, and a line written as a plain amount (no note) stays an amount; a
bookkeeping line the file no longer has is removed (missing is not zero); the reserves and
ansvarsförbindelser, which no account holds, are left alone.
"""
from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .importer import Rad, Utfall
from .kontoplan import ASSETS, LIABILITIES, RESULT

SECTIONS = {"resultatrakning": RESULT, "balansrakning": ASSETS + LIABILITIES}
HEADER = "# yaml-language-server: $schema=../../schema/ar.schema.json\n"


def _decimal(representer: Any, value: Decimal) -> Any:
    if value == value.to_integral_value():
        return representer.represent_int(int(value))
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def _yaml() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a line the user wrote
    yaml.preserve_quotes = True
    yaml.representer.add_representer(Decimal, _decimal)
    return yaml


def _text(text: str) -> str:
    """Quoted as the year files quote a text (with double quotes) when it cannot stand plain."""
    special = re.search(r"[,:#{}\[\]&*!|>'\"%@`]|^[-?\s]|\s$", text)
    return DoubleQuotedScalarString(text) if special else text


def _row(rad: Rad) -> CommentedMap:
    row = CommentedMap([("text", _text(rad.text)), ("belopp", rad.belopp)])
    if rad.varav:
        row["varav"] = CommentedSeq(_flow(CommentedMap([("text", _text(t)), ("belopp", b)]))
                                    for t, b in rad.varav.items())
        if rad.utan_varav:
            row["varav_delvis"] = True
    else:
        _flow(row)
    return row


def _flow(node: CommentedMap) -> CommentedMap:
    node.fa.set_flow_style()
    return node


def _line(old: Any, rows: list[Rad]) -> CommentedMap:
    """The line with the imported rows; what the kansli wrote about it (rubrik, noter, bilagor) kept."""
    line = old if isinstance(old, CommentedMap) else CommentedMap()
    new = CommentedSeq(_row(r) for r in rows)
    if "rader" in line:
        line["rader"] = new
    else:  # where the amount stood, or first
        line.insert(list(line).index("belopp") if "belopp" in line else 0, "rader", new)
    line.pop("belopp", None)
    return line


def _section(doc: CommentedMap, name: str, utfall: Utfall) -> None:
    section = doc.get(name)
    if not isinstance(section, CommentedMap):
        section = CommentedMap()
        doc[name] = section
    order = SECTIONS[name]
    for field in order:
        rows = utfall.linjer.get(f"{name}.{field}")
        if rows is None:
            section.pop(field, None)
        elif field in section and not isinstance(section[field], dict | list):
            # The kansli wrote the line as an amount, without a note: it stays so.
            section[field] = sum((r.belopp for r in rows), Decimal(0))
        elif field in section:
            section[field] = _line(section[field], rows)
        else:
            after = [k for k in section if k not in order or order.index(k) < order.index(field)]
            section.insert(list(section).index(after[-1]) + 1 if after else 0, field, _line(None, rows))


def _medlemsavgifter(doc: CommentedMap, fees: dict[str, Decimal]) -> None:
    old = doc.get("medlemsavgifter")
    if not isinstance(old, CommentedMap):
        old = CommentedMap()
        doc["medlemsavgifter"] = old
    for name in [k for k in old if k not in fees]:
        del old[name]
    for name, amount in fees.items():
        old[name] = amount


def updated_text(text: str | None, year: int, utfall: Utfall) -> str:
    """The year file's text with the imported figures (a new file when text is None)."""
    yaml = _yaml()
    doc = yaml.load(text) if text else None
    if not isinstance(doc, CommentedMap):
        doc = CommentedMap([("ar", year)])
    _medlemsavgifter(doc, utfall.medlemsavgifter)
    for name in SECTIONS:
        _section(doc, name, utfall)
    out = io.StringIO()
    yaml.dump(doc, out)
    if text:
        return _blank_lines(text, out.getvalue())
    return HEADER + _blank_lines("\n\n".join(f"{k}:" for k in ("", *SECTIONS, "medlemsavgifter")), out.getvalue())


def _blank_lines(old: str, new: str) -> str:
    """The blank line before each top-level key that had one (ruamel keeps it with the
    replaced section's last row, so it goes when the rows are replaced)."""
    spaced = set(re.findall(r"\n\n(?:#[^\n]*\n)*([^\s#][^:\n]*):", old))
    lines = new.split("\n")
    for i in range(len(lines) - 1, 0, -1):
        key = re.match(r"([^\s#][^:]*):", lines[i])
        if key is None or key.group(1) not in spaced:
            continue
        first = i
        while first > 0 and lines[first - 1].startswith("#"):
            first -= 1
        if first > 0 and lines[first - 1].strip():
            lines.insert(first, "")
    return "\n".join(lines)
