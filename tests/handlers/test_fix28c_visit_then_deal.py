"""r25zh W1: a visit whose message goes on `；另外顺便给腾讯开个商机 安全模块 12万` or `。另外给海尔开个商机
ERP二期 40万` kept the deal's sentence in the visit's notes and opened no deal. The clause after
另外/顺便 is a line of its own (handlers/sales/visit_joined.py), as `also open a deal …` is in
English; `给腾讯开个商机 …` names the customer as `给这家开个商机 …` refers to one."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, notes, title, amount", [
    ("今天去了腾讯 见了李总 聊了续约的事 下周三再跟进；另外顺便给腾讯开个商机 安全模块 12万",
     "见了李总 聊了续约的事", "安全模块", 120000),
    ("拜访 腾讯：王总对ERP二期有兴趣 下周一跟进。另外给腾讯开个商机 ERP二期 40万",
     "王总对ERP二期有兴趣", "ERP二期", 400000),
    ("拜访 腾讯：聊了续约 下周一跟进，另外给腾讯开个商机 安全模块 12万", "聊了续约", "安全模块", 120000),
])
def test_a_deal_after_another_in_a_visit_is_opened(session_factory, said, notes, title, amount):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Bo",))
    assert chat.reply("客户 +腾讯", user="Bo").ok
    reply = chat.reply(said, user="Bo")
    assert reply.ok, reply.text
    assert "已记录拜访" in reply.text and "已新建商机" in reply.text, reply.text
    with session_factory() as s:
        visit = s.scalars(select(Visit)).one()
        deal = s.scalars(select(Deal)).one()
        assert visit.notes == notes and visit.follow_up_on is not None, visit.notes
        assert deal.title == title and int(deal.amount) == amount


def test_a_deal_for_a_named_customer_alone(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Bo",))
    assert chat.reply("客户 +腾讯", user="Bo").ok
    reply = chat.reply("另外给腾讯开个商机 安全模块 12万", user="Bo")
    assert reply.ok and "已新建商机" in reply.text, reply.text
    with session_factory() as s:
        assert [(d.title, int(d.amount)) for d in s.scalars(select(Deal))] == [("安全模块", 120000)]
        assert s.scalars(select(Visit)).all() == []
