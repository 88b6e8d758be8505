"""The bench's result: rows of figures with their targets, printed as a table and kept as
JSON (build/bench.json) and Markdown (build/bench.md, the README's table)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from run import Sample


@dataclass(frozen=True)
class Row:
    """One line: a measured command (sample) or a figure derived from others (figure)."""

    what: str
    sample: Sample | None = None
    figure: str = ""
    pages: int | None = None
    target: str = ""
    holds: bool | None = None

    def cells(self) -> list[str]:
        s = self.sample
        times = [f"{s.median:.3f}", f"{min(s.seconds):.3f}", f"{max(s.seconds):.3f}"] if s else ["", "", ""]
        peak = f"{s.peak:.0f}" if s and s.peak is not None else ""
        verdict = "" if self.holds is None else ("holds" if self.holds else "does not hold")
        runs = str(len(s.seconds)) if s else ""
        return [self.what, *times, runs, peak, "" if self.pages is None else str(self.pages), self.figure,
                self.target, verdict]

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"what": self.what}
        if self.sample:
            out |= self.sample.as_json()
        for key, value in (("pages", self.pages), ("figure", self.figure), ("target", self.target)):
            if value not in (None, ""):
                out[key] = value
        if self.holds is not None:
            out["holds"] = self.holds
        return out


HEADS = ["measurement", "median s", "min s", "max s", "runs", "peak MB", "pages", "figure", "target", ""]


def text(rows: list[Row]) -> str:
    table = [HEADS] + [r.cells() for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADS))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) if i < 8 else c.ljust(w)
                       for i, (c, w) in enumerate(zip(line, widths, strict=True))).rstrip() for line in table]
    return "\n".join(lines[:1] + ["-" * len(lines[0])] + lines[1:])


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADS[:-1] + ["holds"]) + " |", "|" + "---|" * len(HEADS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def targets(rows: list[Row]) -> str:
    """Each target beside its figure, and whether it holds."""
    lines = []
    for r in rows:
        if r.holds is None:
            continue
        figure = r.figure or (f"{r.sample.median:.3f} s" if r.sample else "")
        lines.append(f"{'holds        ' if r.holds else 'DOES NOT HOLD'}  {r.what}: {figure} (target {r.target})")
    return "\n".join(lines)


def write(rows: list[Row], about: dict[str, object], build: Path) -> tuple[Path, Path]:
    build.mkdir(parents=True, exist_ok=True)
    as_json, as_md = build / "bench.json", build / "bench.md"
    as_json.write_text(json.dumps({**about, "rows": [r.as_json() for r in rows]}, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
    as_md.write_text(markdown(rows) + "\n\n" + "\n".join(f"- {k}: {v}" for k, v in about.items()) + "\n",
                     encoding="utf-8")
    return as_json, as_md
