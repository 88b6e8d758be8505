"""What a change did to the derived figures: the figures of the working tree against a
git revision, for the reviewer of a pull request (`make diff BASE=main`).

The data folder at the revision is read with `git archive` into a temporary folder and
derived the same way; nothing in the working tree is touched.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .figures import figure_table
from .findings import Finding, Pos, error, excerpt
from .formatting import NBSP, plain, procent
from .keys import ANDEL, format_of
from .pipeline import check_year


@dataclass(frozen=True)
class Change:
    key: str
    year: int
    before: Decimal | None
    after: Decimal | None

    def __str__(self) -> str:
        if self.before is None:
            return f"  + {self.key} {self.year}: {_show(self.key, self.after)} (nytt)"
        if self.after is None:
            return f"  - {self.key} {self.year}: {_show(self.key, self.before)} (borta)"
        ratio = format_of(self.key) == ANDEL
        delta = "" if ratio else f" ({'+' if self.after > self.before else ''}{plain(self.after - self.before)})"
        return f"    {self.key} {self.year}: {_show(self.key, self.before)} → {_show(self.key, self.after)}{delta}"


def _show(key: str, value: Decimal | None) -> str:
    if value is None:
        return "(inget)"
    if format_of(key) == ANDEL:
        # Three decimals, so that a small change in a share is visible at all.
        return procent(value, 3).replace(NBSP, " ")
    return plain(value.quantize(Decimal("0.01")) if value != value.to_integral_value() else value)


def repository_of(data: Path) -> tuple[Path | None, list[Finding]]:
    """The git work tree the data folder belongs to."""
    run = subprocess.run(["git", "-C", str(data), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if run.returncode != 0:
        return None, [error("E-GIT", f"{data} ligger inte i ett git-arkiv, så det finns ingen revision att jämföra "
                            "med", Pos(str(data)))]
    return Path(run.stdout.strip()).resolve(), []


def export_revision(base: str, data: Path, into: Path) -> tuple[Path | None, list[Finding]]:
    """The data folder as it is at `base`, extracted under `into`."""
    repo, findings = repository_of(data)
    if repo is None:
        return None, findings
    relative = data.resolve().relative_to(repo)
    if base.startswith("-"):  # git would read it as an option (--output=FILE writes a file)
        return None, [error("E-GIT", f'"{excerpt(base)}" är ingen git-revision; skriv till exempel main eller HEAD',
                            Pos(str(data)))]
    run = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", base, "--", str(relative)],
                         capture_output=True)
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, [error("E-GIT", f"kan inte läsa {relative} vid {excerpt(base)}: "
                            f"{excerpt(message[-1], 120) if message else 'git archive misslyckades'}",
                            Pos(str(data)))]
    with tarfile.open(fileobj=io.BytesIO(run.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / relative, []


def changes(before: dict[str, dict[int, Decimal]], after: dict[str, dict[int, Decimal]]) -> list[Change]:
    out = []
    for key in sorted(set(before) | set(after)):
        years = set(before.get(key, {})) | set(after.get(key, {}))
        for year in sorted(years, reverse=True):
            old, new = before.get(key, {}).get(year), after.get(key, {}).get(year)
            if old != new:
                out.append(Change(key, year, old, new))
    return out


def _compare_one(name: str, data: Path, old_data: Path, base: str,
                 year: int | None) -> tuple[list[str], list[Finding]]:
    now = check_year(data / name, year)
    if now.report is None:  # nothing to compare: the working tree's own findings say why
        return [], list(now.findings)
    now_year = now.report.year
    if not (old_data / name / "forbund.yaml").exists():
        return [f"{name} {now_year}: nytt förbund (finns inte i {base})"], []
    then = check_year(old_data / name, now_year, base=old_data.parent)
    lines = []
    if not (old_data / name / f"{now_year}.yaml").exists():
        lines.append(f"{name} {now_year}: {now_year}.yaml är ny (finns inte i {base}); jämförs med ingenting")
    elif then.report is None:
        lines.append(f"{name} {now_year}: data i {base} gick inte att läsa; jämförs med ingenting")
    found = changes(figure_table(then.report) if then.report else {}, figure_table(now.report))
    lines.append(f"{name} {now_year}: " + (f"{len(found)} belopp har ändrats sedan {base}" if found
                                           else f"inget härlett belopp har ändrats sedan {base}"))
    lines.extend(str(c) for c in found)
    if now.errors:
        lines.append(f"  och `make check` rapporterar nu {now.errors} fel för {name} {now_year}")
    return lines, []


def compare(base: str, data: Path, forbund: list[str], year: int | None) -> tuple[list[str], list[Finding]]:
    """Lines for the reviewer, one block per förbund; findings when the revision cannot be read."""
    with tempfile.TemporaryDirectory() as tmp:
        old_data, findings = export_revision(base, data, Path(tmp))
        if old_data is None:
            return [], findings
        lines: list[str] = []
        for name in forbund:
            more, found = _compare_one(name, data, old_data, base, year)
            lines += more
            findings += found
        return lines, findings
