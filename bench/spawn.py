"""Runs one measured command and says its wall time and peak memory (run with python -S).

Linux gives a child that execs the memory high-water mark of the process it was forked
from, so a child of the bench would be charged the bench's own memory. This small process
(a few MB) starts the command instead; its output is drained and kept for a failure's
message.

    python -S bench/spawn.py CWD ARGV…   →  one JSON line: seconds, maxrss_kb, code, tail
"""
import json
import os
import subprocess
import sys
import time


def main(cwd: str, *argv: str) -> None:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    said = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "maxrss_kb": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status),
                      "tail": said.decode(errors="replace")[-2000:]}))


if __name__ == "__main__":
    main(*sys.argv[1:])
