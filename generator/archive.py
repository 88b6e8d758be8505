"""The source inside the archive: which files a report was made from, with their exact bytes.

A PDF/A-3 may carry the files it was made from as associated files (/AFRelationship
/Source), so the archived report keeps the data behind every figure. For a year's report
these are `forbund.yaml`, the year's `YYYY.yaml` and every earlier year's file (each year's
figures open from the year before: comparison figures, opening balances, the five-year
overview), and the year's `YYYY.md` when there is one. Later years' files are read by the
loader but nothing in the report comes from them, so they stay out.

When the förbund's folder is in a git work tree, a small text file names the commit and
says honestly whether the förbund's files differ from it. The same checkout gives the same
bytes, so rebuilds stay byte-identical. `extract` (generator/extract.py) takes them out again.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding
from .load.files import read_bytes
from .load.names import FORBUND_FILE

GIT_FILE = "git-commit.txt"
MIME = {".yaml": "application/yaml", ".md": "text/markdown", ".txt": "text/plain"}
GIT_TIMEOUT = 10  # seconds; git answers these in milliseconds, a hung one must not hang the build


@dataclass(frozen=True)
class SourceFile:
    """One file the report was made from, as it goes into the PDF."""

    name: str  # the path relative to the förbund's folder, with "/"
    data: bytes
    mime: str
    description: str  # Swedish, shown by PDF readers beside the file


def _description(name: str, year: int) -> str:
    if name == FORBUND_FILE:
        return "Förbundets uppgifter: medlemmar, styrelse, revisorer och historik (YAML)"
    if name == f"{year}.yaml":
        return "Årets siffror och uppgifter (YAML)"
    if name == f"{year}.md":
        return "Årets text: förvaltningsberättelsen och de andra avsnitten (Markdown)"
    return f"Siffror och uppgifter för {name[:4]}, som jämförelsetal och ingående balanser bygger på (YAML)"


def source_names(folder: Path, year: int, years_with_file: Iterable[int]) -> list[str]:
    """The names of the files a year's report is made from, in name order."""
    names = [FORBUND_FILE] + [f"{y}.yaml" for y in years_with_file if y <= year]
    if (folder / f"{year}.md").exists():  # as the narrative is read: no file, no text
        names.append(f"{year}.md")
    return sorted(names)


def source_files(folder: Path, year: int, years_with_file: Iterable[int]) -> tuple[tuple[SourceFile, ...],
                                                                                    list[Finding]]:
    """The files a year's report was made from, read as the loader reads them (only regular
    files inside the folder), and the git commit when there is one; a finding for a file that
    can no longer be read."""
    files, findings = [], []
    for name in source_names(folder, year, years_with_file):
        data, found = read_bytes(folder / name, str(folder / name), folder)
        findings += found
        if data is not None:
            files.append(SourceFile(name, data, MIME[Path(name).suffix], _description(name, year)))
    commit = git_file(folder, [f.name for f in files])
    return tuple(files) + ((commit,) if commit else ()), findings


# --- The git commit ---------------------------------------------------------------------

def _git(folder: Path, *args: str) -> str | None:
    """git's output in `folder`, or None when git is missing, fails or takes too long.

    No shell; the repository's own settings may not run a program (core.fsmonitor) and
    status takes no lock, so building never changes the repository."""
    git = shutil.which("git")
    if git is None:
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
        "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run([git, "-c", "core.fsmonitor=false", "-C", str(folder), *args], env=env,
                              capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def _changes(folder: Path, prefix: str, names: list[str]) -> list[str] | None:
    """'2023.yaml (ändrad)' for each file in the folder that differs from the commit, and each
    embedded file git does not track (new or ignored); None when git cannot say."""
    status = _git(folder, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
    tracked = _git(folder, "ls-files", "-z", "--", *names)
    if status is None or tracked is None:
        return None
    changed: dict[str, str] = {}
    entries = iter(status.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if "R" in code or "C" in code:
            next(entries, None)  # a rename's second field is the old name
        what = "inte incheckad" if code == "??" else "borttagen" if "D" in code else "ändrad"
        changed[path.removeprefix(prefix)] = what
    for name in sorted(set(names) - set(tracked.split("\0"))):
        changed.setdefault(name, "inte incheckad")
    return [f"{path} ({what})" for path, what in sorted(changed.items())]


def git_file(folder: Path, names: list[str]) -> SourceFile | None:
    """The commit the förbund's files come from, and whether they differ from it; None when
    the folder is not in a git work tree (or git is missing)."""
    commit = _git(folder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    prefix = _git(folder, "rev-parse", "--show-prefix")  # the folder's path in the repository, "data/halland/"
    changes = _changes(folder, prefix.strip(), names) if commit and prefix is not None else None
    if not commit or prefix is None or changes is None:
        return None
    lines = [f"Rapporten byggdes från git-incheckningen {commit.strip()}, mappen {prefix.strip() or './'}."]
    if changes:
        lines.append("Förbundets mapp hade ändringar som inte är incheckade, så de inbäddade filerna kan skilja sig "
                     "från incheckningen:")
        lines += [f"  {change}" for change in changes]
    else:
        lines.append("Förbundets filer var oförändrade sedan incheckningen.")
    return SourceFile(GIT_FILE, ("\n".join(lines) + "\n").encode("utf-8"), MIME[".txt"],
                      "Git-incheckningen som uppgifterna kommer från, och om filerna var ändrade sedan dess")
