"""r22zh #8 and the not-understood `这家也开个商机吧 …`: 这家 / it looked only one message back, failed
messages included (`商机 这家 数据平台 30万 方案呈现` after a message not understood, itself after a
京东 visit: "your last message named no customer"). A reference is the customer of the member's
last message that named one, within minutes, said back; with none, asked. A new deal asked for in
words for that customer (`这家也开个商机吧 …`, `给这家开个商机 …`, `also open a deal for it …`) is that
customer's new deal."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.title, d.stage, int(d.amount or 0))
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("user, visit, said, ref, deal", [
    ("Bo", "拜访 +京东：聊了数据平台", "这家也开个商机吧 数据平台 30万 方案阶段", "这家",
     ("京东", "数据平台", "proposal", 300000)),
    ("Bo", "拜访 +京东：聊了数据平台", "给这家开个商机 数据平台 30万 方案呈现", "这家",
     ("京东", "数据平台", "proposal", 300000)),
    ("Bo", "拜訪 +京東：聊了数据平台", "給這家開個商機 数据平台 30万 方案呈现", "这家",
     ("京東", "数据平台", "proposal", 300000)),  # the customer as typed when it was made
    ("Bo", "拜访 +京东：聊了数据平台", "他们家也建一个商机 数据平台 30万", "他们家",
     ("京东", "数据平台", "lead", 300000)),
    ("Ana", "visit +Initech: demo went well", "also open a deal for it, data platform 30k proposal", "it",
     ("Initech", "data platform", "proposal", 30000)),
])
def test_a_deal_opened_for_this_customer(team_chat, session_factory, user, visit, said, ref, deal):
    assert team_chat.reply(visit, user=user).ok
    reply = team_chat.reply(said, user=user)
    assert reply.ok and f"“{ref}”" in reply.text and deal[0] in reply.text, reply.text
    assert _deals(session_factory) == [deal]


@pytest.mark.parametrize("user, visit, failed, said, ref, deal", [
    ("Bo", "拜访 +京东：聊了数据平台", "啦啦啦 嗯嗯", "商机 这家 数据平台 30万 方案呈现", "这家",
     ("京东", "数据平台", "proposal", 300000)),
    ("Ana", "visit +Initech: demo went well", "blah blah", 'deal it "data platform" 30k proposal', "it",
     ("Initech", "data platform", "proposal", 30000)),
])
def test_a_reference_looks_past_a_message_not_understood(team_chat, session_factory, user, visit, failed,
                                                         said, ref, deal):
    # changed on purpose (fix28a, r25en #138): a message not understood may have named another
    # customer (`vist acme …`), so a reference past it is asked, never the customer from before it
    assert team_chat.reply(visit, user=user).ok
    assert not team_chat.reply(failed, user=user).ok
    reply = team_chat.reply(said, user=user)
    assert not reply.ok and f"“{ref}”" in reply.text and deal[0] not in reply.text, reply.text
    assert _deals(session_factory) == []


@pytest.mark.parametrize("user, said", [("Bo", "商机 这家 数据平台 30万 方案呈现"),
                                        ("Ana", 'deal it "data platform" 30k')])
def test_with_no_customer_named_lately_it_is_asked(team_chat, session_factory, user, said):
    team_chat.reply("blah blah", user=user)
    reply = team_chat.reply(said, user=user)
    assert not reply.ok and ("Which customer" in reply.text or "哪个客户" in reply.text), reply.text
    assert _deals(session_factory) == []
