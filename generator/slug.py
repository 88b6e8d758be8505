"""Stable ASCII keys from names in the data, for the figures export and HTML ids.

Transliteration is python-slugify's (text-unidecode): å, ä → a, ö → o, but also
Æ → ae, ø → o, ß → ss, so no letter of a name is dropped.
"""
from __future__ import annotations

import functools
from collections.abc import Collection

from slugify import slugify


# A förbund's names are slugged again and again (300 times, 66 names, for one check of Halland), and
# python-slugify 9 tries to import Unidecode for every name with a letter outside ASCII.
@functools.lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """'Region Örebro län' → 'region_orebro_lan', 'Ærø' → 'aero'."""
    return slugify(text, separator="_") or "rad"


def unique_slugs(texts: list[str], reserved: Collection[str] = ()) -> list[str]:
    """Slugs for a list of texts, each distinct and none of `reserved`.

    Two texts that share a slug, or a text whose slug is a word the caller writes itself
    (`summa`), are an error the check stage reports; until it is fixed the later one gets
    the first free `_2`, `_3` … so that no figure ever overwrites another.
    """
    taken = set(reserved)
    out = []
    for text in texts:
        base = candidate = slug(text)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        out.append(candidate)
    return out
