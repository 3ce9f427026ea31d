"""Round 15's fresh-eyes findings (issue #23), class 3: a win whose deal's title is glued to its
customer's name (`won wayne security audit 240k: …, follow up on invoice fri`) offers the win and a
task for the follow-up; tapping that offer closes the deal and stores the task about that customer
(and deal), never "no customer 'wayne security audit'" with a bogus customer offered. Today is
Sunday, Dec 6, 2026. (The property that every offer is done when tapped or typed covers these too:
tests/handlers/test_offers_keep_words.py, tests/handlers/test_trust13b_offers_understood.py.)"""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    chat.now = at("2026-12-06")
    for user, line in (("Bo", "visit +Wayne Enterprises: intro"),
                       ("Bo", 'deal Wayne Enterprises "security audit" proposal 250k'),
                       ("Ana", "visit +Acme Corp: intro"), ("Ana", 'deal Acme Corp "Analytics" lead 20k'),
                       ("张伟", "拜访 +腾讯：初次见面"), ("张伟", '商机 腾讯 "云服务" 初步接触 8万')):
        assert chat.reply(line, user=user).ok, line
    return chat


def _stored(session_factory):
    with session_factory() as s:
        deals = [(d.title, d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))]
        tasks = [(t.title, t.due_on, s.get(Customer, t.customer_id).name if t.customer_id else None,
                  s.get(Deal, t.deal_id).title if t.deal_id else None)
                 for t in s.scalars(select(Task).order_by(Task.id))]
        customers = sorted(c.name for c in s.scalars(select(Customer)))
    return deals, tasks, customers


@pytest.mark.parametrize(("user", "said", "deal", "task"), [
    ("Bo", "won wayne security audit 240k: cfo liked our audit trail, follow up on invoice fri",
     ("security audit", "won", 240000),
     ("invoice", dt.date(2026, 12, 11), "Wayne Enterprises", "security audit")),
    ("Bo", "won wayne security audit 240k - audit trail won it, fu next tue re the invoice",
     ("security audit", "won", 240000), ("re the invoice", dt.date(2026, 12, 8), "Wayne Enterprises",
                                         "security audit")),
    ("Ana", "won acme corp analytics 20k: good demo; follow up fri about onboarding",
     ("Analytics", "won", 20000), ("about onboarding", dt.date(2026, 12, 11), "Acme Corp", "Analytics")),
    ("张伟", "赢单 腾讯 云服务 8万：价格合适，下周一跟进回款",
     ("云服务", "won", 80000), ("回款", dt.date(2026, 12, 7), "腾讯", None)),
])
def test_the_offered_win_and_task_is_done_when_tapped(session_factory, user, said, deal, task):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert _stored(session_factory) == before  # nothing stored while asked
    done = chat.press(asked.buttons[0], user=user)
    assert done.ok, done.text
    assert task[2] in done.text and task[0] in done.text, done.text
    deals, tasks, customers = _stored(session_factory)
    assert deal in deals and tasks == [task], tasks
    assert customers == before[2]  # no customer made of the deal's words
