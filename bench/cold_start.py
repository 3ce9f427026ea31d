"""`salesbot say` cold start: a fresh process to a printed reply, against a bare `python -c pass`.

Goal (issue #25): ≤ 0.5 s from start to printed reply on SQLite, so a `say` imports only what
the message needs (no platform SDK, no PostgreSQL dialect, no holidays' country lists, no charts).
The process's own CPU time is printed too: on a machine shared with other work it says what the
wall-clock time cannot.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL_S = 0.5


def _median_s(argv: list[str], env: dict, repeat: int) -> tuple[float, float]:
    """(median wall-clock seconds, median CPU seconds) of running `argv` to its end."""
    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def run(tmp_dir: Path, repeat: int = 7) -> list[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_dir / 'cold.sqlite3'}"}
    # as installed: the first runs below write the bytecode every later start reads (where
    # writing it is turned off, each start would time Python compiling every module's source)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    salesbot = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*salesbot, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([*salesbot, "say", "--user", "Ana", "help"], env=env, check=True,
                   capture_output=True)
    floor, _ = _median_s([sys.executable, "-c", "pass"], env, repeat)
    ours = {text: _median_s([*salesbot, "say", "--user", "Ana", text], env, repeat)
            for text in ("progress", "visit Acme: demo; follow up tomorrow")}
    lines = [f"cold start · salesbot say → printed reply (SQLite) · bare python {floor * 1000:.0f} ms"]
    for text, (seconds, cpu) in ours.items():
        lines.append(f"  {text[:30]:30} {seconds * 1000:6.0f} ms (CPU {cpu * 1000:4.0f} ms)  ratio to bare "
                     f"python {seconds / floor:4.1f}  (goal ≤ {GOAL_S * 1000:.0f} ms: "
                     f"{'ok' if seconds <= GOAL_S else 'MISSED'})")
    return lines
