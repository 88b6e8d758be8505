"""Command line: `finsam check`, `finsam figures`, `finsam report`, `finsam diff`.

The CLI parses arguments, asks the pipeline, prints findings and decides the exit status:
0 clean, 1 findings (errors; warnings too with --strict), 2 unusable input, 3 a fault in
the generator. Findings print as `path:line:col: fel|varning: message [CODE]`.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from . import pipeline
from .findings import Finding, Severity
from .load import forbund_folders

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 3


def _print(findings: Iterable[Finding], stream: TextIO) -> None:
    for f in findings:
        print(f, file=stream)


def _status(outcomes: Sequence[pipeline.Outcome], strict: bool = False) -> int:
    if any(not o.usable for o in outcomes):
        return EXIT_UNUSABLE
    findings = [f for o in outcomes for f in o.findings]
    errors = sum(f.severity is Severity.ERROR for f in findings)
    return EXIT_FINDINGS if errors or (strict and findings) else EXIT_CLEAN


def cmd_check(args: argparse.Namespace) -> int:
    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders:
        _print(findings, sys.stdout)
        return EXIT_UNUSABLE
    outcomes = list(pipeline.forbund_outcomes(folders, args.year, every_year=args.year is None))
    every = [f for o in outcomes for f in o.findings]
    _print(every, sys.stdout)
    errors = sum(f.severity is Severity.ERROR for f in every)
    print(f"{errors} error(s), {len(every) - errors} warning(s)", file=sys.stderr)
    return _status(outcomes, args.strict)


def cmd_figures(args: argparse.Namespace) -> int:
    from .figures import to_json

    folders, findings = forbund_folders(args.data, args.forbund)
    if len(folders) != 1:
        _print(findings, sys.stderr)
        if len(folders) > 1:
            print("figures: name one förbund with --forbund (FORBUND=… for make)", file=sys.stderr)
        return EXIT_UNUSABLE
    outcome = pipeline.check_year(folders[0], args.year)
    if outcome.report is None:
        _print(outcome.findings, sys.stderr)
        return EXIT_UNUSABLE
    sys.stdout.write(to_json(outcome.report, outcome.forbund))
    return EXIT_CLEAN


def cmd_report(args: argparse.Namespace) -> int:
    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders:
        _print(findings, sys.stderr)
        return EXIT_UNUSABLE
    outcomes = []
    for folder in folders:
        outcome = pipeline.build_year(folder, args.out, args.year, pdf=not args.html_only)
        _print(outcome.findings, sys.stderr)
        if outcome.report is not None and not outcome.written:
            why = "could not be written" if any(f.code == "E-WRITE" for f in outcome.findings) else \
                "not built, fix the errors above first"
            print(f"{outcome.forbund} {outcome.report.year}: {why}", file=sys.stderr)
        for path in outcome.written:
            print(f"wrote {path}", file=sys.stderr)
        outcomes.append(outcome)
    return _status(outcomes)


def cmd_diff(args: argparse.Namespace) -> int:
    from .compare import compare

    folders, findings = forbund_folders(args.data, args.forbund)
    lines, problems = compare(args.base, args.data, [f.name for f in folders], args.year) if folders else ([], [])
    _print(findings + problems, sys.stderr)
    for line in lines:
        print(line)
    return EXIT_UNUSABLE if findings or problems else EXIT_CLEAN


COMMANDS = {
    "check": ("check every year of every förbund (or one)", cmd_check),
    "figures": ("print every derived figure of one förbund-year as JSON", cmd_figures),
    "report": ("build PDF and HTML into build/", cmd_report),
    "diff": ("what the working tree's data changes in the derived figures, against a git revision", cmd_diff),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="finsam", description="Annual reports for samordningsförbund.")
    top.add_argument("--data", type=Path, default=Path("data"), help="folder with one folder per förbund")
    top.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = top.add_subparsers(dest="command", required=True)
    for name, (helptext, _handler) in COMMANDS.items():
        p = sub.add_parser(name, help=helptext)
        # --data is accepted after the command too; there it overrides the global one.
        p.add_argument("--data", type=Path, default=argparse.SUPPRESS, help="folder with one folder per förbund")
        p.add_argument("--forbund", help="folder name under data/, e.g. halland")
        p.add_argument("--year", type=int, help="report year; default: the latest year file")
        if name == "check":
            p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
        if name == "diff":
            p.add_argument("--base", default="HEAD", help="git revision to compare with (default HEAD)")
        if name == "report":
            p.add_argument("--out", type=Path, default=Path("build"))
            p.add_argument("--html-only", action="store_true", help="skip the PDF (faster previews)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(COMMANDS[args.command][1](args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for the kansli user; --debug shows it
        if args.debug:
            raise
        print(f"internal error: {type(exc).__name__}: {exc}\n"
              "This is a fault in the generator, not in your data. Run again with --debug and report it.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
