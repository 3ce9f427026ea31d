"""Standup answers: one per member and day (their own date). Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.team import StandupAnswer


def answer_of(session: Session, member_id: int, day: dt.date) -> StandupAnswer | None:
    return session.scalar(select(StandupAnswer).where(StandupAnswer.member_id == member_id,
                                                      StandupAnswer.day == day))


def answers(session: Session, team_id: int, day: dt.date) -> dict[int, str]:
    """{member: their answer} of a team's day, in one query."""
    return dict(session.execute(select(StandupAnswer.member_id, StandupAnswer.text).where(
        StandupAnswer.team_id == team_id, StandupAnswer.day == day)).all())
