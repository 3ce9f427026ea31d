"""`python -m bench [--scale 0.1] [--sqlite-only]`: run every benchmark and print its ratios."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import cold_start, report_latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="history size as a share of the issue's (1.0: 1M visits, 200k deals)")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    args = parser.parse_args()
    kinds = ("sqlite",) if args.sqlite_only else ("sqlite", "postgresql")
    with tempfile.TemporaryDirectory() as tmp:
        for line in cold_start.run(Path(tmp)):
            print(line, flush=True)
        for line in report_latency.run(kinds, args.scale, Path(tmp)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
