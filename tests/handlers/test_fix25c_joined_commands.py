"""Round 25c: a second command of any kind after 还有/另外/also inside a task line.

`任务 @李娜 月底前把格力输单复盘写出来，还有 竞赛 新客户 12月14日-12月31日` is a task and a contest
(handlers/grammar/several.py), never a task titled with the contest's words."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from storage.models.team import Contest
from support import make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


@pytest.mark.parametrize("said, title, shown", [
    ("任务 @张伟 月底前把格力输单复盘写出来，还有 竞赛 新客户 12月14日-12月31日",
     "把格力输单复盘写出来", "新客户"),
    ("任务 @张伟 月底前把格力输单复盘写出来 另外 竞赛 新客户 12月14日-12月31日",
     "把格力输单复盘写出来", "新客户"),
    ("task @Ana write the Acme loss review by fri, also contest new customers 12/14-12/31",
     "write the Acme loss review", "New customers"),
])
def test_a_contest_after_a_task_is_made_too(session_factory, said, title, shown):
    chat = make_team_chat(session_factory, now=SUN, manager="Mia", reps=("Ana", "张伟"))
    reply = chat(said, user="Mia")
    assert shown in reply and "竞赛" not in title
    with session_factory() as s:
        tasks = s.scalars(select(Task).order_by(Task.id)).all()
        contests = s.scalars(select(Contest).order_by(Contest.id)).all()
        assert [t.title for t in tasks] == [title]
        assert [(x.metric, x.starts_on, x.ends_on) for x in contests] == [
            ("new_customers", dt.date(2026, 12, 14), dt.date(2026, 12, 31))]
