"""Rewrite the golden HTML of the examples (`make golden`); review the diff before committing."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pipeline import render_report
from tests.conftest import DATA, FORBUND, LATEST, derive_year, golden_form

for name in FORBUND:
    year = LATEST[name]
    target = Path(__file__).parent / "golden" / f"{name}-{year}.html"
    target.write_text(golden_form(render_report(derive_year(DATA / name, year))), encoding="utf-8")
    print(f"wrote {target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}")
