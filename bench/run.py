"""Measuring one command: each run a fresh process, its wall time and its peak memory.

The peak memory is the child's own (os.wait4 gives its ru_maxrss, which on Linux also
covers the descendants it waited for, such as make's python), never the bench's: a small
process (bench/spawn.py) starts each command, since an exec'd child is charged the memory
of the process it was forked from.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """The runs of one measurement: seconds and peak resident MB (10⁶ bytes) of each."""

    seconds: tuple[float, ...]
    mb: tuple[float, ...] = ()
    note: str = ""
    extra: dict[str, float | int | str] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float | None:
        return max(self.mb) if self.mb else None

    def as_json(self) -> dict[str, object]:
        return {"median_s": round(self.median, 4), "min_s": round(min(self.seconds), 4),
                "max_s": round(max(self.seconds), 4), "runs": len(self.seconds),
                "peak_mb": None if self.peak is None else round(self.peak, 1), **self.extra,
                **({"note": self.note} if self.note else {})}


class Failed(RuntimeError):
    """A measured command did not succeed: the bench says which and what it printed."""


def once(argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None,
         ok: Callable[[int], bool] = lambda code: code == 0) -> tuple[float, float]:
    """One fresh process, started by bench/spawn.py: (wall seconds, peak resident MB)."""
    spawn = [sys.executable, "-S", str(Path(__file__).with_name("spawn.py")), str(cwd), *argv]
    got = json.loads(subprocess.run(spawn, env=env, capture_output=True, text=True, check=True).stdout)
    if not ok(got["code"]):
        raise Failed(f"{' '.join(argv)} gave exit status {got['code']}:\n{got['tail']}")
    return got["seconds"], got["maxrss_kb"] * 1024 / 1e6


def repeat(argv: Sequence[str], runs: int, cwd: Path, env: dict[str, str] | None = None,
           before: Callable[[], object] | None = None, ok: Callable[[int], bool] = lambda code: code == 0,
           **extra: float | int | str) -> Sample:
    """`runs` fresh processes of argv; `before` runs (untimed) ahead of each."""
    seconds, mib = [], []
    for _ in range(runs):
        if before is not None:
            before()
        s, m = once(argv, cwd, env, ok)
        seconds.append(s)
        mib.append(m)
    return Sample(tuple(seconds), tuple(mib), extra=dict(extra))


def interleaved(commands: dict[str, Sequence[str]], runs: int, cwd: Path) -> dict[str, Sample]:
    """Commands to be compared, run in turn (one run of each, `runs` times), so that the rest of
    the machine's load weighs on each alike: their ratio is then fair on a busy machine too."""
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    mb: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            s, m = once(argv, cwd)
            seconds[name].append(s)
            mb[name].append(m)
    return {name: Sample(tuple(seconds[name]), tuple(mb[name])) for name in commands}
