"""Which files in a förbund's folder are read, and which names are near misses.

Read: `forbund.yaml`, `YYYY.yaml` and `YYYY.md`, written exactly so. A name that is
almost one of these (`2023.yml`, `2023.YAML`, `Forbund.yaml`, `förbund.yaml`, `2023.MD`,
`2023.markdown`, `2023 .yaml`, `0000.yaml`) is an error, never silently skipped: a
`2023.yml` would otherwise make the report quietly build 2022.

Ignored without a word: hidden files (`.2023.yaml.swp`, `.DS_Store`), editor and backup
copies (`2023.yaml~`, `2023.yaml.bak`, `.orig`, `.swp`, `.tmp`), which are the user's own
spare copies and never meant as input, and any other file (images, notes): the narrative
decides which images it uses.
"""
from __future__ import annotations

import re
import unicodedata

from ..findings import did_you_mean
from .values import FIRST_YEAR, LAST_YEAR

FORBUND_FILE = "forbund.yaml"
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")
NARRATIVE_FILE = re.compile(r"^(\d{4})\.md$")
BACKUP = (".bak", ".orig", ".swp", ".swo", ".tmp", "~", ".old", ".rej")
# 2023.yml, 2023 .YAML, 2023.markdown, and 2023.yaml.txt as Windows' Notepad saves it.
_YEARISH = re.compile(r"^\s*(\d{4})\s*\.\s*(?:(ya?ml|md)\.)?(ya?ml|md|markdown|mdown|mkd|txt|text|json)\s*$",
                      re.IGNORECASE)
_EXTENSIONS = re.compile(r"\.\s*(ya?ml|md|markdown|mdown|mkd|txt|text|json)\s*$", re.IGNORECASE)


def _plain(name: str) -> str:
    """Lower case, no accents, no spaces: 'Förbund .YML' → 'forbund.yml'."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and not ch.isspace())


def ignored(name: str) -> bool:
    """Hidden files and backup copies: never input, never a finding."""
    return name.startswith(".") or name.endswith(BACKUP)


def near_miss(name: str) -> str | None:
    """What a file name should have been, when it is almost an input file's name; else None."""
    if ignored(name) or name == FORBUND_FILE or NARRATIVE_FILE.match(name):
        return None
    if YEAR_FILE.match(name):
        year = int(name[:4])
        if FIRST_YEAR <= year <= LAST_YEAR:
            return None
        return (f"{name[:4]} är inget år som en årsredovisning kan gälla; en årsfil heter som sitt år, till exempel "
                "2023.yaml: byt namn på filen eller ta bort den")
    plain = _plain(name)
    stem = _EXTENSIONS.sub("", plain)
    if stem == "forbund" or (stem != plain and did_you_mean(stem, ["forbund"], cutoff=0.8)):
        return (f'byt namn på filen till "{FORBUND_FILE}" (små bokstäver, o utan prickar); med ett annat namn '
                "läses den inte")
    yearish = _YEARISH.match(name)
    if yearish:
        markdown = (yearish.group(2) or yearish.group(3)).lower() in ("md", "markdown", "mdown", "mkd")
        right = f"{yearish.group(1)}.{'md' if markdown else 'yaml'}"
        return f'byt namn på filen till "{right}"; med ett annat namn läses den inte'
    return None
