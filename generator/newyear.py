"""`finsam new-year`: next year's files, written from this year's.

The year before is next year's comparative as it stands (derive reads it), so nothing of
its figures is copied: every amount, count and date of the year is left empty, and `check`
lists each as "att fylla i" until it is filled in. What is likely the same is kept: the
rows of the notes with their texts, the driftredovisning's activities, the insatser with
their purpose, the goals' texts and every comment. What belongs to the year alone goes:
the board's decisions (balanskrav, underskrift's beslut), the goals' and insatser's
assessments, the control totals and last year's published figures. The narrative keeps
its headings, each followed by a SKRIV: line. forbund.yaml (styrelse, revisorer,
medlemmar) is not touched: it is the förbund's, not the year's.
"""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .findings import Finding, Pos, error
from .load.fyll_i import FYLL_I, MARKER, skriv_lines, take_empty
from .load.yaml import parse

# Sections of one year only: the board's decisions, control totals, last year's published figures.
DROP = ("diarienummer", "kontrollsummor", "publicerat", "balanskrav")
# Assessments of the year, in goals and insatser: made again each year.
ASSESSMENTS = {"status", "kommentar", "utfall", "maluppfyllelse"}
AMOUNT_SECTIONS = ("investeringar", "driftredovisning", "insatser", "kategorier", "strukturaktiviteter",
                   "indikatormatning", "uppfoljning", "noter")


def new_year(folder: Path, year: int, shown: str) -> tuple[list[Path], list[Finding]]:
    """Write folder/<year>.yaml (and .md) from the year before; the paths written, or why not."""
    source, target = folder / f"{year - 1}.yaml", folder / f"{year}.yaml"
    md_source, md_target = folder / f"{year - 1}.md", folder / f"{year}.md"
    for path in (target, md_target):
        if os.path.lexists(path):
            return [], [error("E-FINNS", f"filen finns redan, och new-year skriver aldrig över en fil; fyll i den "
                              f"som den är, eller ta bort {year}.yaml och {year}.md först om du vill börja om",
                              Pos(f"{shown}/{path.name}"))]
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [error("E-NOFILE", f"det finns ingen {year - 1}.yaml i {shown} att utgå från; new-year skriver "
                          f"nästa års fil ur årets", Pos(shown))]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [error("E-READ", f"kan inte läsa {year - 1}.yaml: {exc}", Pos(f"{shown}/{source.name}"))]
    _, problems = parse(text, f"{shown}/{source.name}")
    if problems:
        return [], problems
    files = {target: _canonical(next_year_yaml(text, year), f"{shown}/{target.name}")}
    if md_source.is_file():
        files[md_target] = next_year_md(md_source.read_text(encoding="utf-8"), year)
    written: list[Path] = []
    for path, content in files.items():
        if not _write_new(path, content):
            return written, [error("E-FINNS", f"{shown}/{path.name} skapades medan new-year skrev; den skrivs inte "
                                   "över", Pos(f"{shown}/{path.name}"))]
        written.append(path)
    return written, []


def _canonical(text: str, shown: str) -> str:
    """The new year in the canonical form `make fmt` writes, so the förbund's fmt-check passes
    from the start; as written when the formatter cannot take it (it then says why itself)."""
    from .fmt.canon import canonical

    formatted, problems = canonical(text, "ar", shown)
    return text if problems else formatted


def to_fill(folder: Path, year: int) -> list[Finding]:
    """What the written files leave to fill in, as `check` will list it and in its order."""
    path, md = folder / f"{year}.yaml", folder / f"{year}.md"
    tree, _ = parse(path.read_text(encoding="utf-8"), str(path))
    return sorted(take_empty(tree, str(path)) + skriv_lines(md, str(md)), key=lambda f: f.pos)


def _write_new(path: Path, content: str) -> bool:
    """Write a file that must not exist: complete or not at all, and never over another."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.link(tmp, path)  # fails if the name exists: nothing is replaced
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def next_year_yaml(text: str, year: int) -> str:
    """The year file of `year` from the text of the year before, comments and rows kept."""
    yaml = _yaml()
    doc = yaml.load(text)
    doc["ar"] = year
    for key in DROP:
        _pop(doc, key)
    if "styrelsens_beslut" in doc:
        doc["styrelsens_beslut"] = None
    else:
        doc.insert(list(doc).index("ar") + 1, "styrelsens_beslut", None)
    underskrift = doc.get("underskrift")
    if isinstance(underskrift, CommentedMap):
        underskrift.pop("beslut", None)
        underskrift.pop("ej_undertecknat", None)
        underskrift["datum"] = None
    if "antal_anstallda" in doc:
        doc["antal_anstallda"] = None
    for name in doc.get("medlemsavgifter") or {}:
        doc["medlemsavgifter"][name] = None
    for statement in ("resultatrakning", "balansrakning"):
        _statement(doc.get(statement), year)
    _drop(doc.get("mal"), ASSESSMENTS)
    _drop(doc.get("insatser"), ASSESSMENTS - {"utfall"})
    for section in AMOUNT_SECTIONS:
        _empty(doc.get(section))
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _pop(doc: CommentedMap, key: str) -> None:
    """Drop a top-level section, but keep the comment lines after it: they are about the next key."""
    if key not in doc:
        return
    keys = list(doc)
    lines = _trailing(doc[key])
    doc.pop(key)
    after = keys[keys.index(key) + 1:]
    if lines and after:
        doc.yaml_set_comment_before_after_key(after[0], before="\n".join(lines), indent=0)


def _trailing(node: Any) -> list[str]:
    """The unindented comment lines that follow a section (ruamel keeps them on its last value)."""
    tokens: list[Any] = []
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        for entry in node.ca.items.get(last) or ():
            tokens += entry if isinstance(entry, list) else [entry]
        node = node[last]
    text = "".join(t.value for t in tokens if t is not None and hasattr(t, "value"))
    return [line[1:].removeprefix(" ") for line in text.split("\n") if line.startswith("#")]


def _statement(lines: Any, year: int) -> None:
    if not isinstance(lines, CommentedMap):
        return
    if year >= 2024 and "resultatutjamningsreserv" in lines:  # the reserve's name from 2024
        at = list(lines).index("resultatutjamningsreserv")
        lines.pop("resultatutjamningsreserv")
        lines.insert(at, "resultatreserv", None)
    for name, value in lines.items():
        if _number(value):
            lines[name] = None
        else:
            _empty(value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _empty(node: Any) -> None:
    """Every amount and count under `node` emptied, where check will ask for it."""
    if isinstance(node, CommentedSeq):
        for item in node:
            _empty(item)
    elif isinstance(node, CommentedMap):
        for key, value in node.items():
            if key in FYLL_I and _number(value):
                node[key] = None
            else:
                _empty(value)


def _drop(node: Any, keys: set[str]) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _drop(item, keys)
    elif isinstance(node, CommentedMap):
        for key in [k for k in node if k in keys]:
            node.pop(key)
        for value in node.values():
            _drop(value, keys)


def next_year_md(text: str, year: int) -> str:
    """The narrative's headings, each followed by a SKRIV: line to be replaced with the year's text."""
    out: list[str] = []
    fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and line.startswith("#") and line.lstrip("#").startswith(" "):
            out += [line, "", f"{MARKER} årets text om {line.lstrip('#').strip()} ({year - 1}.md har fjolårets).", ""]
    return "\n".join(out)
