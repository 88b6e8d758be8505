"""The commands that write files or serve a page (extract, fmt, import-sie, new-year, watch), kept
apart from cli.py's parsing so that each module stays small; they print as the other
commands do (cli_output)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_output import EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, _print, summary
from .findings import Severity
from .load import forbund_folders


def cmd_extract(args: argparse.Namespace) -> int:
    """The source files inside a report's PDF, written out again (build/kalla/<stem>/ by default)."""
    from .extract import extract

    stem = args.pdf.stem.strip(".") or "pdf"  # "...pdf" must not make build/kalla/..
    folder = args.till if args.till is not None else Path("build") / "kalla" / stem
    written, findings = extract(args.pdf, folder, args.skriv_over)
    _print(findings, sys.stderr)
    for path in written:
        print(f"skrev {path}", file=sys.stderr)
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def cmd_watch(args: argparse.Namespace) -> int:
    """Live preview of one förbund: the HTML rebuilt on every save, served on localhost."""
    from .watch import watch

    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders or (args.forbund and len(folders) > 1):
        _print(findings, sys.stderr)
        if folders:
            print("watch: förhandsvisa ett förbund i taget; ange ett med --forbund (FORBUND=… för make)",
                  file=sys.stderr)
        return EXIT_UNUSABLE
    if len(folders) > 1:
        others = ", ".join(f.name for f in folders[1:])
        print(f"watch: visar {folders[0].name}; för {others}: ange --forbund (FORBUND=… för make)", file=sys.stderr)
    return watch(folders[0], args.year, args.port, not args.no_browser, sys.stdout)


def cmd_import_sie(args: argparse.Namespace) -> int:
    """The figures of a year file from the bookkeeping's SIE file; nothing changes unless it reconciles."""
    from .sie.kor import import_sie

    folders, findings = forbund_folders(args.data, args.forbund)
    if len(folders) != 1 or args.year is None or args.fil is None:
        _print(findings, sys.stderr)
        print("import-sie: ange ett förbund, ett år och en fil: --forbund halland --year 2023 --fil bokforing.se "
              "(make import-sie FORBUND=… YEAR=… FILE=…)", file=sys.stderr)
        return EXIT_UNUSABLE
    done = import_sie(folders[0], args.year, args.fil)
    _print(done.findings, sys.stderr)
    if not done.ok:
        print(f"{folders[0].name} {args.year}: importen stoppades; ingen fil har ändrats", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"{folders[0].name} {args.year}: " + (f"{len(done.changed)} belopp ändras" if done.changed
                                                 else "inget härlett belopp ändras"))
    group = None
    for change in done.changed:  # under the heading of the table or section that shows it
        if change.place.group != group:
            group = change.place.group
            print(f"  {group}")
        print(change)
    for path in done.written:
        print(f"skrev {path}", file=sys.stderr)
    _print(done.kontroll, sys.stderr)
    errors = sum(f.severity is Severity.ERROR for f in done.kontroll)
    print(f"kontroll av {folders[0].name} {args.year} efter importen: "
          f"{summary(errors, len(done.kontroll) - errors)}", file=sys.stderr)
    return EXIT_FINDINGS if errors else EXIT_CLEAN


def cmd_fmt(args: argparse.Namespace) -> int:
    from .fmt.command import data_files, format_file

    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders:
        _print(findings, sys.stdout)
        return EXIT_UNUSABLE
    results = [format_file(path, Path.cwd(), args.check) for folder in folders
               for path in data_files(folder, args.year)]
    for result in results:
        _print(result.findings, sys.stdout)
        if result.changed and not args.check and not result.findings:
            print(f"formaterade {result.shown}")
    return EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN


def cmd_new_year(args: argparse.Namespace) -> int:
    """Next year's files from this year's: every amount left empty and listed; never over a file."""
    from .newyear import new_year, to_fill

    folders, findings = forbund_folders(args.data, args.forbund)
    if len(folders) != 1 or args.year is None:
        _print(findings, sys.stderr)
        print("new-year: ange ett förbund och det nya året: --forbund halland --year 2024", file=sys.stderr)
        return EXIT_UNUSABLE
    written, problems = new_year(folders[0], args.year, str(folders[0]))
    _print(problems, sys.stderr)
    print("".join(f"skrev {path}\n" for path in written), end="", file=sys.stderr)
    left = [] if problems else to_fill(folders[0], args.year)
    _print(left, sys.stdout)
    if not problems:
        print(f"{len(left)} att fylla i; make check FORBUND={folders[0].name} YEAR={args.year} visar vad som är kvar",
              file=sys.stderr)
    return EXIT_FINDINGS if problems else EXIT_CLEAN
