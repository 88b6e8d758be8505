"""Whether the report's pages changed: both sides printed, the text of each page compared.

Printing takes WeasyPrint several seconds a side, so `finsam diff` does it only when asked
(`--sidor`, on by default for the pull-request comment).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..derive import Arsredovisning


@dataclass(frozen=True)
class Pages:
    changed: tuple[int, ...]  # page numbers, from 1
    before: int  # the number of pages
    after: int

    def sentence(self) -> str:
        """'sidorna 4, 11 och 12 har ändrats', 'inga sidor har ändrats'."""
        numbers = [str(n) for n in self.changed]
        said = ("inga sidor har ändrats" if not numbers else f"sidan {numbers[0]} har ändrats" if len(numbers) == 1
                else f"sidorna {', '.join(numbers[:-1])} och {numbers[-1]} har ändrats")
        if self.before != self.after:
            said += f" (rapporten har nu {self.after} sidor, förut {self.before})"
        return said


def page_texts(report: Arsredovisning, folder: Path) -> list[str]:
    """The extracted text of each page of the report's PDF."""
    from pypdf import PdfReader

    from ..pipeline import print_report

    printed, _ = print_report(report, folder)
    return [page.extract_text() for page in PdfReader(io.BytesIO(printed)).pages]


def compare_pages(before: list[str], after: list[str]) -> Pages:
    length = max(len(before), len(after))
    changed = tuple(n + 1 for n in range(length)
                    if n >= len(before) or n >= len(after) or before[n] != after[n])
    return Pages(changed, len(before), len(after))
