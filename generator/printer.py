"""The PDF printed on a second core, by a process warmed while the report is checked.

`finsam report` spends its first second reading and checking the data, and the print stage
then spends most of another importing WeasyPrint, pikepdf and their fonts. The printer
forks at the start, imports all of that while this process checks, prints the PDF while
this process renders the web page, and hands back the same bytes print_report gives in
this process (tests/test_printer.py). A process, not a thread: printing patches a module
global (pdfua.trace) and holds the interpreter's lock.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from .derive import Arsredovisning
from .findings import Finding


def _warm() -> None:
    """What every print needs, imported before the first report arrives."""
    import pikepdf  # noqa: F401
    import weasyprint  # noqa: F401
    from weasyprint.text.fonts import FontConfiguration

    from . import archive, fit, pdf, pdfua  # noqa: F401
    from .layout import layout_report  # noqa: F401

    FontConfiguration()  # fontconfig reads the machine's font list once, here


class Printer:
    """One print process, started (and warmed) when made; a context manager that stops it."""

    def __init__(self) -> None:
        # fork where there is one: the child starts with what is imported, at no cost; elsewhere
        # the platform's own way, which imports the package again.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = ProcessPoolExecutor(1, mp_context=context)
        self._pool.submit(_warm)

    def submit(self, report: Arsredovisning, folder: Path) -> Future[tuple[bytes, list[Finding]]]:
        from .pipeline import print_report  # here: pipeline imports this module where it builds

        return self._pool.submit(print_report, report, folder)

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._pool.shutdown(cancel_futures=True)
