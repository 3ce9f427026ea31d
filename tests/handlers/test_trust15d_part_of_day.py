"""Round 15's fresh-eyes findings (issue #23), class 2: a part of the day said with a task's due
day inside its title (`call sarah @ initech tmrw morning re onboarding`) never vanishes: the day is
the due day, the part of the day stays in the title where it was said (`in the morning`; a Chinese
one first, as at the title's end). Today is Sunday, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    chat.now = at("2026-12-06")
    return chat


def _tasks(session_factory):
    with session_factory() as s:
        return [(t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))]


MON, THU, FRI = dt.date(2026, 12, 7), dt.date(2026, 12, 10), dt.date(2026, 12, 11)


@pytest.mark.parametrize(("user", "said", "title", "due", "shown"), [
    ("Ana", "task call sarah @ initech tmrw morning re onboarding",
     "call sarah @ initech in the morning re onboarding", MON, "tomorrow"),
    ("Ana", "task call acme mon afternoon re the contract", "call acme in the afternoon re the contract",
     MON, "tomorrow"),
    ("Bo", "task call globex tomorrow at noon about the PO", "call globex at noon about the PO", MON,
     "tomorrow"),
    ("Bo", "task email umbrella fri eod with the revised quote",
     "email umbrella by eod with the revised quote", FRI, "Dec 11"),
    ("Ana", "task ping initech by tmrw morning re pricing", "ping initech in the morning re pricing", MON,
     "tomorrow"),
    ("张伟", "任务 给华为打电话 明天上午 聊续约", "上午给华为打电话 聊续约", MON, "明天"),
    ("张伟", "任务 去拜访海尔 周四下午 带上合同", "下午去拜访海尔 带上合同", THU, "12月10日"),
])
def test_a_part_of_the_day_said_with_the_due_day_stays_in_the_title(
        session_factory, user, said, title, due, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert title in reply.text and shown in reply.text, reply.text
    assert _tasks(session_factory) == [(title, due)]


def test_the_part_of_the_day_at_the_end_is_kept_as_before(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task send the deck tmrw morning").ok
    assert _tasks(session_factory) == [("send the deck in the morning", MON)]
