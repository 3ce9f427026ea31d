"""Round 20 (en): `also open a deal for it, security module 80k discovery`, right after a visit to
Wayne Enterprises, made a new customer "it security module". Rule: a customer said as a pronoun or
a reference (it, them, they, this customer, same customer, 他们, 这家, 这个客户, 同一个客户) is the
customer of the member's last message in that conversation, said back in the reply (a deal's
words after it are its title); with none, it is asked and nothing is stored, never a customer whose
name begins with a pronoun. A filler before a command word (also, and, 还有, 另外, 再) says nothing."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    with session_factory() as s:
        customers = sorted(s.scalars(select(Customer.name)).all())
        name = lambda row: s.get(Customer, row.customer_id).name  # noqa: E731 - one line
        deals = [(d.title, name(d)) for d in s.scalars(select(Deal).order_by(Deal.id))]
        visits = [(name(v), v.notes) for v in s.scalars(select(Visit).order_by(Visit.id))]
    return customers, deals, visits


@pytest.mark.parametrize("user, first, said, title, customer, ref", [
    ("Bo", "visit Wayne Enterprises: met bruce, wants the security module",
     "also open a deal for it, security module 80k discovery", "security module", "Wayne Enterprises", "it"),
    ("Bo", "visit Wayne Enterprises: met bruce", 'deal it "security module" 80k discovery', "security module",
     "Wayne Enterprises", "it"),
    ("Bo", "visit Wayne Enterprises: met bruce", 'and deal this customer "ERP" 50k', "ERP",
     "Wayne Enterprises", "this customer"),
    ("Bo", "visit Wayne Enterprises: met bruce", 'deal same customer "ERP" proposal 50k', "ERP",
     "Wayne Enterprises", "same customer"),
    ("张伟", "拜访 华为：聊了报价", "商机 他们 安全模块 8万 需求挖掘", "安全模块", "华为", "他们"),
    ("张伟", "拜访 华为：聊了报价", "还有 商机 这个客户 ERP 5万", "ERP", "华为", "这个客户"),
    ("张伟", "拜访 华为：聊了报价", "另外 商机 同一个客户 ERP 5万", "ERP", "华为", "同一个客户"),
])
def test_a_deal_for_it_is_for_the_last_messages_customer(team_chat, session_factory, user, first, said,
                                                         title, customer, ref):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    assert team_chat.reply(first, user=user).ok
    reply = team_chat.reply(said, user=user)
    assert reply.ok and f"“{ref}”" in reply.text and customer in reply.text, reply.text
    customers, deals, _visits = _rows(session_factory)
    assert customers == [customer] and deals == [(title, customer)]


@pytest.mark.parametrize("user, said, ref", [
    ("Bo", "visit them: demo went well", "them"),
    ("Bo", "visit they: demo went well", "they"),
    ("张伟", "拜访 这家：又聊了一次", "这家"),
    ("张伟", "再 拜访 他们：又聊了一次", "他们"),
])
def test_a_visit_to_them_is_to_the_last_messages_customer(team_chat, session_factory, user, said, ref):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    first = "拜访 华为：聊了报价" if user == "张伟" else "visit Wayne Enterprises: met bruce"
    customer = "华为" if user == "张伟" else "Wayne Enterprises"
    assert team_chat.reply(first, user=user).ok
    reply = team_chat.reply(said, user=user)
    assert reply.ok and f"“{ref}”" in reply.text and customer in reply.text, reply.text
    customers, _deals, visits = _rows(session_factory)
    assert customers == [customer] and len(visits) == 2 and visits[1][0] == customer


@pytest.mark.parametrize("user, before, said", [
    ("Ana", None, 'deal them "erp" 50k'),
    ("Ana", "pipeline", "also open a deal for it, security module 80k discovery"),
    ("张伟", None, "商机 这家 安全模块 8万"),
    ("张伟", "待跟进", "拜访 他们：聊了报价"),
])
def test_with_no_customer_in_the_last_message_it_is_asked(team_chat, session_factory, user, before, said):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    if before:
        team_chat.reply(before, user=user)
    reply = team_chat.reply(said, user=user)
    assert not reply.ok and ("Which customer?" in reply.text or "是哪个客户" in reply.text), reply.text
    assert _rows(session_factory) == ([], [], [])


def test_the_last_message_in_another_conversation_names_no_customer_here(team_chat, session_factory):
    """Only the member's own last message counts: another member's visit names nothing for Ana."""
    assert team_chat.reply("visit Wayne Enterprises: met bruce", user="Bo").ok
    reply = team_chat.reply('deal it "security module" 80k', user="Ana")
    assert not reply.ok and "Which customer?" in reply.text
    assert _rows(session_factory)[1] == []
