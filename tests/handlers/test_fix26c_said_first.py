"""r26 (fix26c): a day said before the tasks word (`22号任务：给华为发报价`) is the task's due day,
never deal #22; the team's pace asked after the team word (`团队目标完成多少了`, `team pace`) is the
team's progress report, never the team admin's usage; `next week` in a task is asked as `this week`
is (due that week's Friday, or the title as typed), never read as its Monday.
Fed through the real dispatch; today is Wed, Dec 9, 2026 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

WED = dt.datetime(2026, 12, 9, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=WED, reps=("Ana", "Bo", "张伟"))


def _rows(session_factory) -> tuple:
    with session_factory() as s:
        return ([(t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))],
                [(d.id, d.stage, d.amount) for d in s.scalars(select(Deal).order_by(Deal.id))],
                len(s.scalars(select(Visit)).all()))


@pytest.mark.parametrize("user, said, title, due", [
    ("张伟", "22号任务：给华为发报价", "给华为发报价", dt.date(2026, 12, 22)),
    ("张伟", "下周三任务 给京东打电话", "给京东打电话", dt.date(2026, 12, 16)),
    ("Ana", "22nd task: send the quote to huawei", "send the quote to huawei", dt.date(2026, 12, 22)),
    ("Ana", "fri task - call acme", "call acme", dt.date(2026, 12, 11)),
])
def test_a_day_before_the_tasks_word_is_the_due_day(session_factory, user, said, title, due):
    chat = _chat(session_factory)
    _tasks, deals, visits = _rows(session_factory)
    made = chat.reply(said, user=user)
    assert made.ok and title in made.text, made.text
    assert "deal" not in made.text.lower() and "商机" not in made.text, made.text  # never deal #22
    assert _rows(session_factory) == ([(title, due)], deals, visits)


def test_a_numbered_task_done_stays_done(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("任务 给华为发报价 周五", user="张伟").ok
    with session_factory() as s:
        task_id = s.scalars(select(Task.id)).one()
    done = chat.reply(f"{task_id}号任务 完成了", user="张伟")
    assert done.ok, done.text
    with session_factory() as s:
        assert s.get(Task, task_id).done_at is not None


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "团队目标完成多少了", "2026年12月"),
    ("Mia", "团队这个月业绩怎么样", "2026年12月"),
    ("Ana", "team how are we doing this month", "December 2026"),
    ("Bo", "team pace", "December 2026"),
])
def test_the_teams_pace_after_the_team_word_is_the_team_report(session_factory, user, said, shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    report = chat.reply(said, user=user)
    assert report.ok and shown in report.text, report.text
    assert "team create" not in report.text and "团队 新建" not in report.text, report.text
    assert _rows(session_factory) == before


def test_the_teams_quarter_is_kept(session_factory):
    chat = _chat(session_factory)
    report = chat.reply("团队本季度进度怎么样", user="张伟")
    assert report.ok and "2026年第4季度" in report.text, report.text  # never the month's


@pytest.mark.parametrize("user, said, shown, title", [
    ("Ana", "task call acme next week", "Dec 18", "call acme"),
    ("张伟", "任务 下周给京东打电话", "12月18日", "给京东打电话"),
])
def test_next_week_in_a_task_is_asked_as_its_friday(session_factory, user, said, shown, title):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and shown in asked.text, asked.text
    assert "Dec 14" not in asked.text and "12月14日" not in asked.text, asked.text
    assert _rows(session_factory) == before
    assert chat.press(asked.buttons[0], user=user).ok
    assert _rows(session_factory)[0] == [(title, dt.date(2026, 12, 18))]
