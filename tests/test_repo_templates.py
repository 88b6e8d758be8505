"""The files a förbund copies into its own repository (mall/), and our .pre-commit-hooks.yaml.

They are run by somebody else's CI, where a typo shows only after the förbund has pushed:
so each file must parse, name only make targets our Makefile has and finsam commands (with
options) our CLI accepts, and hold the steps the guide promises (check with annotations,
the PDF as an artifact, the figure diff as a sticky comment, SARIF).
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator import cli

REPO = Path(__file__).resolve().parent.parent
MALL = REPO / "mall"
WORKFLOW = MALL / ".github" / "workflows" / "arsredovisning.yml"
GITLAB = MALL / ".gitlab-ci.yml"
PRE_COMMIT = MALL / ".pre-commit-config.yaml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
GUIDE = REPO / "docs" / "arbetsgang.md"



def load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def makefile_targets() -> set[str]:
    """The targets our Makefile defines (rule lines `name: …`, never `name := …`)."""
    targets = set()
    for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*)*)\s*:(?!=)", line)
        if match:
            targets.update(match.group(1).split())
    return targets


MAKE = re.compile(r"\bmake[ \t]+((?:-[-\w]+[ \t]+)*)([a-z][\w-]*)")
FINSAM = re.compile(r"(?:\bfinsam|-m generator)\s+([a-z][\w-]*)([^\n|>&;]*)")


def make_targets_in(text: str) -> set[str]:
    return {m.group(2) for m in MAKE.finditer(text)}


def shell_texts() -> dict[str, str]:
    """Every command the templates run, as text: run:, script:, entry: values."""
    texts = {}
    for path in (WORKFLOW, GITLAB, PRE_COMMIT, HOOKS):
        texts[path.name] = "\n".join(_commands(load(path)))
    return texts


def _commands(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "entry") and isinstance(value, str):
                found.append(value)
            elif key in ("script", "after_script", "before_script"):
                found.extend(value if isinstance(value, list) else [value])
            else:
                found.extend(_commands(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_commands(item))
    return found


def test_every_template_parses_as_yaml():
    assert isinstance(load(WORKFLOW), dict)
    assert isinstance(load(GITLAB), dict)
    assert isinstance(load(PRE_COMMIT), dict)
    assert isinstance(load(HOOKS), list)


def test_the_makefile_parser_finds_the_targets():
    targets = makefile_targets()
    assert {"report", "check", "figures", "diff", "extract", "test"} <= targets
    assert "ARGS" not in targets and "PY" not in targets  # variables are not targets


@pytest.mark.parametrize("name", ["arsredovisning.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"])
def test_templates_name_only_make_targets_that_exist(name):
    named = make_targets_in(shell_texts()[name])
    assert named, f"{name} runs no make target"
    assert named - makefile_targets() == set()


def guide_code() -> str:
    """The guide's commands: its fenced blocks and `inline code` (the prose says "make" too)."""
    text = GUIDE.read_text(encoding="utf-8")
    fenced = re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.M | re.S)
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    return "\n".join(fenced + inline)


def test_the_guide_names_only_make_targets_that_exist():
    named = make_targets_in(guide_code())
    assert {"check", "report", "diff", "extract"} <= named
    assert named - makefile_targets() == set()


def _finsam_calls() -> list[list[str]]:
    calls = []
    for text in shell_texts().values():
        for match in FINSAM.finditer(text):
            calls.append([match.group(1), *shlex.split(match.group(2))])
    return calls


def test_finsam_calls_are_accepted_by_the_cli():
    calls = _finsam_calls()
    assert ["check", "--format", "sarif"] in calls
    for call in calls:
        cli.parser().parse_args(call)  # exits (SystemExit) on an unknown command or option


def test_pre_commit_hooks_have_the_required_keys():
    hooks = load(HOOKS)
    assert [hook["id"] for hook in hooks] == ["finsam-check", "finsam-fmt-check"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        assert hook["language"] == "python"  # pre-commit installs this package with pip
        assert hook["pass_filenames"] is False  # a change to one year changes the next one's figures
        assert hook["entry"].split()[0] == "finsam"  # the console script in pyproject.toml
    files = re.compile(hooks[0]["files"])
    # Any file under data/: the year files, and the logo and pictures the check reads too.
    assert files.search("data/halland/2023.yaml") and files.search("data/halland/bilder/logo.svg")
    assert not files.search("generator/cli.py")
    assert "finsam" in (REPO / "pyproject.toml").read_text(encoding="utf-8").split("[project.scripts]")[1]


def test_the_forbunds_pre_commit_config_runs_check_and_fmt_check_on_data():
    config = load(PRE_COMMIT)
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    assert hooks["finsam-check"]["entry"] == "make check"
    assert hooks["finsam-fmt-check"]["entry"] == "make fmt-check"
    for hook in hooks.values():
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        assert re.compile(hook["files"]).search("data/sydnarke/2023.yaml")


def _steps() -> list[dict[str, Any]]:
    workflow = load(WORKFLOW)
    (job,) = workflow["jobs"].values()
    return job["steps"]


def _step(run_has: str = "", uses: str = "") -> dict[str, Any]:
    for step in _steps():
        if (run_has and run_has in step.get("run", "")) or (uses and step.get("uses", "").startswith(uses)):
            return step
    raise AssertionError(f"no step with {run_has or uses}")


def test_github_workflow_checks_builds_uploads_and_comments():
    workflow = load(WORKFLOW)
    assert "pull_request" in workflow["on"]  # ruamel reads YAML 1.2: `on` stays a string
    assert workflow["permissions"]["pull-requests"] == "write"
    assert workflow["permissions"]["security-events"] == "write"
    assert _step(uses="actions/checkout")["with"]["fetch-depth"] == 0
    steps = [step.get("run", step.get("uses", "")) for step in _steps()]
    order = [next(i for i, s in enumerate(steps) if needle in s)
             for needle in ("make check", "make report", "actions/upload-artifact")]
    assert order == sorted(order), "check, then the build, then its upload"
    assert "build/*.pdf" in _step(uses="actions/upload-artifact")["with"]["path"]
    sarif = _step(uses="github/codeql-action/upload-sarif")
    assert sarif["with"]["sarif_file"] in _step(run_has="--format sarif")["run"]


def test_github_workflow_posts_the_figure_diff_once():
    diff = _step(run_has="make --no-print-directory diff")
    assert diff["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "${{" not in diff["run"], "expressions reach the shell through env, never pasted in"
    assert 'FROM="origin/$BASE_REF"' in diff["run"] and "FORMAT=markdown" in diff["run"]
    script = _step(uses="actions/github-script")["with"]["script"]
    assert "<!-- finsam-sifferdiff -->" in diff["run"] and "<!-- finsam-sifferdiff -->" in script
    assert "updateComment" in script and "createComment" in script


def test_gitlab_ci_checks_builds_and_notes_the_merge_request():
    config = load(GITLAB)
    assert config["variables"]["GIT_DEPTH"] == "0"
    assert config["stages"] == ["kontroll", "bygg", "granskning"]
    assert "make check" in config["kontroll"]["script"]
    assert "build/*.pdf" in config["bygg"]["artifacts"]["paths"]
    diff = config["sifferdiff"]
    assert diff["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    script = "\n".join(diff["script"])
    assert 'FROM="origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" FORMAT=markdown' in script
    assert "/merge_requests/{os.environ['CI_MERGE_REQUEST_IID']}/notes" in script
    assert '"PUT"' in script and '"POST"' in script  # one note, updated on the next push


def test_gitlab_note_script_is_valid_python():
    script = "\n".join(load(GITLAB)["sifferdiff"]["script"])
    body = script.split("<<'PY'\n", 1)[1].split("\nPY", 1)[0]
    compile(body, "sifferdiff-note", "exec")


def test_the_guides_pictures_exist_are_small_and_described():
    text = GUIDE.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
    assert len(pictures) >= 4
    shown = set()
    for alt, target in pictures:
        path = GUIDE.parent / target
        assert path.is_file(), target
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", target
        assert path.stat().st_size < 150_000, f"{target}: {path.stat().st_size} bytes"
        assert len(alt.split()) >= 5, f"{target}: the alt text says what the picture shows"
        shown.add(path.name)
    assert shown == {p.name for p in (GUIDE.parent / "bilder").glob("*.png")}, "every picture is used"


def test_the_readme_points_to_the_guide():
    head = (REPO / "README.md").read_text(encoding="utf-8").split("## Everyday use")[0]
    assert "(docs/arbetsgang.md)" in head

