"""`python -m bench [--only NAME …] [--scale 0.1] [--sqlite-only] [--outage 120] [--fanout-cases kill …]`:
run the benchmarks, print ratios."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import (
    cold_start,
    crm_import,
    crm_latency,
    fanout,
    job_statements,
    parse_latency,
    report_latency,
    slack_web,
    teams_web,
    wecom_web,
)

NAMES = ("cold_start", "parse", "reports", "slack", "wecom", "teams", "fanout", "crm_import", "jobs",
         "crm_latency")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="+", choices=NAMES, default=NAMES)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="history size as a share of the issue's (1.0: 1M visits, 200k deals)")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--outage", type=float, default=120.0,
                        help="fanout: how long Slack is down in the outage case, in seconds")
    parser.add_argument("--fanout-cases", nargs="+", default=(),
                        choices=("plain", "429", "restart", "kill", "outage"),
                        help="fanout: only these SQLite cases")
    args = parser.parse_args()
    kinds = ("sqlite",) if args.sqlite_only else ("sqlite", "postgresql")
    runs = {"cold_start": lambda tmp: cold_start.run(tmp), "parse": lambda _tmp: parse_latency.run(),
            "reports": lambda tmp: report_latency.run(kinds, args.scale, tmp),
            "slack": lambda tmp: slack_web.run(tmp), "wecom": lambda tmp: wecom_web.run(tmp),
            "teams": lambda tmp: teams_web.run(tmp),
            "fanout": lambda tmp: fanout.run(kinds, tmp, args.outage, tuple(args.fanout_cases)),
            "crm_import": lambda tmp: crm_import.run(kinds, args.scale, tmp),
            "jobs": lambda tmp: job_statements.run(kinds, tmp),
            "crm_latency": lambda tmp: crm_latency.run(kinds, tmp)}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only:
            for line in runs[name](Path(tmp)):
                print(line, flush=True)


if __name__ == "__main__":
    main()
