"""The warm process's state: the last good page, the latest findings, and the builds.

One build at a time (a lock): the charts (matplotlib) and the print (WeasyPrint) are not
made to run in two threads at once, and the PDF asked for by the browser is built in the
server's thread. Nothing is written to disk: the page and the PDF live in memory only.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline
from ..derive import Arsredovisning
from ..findings import Finding, Pos, Severity, error, excerpt, info


@dataclass(frozen=True)
class State:
    """What the server shows after build number `generation` (0: none finished yet)."""

    generation: int
    html: str | None  # the last page built without errors, as `finsam report` writes it
    report: Arsredovisning | None  # that page's report, for the PDF
    findings: tuple[Finding, ...]  # the latest build's findings
    stale: bool  # the latest build had errors, so `html` is from an earlier build
    seconds: float = 0.0  # how long the latest build took


class Preview:
    """One förbund-year, rebuilt on request; waiters are told of each new build."""

    def __init__(self, folder: Path, year: int | None) -> None:
        self.folder, self.year = folder, year
        self.state = State(0, None, None, (), False)
        self.closing = False
        self._work = threading.Lock()
        self._changed = threading.Condition()
        self._pdf: tuple[Arsredovisning, bytes, tuple[Finding, ...]] | None = None

    def rebuild(self) -> State:
        """Check the data and, without errors, render the page; keep the last good page otherwise."""
        start = time.perf_counter()
        with self._work:
            report, html, findings = self._build()
        with self._changed:
            old = self.state
            good = html is not None
            self.state = State(old.generation + 1, html if good else old.html, report if good else old.report,
                               findings, not good, time.perf_counter() - start)
            self._changed.notify_all()
            return self.state

    def _build(self) -> tuple[Arsredovisning | None, str | None, tuple[Finding, ...]]:
        try:
            outcome = pipeline.check_year(self.folder, self.year)
            if outcome.report is None or outcome.errors:
                return None, None, outcome.findings
            return outcome.report, pipeline.render_report(outcome.report), outcome.findings
        except Exception as exc:  # a fault in the generator must not end the preview
            return None, None, (internal(exc, self.folder),)

    def wait(self, since: int, timeout: float) -> State:
        """The state once a build after `since` has finished (or the timeout has passed)."""
        with self._changed:
            self._changed.wait_for(lambda: self.closing or self.state.generation > since, timeout)
            return self.state

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()

    def pdf(self) -> tuple[bytes | None, tuple[Finding, ...]]:
        """The PDF of the page shown, printed when first asked for after each build: a draft
        (the same pages without PDF/A, tags and attached files, `DRAFT`), which prints faster."""
        report = self.state.report
        if report is None:
            return None, ()
        with self._work:
            if self._pdf is None or self._pdf[0] is not report:
                try:
                    printed, findings = pipeline.print_report(report, self.folder, draft=True)
                except Exception as exc:
                    return None, (internal(exc, self.folder),)
                self._pdf = (report, printed, (*findings, info("I-UTKAST", DRAFT, Pos(str(self.folder)))))
            return self._pdf[1], self._pdf[2]


DRAFT = ("förhandsvisningens PDF är ett utkast: samma sidor, men utan det som bara arkivets PDF behöver "
         "(PDF/A, taggar för skärmläsare, bifogade källfiler); make report skriver den riktiga")


def internal(exc: Exception, folder: Path) -> Finding:
    return error("E-INTERN", f"internt fel i generatorn, inte i era data: {type(exc).__name__}: "
                 f"{excerpt(str(exc), 200)}", Pos(str(folder)))


def errors(findings: Iterable[Finding]) -> int:
    return sum(f.severity is Severity.ERROR for f in findings)


def snapshot(roots: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every file under the roots with its modification time and size; hidden files and
    editors' backups (.x.swp, x~) are left out, so an editor's own files rebuild nothing."""
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in names:
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:  # removed between the listing and the look
                    continue
                seen[path] = (st.st_mtime_ns, st.st_size)
    return seen
