"""Folder → Source: a förbund's forbund.yaml and its year files, read and validated."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding, Pos, error
from ..model import Arsfil, Forbund
from .build import build_file

FORBUND_FILE = "forbund.yaml"
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")


@dataclass(frozen=True)
class Source:
    """Everything read for one förbund: its facts and its year files, by year."""

    forbund: Forbund
    years: dict[int, Arsfil]
    root: Path
    base: Path  # what paths in messages are relative to

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
    when any file cannot be used.
    """
    base = base or Path.cwd()
    fpath = folder / FORBUND_FILE
    if not fpath.is_file():
        return None, [error("E-NOFILE", f"{FORBUND_FILE} is missing in {shown(folder, base)}; every förbund folder "
                            "needs one (see data/halland/forbund.yaml)", Pos(shown(folder, base)))]
    forbund, findings = build_file(Forbund, fpath, shown(fpath, base))
    years: dict[int, Arsfil] = {}
    for path in sorted(folder.iterdir()):
        match = YEAR_FILE.match(path.name)
        if not match:
            continue
        arsfil, found = build_file(Arsfil, path, shown(path, base))
        findings += found
        if arsfil is not None and arsfil.ar != int(match.group(1)):
            findings.append(error("E-YEAR", f"the file is named {path.name} but says ar: {arsfil.ar}; rename the "
                                  "file or correct the year", arsfil.pos_of("ar")))
        elif arsfil is not None:
            years[arsfil.ar] = arsfil
    if not years and not findings:
        findings.append(error("E-NOYEAR", "no year file (for example 2023.yaml) in this förbund's folder",
                              Pos(shown(folder, base))))
    if findings or forbund is None:
        return None, findings
    return Source(forbund, years, folder, base), []


def forbund_folders(data: Path, name: str | None) -> tuple[list[Path], list[Finding]]:
    """The förbund folders to work on: the one named, or every folder with a forbund.yaml."""
    if name:
        folder = data / name
        if not folder.is_dir():
            known = ", ".join(sorted(p.name for p in data.iterdir() if p.is_dir())) if data.is_dir() else "none"
            return [], [error("E-FORBUND", f'no förbund folder "{name}" under {data}; known: {known}', Pos(str(data)))]
        return [folder], []
    folders = sorted(p for p in data.iterdir() if p.is_dir() and (p / FORBUND_FILE).exists()) if data.is_dir() else []
    if not folders:
        return [], [error("E-FORBUND", f"no förbund under {data}: each needs a folder with forbund.yaml",
                          Pos(str(data)))]
    return folders, []
