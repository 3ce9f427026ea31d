"""Round 22 (Chinese): questions whose answer asked again, or failed.

1. `拜访 海尔 上周五去的，客户说明年3月再说` on a Sunday (no colon) asks which Friday; the answer
   (`1`, `第一个`) sent the message with the day put after the name, and that day was not read as the
   visit's day: the same question came back, forever. Now a date right after a Chinese name is the
   visit's day wherever the notes follow (handlers/grammar/parse_visits.py); an answered question
   never asks itself again (checked for every option of each wording).
2. `388完成 客户约了周三技术交流，然后推迟 331 到下周五` + `2`: the option "done and a new follow-up
   that day" is itself two commands; with the push it became a list holding a list, which no
   button may carry ("没看懂", the question dropped). Now its commands are the message's lines.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from handlers.grammar import commands as c
from handlers.grammar.reading import read
from storage.models.sales import Task, Visit
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026 (10:00 in Shanghai)
ZONE = dt.timezone(dt.timedelta(hours=8))


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))


def _task_days(session_factory) -> list[dt.date]:
    with session_factory() as s:
        return [t.due_on for t in s.scalars(select(Task).order_by(Task.id))]


def _visits(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(v.id, v.visited_at.replace(tzinfo=dt.timezone.utc).astimezone(ZONE).date()
                 if v.visited_at.tzinfo is None else v.visited_at.astimezone(ZONE).date(),
                 v.notes, v.follow_up_on, v.follow_up_done, v.outcome)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("user, said, answer, day, notes", [
    ("Ana", "拜访 +海尔 上周五去的，客户说明年3月再说", "1", dt.date(2026, 12, 4),
     "上周五去的，客户说明年3月再说"),
    ("Ana", "拜访 +海尔 上周五去的，客户说明年3月再说", "第一个", dt.date(2026, 12, 4),
     "上周五去的，客户说明年3月再说"),
    ("Ana", "拜访 +海尔 上周五去的，客户说明年3月再说", "2", dt.date(2026, 11, 27),
     "上周五去的，客户说明年3月再说"),
    ("张伟", "拜访 +海尔 上週五去的，聊了售後", "1", dt.date(2026, 12, 4), "上週五去的，聊了售後"),
    ("张伟", "拜访 +海尔 上周五去的 聊了售后", "2", dt.date(2026, 11, 27), "上周五去的 聊了售后"),
    ("张伟", "拜访 +海尔：上周五去的，聊了售后", "1", dt.date(2026, 12, 4), "上周五去的，聊了售后"),
    ("Ana", "visit +Globex went there last fri, they liked the demo", "2", dt.date(2026, 11, 27), None),
])
def test_which_friday_answered_saves_the_visit(session_factory, user, said, answer, day, notes):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and ("哪一天" in asked.text or "which day" in asked.text), asked.text
    assert _visits(session_factory) == []
    reply = chat.reply(answer, user=user)
    if "明年3月" in said:  # what the customer said has a month in it: follow-up, or notes? (asked once)
        assert not reply.ok and "明年3月" in reply.text and "哪一天" not in reply.text, reply.text
        assert _visits(session_factory) == []
        reply = chat.reply("2", user=user)  # notes only
    assert reply.ok and "哪一天" not in reply.text and "which day" not in reply.text, reply.text
    [(_id, visited, kept, follow_up, _done, _outcome)] = _visits(session_factory)
    assert visited == day and follow_up is None
    assert kept == notes if notes else "last fri" not in kept and "liked the demo" in kept


@pytest.mark.parametrize("said", [
    "拜访 海尔 上周五去的，客户说明年3月再说", "拜访 海尔 上周五去的 聊了售后",
    "拜访 海尔：上周五去的，聊了售后",
    "拜访 京东 上周四 跟采购确认了续约细节", "拜访 华为 上礼拜五见的 聊了预算",
    "visit Globex went there last fri, they liked the demo", "visit Globex last fri: met the CFO",
])
def test_no_option_of_which_day_asks_the_same_again(said):
    today = SUN.astimezone(ZONE).date()
    asked = read(said, today).command
    assert isinstance(asked, c.ParseError) and asked.problem == "visit_day_which" and asked.options, asked
    for _label, line, command in asked.options:
        again = command or read(line, today).command
        assert not (isinstance(again, c.ParseError) and again.problem == asked.problem
                    and again.detail == asked.detail), (line, again)


def _follow_ups(chat: Chat, user: str) -> tuple[int, int]:
    for line in ("拜访 +海尔：聊了续约 跟进 明天", "拜访 +京东：聊了报价 跟进 周二") if user == "张伟" else \
            ("visit +Globex: talked renewal follow up tomorrow", "visit +Initech: pricing follow up tue"):
        assert chat.reply(line, user=user).ok, line
    return 1, 2


@pytest.mark.parametrize("user, said", [
    ("张伟", "{a}完成 客户约了周三技术交流，然后推迟 {b} 到下周五"),
    ("张伟", "{a}完成 对方说周三回复，然后推迟 {b} 到下周五"),
    ("Ana", "done {a}: they want a call wed\nsnooze {b} to next fri"),  # (`, then snooze`: asked apart)
])
def test_option_two_of_a_done_with_a_second_command_runs(session_factory, user, said):
    chat = _chat(session_factory)
    first, second = _follow_ups(chat, user)
    asked = chat.reply(said.format(a=first, b=second), user=user)
    assert not asked.ok and len(asked.buttons) >= 2, asked.text
    reply = chat.reply("2", user=user)
    assert reply.ok and "没看懂" not in reply.text and "didn't get" not in reply.text, reply.text
    rows = _visits(session_factory)
    # done, its words kept, and (fix29a: a visit has one follow-up; setting it again undid the done)
    # a task to follow up on Wed
    assert rows[0][3:5] == (dt.date(2026, 12, 7), True) and rows[0][5]
    assert _task_days(session_factory) == [dt.date(2026, 12, 9)]
    assert rows[1][3] == dt.date(2026, 12, 11)  # the other pushed to next Friday


def test_option_two_pressed_runs_too(session_factory):
    chat = _chat(session_factory)
    first, second = _follow_ups(chat, "张伟")
    asked = chat.reply(f"{first}完成 客户约了周三技术交流，然后推迟 {second} 到下周五", user="张伟")
    reply = chat.press(asked.buttons[1], user="张伟")
    assert reply.ok, reply.text
    rows = _visits(session_factory)
    assert (rows[0][3], rows[0][4], rows[0][5]) == (dt.date(2026, 12, 7), True, "客户约了周三技术交流")
    assert _task_days(session_factory) == [dt.date(2026, 12, 9)]  # the new follow-up: a task (fix29a)
    assert rows[1][3] == dt.date(2026, 12, 11)
