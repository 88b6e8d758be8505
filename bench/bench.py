"""`make bench`: speed and memory of every command a user waits for, with the issue's targets.

Each figure is the median of RUNS fresh processes (min and max beside it) and each process's
own peak memory (os.wait4); nothing is a timed test. Outputs go to a scratch folder; the
table is printed and written to build/bench.json and build/bench.md, rewritten after each
group so an interrupted run keeps what it measured.

    .venv/bin/python bench/bench.py [--runs N] [--batch-runs N] [--only GROUP,…]

Groups: examples (check, figures export, HTML, PDF of each example, WeasyPrint alone and
Chromium on the same print HTML), large (the generated förbund at ≈10, 30 and 80 pages),
batch (20 förbund-years on one process and on every core), make (`make report` with nothing
changed), watch (the preview's rebuild after a one-line edit, in a warm process).
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases
import loop
import table
from cases import LATEST, ROOT, Ctx
from table import Row

GROUPS = ("examples", "large", "batch", "make", "watch")


def examples(ctx: Ctx) -> list[Row]:
    rows = []
    for name, year in LATEST.items():
        print_html = ctx.work / f"{name}-print.html"
        for r in cases.example(ctx, name, ROOT / "data", year, print_html):  # check, figures export, HTML
            limit = {"check": 0.2, "HTML build": 0.5}.get(r.what.split(": ", 1)[1])
            rows.append(r if limit is None or r.sample is None else
                        Row(r.what, r.sample, target=f"≤ {limit} s", holds=r.sample.median <= limit))
        rows += cases.against_others(ctx, name, ROOT / "data", year, print_html)
    return rows


def group(name: str, ctx: Ctx, batch_runs: int) -> list[Row]:
    if name == "examples":
        return examples(ctx)
    if name == "large":
        return cases.large(ctx, cases.stor_data(ctx.work))
    if name == "batch":
        return cases.batch(ctx, cases.batch_data(ctx.work), batch_runs)
    if name == "make":
        return [loop.make_report(ctx)]
    return loop.watch(ctx)


def about(runs: int, batch_runs: int, began: float) -> dict[str, object]:
    return {"python": platform.python_version(), "machine": platform.machine(), "cores": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2), "runs": runs, "batch_runs": batch_runs,
            "seconds_whole_bench": round(time.perf_counter() - began, 1),
            "command": ".venv/bin/python bench/bench.py (make bench)"}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    p.add_argument("--batch-runs", type=int, default=int(os.environ.get("BENCH_BATCH_RUNS", "5")))
    p.add_argument("--only", default=",".join(GROUPS), help="groups, comma-separated: " + ", ".join(GROUPS))
    args = p.parse_args(argv)
    began, rows = time.perf_counter(), []
    # The package compiled to bytecode first, as a user's first run leaves it: where
    # PYTHONDONTWRITEBYTECODE is set (some CI images), every measured process would
    # otherwise compile the whole package from source again.
    import compileall

    compileall.compile_dir(str(ROOT / "generator"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="finsam-bench-") as tmp:
        ctx = Ctx(Path(tmp), args.runs)
        for name in args.only.split(","):
            print(f"… {name}", file=sys.stderr, flush=True)
            rows += group(name, ctx, args.batch_runs)
            table.write(rows, about(args.runs, args.batch_runs, began), ROOT / "build")
    print(table.text(rows))
    print("\nTargets\n" + table.targets(rows))
    written = table.write(rows, about(args.runs, args.batch_runs, began), ROOT / "build")
    print(f"\n{time.perf_counter() - began:.0f} s in all; wrote {written[0]} and {written[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
