"""What the bench measures: the commands of each case, run in a scratch folder.

Every output goes under the scratch folder (the user's build/ is never written but for
build/bench.json and build/bench.md); the examples are read from data/ as they are.
"""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import stor
from run import Sample, interleaved, repeat
from table import Row

ROOT = Path(__file__).resolve().parent.parent
LATEST = {"halland": 2023, "sydnarke": 2023, "exempelbygd": 2024}


@dataclass(frozen=True)
class Ctx:
    """Where the bench works and how often it runs each command."""

    work: Path  # the scratch folder
    runs: int
    python: str = sys.executable

    def finsam(self, *args: str) -> list[str]:
        return [self.python, "-m", "generator", *args]

    def repeat(self, argv: list[str], **extra: float | int | str) -> Sample:
        return repeat(argv, self.runs, ROOT, **extra)

    def out(self, name: str) -> Path:
        folder = self.work / "out" / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def stor_data(work: Path) -> Path:
    """The large förbund at each size, as data/storbygd10, storbygd30, storbygd80."""
    data = work / "stor"
    for size, (insatser, rader, kommuner) in stor.PAGES.items():
        stor.write_forbund(data, insatser, rader, kommuner, name=f"{stor.NAME}{size}")
    return data


def batch_data(work: Path, count: int = 20) -> Path:
    """20 förbund-years: the three examples and copies of the large förbund at its small size."""
    data = work / "batch"
    for name in LATEST:
        shutil.copytree(ROOT / "data" / name, data / name)
    for i in range(count - len(LATEST)):
        stor.write_forbund(data, *stor.PAGES[10], name=f"{stor.NAME}{i + 1:02d}")
    return data


def example(ctx: Ctx, name: str, data: Path, year: int, print_html: Path) -> list[Row]:
    """check, figures export and HTML of one förbund-year; also writes its print HTML (untimed)."""
    where = ["--data", str(data)]
    pick = ["--forbund", name, "--year", str(year)]
    out = ctx.out(name)
    rows = [Row(f"{name}: check", ctx.repeat(ctx.finsam(*where, "check", *pick))),
            Row(f"{name}: figures export", ctx.repeat(ctx.finsam(*where, "figures", *pick)))]
    rows.append(Row(f"{name}: HTML build", ctx.repeat(ctx.finsam(*where, "report", *pick, "--html-only", "--out",
                                                                   str(out)))))
    repeat(ctx.finsam(*where, "report", *pick, "--html-only", "--out", str(out), "--print-html", str(print_html)),
           1, ROOT)
    return rows


def printers(ctx: Ctx, name: str, data: Path, year: int, print_html: Path) -> dict[str, tuple[list[str], Path]]:
    """Our whole `finsam report`, WeasyPrint alone (plain; PDF/A-3a as ours) and Chromium, each
    with the PDF it writes."""
    import others

    fonts = ctx.work / "fonts.css"
    if not fonts.exists():
        fonts.write_text(others.font_css(), encoding="utf-8")
    out, base = ctx.out(name), (data / name).resolve().as_uri() + "/"
    ours = ctx.finsam("--data", str(data), "report", "--forbund", name, "--year", str(year), "--out", str(out))
    commands = {"ours": (ours, out / f"{name}-{year}.pdf")}
    for variant in ("plain", "pdf/a-3a"):
        pdf = out / f"weasy-{variant.replace('/', '')}.pdf"
        commands[variant] = (others.weasy_argv(ctx.python, print_html, base, fonts, pdf, variant), pdf)
    binary = others.chromium()
    if binary is not None:
        copy = others.chromium_copy(print_html, out / "chromium.html")
        pdf = out / "chromium.pdf"
        commands["chromium"] = (others.chromium_argv(binary, copy, pdf, ctx.work / "chromium-profile"), pdf)
    return commands


LABELS = {"ours": "HTML+PDF build (finsam report)", "plain": "WeasyPrint alone, plain",
          "pdf/a-3a": "WeasyPrint alone, PDF/A-3a as ours", "chromium": "Chromium --print-to-pdf"}
TARGETS = {"pdf/a-3a": 1.05, "chromium": 2.0}


def against_others(ctx: Ctx, name: str, data: Path, year: int, print_html: Path) -> list[Row]:
    """Our PDF build and the others on the same print HTML, run in turn; ours as a ratio to each."""
    commands = printers(ctx, name, data, year, print_html)
    samples = interleaved({k: argv for k, (argv, _pdf) in commands.items()}, ctx.runs, ROOT)
    ours = samples["ours"].median
    rows = []
    for key, sample in samples.items():
        ratio, limit = ours / sample.median, TARGETS.get(key)
        rows.append(Row(f"{name}: {LABELS[key]}", sample, pages=pages(commands[key][1]),
                        figure="" if key == "ours" else f"ours {ratio:.2f}×",
                        target=f"ours ≤ {limit}×" if limit else "", holds=ratio <= limit if limit else None))
    if "chromium" not in samples:
        rows.append(Row(f"{name}: Chromium", figure="skipped: no chromium (sudo apt-get install chromium)"))
    return rows


def large(ctx: Ctx, data: Path) -> list[Row]:
    """The large förbund: check and HTML at 80 pages, the PDF at 10, 30 and 80 pages."""
    big = f"{stor.NAME}80"
    where, out = ["--data", str(data)], ctx.out("stor")
    rows = [Row("large (17 members, 40 insatser): check", ctx.repeat(ctx.finsam(*where, "check", "--forbund", big,
                                                                                  "--year", "2024"))),
            Row("large: HTML build", ctx.repeat(ctx.finsam(*where, "report", "--forbund", big, "--html-only",
                                                           "--out", str(out))))]
    per_page = {}
    for size in sorted(stor.PAGES):
        name = f"{stor.NAME}{size}"
        sample = ctx.repeat(ctx.finsam(*where, "report", "--forbund", name, "--out", str(out)))
        count = pages(out / f"{name}-2024.pdf")
        per_page[size] = sample.median / count
        peak = sample.peak or 0.0
        rows.append(Row(f"large, ≈{size} pages: HTML+PDF build", sample, pages=count,
                        figure=f"{per_page[size]:.3f} s/page" + (f", peak {peak:.0f} MB" if size == 80 else ""),
                        target="peak ≤ 300 MB" if size == 80 else "", holds=peak <= 300 if size == 80 else None))
    ratio = per_page[80] / per_page[10]
    rows.append(Row("cost per page, 80 pages against 10", figure=f"{ratio:.2f}×", target="≤ 1.3×",
                    holds=ratio <= 1.3))
    return rows


def batch(ctx: Ctx, data: Path, runs: int) -> list[Row]:
    """20 förbund-years in one `finsam report --jobs 0`, held to one core and on every core.

    The same command both times: on one core (taskset) its processes share that core, so the
    ratio is what the second core adds. (`--jobs 1` would not do as the one-core figure: a
    build prints its PDF on the second core already, generator/printer.py.)"""
    import os
    import shutil

    names = ",".join(sorted(p.name for p in data.iterdir()))
    argv = [*ctx.finsam("--data", str(data), "report", "--forbund", names, "--out", str(ctx.out("batch"))),
            "--jobs", "0"]
    cores = os.cpu_count() or 1
    if shutil.which("taskset") is None:
        return [Row("batch of 20 förbund-years", figure="not measured: taskset (util-linux) is missing")]
    # In turn, as the printers are; the peak memory is the largest one process's, not the sum.
    got = interleaved({"one": ["taskset", "-c", "0", *argv], "every": argv}, runs, ROOT)
    one, every = got["one"], got["every"]
    speedup = one.median / every.median
    return [Row("batch of 20 förbund-years, one core (taskset -c 0, --jobs 0)", one),
            Row(f"batch of 20 förbund-years, every core ({cores}, --jobs 0; peak of one process)", every,
                figure=f"{speedup:.2f}× faster", target="≥ 1.8× (1 → 2 cores)", holds=speedup >= 1.8)]
