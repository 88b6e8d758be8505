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
from run import Sample, repeat
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


def example(ctx: Ctx, name: str, data: Path, year: int, print_html: Path) -> tuple[list[Row], Sample, int]:
    """check, figures, HTML and PDF of one förbund-year; also writes its print HTML (untimed)."""
    where = ["--data", str(data)]
    pick = ["--forbund", name, "--year", str(year)]
    out = ctx.out(name)
    rows = [Row(f"{name}: check", ctx.repeat(ctx.finsam(*where, "check", *pick))),
            Row(f"{name}: figures export", ctx.repeat(ctx.finsam(*where, "figures", *pick)))]
    rows.append(Row(f"{name}: HTML build", ctx.repeat(ctx.finsam(*where, "report", *pick, "--html-only", "--out",
                                                                   str(out)))))
    pdf = ctx.repeat(ctx.finsam(*where, "report", *pick, "--out", str(out)))
    count = pages(out / f"{name}-{year}.pdf")
    rows.append(Row(f"{name}: HTML+PDF build (finsam report)", pdf, pages=count))
    repeat(ctx.finsam(*where, "report", *pick, "--html-only", "--out", str(out), "--print-html", str(print_html)),
           1, ROOT)
    return rows, pdf, count


def against_others(ctx: Ctx, name: str, folder: Path, print_html: Path, ours: Sample) -> list[Row]:
    """WeasyPrint alone (plain and PDF/A-3a, as we print) and Chromium on our print HTML."""
    import others

    fonts = ctx.work / "fonts.css"
    if not fonts.exists():
        fonts.write_text(others.font_css(), encoding="utf-8")
    out, base = ctx.out(name), folder.resolve().as_uri() + "/"
    rows = []
    for variant, label in (("plain", "plain"), ("pdf/a-3a", "PDF/A-3a, as ours")):
        alone = ctx.repeat(others.weasy_argv(ctx.python, print_html, base, fonts, out / "weasy.pdf", variant))
        ratio = ours.median / alone.median
        fair = variant != "plain"
        rows.append(Row(f"{name}: WeasyPrint alone, {label}", alone, pages=pages(out / "weasy.pdf"),
                        figure=f"ours {ratio:.2f}×", target="ours ≤ 1.05×" if fair else "",
                        holds=ratio <= 1.05 if fair else None))
    binary = others.chromium()
    if binary is None:
        return rows + [Row(f"{name}: Chromium", figure="skipped: no chromium (sudo apt-get install chromium)")]
    copy = others.chromium_copy(print_html, out / "chromium.html")
    pdf = out / "chromium.pdf"
    alone = ctx.repeat(others.chromium_argv(binary, copy, pdf, ctx.work / "chromium-profile"))
    ratio = ours.median / alone.median
    return rows + [Row(f"{name}: Chromium --print-to-pdf", alone, pages=pages(pdf), figure=f"ours {ratio:.2f}×",
                       target="ours ≤ 2.0×", holds=ratio <= 2.0)]


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
    """20 förbund-years in one `finsam report`, on one process and on one per core."""
    import os

    names = ",".join(sorted(p.name for p in data.iterdir()))
    argv = ctx.finsam("--data", str(data), "report", "--forbund", names, "--out", str(ctx.out("batch")))
    one = repeat([*argv, "--jobs", "1"], runs, ROOT)
    cores = os.cpu_count() or 1
    every = repeat([*argv, "--jobs", "0"], runs, ROOT)
    speedup = one.median / every.median
    return [Row("batch of 20 förbund-years, 1 process (--jobs 1)", one),
            Row(f"batch of 20 förbund-years, every core ({cores}, --jobs 0)", every,
                figure=f"{speedup:.2f}× faster", target="≥ 1.8× (1 → 2 cores)", holds=speedup >= 1.8)]
