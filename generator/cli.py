"""Command line: `finsam check`, `finsam figures`, `finsam report`, `finsam diff`, `finsam extract`.

The CLI parses arguments, asks the pipeline, prints findings and decides the exit status:
0 clean, 1 findings (errors; warnings too with --strict), 2 unusable input, 3 a fault in
the generator. Findings print as `path:line:col: fel|varning: message [CODE]`; in GitHub
Actions each also as a workflow command (an annotation), and `check --format sarif` or
`--sarif FIL` gives them as SARIF 2.1.0 (generator/ci_findings.py).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import pipeline
from .ci_findings import sarif_text
from .cli_files import cmd_extract, cmd_fmt, cmd_import_sie, cmd_new_year, cmd_watch
from .cli_output import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_UNUSABLE, _print, summary
from .findings import Finding, Severity, excerpt
from .load import forbund_folders
from .load.source import folder_name_problem


def _status(outcomes: Sequence[pipeline.Outcome], strict: bool = False) -> int:
    if any(not o.usable for o in outcomes):
        return EXIT_UNUSABLE
    findings = [f for o in outcomes for f in o.findings]
    errors = sum(f.severity in (Severity.ERROR, Severity.TODO) for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    return EXIT_FINDINGS if errors or (strict and warnings) else EXIT_CLEAN


def cmd_check(args: argparse.Namespace) -> int:
    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders:
        _show(findings, args)
        return EXIT_UNUSABLE
    outcomes = list(pipeline.forbund_outcomes(folders, args.year, every_year=args.year is None, review=True))
    every = [f for o in outcomes for f in o.findings]
    _show(every, args)
    # Code scanning keeps an alert until someone dismisses it: the reviewer's info is not one.
    alerts = [f for f in every if f.severity is not Severity.INFO]
    unwritten = args.sarif is not None and not _write_sarif(args.sarif, alerts)
    count = {s: sum(f.severity is s for f in every) for s in Severity}
    print(summary(count[Severity.ERROR], count[Severity.WARNING], count[Severity.TODO]), file=sys.stderr)
    return max(_status(outcomes, args.strict), EXIT_FINDINGS if unwritten else EXIT_CLEAN)


def _show(findings: list[Finding], args: argparse.Namespace) -> None:
    """check's findings: with --format sarif one SARIF log on standard output; else what is
    wrong or left to do on standard output, the reviewer's info with the summary."""
    if args.format == "sarif":
        sys.stdout.write(sarif_text([f for f in findings if f.severity is not Severity.INFO]))
        return
    _print((f for f in findings if f.severity is not Severity.INFO), sys.stdout)
    _print((f for f in findings if f.severity is Severity.INFO), sys.stderr)


def _write_sarif(path: Path, findings: list[Finding]) -> bool:
    """`check --sarif FILE`: the findings for code scanning, beside the lines a person reads."""
    from .output import write_all

    _written, problems = write_all({path: sarif_text(findings).encode("utf-8")})
    _print(problems, sys.stderr)
    return not problems


def cmd_figures(args: argparse.Namespace) -> int:
    from .figures import to_json

    folders, findings = forbund_folders(args.data, args.forbund)
    if len(folders) != 1:
        _print(findings, sys.stderr)
        if len(folders) > 1:
            print("figures: ange ett enda förbund med --forbund (FORBUND=… för make)", file=sys.stderr)
        return EXIT_UNUSABLE
    outcome = pipeline.check_year(folders[0], args.year)
    if outcome.report is None:
        _print(outcome.findings, sys.stderr)
        return EXIT_UNUSABLE
    # The figures are printed even when checks fail (a reviewer wants to see them), but the
    # findings go with them and the exit code says the figures are not to be trusted.
    _print(outcome.findings, sys.stderr)
    sys.stdout.write(to_json(outcome.report, outcome.forbund))
    return EXIT_FINDINGS if outcome.errors else EXIT_CLEAN


def cmd_report(args: argparse.Namespace) -> int:
    folders, findings = forbund_folders(args.data, args.forbund)
    if not folders:
        _print(findings, sys.stderr)
        return EXIT_UNUSABLE
    outcomes = []
    # One förbund-year's PDF prints on the second core while the first checks and renders the web page.
    for outcome in pipeline.build_all(folders, args.out, args.year, pdf=not args.html_only, jobs=args.jobs,
                                      printer=(os.cpu_count() or 1) > 1):
        if args.print_html is not None:
            outcome = pipeline.with_print_html(outcome, args.print_html)
        _print(outcome.findings, sys.stderr)
        if outcome.todo and not outcome.written:  # a year not yet filled in is never built
            print(f"{outcome.forbund} {outcome.year}: byggdes inte; fyll i det som står ovan först", file=sys.stderr)
        elif outcome.report is not None and not outcome.written:
            why = "kunde inte skrivas" if any(f.code == "E-WRITE" for f in outcome.findings) else \
                "byggdes inte; rätta felen ovan först"
            print(f"{outcome.forbund} {outcome.report.year}: {why}", file=sys.stderr)
        for path in outcome.written:
            print(f"skrev {path}", file=sys.stderr)
        outcomes.append(outcome)
    return _status(outcomes)


def cmd_diff(args: argparse.Namespace) -> int:
    """FROM against TO (a revision, or the working tree): lines, figures, findings, pages."""
    from .compare import compare
    from .compare.show import markdown, text

    folders, findings = forbund_folders(args.data, args.forbund)
    markdown_wanted = args.format == "markdown"
    pages = args.sidor if args.sidor is not None else markdown_wanted
    diffs, problems = (compare(args.fran, args.till, args.data, [f.name for f in folders], args.year, pages)
                       if folders else ([], []))
    _print(findings + problems, sys.stderr)
    blocks = [(markdown if markdown_wanted else text)(d) for d in diffs]
    print("\n\n".join("\n".join(block) for block in blocks))
    return EXIT_UNUSABLE if findings or problems else EXIT_CLEAN


COMMANDS = {
    "check": ("kontrollera varje år för varje förbund (eller ett)", cmd_check),
    "figures": ("skriv ut varje härlett belopp för ett förbund och år som JSON", cmd_figures),
    "report": ("bygg PDF och HTML i build/", cmd_report),
    "diff": ("vad ändringarna i data gör med de härledda beloppen, jämfört med en git-revision", cmd_diff),
    "extract": ("ta ut källfilerna (YAML, Markdown) som en årsredovisnings PDF bär inom sig", cmd_extract),
    "watch": ("förhandsvisa ett förbund i webbläsaren, ombyggd vid varje sparning", cmd_watch),
    "import-sie": ("för in bokföringens SIE-fil i årets årsfil (resultat- och balansräkning, medlemsavgifter)",
                   cmd_import_sie),
    "new-year": ("skriv nästa års fil ur årets, med varje belopp tomt att fylla i", cmd_new_year),
}
COMMANDS["fmt"] = ("skriv datafilerna i kanonisk form (nyckelordning, indrag, citattecken, belopp)", cmd_fmt)


def forbund_names(value: str) -> list[str]:
    """--forbund halland, or several: 'halland,sydnarke' or 'halland sydnarke'."""
    names = [n for n in value.replace(",", " ").split() if n]
    if not names:
        raise argparse.ArgumentTypeError("ange förbundets mappnamn under data/, till exempel halland")
    for name in names:
        problem = folder_name_problem(name)
        if problem:
            raise argparse.ArgumentTypeError(problem)
    return names


def year(value: str) -> int:
    """--year: four digits, nothing else."""
    if len(value) == 4 and value.isascii() and value.isdigit():
        return int(value)
    raise argparse.ArgumentTypeError(f'"{excerpt(value)}" är inget år: skriv året med fyra siffror, till exempel 2023')


def revision(value: str) -> str:
    """--base: a git revision, never something git would read as an option (--output=…)."""
    if value and not value.startswith("-") and value.isprintable() and " " not in value:
        return value
    raise argparse.ArgumentTypeError(f'"{excerpt(value)}" är ingen git-revision; skriv till exempel main eller HEAD')


class Parser(argparse.ArgumentParser):
    """argparse, with its complaint in Swedish and in the findings' style."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"{self.prog}: fel: {_swedish(message)}\n")


_ARGPARSE_SAYS = {
    "the following arguments are required": "det här måste anges",
    "unrecognized arguments": "okända argument",
    "invalid choice": "okänt val",
    "expected one argument": "väntade ett värde efter",
    "argument ": "argumentet ",
}


def _swedish(message: str) -> str:
    for english, swedish in _ARGPARSE_SAYS.items():
        message = message.replace(english, swedish)
    return message


def parser() -> argparse.ArgumentParser:
    top = Parser(prog="finsam", description="Årsredovisningar för samordningsförbund.")
    top.add_argument("--data", type=Path, default=Path("data"), help="mappen med en mapp per förbund")
    top.add_argument("--debug", action="store_true", help="visa en traceback vid internt fel")
    sub = top.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name, (helptext, _handler) in COMMANDS.items():
        p = sub.add_parser(name, help=helptext)
        if name == "extract":
            _extract_arguments(p)
            continue
        # --data is accepted after the command too; there it overrides the global one.
        p.add_argument("--data", type=Path, default=argparse.SUPPRESS, help="mappen med en mapp per förbund")
        p.add_argument("--forbund", type=forbund_names,
                       help="förbundets mappnamn under data/, t.ex. halland; flera med komma: halland,sydnarke")
        p.add_argument("--year", type=year, help="rapportåret, fyra siffror; annars det senaste året med en fil")
        if name == "check":
            p.add_argument("--strict", action="store_true", help="exit 1 även vid varningar")
            p.add_argument("--format", choices=("text", "sarif"), default="text",
                           help="text (standard) eller sarif: fynden som SARIF 2.1.0 (JSON) på standard ut")
            p.add_argument("--sarif", type=Path, metavar="FIL", help="skriv också fynden som SARIF 2.1.0 till FIL")
        if name == "diff":
            _diff_arguments(p)
        if name == "import-sie":
            p.add_argument("--fil", type=Path, metavar="SIE", help="SIE 4-filen ur bokföringen (typ 4E eller 4I)")


            p.add_argument("--base", type=revision, default="HEAD",
                           help="git-revisionen att jämföra med (standard HEAD)")
        if name == "fmt":
            p.add_argument("--check", action="store_true", help="ändra inget; exit 1 om en fil inte är i kanonisk form")
        if name == "report":
            p.add_argument("--out", type=Path, default=Path("build"))
            p.add_argument("--html-only", action="store_true", help="hoppa över PDF:en (snabbare förhandsvisning)")
            p.add_argument("--jobs", type=int, default=1, metavar="N",
                           help="bygg förbunden i N processer samtidigt (0: en per kärna; standard 1)")
            p.add_argument("--print-html", type=Path, metavar="FIL",
                           help="skriv också den HTML som skrivs ut till PDF till FIL (för mätningar)")
        if name == "watch":
            _watch_arguments(p)
    return top


def _diff_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="fran", type=revision, default="HEAD", metavar="REV",
                   help="git-revisionen att jämföra från (standard HEAD)")
    p.add_argument("--base", dest="fran", type=revision, default=argparse.SUPPRESS, metavar="REV",
                   help="samma som --from (det gamla namnet)")
    p.add_argument("--to", dest="till", type=revision, metavar="REV",
                   help="git-revisionen att jämföra till (standard: filerna som de är nu, arbetskopian)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="text för terminalen eller markdown för en kommentar i en pull request")
    pages = p.add_mutually_exclusive_group()
    pages.add_argument("--sidor", action="store_true", default=None,
                       help="skriv ut båda sidornas PDF och säg vilka sidor som ändrats (standard med markdown)")
    pages.add_argument("--utan-sidor", dest="sidor", action="store_false", help="jämför inte sidorna")


def _extract_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("pdf", type=Path, metavar="PDF", help="årsredovisningens PDF, till exempel build/halland-2023.pdf")
    p.add_argument("--till", type=Path, metavar="MAPP", help="mappen filerna skrivs till (standard build/kalla/<pdf>/)")
    p.add_argument("--skriv-over", action="store_true", help="ersätt filer som redan finns i mappen")


def _watch_arguments(p: argparse.ArgumentParser) -> None:
    from .watch import DEFAULT_PORT, port

    p.add_argument("--port", type=port, default=DEFAULT_PORT,
                   help=f"porten på 127.0.0.1 (standard {DEFAULT_PORT}; 0 väljer en ledig)")
    p.add_argument("--no-browser", action="store_true", help="öppna ingen webbläsare")


def _tolerant_streams() -> None:
    """A console that cannot show å or − (PYTHONIOENCODING=ascii, an old Windows code page)
    gets \\u2212 in their place instead of a crash in the middle of the findings."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    args = parser().parse_args(argv)
    try:
        return int(COMMANDS[args.command][1](args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for the kansli user; --debug shows it
        if args.debug:
            raise
        print(f"internt fel (internal error): {type(exc).__name__}: {excerpt(str(exc), 200)}\n"
              "Det är ett fel i generatorn, inte i era data. Kör igen med --debug och rapportera det.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
