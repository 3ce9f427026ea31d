"""r25en, fix28a D: `also open a deal for them, crm licenses 50 seats 80k` offered the title "50 seats"
and a yes stored it, "crm licenses" dropped: the words after the customer's comma no field claims
are the title's start. Fed through the real dispatch; the team's day is Mon, Dec 7, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _deals(session_factory):
    with session_factory() as s:
        return [(d.title, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("setup, said, offer, yes, title, amount", [
    ("visit +Xiaomi met procurement, want a quote", "also open a deal for them, crm licenses 50 seats 80k",
     '"crm licenses 50 seats" 80k', "yes", "crm licenses 50 seats", 80000),
    ("customer +Xiaomi", "deal xiaomi, crm licenses 50 seats 80k", '"crm licenses 50 seats" 80k', "yes",
     "crm licenses 50 seats", 80000),
    ("客户 +小米", "商机 小米，CRM许可 50套 8万", '"CRM许可 50套" 8万', "好", "CRM许可 50套", 80000),
])
def test_a_title_offered_keeps_every_word_before_its_number(session_factory, setup, said, offer, yes,
                                                              title, amount):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    assert chat.reply(setup, user="Ana").ok
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and offer in asked.text, asked.text
    assert _deals(session_factory) == []
    done = chat.reply(yes, user="Ana")
    assert done.ok and title in done.text, done.text
    assert _deals(session_factory) == [(title, amount)]
