"""The scheduled jobs, by kind. Each runs for one team (and, for per-member jobs, one timezone) at
one fire time, in one transaction (`worker/run_context.py`), and only writes to the outbox under
deterministic keys: running a job twice, on two workers or after a restart, sends nothing twice.
The jobs are grouped by what they say: the standup round (`standup_jobs`), each person's briefing
(`briefing_jobs`), and how sales stand against goals (`progress_jobs`).
"""
from __future__ import annotations

from worker.briefing_jobs import digest, followups, manager_digest
from worker.progress_jobs import contests_standings, recognition, reminders, watch
from worker.run_context import Run
from worker.standup_jobs import nudge, standup, summary


def daily(run: Run) -> None:
    """The evening post: the managers' daily digest and running contests' standings."""
    manager_digest(run, weekly=False)
    contests_standings(run)


JOBS = {"standup": standup, "nudge": nudge, "summary": summary, "followups": followups,
        "reminders": reminders, "recognition": recognition, "daily": daily, "digest": digest,
        "watch": watch}
