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

from .findings import Pos, UnusableInput, error
from .formatting import NBSP, plain, procent


@dataclass(frozen=True)
class Change:
    key: str
    year: int
    before: Decimal | None
    after: Decimal | None

    def __str__(self) -> str:
        if self.before is None:
            return f"  + {self.key} {self.year}: {_show(self.key, self.after)} (new)"
        if self.after is None:
            return f"  - {self.key} {self.year}: {_show(self.key, self.before)} (gone)"
        delta = "" if _ratio(self.key) else f" ({'+' if self.after > self.before else ''}{plain(self.after - self.before)})"
        return f"    {self.key} {self.year}: {_show(self.key, self.before)} → {_show(self.key, self.after)}{delta}"


def _ratio(key: str) -> bool:
    from .narrative import default_format

    return default_format(key) == "procent"


def _show(key: str, value: Decimal) -> str:
    if _ratio(key):
        # Three decimals, so that a small change in a share is visible at all.
        return procent(value, 3).replace(NBSP, " ")
    return plain(value.quantize(Decimal("0.01")) if value != value.to_integral_value() else value)


def repository_of(data: Path) -> Path:
    """The git work tree the data folder belongs to."""
    run = subprocess.run(["git", "-C", str(data), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if run.returncode != 0:
        raise UnusableInput([error("E-GIT", f"{data} is not inside a git repository, so there is no revision to "
                                   "compare with", Pos(str(data)))])
    return Path(run.stdout.strip()).resolve()


def export_revision(base: str, data: Path, into: Path) -> Path:
    """The data folder as it is at `base`, extracted under `into`."""
    repo = repository_of(data)
    relative = data.resolve().relative_to(repo)
    run = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", base, "--", str(relative)],
                         capture_output=True)
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnusableInput([error("E-GIT", f"cannot read {relative} at {base}: "
                                   f"{message[-1] if message else 'git archive failed'}", Pos(str(data)))])
    with tarfile.open(fileobj=io.BytesIO(run.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / relative


def figures_of(folder: Path, year: int | None):
    from .pipeline import derive_year
    from .figures import figure_table
    from .load import load_forbund

    from .check import run_checks

    source = load_forbund(folder)
    chosen = year if year is not None else max(source.years)
    if chosen not in source.years:
        return chosen, {}, 0
    report = derive_year(source, chosen)
    errors = sum(f.severity.value == "error" for f in run_checks(report))
    return chosen, figure_table(report), errors


def changes(before: dict, after: dict) -> list[Change]:
    out = []
    for key in sorted(set(before) | set(after)):
        years = set(before.get(key, {})) | set(after.get(key, {}))
        for year in sorted(years, reverse=True):
            old, new = before.get(key, {}).get(year), after.get(key, {}).get(year)
            if old != new:
                out.append(Change(key, year, old, new))
    return out


def compare(base: str, data: Path, forbund: list[str], year: int | None) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        old_data = export_revision(base, data, Path(tmp))
        for name in forbund:
            now_year, now, errors = figures_of(data / name, year)
            if not (old_data / name / "forbund.yaml").exists():
                lines.append(f"{name} {now_year}: new förbund (not at {base})")
                continue
            try:
                _, then, _ = figures_of(old_data / name, now_year)
            except UnusableInput:
                lines.append(f"{name} {now_year}: the data at {base} could not be read; compared with nothing")
                then = {}
            found = changes(then, now)
            lines.append(f"{name} {now_year}: " + (f"{len(found)} figure(s) changed since {base}" if found
                                                   else f"no derived figure changed since {base}"))
            lines.extend(str(c) for c in found)
            if errors:
                lines.append(f"  and `make check` now reports {errors} error(s) for {name} {now_year}")
    return lines
