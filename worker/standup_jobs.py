"""The standup round: the morning prompt to each rep, one nudge to who has not answered, and the
team's answers in its channels (naming who was asked and did not answer)."""
from __future__ import annotations

from handlers.rules.schedules import prompt_key
from handlers.team import scheduled_posts as notices
from handlers.team.schedule_commands import standup_prompt
from storage import standups
from storage.models.workspace import Member
from storage.outbox import OutboxRepository
from worker.run_context import Run


def standup(run: Run) -> None:
    """The morning prompt to each rep in this timezone who is working today."""
    if not run.runs_today("standup"):
        return
    for rep in run.reps(here=True, working=True):
        run.to_member(prompt_key(run.team.id, rep.id, run.day), rep,
                      standup_prompt(rep.locale, rep.display_name, run.team.settings, run.day))


def nudge(run: Run) -> None:
    """One reminder to each prompted rep in this timezone who has not answered yet."""
    answered = _answered(run)
    prompted = _prompted(run, run.reps(here=True))
    for rep in prompted:
        if rep.id not in answered:
            run.to_member(f"standup-nudge:{run.team.id}:{rep.id}:{run.day}", rep,
                          notices.nudge(rep.locale, rep.display_name))


def summary(run: Run) -> None:
    """The team's answers in its channel, naming who was asked and did not answer."""
    asked = _prompted(run, run.reps())
    if not asked:
        return
    answers = _answered(run)
    reply = notices.standup_summary(
        run.team_locale, run.team.name, run.day,
        [(r.display_name, answers[r.id]) for r in asked if r.id in answers],
        [r.display_name for r in asked if r.id not in answers])
    run.to_team(f"standup-summary:{run.team.id}:{run.day}", reply)


def _prompted(run: Run, reps: list[Member]) -> list[Member]:
    """The reps who got today's prompt (one query for the team)."""
    keys = {rep.id: prompt_key(run.team.id, rep.id, run.day) for rep in reps}
    sent = OutboxRepository(run.session).existing(list(keys.values()))
    return [rep for rep in reps if keys[rep.id] in sent]


def _answered(run: Run) -> dict[int, str]:
    return standups.answers(run.session, run.team.id, run.day)

