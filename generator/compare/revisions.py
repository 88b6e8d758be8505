"""The two sides of a comparison: the data folder at a git revision, or the working tree.

A revision's data folder is read with `git archive` into a temporary folder; nothing in
the working tree is touched.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..findings import Finding, Pos, error, excerpt

WORKING_TREE = "arbetskopian"  # how the output names the uncommitted files


def repository_of(data: Path) -> tuple[Path | None, list[Finding]]:
    """The git work tree the data folder belongs to."""
    run = subprocess.run(["git", "-C", str(data), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if run.returncode != 0:
        return None, [error("E-GIT", f"{data} ligger inte i ett git-arkiv, så det finns ingen revision att jämföra "
                            "med", Pos(str(data)))]
    return Path(run.stdout.strip()).resolve(), []


def export_revision(rev: str, data: Path, repo: Path, into: Path) -> tuple[Path | None, list[Finding]]:
    """The data folder as it is at `rev`, extracted under `into`."""
    relative = data.resolve().relative_to(repo)
    if rev.startswith("-"):  # git would read it as an option (--output=FILE writes a file)
        return None, [error("E-GIT", f'"{excerpt(rev)}" är ingen git-revision; skriv till exempel main eller HEAD',
                            Pos(str(data)))]
    run = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", rev, "--", str(relative)],
                         capture_output=True)
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, [error("E-GIT", f"kan inte läsa {relative} vid {excerpt(rev)}: "
                            f"{excerpt(message[-1], 120) if message else 'git archive misslyckades'}",
                            Pos(str(data)))]
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(run.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / relative, []


def side(rev: str | None, data: Path, repo: Path, into: Path) -> tuple[tuple[Path, Path] | None, list[Finding]]:
    """(data folder, the folder paths are shown relative to) of one side; None for the
    working tree's revision means the files as they are now."""
    if rev is None:
        return (data.resolve(), repo), []
    folder, findings = export_revision(rev, data, repo, into)
    return ((folder, into), findings) if folder is not None else (None, findings)
