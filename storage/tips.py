"""Tips (lessons kept for the team) and their votes. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.models.team import Tip, TipVote
from storage.models.workspace import Member


def _votes():
    """A tip's votes, as a column of a query on tips."""
    return select(func.count()).where(TipVote.tip_id == Tip.id).correlate(Tip).scalar_subquery()


def find(session: Session, tenant_id: int, words: set[str], limit: int):
    """(tip, author's name, votes) of the tenant's tips whose topic or text holds one of `words`
    (all tips without words): the most liked first, then the newest."""
    query = select(Tip, Member.display_name, _votes()).join(Member, Member.id == Tip.author_id).where(
        Tip.tenant_id == tenant_id)
    if words:
        query = query.where(or_(*(Tip.topic.ilike(f"%{w}%") for w in words),
                                *(Tip.text.ilike(f"%{w}%") for w in words)))
    return session.execute(query.order_by(_votes().desc(), Tip.created_at.desc(), Tip.id.desc())
                           .limit(limit)).all()


def vote_count(session: Session, tip_id: int) -> int:
    return session.scalar(select(func.count()).where(TipVote.tip_id == tip_id))


def best(session: Session, author_ids, since: dt.datetime, until: dt.datetime, limit: int):
    """(id, topic, text, author's name, votes) of the authors' tips kept or liked in [since,
    until), the most liked first."""
    liked = select(TipVote.tip_id).where(TipVote.created_at >= since, TipVote.created_at < until)
    return session.execute(
        select(Tip.id, Tip.topic, Tip.text, Member.display_name, _votes())
        .join(Member, Member.id == Tip.author_id)
        .where(Tip.author_id.in_(list(author_ids)), Tip.created_at < until,
               or_(Tip.created_at >= since, Tip.id.in_(liked)))
        .order_by(_votes().desc(), Tip.created_at.desc(), Tip.id.desc()).limit(limit)).all()
