"""Stable ASCII keys from Swedish names, for the figures export."""
from __future__ import annotations

import re
import unicodedata

_SWEDISH = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", "é": "e", "ü": "u"})


def slug(text: str) -> str:
    """'Region Örebro län' → 'region_orebro_lan'."""
    text = text.translate(_SWEDISH)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "_", text).strip("_").lower()
    return text or "rad"


def unique_slugs(texts: list[str]) -> list[str]:
    """Slugs for a list of texts, numbered where two texts would share one."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        base = slug(text)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}_{seen[base]}")
    return out
