"""Issue #23, round 16 (Chinese): a day in a closing reason typed with no colon is asked about as
one after a colon is: `输单 小米 pilot 客户选了用友 下周再去问问原因` (the reason found after the
deal's title) stored it all as the reason; `lost #2 went with SAP, check back next month why` asked
for a colon first. Now one tap closes the deal with the words before the day and makes a task for
that day, or keeps all as the reason. Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal, Task
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line, user in (('商机 +小米 "Pilot" 方案呈现 20万', "张伟"),
                       ('deal +Acme "Portal" proposal 30k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _rows(session_factory) -> tuple[list, list]:
    with session_factory() as s:
        deals = [(d.id, d.stage, d.reason) for d in s.scalars(select(Deal).order_by(Deal.id))
                 if d.stage in ("won", "lost")]
        tasks = [(t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))]
    return deals, tasks


CASES = [
    ("张伟", "输单 小米 pilot 客户选了用友 下周再去问问原因", 1, "客户选了用友",
     "客户选了用友 下周再去问问原因",
     "再去问问原因", dt.date(2026, 11, 30)),
    ("张伟", "输单 小米 pilot 预算冻结了 下个月3号再联系", 1, "预算冻结了", "预算冻结了 下个月3号再联系",
     "再联系", dt.date(2026, 12, 3)),
    ("Ana", "lost #2 went with SAP, check back next month why", 2, "went with SAP",
     "went with SAP, check back next month why", "check back why", dt.date(2026, 12, 1)),
    ("Ana", "lost #2 budget frozen; call them again on friday", 2, "budget frozen",
     "budget frozen; call them again on friday", "call them again", dt.date(2026, 11, 27)),
]


@pytest.mark.parametrize("user, said, deal, reason, whole, task, due", CASES)
def test_a_day_in_a_reason_typed_without_a_colon_is_asked(session_factory, user, said, deal, reason,
                                                          whole, task, due):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert f"#{deal}" in asked.buttons[0].command and due.isoformat() in asked.buttons[0].command, asked.text
    assert _rows(session_factory) == ([], [])  # asked: nothing stored
    answered = chat.reply("1", user=user)
    assert answered.ok, answered.text
    assert task in answered.text, answered.text
    deals, tasks = _rows(session_factory)
    assert deals == [(deal, "lost", reason)]
    assert tasks == [(task, due)]


@pytest.mark.parametrize("user, said, deal, reason, whole, task, due", CASES)
def test_all_as_the_reason_is_one_tap_too(session_factory, user, said, deal, reason, whole, task, due):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok, asked.text
    answered = chat.press(asked.buttons[1], user=user)
    assert answered.ok, answered.text
    assert _rows(session_factory) == ([(deal, "lost", whole)], [])


def test_a_reason_with_no_day_after_the_title_is_stored_at_once(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("输单 小米 pilot 客户选了用友 价格低两成", user="张伟")
    assert reply.ok and "用友" in reply.text, reply.text
    assert _rows(session_factory) == ([(1, "lost", "客户选了用友 价格低两成")], [])
