"""The narrative: `YYYY.md` split into sections, figures named in text, sanitised HTML."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..findings import Finding
from . import fotnoter
from .links import lint
from .markdown import MD, render_markdown
from .references import Referens, fill, references
from .sections import Avsnitt, read_narrative, split_sections

__all__ = ["Avsnitt", "Referens", "fill", "link_findings", "read_narrative", "references", "render_markdown",
           "split_sections", "to_html"]


def to_html(text: str, figures: dict[int, dict[str, Decimal]], year: int,
            bilder: Mapping[str, str] | None = None) -> str:
    """Markdown with its figures filled in, as sanitised HTML; `bilder` the pictures it may show."""
    return render_markdown(fill(text, figures, year), bilder)


def link_findings(text: str, path: str, first_line: int) -> list[Finding]:
    """A warning for each link or image of a Markdown text that the report shows as text
    (W-LANK, W-BILD), for a text starting at `first_line` of `path` (a YAML kommentar)."""
    tokens = MD.parse(text)
    return lint(tokens, text.split("\n"), path, first_line) + fotnoter.lint(tokens, text.split("\n"), path, first_line)
