"""Round 23 (English) WRONG #30: `haier crm deal lost to kingdee on price, also gree renewal bumped to
550k` kept "also gree renewal bumped to 550k" in the loss's reason and offered `lost 格力`, which
nobody said. Now a change to another deal said in words after `also`/`另外` is a line of its own
(handlers/grammar/joined_clauses.py): the loss goes to 海尔 only, 格力's amount is changed.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal
from support import make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _deals(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(name, d.stage, d.amount, d.reason) for d, name in s.execute(
            select(Deal, Customer.name).join(Customer, Customer.id == Deal.customer_id).order_by(Deal.id))]


@pytest.mark.parametrize("user, opened, said, reason, amount", [
    ("Bo", ('deal +海尔 "CRM" 100k', 'deal +格力 "renewal" 500k'),
     "haier crm deal lost to kingdee on price, also gree renewal bumped to 550k", "lost to kingdee on price",
     Decimal("550000")),
    ("Bo", ('deal +海尔 "CRM" 100k', 'deal +格力 "renewal" 500k'),
     "lost haier crm to kingdee on price; also gree renewal amount 550k", "to kingdee on price",
     Decimal("550000")),
    ("张伟", ('商机 +海尔 "CRM" 10万', '商机 +格力 "续约" 50万'),
     "海尔CRM输了 被金蝶抢了 价格原因，另外格力续约涨到55万", "被金蝶抢了 价格原因", Decimal("550000")),
])
def test_loss_then_another_deals_change(session_factory, user, opened, said, reason, amount):
    chat = make_team_chat(session_factory, now=SUN, reps=("Bo", "张伟"))
    for line in opened:
        assert chat.reply(line, user=user).ok
    reply = chat.reply(said, user=user)
    if not reply.ok:  # a question about the loss keeps the second line in its one tap
        assert "格力" not in reply.text.split("\n")[0] or "海尔" in reply.text, reply.text
        assert "lost 格力" not in reply.text and "输单 格力" not in reply.text, reply.text
        reply = chat.reply("1", user=user)
    assert reply.ok, reply.text
    assert "550" in reply.text or "55万" in reply.text, reply.text
    assert _deals(session_factory) == [("海尔", "lost", Decimal("100000"), reason),
                                       ("格力", "lead", amount, "")]
