"""Round 22 (r22en #8, #77, #186): two commands joined by `and` or a comma, the second without its
command word (handlers/grammar/and_joined.py): snoozes each with a number and a day run both; two
tasks each with a day, or a win and a deal's move by number, are offered with one tap running both.
`task call acme and globex by fri` stays one task."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import Chat, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=SUN, manager="Mia", reps=("Ana", "张伟"))


@pytest.mark.parametrize("user, said, titles", [
    ("Ana", "task send xiaomi revised quote w 10% disc by tue and call byd procurement tmrw am",
     [("send xiaomi revised quote w 10% disc", dt.date(2026, 12, 8)),
      ("call byd procurement in the morning", dt.date(2026, 12, 7))]),
    ("Ana", "task send the deck by tue, call globex fri",
     [("send the deck", dt.date(2026, 12, 8)), ("call globex", dt.date(2026, 12, 11))]),
    ("张伟", "任务 周二前给小米发报价，明天上午给比亚迪打电话", None),
])
def test_two_tasks_each_with_a_day_are_offered_both(session_factory, user, said, titles):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert ("two things" in reply.text or "两件事" in reply.text), reply.text
    assert task_rows(session_factory) == []
    done = chat.reply("1", user=user)
    assert done.ok, done.text
    made = task_rows(session_factory)
    assert len(made) == 2 and (titles is None or made == titles), made


def test_one_task_with_and_in_its_title_is_made_at_once(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("task call acme and globex by fri")
    assert reply.ok, reply.text
    assert task_rows(session_factory) == [("call acme and globex", dt.date(2026, 12, 11))]


@pytest.mark.parametrize("user, said", [
    ("Ana", "snooze {a} 3 days, {b} to eom"),
    ("Ana", "snooze {a} 3 days and {b} to eom"),
    ("张伟", "推迟 {a} 3天，{b} 到月底"),
])
def test_two_snoozes_each_with_a_number_run_both(session_factory, user, said):
    chat = _chat(session_factory)
    zh = user == "张伟"
    for visit in (("拜访 +小米：聊了报价 跟进 明天", "拜访 +格力：见了采购 跟进 明天") if zh else
                  ("visit +Acme: pricing; follow up tomorrow", "visit +Globex: met cto; follow up tomorrow")):
        assert chat.reply(visit, user=user).ok
    with session_factory() as s:
        a, b = s.scalars(select(Visit.id).order_by(Visit.id))
    reply = chat.reply(said.format(a=a, b=b), user=user)
    assert reply.ok and ("Dec 31" in reply.text or "12月31日" in reply.text), reply.text
    with session_factory() as s:
        days = [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))]
    assert days[1] == dt.date(2026, 12, 31) and days[0] > dt.date(2026, 12, 7), days


@pytest.mark.parametrize("said", ["deal #{a} won 118k and #{b} to contact",
                                  "won #{a} 118k and #{b} to contact"])
def test_a_win_and_a_deal_moved_are_offered_both(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("deal +Acme 100k").ok and chat.reply("deal +Globex 50k").ok
    with session_factory() as s:
        a, b = s.scalars(select(Deal.id).order_by(Deal.id))
    reply = chat.reply(said.format(a=a, b=b))
    assert not reply.ok and f"deal #{b} to contact" in reply.text, reply.text
    assert "reason" not in reply.text
    with session_factory() as s:
        before = [(d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))]
    assert before[0][0] != "won"
    assert chat.reply("1").ok
    with session_factory() as s:
        after = [(d.stage, int(d.amount), d.reason) for d in s.scalars(select(Deal).order_by(Deal.id))]
    assert after[0][:2] == ("won", 118000) and after[1][0] == "contact", after
    assert "contact" not in (after[0][2] or ""), after
