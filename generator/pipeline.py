"""The orchestrator: the only place the stages are joined.

    load → derive → check → layout → render (HTML) → print (PDF) → write

Every function returns its result (or None when there is none) together with every
finding; nothing here raises for anything a user wrote. The CLI, `make diff`, the bench
and the tests all come through here, so each sees exactly what the others see.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .check import review, run_checks
from .derive import Arsredovisning, Derived, derive_forbund, derive_report
from .findings import Finding, Pos, Severity, error
from .load import Source, load_forbund
from .narrative import read_narrative
from .narrative.logotyp import read_logotyp

if TYPE_CHECKING:
    from .printer import Printer

if TYPE_CHECKING:
    from .layout.page import Page


@dataclass(frozen=True)
class Outcome:
    """One förbund-year: its report, or None when its input could not be used, and every finding."""

    forbund: str  # the förbund's folder name
    year: int | None
    report: Arsredovisning | None
    findings: tuple[Finding, ...]
    written: tuple[Path, ...] = field(default=())

    @property
    def usable(self) -> bool:
        """A report, or a year that is only not yet filled in (which is not unusable input)."""
        return self.report is not None or self.todo > 0

    @property
    def todo(self) -> int:
        """What is still to fill in: while anything is, the year's report is not built."""
        return sum(f.severity is Severity.TODO for f in self.findings)

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)


def _years(source: Source, year: int | None, every_year: bool) -> tuple[list[int], list[Finding]]:
    known = sorted({*source.years, *source.att_fylla_i})
    if year is not None:
        if year not in known:
            have = ", ".join(str(y) for y in known)
            return [], [error("E-YEAR", f"det finns ingen {year}.yaml för det här förbundet; år med en fil: {have}",
                              Pos(source.shown(source.root)))]
        return [year], []
    return (known if every_year else [max(known)]), []


def report_of(derived: Derived, year: int) -> tuple[Arsredovisning | None, list[Finding]]:
    """One year of a derived förbund: its narrative read and its report derived (None if unreadable)."""
    source = derived.source
    path = source.root / f"{year}.md"
    narrativ, findings = read_narrative(path, source.shown(path))
    if narrativ is None:
        return None, findings
    report = derive_report(derived, year, tuple(narrativ))
    logo, refused = read_logotyp(source.forbund, source.root, source.shown(source.root))
    # forbund.yaml's facts are reported with the latest year only, as its other checks are.
    return replace(report, logotyp=logo), findings + (refused if report.senaste else [])


def _report(derived: Derived, year: int, derive_findings: list[Finding], reviewed: bool = False) -> Outcome:
    """One year of a derived förbund: its report, checked (and with `reviewed`, the reviewer's info)."""
    report, findings = report_of(derived, year)
    checked = run_checks(report) + (review(report) if reviewed else []) if report is not None else []
    return Outcome(derived.source.name, year, report, tuple(sorted(derive_findings + findings + checked +
                                                                   _skriv(derived.source, year), key=_reading_order)))


def _to_fill(source: Source, year: int) -> Outcome:
    """A year still to fill in: what is left, and no report (nothing is derived from it)."""
    found = [*source.att_fylla_i[year], *_skriv(source, year)]
    return Outcome(source.name, year, None, tuple(sorted(found, key=_reading_order)))


def _skriv(source: Source, year: int) -> list[Finding]:
    from .load.fyll_i import skriv_lines

    path = source.root / f"{year}.md"
    return skriv_lines(path, source.shown(path))


def _reading_order(f: Finding) -> tuple[str, int, int, str]:
    """Findings in the order of the files and lines they are about."""
    return f.pos.path, f.pos.line, f.pos.col, f.code


def check_forbund(folder: Path, year: int | None = None, every_year: bool = False,
                  base: Path | None = None, review: bool = False) -> list[Outcome]:
    """Check one förbund: the year asked for, its latest year, or every year.

    The förbund is read and its statements derived once, whatever the number of years.
    """
    source, findings = load_forbund(folder, base)
    if source is None:
        return [Outcome(folder.name, year, None, tuple(findings))]
    years, findings = _years(source, year, every_year)
    if not years:
        return [Outcome(folder.name, year, None, tuple(findings))]
    if all(y in source.att_fylla_i for y in years):
        return [_to_fill(source, y) for y in years]
    derived, derive_findings = derive_forbund(source)
    return [_to_fill(source, y) if y in source.att_fylla_i else _report(derived, y, derive_findings[y], review)
            for y in years]


def check_year(folder: Path, year: int | None = None, base: Path | None = None, review: bool = False) -> Outcome:
    """One förbund-year (its latest when year is None), derived and checked; `review` adds the info for a
    reviewer (the year's large changes), which only `check` prints."""
    return check_forbund(folder, year, base=base, review=review)[0]


# --- Building the report ---------------------------------------------------------------

def render_report(report: Arsredovisning, lang: str = "sv") -> str:
    """The report as one self-contained HTML page (layout, then render)."""
    from .layout import layout_report
    from .render import render_html

    return render_html(layout_report(report), lang)


def print_html(report: Arsredovisning, page: Page | None = None) -> str:
    """Exactly the HTML print_report hands WeasyPrint: the page rendered for print (lang sv-SE).
    `finsam report --print-html FIL` writes it, so the bench can print it with WeasyPrint alone."""
    from .layout import layout_report
    from .render import render_html

    return render_html(page if page is not None else layout_report(report), "sv-SE", web=False)


def print_report(report: Arsredovisning, folder: Path, draft: bool = False) -> tuple[bytes, list[Finding]]:
    """The report as PDF: the page rendered for print (lang sv-SE), then printed; and a
    finding for whatever is wider than the page.

    `folder` is the förbund's data folder, the only data folder the PDF may read from.
    A `draft` (the watch preview's) leaves out what only the archive needs (`pdf.print_pdf`)."""
    from . import archive, fit, pdf
    from .layout import layout_report

    page = layout_report(report)
    # The board's decision date stamps the embedded fonts, so the bytes follow the input.
    decided = dt.datetime.combine(report.arsfil.styrelsens_beslut or dt.date(report.year + 1, 1, 1), dt.time(), dt.UTC)
    sources = fit.Sources({a.key: (a.pos.path, a.body_line) for a in report.narrativ}, report.arsfil.pos.path)
    metadata = pdf.Metadata(f"{page.front.titel} {report.year}", report.forbund.namn, int(decided.timestamp()))
    # The files it was made from go inside it (PDF/A-3 associated files), a finding for any unreadable.
    files, unread = ((), []) if draft else archive.source_files(folder, report.year, report.ar_med_fil)
    printed, findings = pdf.print_pdf(print_html(report, page), pdf.Collaborators.for_folder(folder),
                                      metadata, sources, files, draft)
    return printed, unread + findings


def build_year(folder: Path, out: Path, year: int | None = None, pdf: bool = True,
               base: Path | None = None, printer: Printer | None = None) -> Outcome:
    """Check one förbund-year and, when it has no errors, write its HTML (and PDF) into `out`.

    Both files are made completely in memory and then replace the old ones, so a failure
    leaves the previous report as it was. With a `printer` the PDF is printed in its process
    while this one renders the web page."""
    from . import output

    outcome = check_year(folder, year, base)
    if outcome.report is None or outcome.errors or outcome.todo:  # a year not filled in is not built
        return outcome
    report = outcome.report
    stem = out / f"{outcome.forbund}-{report.year}"
    printing = printer.submit(report, folder) if pdf and printer is not None else None
    files = {stem.with_suffix(".html"): render_report(report).encode("utf-8")}
    printed: list[Finding] = []
    if printing is not None:
        files[stem.with_suffix(".pdf")], printed = printing.result()
    elif pdf:
        files[stem.with_suffix(".pdf")], printed = print_report(report, folder)
    if any(f.severity is Severity.ERROR for f in printed):
        # Content wider than the page: a board must not sign a report with a table cut at
        # its edge, so neither file replaces the last good one.
        return Outcome(outcome.forbund, outcome.year, report, outcome.findings + tuple(printed), ())
    written, problems = output.write_all(files)
    return Outcome(outcome.forbund, outcome.year, report, outcome.findings + tuple(printed) + tuple(problems),
                   tuple(written))


def forbund_outcomes(folders: list[Path], year: int | None, every_year: bool,
                     review: bool = False) -> Iterator[Outcome]:
    for folder in folders:
        yield from check_forbund(folder, year, every_year, review=review)


# --- Several förbund at once (`finsam report --jobs N`) ----------------------------------

def build_all(folders: list[Path], out: Path, year: int | None = None, pdf: bool = True,
              jobs: int = 1, printer: bool = False) -> Iterator[Outcome]:
    """build_year for each folder, in their order; with `jobs` other than 1 on that many
    processes (0: every core), else with `printer` the PDFs on a second core (printer.py).
    Processes, not threads: printing patches a module global (pdfua.trace). The outcomes
    come in the folders' order whatever finishes first, so the output is the serial run's."""
    import os

    workers = min(len(folders), jobs if jobs > 0 else os.cpu_count() or 1)
    if workers <= 1 and pdf and printer:
        from .printer import Printer

        with Printer() as printing:
            yield from (build_year(folder, out, year, pdf, printer=printing) for folder in folders)
        return
    if workers <= 1:
        yield from (build_year(folder, out, year, pdf) for folder in folders)
        return
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    from .output import TMP

    # A file of this (living) process keeps out/.tmp, where each worker writes its files
    # before renaming them, from being removed by one worker while another writes.
    keeper = out / TMP / f"{os.getpid()}.batch"
    with contextlib.suppress(OSError):  # out cannot be written: each build says so
        keeper.parent.mkdir(parents=True, exist_ok=True)
        keeper.touch()
    try:
        with ProcessPoolExecutor(workers) as pool:
            yield from pool.map(build_year, folders, repeat(out), repeat(year), repeat(pdf))
    finally:
        keeper.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # another run is writing there
            keeper.parent.rmdir()


def with_print_html(outcome: Outcome, path: Path) -> Outcome:
    """A built year with its print HTML (print_html) also written to `path`
    (`finsam report --print-html FIL`), or a finding saying why it could not be."""
    from . import output

    if outcome.report is None or not outcome.written:
        return outcome
    written, problems = output.write_all({path: print_html(outcome.report).encode("utf-8")})
    return replace(outcome, findings=outcome.findings + tuple(problems), written=outcome.written + tuple(written))
