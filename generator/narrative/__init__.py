"""The narrative: `YYYY.md` split into sections, figures named in text, sanitised HTML."""
from __future__ import annotations

from decimal import Decimal

from .markdown import render_markdown
from .references import Referens, fill, references
from .sections import Avsnitt, read_narrative, split_sections

__all__ = ["Avsnitt", "Referens", "fill", "read_narrative", "references", "render_markdown", "split_sections",
           "to_html"]


def to_html(text: str, figures: dict[int, dict[str, Decimal]], year: int) -> str:
    """Markdown with its figures filled in, as sanitised HTML."""
    return render_markdown(fill(text, figures, year))
