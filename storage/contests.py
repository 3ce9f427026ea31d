"""Teams' contests. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.team import Contest


def overlapping(session: Session, team_id: int, metric: str, first: dt.date, last: dt.date) -> Contest | None:
    """A contest of the team on the same metric whose days meet [first, last]."""
    return session.scalar(select(Contest).where(
        Contest.team_id == team_id, Contest.metric == metric, Contest.starts_on <= last,
        Contest.ends_on >= first))


def of_teams(session: Session, team_ids, today: dt.date, metric: str | None = None) -> list[Contest]:
    """The teams' contests (of a metric): those started by `today` first, the latest ending first."""
    query = select(Contest).where(Contest.team_id.in_(list(team_ids)))
    if metric:
        query = query.where(Contest.metric == metric)
    return list(session.scalars(query.order_by(Contest.starts_on <= today, Contest.ends_on.desc())))


def started(session: Session, team_id: int, today: dt.date) -> list[Contest]:
    """The team's contests that started by `today`."""
    return list(session.scalars(select(Contest).where(Contest.team_id == team_id,
                                                      Contest.starts_on <= today)
                                .order_by(Contest.starts_on, Contest.id)))
