"""`finsam import-sie`: an SIE file → the figures of a förbund's year file.

Everything happens in memory and in a temporary copy of the förbund's folder first: the
file is read, mapped and reconciled, the new year file is written into the copy and the
report derived from it, and only when nothing disagrees are the real files replaced (one
atomic rename each). A malformed or unbalanced file changes nothing.

When last year's file is missing and the SIE file has last year's balances (#RAR -1 with
#UB -1 and #RES -1), last year's file is made from them too, so that the report has its
comparison column.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import output
from ..compare.changes import Moved, between
from ..figures import FigureTable, figure_table
from ..findings import Finding, Pos, Severity, error
from ..load.files import read_text
from ..load.source import load_forbund, shown
from ..load.yaml import parse
from ..pipeline import check_year
from . import avstamning
from .importer import Utfall, utfall
from .kontoplan import FILE, Kontoplan, load_kontoplan, members
from .model import Sie
from .reader import read_sie
from .skriv import updated_text


@dataclass
class Resultat:
    """What the import did: the files it wrote, the figures that changed, its findings, and
    the findings of `check` on the year as imported (shown, never a reason to stop)."""

    written: list[Path] = field(default_factory=list)
    changed: list[Moved] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    kontroll: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not _errors(self.findings)


def _errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def _figures(folder: Path, year: int, base: Path | None = None) -> FigureTable:
    if not (folder / f"{year}.yaml").exists():
        return {}
    outcome = check_year(folder, year, base)
    return figure_table(outcome.report) if outcome.report is not None else {}


def _year_of(sie: Sie, year: int) -> list[Finding]:
    """The file is the year's, and has the year's balances and results at all."""
    period = sie.rar.get(0)
    if period is not None and period[1].year != year:
        return [error("E-SIE-AR", f"filen gäller räkenskapsåret {period[0]}–{period[1]}, inte {year}: exportera "
                      f"{year} ur bokföringen eller ange --year {period[1].year}", Pos(sie.path, 1, 1))]
    return [error("E-SIE-SAKNAS", f"filen har inga {label} för räkenskapsåret ({what}): exportera en SIE 4-fil "
                  "med saldon (typ 4E eller 4I), inte bara verifikationer", Pos(sie.path, 1, 1))
            for label, what, values in (("#UB 0", "utgående balanser", sie.ub), ("#RES 0", "resultat", sie.res))
            if not values.get(0)]


def _read(folder: Path, year: int, sie_path: Path, base: Path) -> tuple[Sie | None, Kontoplan | None, list[Finding]]:
    sie, findings = read_sie(sie_path, shown(sie_path, base))
    if sie is None or _errors(findings):
        return None, None, findings
    plan, found = load_kontoplan(folder, shown(folder, base))
    source, _ = load_forbund(folder, base)  # its problems are check's to report
    names = [m.namn for m in source.forbund.medlemmar] if source is not None else []
    findings += _year_of(sie, year) + found + (members(plan, names) if names else [])
    return (None, None, findings) if _errors(findings) else (sie, plan, findings)


def _texts(folder: Path, year: int, sie: Sie, plan: Kontoplan, where: str) -> tuple[dict[Path, str], Utfall,
                                                                                    list[Finding]]:
    """The new text of the year file (and of last year's, when the SIE file can make it)."""
    ut, findings = utfall(sie, plan, sie.ub.get(0, {}), sie.res.get(0, {}), where)
    findings += avstamning.medlemsavgifter(sie, ut, where) + avstamning.balans(sie, ut)[1]
    target = folder / f"{year}.yaml"
    old, problems = _year_text(target, where.rsplit("/", 1)[0] + f"/{year}.yaml")
    if problems:
        return {}, ut, findings + problems
    texts = {target: updated_text(old, year, ut)}
    last = folder / f"{year - 1}.yaml"
    if not last.exists() and -1 in sie.rar and sie.ub.get(-1):
        then, found = utfall(sie, plan, sie.ub.get(-1, {}), sie.res.get(-1, {}), where)
        findings += found
        texts[last] = updated_text(None, year - 1, then)
    return texts, ut, findings


def _year_text(path: Path, shown_path: str) -> tuple[str | None, list[Finding]]:
    """The year file's text (None when there is none yet), or why it cannot be updated."""
    if not path.exists():
        return None, []
    text, findings = read_text(path, shown_path)
    if text is not None:
        findings += parse(text, shown_path)[1]
    return text, [f for f in findings if f.severity is Severity.ERROR]


def _moved(findings: list[Finding], copy: Path, folder: Path, base: Path) -> list[Finding]:
    """Findings about the temporary copy, shown with the real folder's paths."""
    inside, real = f"{copy.name}/", f"{shown(folder, base)}/"
    return [replace(f, pos=replace(f.pos, path=real + f.pos.path.removeprefix(inside)))
            if f.pos.path.startswith(inside) else f for f in findings]


def _trial(folder: Path, year: int, texts: dict[Path, str],
           base: Path) -> tuple[FigureTable, FigureTable, list[Finding]]:
    """The report derived from the new files in a copy of the folder: its figures, last
    year's figures, and its check's findings."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / folder.name
        shutil.copytree(folder, copy, symlinks=True, ignore=shutil.ignore_patterns(output.TMP))
        for path, text in texts.items():
            (copy / path.name).write_text(text, encoding="utf-8")
        outcome = check_year(copy, year, base=Path(tmp))
        last = _figures(copy, year - 1, Path(tmp))
        after = figure_table(outcome.report) if outcome.report is not None else {}
        checked = list(outcome.findings)
        if outcome.report is None:
            checked.append(error("E-SIE-IMPORT", "årsfilen går inte att läsa efter importen; inget har ändrats",
                                 Pos(f"{copy.name}/{year}.yaml")))
        return after, last, _moved(checked, copy, folder, base)


def _before(folder: Path, year: int) -> FigureTable:
    table = _figures(folder, year)
    if table:
        return table
    last = _figures(folder, year - 1)  # a new year: what it adds to last year's column
    return {k: {y: v for y, v in values.items() if y == year - 1} for k, values in last.items()}


def import_sie(folder: Path, year: int, sie_path: Path, base: Path | None = None) -> Resultat:
    """Import the SIE file into the förbund's year file; nothing is written unless all reconciles."""
    base = base or Path.cwd()
    sie, plan, findings = _read(folder, year, sie_path, base)
    if sie is None or plan is None:
        return Resultat(findings=findings)
    texts, ut, found = _texts(folder, year, sie, plan, shown(folder / FILE, base))
    findings += found
    if _errors(findings):
        return Resultat(findings=findings)
    after, last, checked = _trial(folder, year, texts, base)
    opening, found = utfall(sie, plan, sie.ib.get(0, {}), {}, shown(folder / FILE, base))
    findings += found + avstamning.ingaende(sie, opening, plan, last, year)
    findings += avstamning.mot_harlett(sie, ut, plan, after, year)
    unreadable = [f for f in checked if f.code == "E-SIE-IMPORT"]
    if _errors(findings) or unreadable:
        return Resultat(findings=findings + (checked if unreadable else []))
    before = _before(folder, year)
    keep = {year, year - 1}
    moved = between(before, {k: {y: v for y, v in vs.items() if y in keep} for k, vs in after.items()})
    todo = {p: t.encode("utf-8") for p, t in texts.items()
            if not p.exists() or p.read_text(encoding="utf-8") != t}
    written, problems = output.write_all(todo) if todo else ([], [])
    return Resultat(written, moved, findings + problems, checked)
