"""Findings as CI systems read them: GitHub workflow commands and SARIF 2.1.0.

The terminal line (`path:line:col: fel: message [CODE]`) stays what a person reads; these
are the same findings for machines. In GitHub Actions each finding is also printed as
`::error file=…,line=…,col=…,title=CODE::message`, which GitHub shows beside the changed
line of the pull request; SARIF is what code scanning (GitHub) and other tools import.
Nothing here decides anything: the CLI chooses which of them to print.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import quote

from .findings import Finding, Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL = "finsam"

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def in_github_actions(environ: dict[str, str] | None = None) -> bool:
    """GitHub sets GITHUB_ACTIONS=true in every step of a workflow."""
    import os

    return (environ if environ is not None else os.environ).get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as the message, and also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(finding: Finding) -> str:
    """`::error file=data/x/2023.yaml,line=7,col=3,title=E-AMOUNT::message` for one finding."""
    command = _COMMAND.get(finding.severity, "notice")
    properties = []
    if finding.pos.path:
        properties.append(("file", finding.pos.path.replace("\\", "/")))
    if finding.pos.line:
        properties.append(("line", str(finding.pos.line)))
        properties.append(("col", str(finding.pos.col or 1)))
    properties.append(("title", finding.code))
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{command} {joined}::{escape_data(finding.message)}"


def artifact_uri(path: str) -> str:
    """A finding's path as a SARIF URI: relative paths stay relative to the repository
    (uriBaseId %SRCROOT%), with forward slashes and percent-encoding (å → %C3%A5)."""
    posix = path.replace("\\", "/")
    if PurePath(posix).is_absolute():
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _location(finding: Finding) -> dict[str, object]:
    physical: dict[str, object] = {
        "artifactLocation": {"uri": artifact_uri(finding.pos.path), "uriBaseId": "%SRCROOT%"},
    }
    if finding.pos.line:
        physical["region"] = {"startLine": finding.pos.line, "startColumn": finding.pos.col or 1}
    return {"physicalLocation": physical}


def _result(finding: Finding, rule_index: int) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL.get(finding.severity, "note"),
        "message": {"text": finding.message},
    }
    if finding.pos.path:
        result["locations"] = [_location(finding)]
    return result


def sarif(findings: Iterable[Finding]) -> dict[str, object]:
    """One SARIF 2.1.0 log with one run: the rules are the codes that occur, sorted."""
    every: Sequence[Finding] = list(findings)
    codes = sorted({f.code for f in every})
    index = {code: i for i, code in enumerate(codes)}
    rules = [{"id": code, "shortDescription": {"text": f"{TOOL} {code}"}} for code in codes]
    driver = {"name": TOOL, "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index[f.code]) for f in every],
        }],
    }


def sarif_text(findings: Iterable[Finding]) -> str:
    """The SARIF log as JSON text, the same bytes for the same findings."""
    return json.dumps(sarif(findings), ensure_ascii=False, indent=2) + "\n"
