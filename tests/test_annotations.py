"""Findings for CI: GitHub workflow commands (annotations) and SARIF 2.1.0.

The annotation lines are compared whole, for malformed inputs whose findings are known
(tests/malformed/), and the escaping GitHub's toolkit documents (% CR LF in the message;
also : and , in a property) is checked on findings made to need it. SARIF is checked by
hand against the fields the SARIF 2.1.0 schema requires (there is no network for the
schema itself), and against what GitHub code scanning reads.
"""
from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any, cast

import pytest

from generator import cli
from generator.ci_findings import (
    artifact_uri,
    escape_data,
    escape_property,
    in_github_actions,
    sarif,
    sarif_text,
    workflow_command,
)
from generator.findings import Finding, Pos, Severity, error, warning
from tests.test_malformed import CASES, SOURCE, parse_case


def _data_with(tmp_path: Path, case_name: str | None) -> Path:
    """A copy of data/halland under tmp_path, with one malformed case written in (or none)."""
    folder = tmp_path / "data" / "halland"
    shutil.copytree(SOURCE, folder)
    if case_name is not None:
        case = parse_case(CASES / case_name)
        (folder / case["target"]).write_bytes(case["content"])
    return tmp_path


def _check(cwd: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--data", "data", "--forbund", "halland", *extra])
    return code, out.getvalue(), err.getvalue()


def _commands(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


AMOUNT = ('::error file=data/halland/2024.yaml,line=32,col=15,title=E-AMOUNT::balansrakning.fordringar: '
          '"649129,50" är text, inte ett tal; skriv talet med decimalpunkt i stället för kommatecken och utan '
          'citattecken: 649129.50')


def test_an_error_becomes_one_error_command_after_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _err = _check(_data_with(tmp_path, "amount_decimal_comma.yaml"))
    assert code == 2
    lines = out.splitlines()
    assert lines[0].startswith("data/halland/2024.yaml:32:15: fel: balansrakning.fordringar")
    assert lines[1] == AMOUNT
    assert _commands(out) == [AMOUNT]


def test_warnings_become_warning_commands_and_percent_is_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _err = _check(_data_with(tmp_path, "narrative_loose_text_and_file_link.yaml"))
    assert code == 1
    assert _commands(out) == [
        "::warning file=data/halland/2022.yaml,line=91,col=1,title=W-EK-TAK::eget kapital 5 480 534 kr är "
        "29 %25 av årets medlemsavgifter, 2 614 334 kr över Nationella rådets rekommenderade tak på 15 %25 "
        "(2 866 200 kr); skriv i förvaltningsberättelsen hur förbundet ska använda det",
        "::error file=data/halland/2023.md,line=1,col=1,title=E-NARRATIV::texten före den första rubriken hör "
        "inte till något avsnitt; börja filen med en rubrik, till exempel '## Organisation'",
        '::warning file=data/halland/2023.md,line=4,col=4,title=W-LANK::länken "file:///etc/passwd" visas som '
        "vanlig text: en länk får bara gå till en webbsida (https://…), en e-postadress (mailto:…) eller en "
        "rubrik i rapporten (#…)",
    ]


def test_a_finding_without_a_line_names_only_its_file(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _code, out, _err = _check(_data_with(tmp_path, "file_forbund_misspelt.yaml"))
    assert _commands(out) == [
        '::error file=data/halland/forbunf.yaml,title=E-FILNAMN::byt namn på filen till "forbund.yaml" '
        "(små bokstäver, o utan prickar); med ett annat namn läses den inte"]


@pytest.mark.parametrize("value", [None, "false", "1", "TRUE"])
def test_no_commands_outside_github_actions(tmp_path, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", value)
    code, out, err = _check(_data_with(tmp_path, "amount_decimal_comma.yaml"))
    assert code == 2
    assert "::" not in out + err
    assert out.splitlines()[0].endswith("utan citattecken: 649129.50 [E-AMOUNT]")


def test_in_github_actions_only_for_true():
    assert in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not in_github_actions({"GITHUB_ACTIONS": "false"})
    assert not in_github_actions({})


def test_escaping_as_github_documents():
    assert escape_data("100 % klart\r\nnästa rad") == "100 %25 klart%0D%0Anästa rad"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # The message keeps its colons and commas: only properties need them escaped.
    assert escape_data("a:b,c") == "a:b,c"


def test_a_command_escapes_path_and_message():
    finding = error("E-X", "första raden\nandra: 5 %, slut", Pos("data/a,b:c/2023.yaml", 3, 0))
    assert workflow_command(finding) == \
        "::error file=data/a%2Cb%3Ac/2023.yaml,line=3,col=1,title=E-X::första raden%0Aandra: 5 %25, slut"


def test_a_message_cannot_end_the_command_early():
    # A user's value inside a message ("::" and a newline with a command after it) stays message text.
    finding = warning("W-Y", 'värdet "x\n::error::falskt" ', Pos("data/x/2023.yaml", 1, 2))
    line = workflow_command(finding)
    assert "\n" not in line
    assert line == '::warning file=data/x/2023.yaml,line=1,col=2,title=W-Y::värdet "x%0A::error::falskt" '


def test_any_other_severity_is_a_notice():
    odd = Finding("I-INFO", cast(Severity, "info"), "till kännedom", Pos("data/x/forbund.yaml", 2, 5))
    assert workflow_command(odd) == "::notice file=data/x/forbund.yaml,line=2,col=5,title=I-INFO::till kännedom"
    assert sarif([odd])["runs"][0]["results"][0]["level"] == "note"  # type: ignore[index]


def test_windows_paths_get_forward_slashes():
    finding = error("E-X", "m", Pos("data\\halland\\2023.yaml", 1, 1))
    assert workflow_command(finding).startswith("::error file=data/halland/2023.yaml,")
    assert artifact_uri("data\\halland\\2023.yaml") == "data/halland/2023.yaml"


def test_uris_are_percent_encoded():
    assert artifact_uri("data/höga kusten/2023.yaml") == "data/h%C3%B6ga%20kusten/2023.yaml"
    assert artifact_uri("/tmp/x/2023.yaml") == "file:///tmp/x/2023.yaml"


# SARIF 2.1.0: the properties its schema requires, and the enums it allows.
LEVELS = {"none", "note", "warning", "error"}


def assert_valid_sarif(log: dict[str, Any]) -> None:
    """The required fields of SARIF 2.1.0 (sarifLog, run, tool, toolComponent, result,
    message, reportingDescriptor, location, artifactLocation, region), checked by hand."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "finsam"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids)), "each rule once, sorted"
    for rule in driver["rules"]:
        assert isinstance(rule["shortDescription"]["text"], str)
    for result in run["results"]:
        assert set(result) <= {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert result["level"] in LEVELS
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uri and " " not in uri and "\\" not in uri
            region = physical.get("region")
            if region is not None:
                assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_of_known_findings(tmp_path):
    code, out, err = _check(_data_with(tmp_path, "narrative_loose_text_and_file_link.yaml"), "--format", "sarif")
    assert code == 1
    assert err == "1 fel, 2 varningar\n"
    log = json.loads(out)
    assert_valid_sarif(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["E-NARRATIV", "W-EK-TAK", "W-LANK"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("W-EK-TAK", "warning"), ("E-NARRATIV", "error"), ("W-LANK", "warning")]
    assert run["results"][2]["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "data/halland/2023.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 4}}}]
    assert run["results"][2]["message"]["text"].startswith('länken "file:///etc/passwd" visas som vanlig text')


def test_sarif_file_beside_the_text(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    target = tmp_path / "build" / "finsam.sarif"
    code, out, _err = _check(_data_with(tmp_path, "amount_decimal_comma.yaml"), "--sarif", str(target))
    assert code == 2
    assert _commands(out) == [AMOUNT]  # the text and the annotations are still printed
    log = json.loads(target.read_text(encoding="utf-8"))
    assert_valid_sarif(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "E-AMOUNT"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 32, "startColumn": 15}
    assert not (target.parent / ".tmp").exists()


def test_a_finding_without_a_line_has_no_region(tmp_path):
    _code, out, _err = _check(_data_with(tmp_path, "file_forbund_misspelt.yaml"), "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "data/halland/forbunf.yaml", "uriBaseId": "%SRCROOT%"}}}]


def test_clean_data_gives_an_empty_sarif_log(tmp_path):
    code, out, _err = _check(_data_with(tmp_path, None), "--year", "2023", "--format", "sarif")
    log = json.loads(out)
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []
    assert code == 0


def test_sarif_is_the_same_bytes_each_time():
    findings = [warning("W-B", "b", Pos("data/x/2023.yaml", 2, 1)), error("E-A", "a", Pos("data/x/2023.yaml", 1, 1))]
    assert sarif_text(findings) == sarif_text(list(findings))
    assert sarif_text(findings).endswith("}\n")
    assert "ö" in sarif_text([error("E-A", "ö", Pos("p"))])  # UTF-8, not \\u00f6


def test_an_unwritable_sarif_file_is_a_finding(tmp_path):
    data = _data_with(tmp_path, None)
    (data / "build").write_text("en fil, inte en mapp")
    code, _out, err = _check(data, "--sarif", "build/finsam.sarif")
    assert code == 1
    assert "kan inte skriva build/finsam.sarif" in err and "[E-WRITE]" in err
