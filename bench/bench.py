"""Speed and memory of each stage (`make bench`). Numbers go into the README by hand.

Each stage runs REPEAT times; the best time is reported (least disturbed by the rest of
the machine) with the peak resident memory of the whole process at the end.
"""
from __future__ import annotations

import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import run_checks  # noqa: E402
from generator.derive import derive_forbund  # noqa: E402
from generator.load import load_forbund  # noqa: E402
from generator.pipeline import print_report, render_report, report_of  # noqa: E402

REPEAT = 5


def best(fn, repeat=REPEAT):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def synthetic(folder: Path, rows: int) -> Path:
    """The Halland example with a cost note of `rows` rows, to see how work grows."""
    target = folder / "stor"
    shutil.copytree(ROOT / "data" / "halland", target)
    text = (target / "2023.yaml").read_text(encoding="utf-8")
    extra = "".join(f"      - {{text: Kostnadsslag {i}, belopp: -1}}\n" for i in range(rows))
    head = "  verksamhetens_kostnader:\n    rader:\n"
    text = text.replace(head, head + extra, 1)
    (target / "2023.yaml").write_text(text, encoding="utf-8")
    return target


def derive(source):
    """The derive stage as the pipeline runs it for one year: the förbund, then the year."""
    derived, _ = derive_forbund(source)
    return report_of(derived, 2023)[0]


def measure(label: str, folder: Path) -> None:
    t_load, (source, _) = best(lambda: load_forbund(folder))
    t_derive, report = best(lambda: derive(source))
    t_check, findings = best(lambda: run_checks(report))
    t_html, html = best(lambda: render_report(report))
    t_pdf, (pdf, _) = best(lambda: print_report(report, folder), repeat=3)
    print(f"{label:<22} load {t_load * 1000:7.1f} ms  derive {t_derive * 1000:6.1f} ms  "
          f"check {t_check * 1000:5.1f} ms  "
          f"html {t_html * 1000:6.1f} ms  pdf {t_pdf:5.2f} s  ({len(pdf) // 1024} KiB, {len(findings)} findings)")


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {REPEAT} (PDF: best of 3)")
    for name in ("halland", "sydnarke"):
        measure(name, ROOT / "data" / name)
    with tempfile.TemporaryDirectory() as tmp:
        measure("halland + 2000 rows", synthetic(Path(tmp), 2000))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
