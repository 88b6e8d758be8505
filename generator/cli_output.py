"""How every command prints: findings, the summary line after a check, and exit codes
(cli.py and cli_files.py share them)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from .ci_findings import in_github_actions, workflow_command
from .findings import Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 3


def _print(findings: Iterable[Finding], stream: TextIO) -> None:
    # In GitHub Actions each finding also as a workflow command: an annotation on its line.
    annotate = in_github_actions()
    for f in findings:
        print(f, file=stream)
        if annotate:
            print(workflow_command(f), file=stream)


def summary(errors: int, warnings: int, todo: int = 0) -> str:
    """'2 fel, 1 varning' (and ', 3 att fylla i' when a year is not filled in): the line after a check.
    Info for the reviewer is not counted: it is neither wrong nor left to do."""
    more = f", {todo} att fylla i" if todo else ""
    return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}{more}"
