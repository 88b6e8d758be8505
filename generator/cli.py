"""Command line: `finsam check`, `finsam figures`, `finsam report`, `finsam diff`.

Exit status: 0 clean, 1 findings (errors; warnings too with --strict), 2 unusable input.
Findings print as `path:line:col: error|warning: message [CODE]`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .findings import Finding, Severity, UnusableInput
from .pipeline import derive_year

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 3


def _forbund_folders(data: Path, name: str | None) -> list[Path]:
    if name:
        folder = data / name
        if not folder.is_dir():
            known = ", ".join(sorted(p.name for p in data.iterdir() if p.is_dir())) if data.is_dir() else "none"
            raise UnusableInput([Finding("E-FORBUND", Severity.ERROR,
                                         f'no förbund folder "{name}" under {data}; known: {known}', _pos(data))])
        return [folder]
    folders = sorted(p for p in data.iterdir() if p.is_dir() and (p / "forbund.yaml").exists()) if data.is_dir() else []
    if not folders:
        raise UnusableInput([Finding("E-FORBUND", Severity.ERROR,
                                     f"no förbund under {data}: each needs a folder with forbund.yaml", _pos(data))])
    return folders


def _pos(path: Path):
    from .findings import Pos
    return Pos(str(path))


def _years(source, year: int | None, all_years: bool) -> list[int]:
    if year is not None:
        if year not in source.years:
            have = ", ".join(str(y) for y in sorted(source.years))
            raise UnusableInput([Finding("E-YEAR", Severity.ERROR,
                                         f"no {year}.yaml for this förbund; years with a file: {have}",
                                         _pos(source.root))])
        return [year]
    return sorted(source.years) if all_years else [max(source.years)]


def _print(findings: list[Finding], stream) -> None:
    for f in findings:
        print(f, file=stream)


def cmd_check(args) -> int:
    from .check import run_checks
    from .load import load_forbund

    findings: list[Finding] = []
    unusable = False
    for folder in _forbund_folders(args.data, args.forbund):
        try:
            source = load_forbund(folder)
        except UnusableInput as exc:
            findings.extend(exc.findings)
            unusable = True
            continue
        for year in _years(source, args.year, all_years=args.year is None):
            findings.extend(run_checks(derive_year(source, year)))
    _print(findings, sys.stdout)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    if unusable:
        return EXIT_UNUSABLE
    if errors or (args.strict and warnings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def cmd_figures(args) -> int:
    from .figures import to_json
    from .load import load_forbund

    folders = _forbund_folders(args.data, args.forbund)
    if len(folders) != 1:
        print("figures: name one förbund with --forbund (FORBUND=… for make)", file=sys.stderr)
        return EXIT_UNUSABLE
    source = load_forbund(folders[0])
    year = _years(source, args.year, all_years=False)[0]
    sys.stdout.write(to_json(derive_year(source, year), folders[0].name))
    return EXIT_CLEAN


def cmd_report(args) -> int:
    from .check import run_checks
    from .load import load_forbund
    from .publish import build_outputs

    status = EXIT_CLEAN
    for folder in _forbund_folders(args.data, args.forbund):
        source = load_forbund(folder)
        for year in _years(source, args.year, all_years=False):
            report = derive_year(source, year)
            findings = run_checks(report)
            _print(findings, sys.stderr)
            if any(f.severity is Severity.ERROR for f in findings):
                print(f"{folder.name} {year}: not built, fix the errors above first", file=sys.stderr)
                status = EXIT_FINDINGS
                continue
            for path in build_outputs(report, folder, args.out, pdf=not args.html_only):
                print(f"wrote {path}", file=sys.stderr)
    return status


def cmd_diff(args) -> int:
    from .compare import compare

    folders = _forbund_folders(args.data, args.forbund)
    for line in compare(args.base, args.data, [f.name for f in folders], args.year):
        print(line)
    return EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="finsam", description="Annual reports for samordningsförbund.")
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder with one folder per förbund")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("check", "check every year of every förbund (or one)"),
                           ("figures", "print every derived figure of one förbund-year as JSON"),
                           ("report", "build PDF and HTML into build/"),
                           ("diff", "what the working tree's data changes in the derived figures, against a git revision")):
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
    args = parser.parse_args(argv)
    handler = {"check": cmd_check, "figures": cmd_figures, "report": cmd_report, "diff": cmd_diff}[args.command]
    try:
        return handler(args)
    except UnusableInput as exc:
        _print(exc.findings, sys.stdout if args.command == "check" else sys.stderr)
        return EXIT_UNUSABLE
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
