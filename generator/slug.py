"""Stable ASCII keys from names in the data, for the figures export and HTML ids.

Transliteration is python-slugify's (text-unidecode): å, ä → a, ö → o, but also
Æ → ae, ø → o, ß → ss, so no letter of a name is dropped.
"""
from __future__ import annotations

from slugify import slugify


def slug(text: str) -> str:
    """'Region Örebro län' → 'region_orebro_lan', 'Ærø' → 'aero'."""
    return slugify(text, separator="_") or "rad"


def unique_slugs(texts: list[str]) -> list[str]:
    """Slugs for a list of texts, numbered where two texts would share one."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        base = slug(text)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}_{seen[base]}")
    return out
