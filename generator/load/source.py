"""Folder → Source: a förbund's forbund.yaml and its year files, read and validated."""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Pos, did_you_mean, error, excerpt
from ..model import Arsfil, Forbund
from .build import build_file
from .files import os_says, refusal, resolved
from .names import FORBUND_FILE, NARRATIVE_FILE, YEAR_FILE, ignored, near_miss

# A förbund is named by its folder: letters (å, ä, ö too), digits, - and _; nothing a
# shell or a path would read as more than a name.
FOLDER_NAME = re.compile(r"[^\W_][\w-]{0,63}")


@dataclass(frozen=True)
class Source:
    """Everything read for one förbund: its facts and its year files, by year."""

    forbund: Forbund
    years: dict[int, Arsfil]
    root: Path
    base: Path  # what paths in messages are relative to
    # Years whose file still has amounts to fill in (a new year's): their findings, by year.
    # They are not in `years`: nothing is derived from a year not yet filled in.
    att_fylla_i: dict[int, tuple[Finding, ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The förbund's folder name, which names its reports (halland-2023.pdf)."""
        return self.root.name

    def shown(self, path: Path) -> str:
        return shown(path, self.base)


def shown(path: Path, base: Path) -> str:
    """A path as messages show it: relative to where the user runs the command."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def load_forbund(folder: Path, base: Path | None = None) -> tuple[Source | None, list[Finding]]:
    """Read forbund.yaml and every YYYY.yaml in a förbund's folder.

    Reads every file before giving up, so one run shows every problem; the source is None
    when any file cannot be used, or when a file in the folder has a near-miss name.
    """
    base = base or Path.cwd()
    names, findings = _scan(folder, base)
    if FORBUND_FILE not in names:
        if not os.path.lexists(folder / FORBUND_FILE):  # else it is there but refused, and a finding says why
            findings.append(error("E-NOFILE", f"{FORBUND_FILE} saknas i {shown(folder, base)}; varje förbunds mapp "
                                  "behöver en (se data/halland/forbund.yaml)", Pos(shown(folder, base))))
        return None, findings
    fpath = folder / FORBUND_FILE
    forbund, found = build_file(Forbund, fpath, shown(fpath, base))
    findings += found
    years: dict[int, Arsfil] = {}
    pending: dict[int, tuple[Finding, ...]] = {}
    for name in names:
        match = YEAR_FILE.match(name)
        if not match:
            continue
        path = folder / name
        arsfil, found = build_file(Arsfil, path, shown(path, base), fill=True)
        if arsfil is None:  # every finding, those to fill in too: one run shows all
            findings += found
        elif arsfil.ar != int(match.group(1)):
            findings.append(error("E-YEAR", f"filen heter {name} men säger ar: {arsfil.ar}; byt namn på filen "
                                  "eller rätta året", arsfil.pos_of("ar")))
        elif found:  # built, so only what is still to fill in
            pending[arsfil.ar] = tuple(found)
        else:
            years[arsfil.ar] = arsfil
    if not years and not pending and not findings:
        findings.append(error("E-NOYEAR", "det finns ingen årsfil (till exempel 2023.yaml) i förbundets mapp",
                              Pos(shown(folder, base))))
    if findings or forbund is None:
        return None, findings
    return Source(forbund, years, folder, base, pending), []


def _scan(folder: Path, base: Path) -> tuple[list[str], list[Finding]]:
    """The names of the input files in the folder that may be read, and a finding for each
    near-miss name and each input name that is not a regular file inside the folder."""
    try:
        entries = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        return [], [error("E-READ", f"kan inte läsa mappen: {os_says(exc)}", Pos(shown(folder, base)))]
    names, findings = [], []
    for name in entries:
        path = folder / name
        miss = near_miss(name)
        if miss:
            findings.append(error("E-FILNAMN", miss, Pos(shown(path, base))))
            continue
        if ignored(name) or not (name == FORBUND_FILE or YEAR_FILE.match(name) or NARRATIVE_FILE.match(name)):
            continue
        refused = refusal(path, shown(path, base), folder)
        if refused:
            findings.append(refused)
        elif not NARRATIVE_FILE.match(name):  # the narrative is read with its year's report
            names.append(name)
    return names, findings


def folder_name_problem(name: str) -> str | None:
    """Why `name` cannot be a förbund's folder name (a path, `..`, shell characters), or None."""
    if FOLDER_NAME.fullmatch(name):
        return None
    return (f'"{excerpt(name)}" är inget förbundsnamn: skriv namnet på förbundets mapp under data/, med bara '
            "bokstäver, siffror, - och _ (till exempel halland)")


def forbund_folders(data: Path, name: str | Sequence[str] | None) -> tuple[list[Path], list[Finding]]:
    """The förbund folders to work on: those named, or every folder with a forbund.yaml."""
    if name:
        folders, findings = [], []
        for one in ([name] if isinstance(name, str) else name):
            folder, found = _named_folder(data, one)
            findings += found
            if folder is not None and folder not in folders:
                folders.append(folder)
        return ([], findings) if findings else (folders, [])
    folders = sorted(p for p in _subfolders(data) if _looks_like_forbund(p))
    if not folders:
        return [], [error("E-FORBUND", f"det finns inget förbund under {data}: varje förbund behöver en mapp "
                          "med en forbund.yaml", Pos(str(data)))]
    return folders, []


def _named_folder(data: Path, name: str) -> tuple[Path | None, list[Finding]]:
    problem = folder_name_problem(name)
    if problem:
        return None, [error("E-FORBUND", problem, Pos(str(data)))]
    folder = data / name
    target = resolved(folder)
    if folder.is_symlink() and (target is None or not target.is_relative_to(data.resolve())):
        return None, [error("E-LANK", f"{name} är en länk till en mapp utanför {data} och läses inte; lägg "
                            "förbundets mapp under data/", Pos(str(folder)))]
    if not folder.is_dir():
        known = ", ".join(sorted(p.name for p in _subfolders(data))) or "inga"
        return None, [error("E-FORBUND", f'det finns ingen förbundsmapp "{name}" under {data}'
                            f"{did_you_mean(name, [p.name for p in _subfolders(data)])}; förbund som finns: {known}",
                            Pos(str(data)))]
    return folder, []


def _subfolders(data: Path) -> list[Path]:
    try:
        return [p for p in data.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []


def _looks_like_forbund(folder: Path) -> bool:
    """A folder with a forbund.yaml, or with a near miss of it (which load_forbund then reports)."""
    try:
        return any(p.name == FORBUND_FILE or FORBUND_FILE in (near_miss(p.name) or "")
                   for p in folder.iterdir())
    except OSError:
        return False
