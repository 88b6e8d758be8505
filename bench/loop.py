"""The edit loop: `make report` when nothing changed, and the preview's rebuild after an edit.

`make report` runs in a scratch copy of the project made of links to each top-level entry
(build/ left out), so its first run builds there and the user's build/ is not touched.
"""
from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

from cases import ROOT, Ctx
from run import Sample, once
from table import Row


def project_copy(work: Path) -> Path:
    """The project as links, with a build/ of its own."""
    copy = work / "projekt"
    copy.mkdir(exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("build", ".git") and not (copy / entry.name).exists():
            (copy / entry.name).symlink_to(entry)
    return copy


def make_report(ctx: Ctx) -> Row:
    """`make report FORBUND=halland` a second time, nothing changed: each run a fresh make."""
    copy = project_copy(ctx.work)
    argv = ["make", "--no-print-directory", "-C", str(copy), "report", "FORBUND=halland"]
    plan = subprocess.run([*argv[:1], "-n", *argv[1:]], capture_output=True, text=True).stdout
    if "pip install" in plan:  # the bench never installs anything
        return Row("make report FORBUND=halland, second run", figure="skipped: .venv is not up to date; run make once")
    once(argv, copy)  # the first run builds
    seconds, mib = [], []
    for _ in range(ctx.runs):
        s, m = once(argv, copy)
        seconds.append(s)
        mib.append(m)
    sample = Sample(tuple(seconds), tuple(mib))
    return Row("make report FORBUND=halland, second run (nothing changed)", sample,
               target="≤ 0.2 s", holds=sample.median <= 0.2)


def watch(ctx: Ctx, name: str = "halland") -> list[Row]:
    """One warm process (bench/watch_rebuild.py): HTML and PDF after each one-line edit."""
    said = subprocess.run([ctx.python, str(ROOT / "bench" / "watch_rebuild.py"), "--json", name, str(ctx.runs)],
                          cwd=ROOT, capture_output=True, text=True, check=True).stdout
    got = json.loads(said.strip().splitlines()[-1])
    html, pdf = Sample(tuple(got["html"])), Sample(tuple(got["pdf"]))
    return [Row(f"watch, {name}: HTML rebuild after a one-line edit (warm)", html,
                target="< 0.5 s", holds=statistics.median(html.seconds) < 0.5),
            Row(f"watch, {name}: PDF after a one-line edit (warm)", pdf,
                target="< 2 s", holds=statistics.median(pdf.seconds) < 2.0)]
