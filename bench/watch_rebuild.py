"""How fast `finsam watch` shows a one-line edit: median of 5 (figure for the README).

Starts the real preview (`python -m generator watch`) on a copy of an example in a
temporary folder, waits for its first build, then 5 times changes one line of the year's
Markdown and measures

- rebuild: the build's own time as the preview prints it ("byggd på 0,31 s"): check,
  layout and render of the HTML in the warm process;
- saved → served: from the file's save until GET / returns the page with the new line
  (the rebuild plus the wait for the next look at the files, at most 0.2 s);
- in-process: the same edit rebuilt by the preview's own `Preview.rebuild` in this
  process, wall-clock and CPU time (the CPU time is what a busy machine cannot inflate).

    .venv/bin/python bench/watch_rebuild.py [halland|sydnarke|exempelbygd]
    .venv/bin/python bench/watch_rebuild.py --json halland [EDITS]   (what `make bench` runs)
"""
from __future__ import annotations

import contextlib
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
YEARS = {"halland": 2023, "sydnarke": 2023, "exempelbygd": 2024}
EDITS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def until(condition, timeout: float = 120.0, step: float = 0.005):
    """Poll `condition` until it gives something true; fail after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise TimeoutError("the preview did not answer in time")


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "data" / name, work / "data" / name)
        port, log = free_port(), work / "watch.log"
        md = work / "data" / name / f"{YEARS[name]}.md"
        with log.open("w") as out:
            proc = subprocess.Popen([sys.executable, "-m", "generator", "watch", "--forbund", name, "--port",
                                     str(port), "--no-browser"], cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                    env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        url = f"http://127.0.0.1:{port}/"
        try:
            start = time.perf_counter()
            until(lambda: "since=1" in page(url))
            print(f"{name}: first build, imports included: {time.perf_counter() - start:.2f} s")
            served = []
            for i in range(EDITS):
                text = md.read_text(encoding="utf-8")
                marker = f"Mätrad {i} för förhandsvisningen."
                saved = time.perf_counter()
                md.write_text(text.replace("\n\n", f"\n\n{marker}\n\n", 1), encoding="utf-8")
                until(lambda marker=marker: marker in page(url))
                served.append(time.perf_counter() - saved)
            builds = [float(s.replace(",", ".")) for s in re.findall(r"byggd på (\d+,\d+) s", log.read_text())][1:]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        print(f"{name}: one-line edit, median of {EDITS}: rebuild {statistics.median(builds):.2f} s "
              f"(each {', '.join(f'{b:.2f}' for b in builds)}); saved → served "
              f"{statistics.median(served):.2f} s (each {', '.join(f'{s:.2f}' for s in served)})")


@contextlib.contextmanager
def _preview(name: str) -> Iterator[tuple[Any, Path]]:
    """The preview of a copy of an example, built once, and the year's Markdown to edit."""
    sys.path.insert(0, str(ROOT))
    from generator.watch.preview import Preview

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        shutil.copytree(ROOT / "data" / name, folder)
        preview = Preview(folder, None)
        preview.rebuild()
        yield preview, folder / f"{YEARS[name]}.md"


def in_process(name: str) -> None:
    with _preview(name) as (preview, md):
        wall, cpu = [], []
        for i in range(EDITS):
            md.write_text(md.read_text(encoding="utf-8").replace("\n\n", f"\n\nMätrad {i}.\n\n", 1), encoding="utf-8")
            start = time.thread_time()
            wall.append(preview.rebuild().seconds)
            cpu.append(time.thread_time() - start)
        print(f"{name}: in-process rebuild, median of {EDITS}: {statistics.median(wall):.2f} s wall, "
              f"{statistics.median(cpu):.2f} s CPU")


def warm(name: str, edits: int = EDITS) -> dict[str, list[float]]:
    """For `make bench`: in one warm process, after each one-line edit of the year's Markdown,
    the HTML rebuild (Preview.rebuild) and the PDF after it (Preview.pdf), as the preview's
    /pdf gives it: seconds from the start of the rebuild, HTML and PDF."""
    with _preview(name) as (preview, md):
        preview.pdf()  # the first PDF warms WeasyPrint and the fonts, as a preview's first look does
        html, pdf = [], []
        for i in range(edits):
            md.write_text(md.read_text(encoding="utf-8").replace("\n\n", f"\n\nMätrad {i}.\n\n", 1), encoding="utf-8")
            start = time.perf_counter()
            state = preview.rebuild()
            html.append(time.perf_counter() - start)
            printed, _ = preview.pdf()
            pdf.append(time.perf_counter() - start)
            assert state.html is not None and f"Mätrad {i}." in state.html and printed, "the edit was not rebuilt"
    return {"html": html, "pdf": pdf}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--json"]:
        import json

        print(json.dumps(warm(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else EDITS)))
        sys.exit()
    main(sys.argv[1] if len(sys.argv) > 1 else "halland")
    in_process(sys.argv[1] if len(sys.argv) > 1 else "halland")
