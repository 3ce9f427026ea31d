"""`salesbot say` cold start: a fresh process to a printed reply, against a bare `python -c pass`.

Goal: ≤ 1 s from start to reply (import time matters: no heavy imports at start).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _median_s(argv: list[str], env: dict, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(tmp_dir: Path, repeat: int = 7) -> list[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_dir / 'cold.sqlite3'}"}
    salesbot = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*salesbot, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([*salesbot, "say", "--user", "Ana", "help"], env=env, check=True,
                   capture_output=True)
    floor = _median_s([sys.executable, "-c", "pass"], env, repeat)
    ours = {text: _median_s([*salesbot, "say", "--user", "Ana", text], env, repeat)
            for text in ("progress", "visit Acme: demo; follow up tomorrow")}
    lines = ["cold start · salesbot say → printed reply (SQLite)"]
    for text, seconds in ours.items():
        lines.append(f"  {text[:30]:30} {seconds * 1000:6.0f} ms  ratio to bare python "
                     f"{seconds / floor:4.1f}  (goal ≤ 1000 ms: {'ok' if seconds <= 1 else 'MISSED'})")
    return lines
