"""The bot's open question to a member on a platform (one at most): its answers, kept a few
minutes. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models.messaging import OpenQuestion


def open_question(session: Session, member_id: int, platform: str) -> OpenQuestion | None:
    return session.scalar(select(OpenQuestion).where(
        OpenQuestion.member_id == member_id, OpenQuestion.platform == platform))


def close(session: Session, question: OpenQuestion) -> None:
    """The question answered (any message ends it): gone."""
    session.delete(question)


def forget(session: Session, member_id: int, platform: str) -> None:
    session.execute(delete(OpenQuestion).where(OpenQuestion.member_id == member_id,
                                               OpenQuestion.platform == platform))


def ask(session: Session, tenant_id: int, member_id: int, platform: str, answers: list,
        now: dt.datetime) -> None:
    session.add(OpenQuestion(tenant_id=tenant_id, member_id=member_id, platform=platform,
                             answers=answers, asked_at=now))
