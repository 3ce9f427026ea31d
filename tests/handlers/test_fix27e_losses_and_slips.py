"""Round 24 (r24en), fix27e: a loss, its competitor and a close's slip said in words; a year in a new
deal's title; EN and ZH, the reply and the rows.

1. `globex pilot is dead, lost to alibaba cloud on price`: the loss of Globex's Pilot offered (never a
   customer `to alibaba cloud`); `小米CRM 丢单了 预算砍了`: 丢单 is a loss word.
2. `went w a cheaper vendor, huawei cloud i think`: the competitor said after words naming no one.
3. `不对 竞争对手是华为云` / `no, competitor was huawei cloud` right after a loss: its competitor.
4. `stark pilot slipping to feb 🙁`, `globex renewal slipped to q2`, `小米那单要拖到二月了`: the close.
5. `also open a deal for it, renewal 2027 60k`: the title "renewal 2027", ¥60K."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, manager="Mia", reps=("Ana", "Bo", "张伟"))


def _deal(session_factory, deal_id: int = 1) -> tuple:
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.reason, deal.reason_category, deal.competitor


def _close(session_factory, deal_id: int = 1) -> dt.date | None:
    with session_factory() as s:
        return s.get(Deal, deal_id).expected_close


# -- 1. a loss said in words, whom it went to after it ----------------------------------------------

def test_a_loss_and_whom_it_went_to_offers_that_deal(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "Pilot" 80k', user="Bo").ok
    reply = chat.reply("globex pilot is dead, lost to alibaba cloud on price", user="Bo")
    assert not reply.ok and "lost #1: lost to alibaba cloud on price" in reply.text, reply.text
    assert "to alibaba cloud on price" not in reply.text.split("\n")[0], reply.text
    assert _deal(session_factory)[0] == "lead"  # nothing stored yet
    reply = chat.reply("1", user="Bo")
    assert reply.ok and "Competitor: Alibaba Cloud." in reply.text, reply.text
    assert _deal(session_factory) == ("lost", "lost to alibaba cloud on price", "", "Alibaba Cloud")
    assert chat.reply("price", user="Bo").ok  # competitor · price: which decided it, asked
    assert _deal(session_factory)[2] == "price"


def test_lost_to_alone_is_no_customer(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "Pilot" 80k', user="Bo").ok
    reply = chat.reply("lost to alibaba cloud on price", user="Bo")
    assert not reply.ok and "no open deal with to" not in reply.text, reply.text
    with session_factory() as s:
        assert [c.name for c in s.scalars(select(Customer))] == ["Globex"]
    assert _deal(session_factory)[0] == "lead"


def test_diudan_is_a_loss_word(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('商机 +小米 "CRM" 20万', user="张伟", lang="zh").ok
    reply = chat.reply("小米CRM 丢单了 预算砍了", user="张伟", lang="zh")
    assert not reply.ok and "输单 #1：预算砍了" in reply.text and "拜访" not in reply.text, reply.text
    assert _deal(session_factory)[0] == "lead"
    assert chat.reply("1", user="张伟", lang="zh").ok
    assert _deal(session_factory) == ("lost", "预算砍了", "budget", "")


# -- 2. the competitor named after words that name no one ------------------------------------------

@pytest.mark.parametrize("user, opened, said, reason, competitor", [
    ("Bo", 'deal +Globex "Pilot" 80k', "lost #1: went w a cheaper vendor, huawei cloud i think",
     "went w a cheaper vendor, huawei cloud i think", "Huawei Cloud"),
    ("张伟", '商机 +小米 "CRM" 20万', "输单 #1：输给了一家小公司，用友", "输给了一家小公司，用友", "用友"),
])
def test_a_competitor_named_after_no_name_is_kept(session_factory, user, opened, said, reason, competitor):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and competitor in reply.text, reply.text
    stage, stored, _category, rival = _deal(session_factory)
    assert (stage, stored, rival) == ("lost", reason, competitor)


# -- 3. whom a loss just recorded went to, said next ------------------------------------------------

@pytest.mark.parametrize("user, opened, lost, said, shown", [
    ("Bo", 'deal +Globex "Pilot" 80k', "lost #1: they were cheaper",
     "no, competitor was huawei cloud", "Deal #1 (Pilot): competitor Huawei Cloud."),
    ("张伟", '商机 +京东 "续约" 8万', "输单 #1：对方更便宜", "不对 竞争对手是华为云",
     "商机 #1（续约）：竞争对手记为华为云。"),
])
def test_a_competitor_said_right_after_a_loss_is_its_own(session_factory, user, opened, lost, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    chat.reply(lost, user=user)
    before = _deal(session_factory)
    assert before[0] == "lost" and before[3] == ""
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert "visit" not in reply.text and "拜访" not in reply.text, reply.text
    assert _deal(session_factory) == (*before[:3], "Huawei Cloud" if user == "Bo" else "华为云")
    assert chat.reply("undo", user=user).ok
    assert _deal(session_factory) == before


def test_a_competitor_said_after_another_change_sets_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "Pilot" 80k', user="Bo").ok
    assert chat.reply("lost #1: too expensive", user="Bo").ok
    assert chat.reply("visit Globex: went over the loss", user="Bo").ok
    chat.reply("no, competitor was huawei cloud", user="Bo")
    assert _deal(session_factory)[3] == ""


# -- 4. a close slipping, said in words ------------------------------------------------------------

@pytest.mark.parametrize("user, opened, said, close, shown", [
    ("Bo", 'deal +Stark "Pilot" 300k close 1/27', "stark pilot slipping to feb 🙁", dt.date(2027, 2, 1),
     "Mon, Feb 1, 2027"),
    ("Bo", 'deal +Globex "renewal" 80k close jan 12', "globex renewal slipped to q2", dt.date(2027, 6, 30),
     "Wed, Jun 30, 2027"),
    ("张伟", '商机 +小米 "CRM" 20万 预计 1月6日', "小米那单要拖到二月了", dt.date(2027, 2, 1),
     "2027年2月1日"),
])
def test_a_close_slipping_moves_the_members_deal(session_factory, user, opened, said, close, shown):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text and "visit" not in reply.text, reply.text
    assert _close(session_factory) == close
    assert chat.reply("undo", user=user).ok and _close(session_factory) != close


def test_a_managers_slip_of_a_reps_deal_is_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Stark "Pilot" 300k close 1/27', user="Bo").ok
    reply = chat.reply("stark pilot slipping to feb 🙁", user="Mia")
    assert not reply.ok and "deal #1 close feb" in reply.text and "visit" not in reply.text, reply.text
    assert _close(session_factory) == dt.date(2027, 1, 27)
    assert chat.reply("1", user="Mia").ok
    assert _close(session_factory) == dt.date(2027, 2, 1)


# -- 5. a year in a new deal's title ---------------------------------------------------------------

@pytest.mark.parametrize("user, visit, said, title, lang", [
    ("Bo", "visit +Initech: talked about next yr", "also open a deal for it, renewal 2027 60k",
     "renewal 2027", None),
    ("张伟", "拜访 +京东：聊了新项目", "给这家开个商机 续约 2027 6万", "续约 2027", "zh"),
])
def test_a_year_in_a_title_before_the_amount(session_factory, user, visit, said, title, lang):
    chat = _chat(session_factory)
    assert chat.reply(visit, user=user, lang=lang).ok
    reply = chat.reply(said, user=user, lang=lang)
    assert reply.ok and title in reply.text and "couldn't read" not in reply.text, reply.text
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert (deal.title, deal.amount, s.get(Customer, deal.customer_id).name) == (
            title, Decimal("60000"), visit.split("+")[1].split(":")[0].split("：")[0])


def test_a_competitor_said_as_the_category_asked_is_kept_too(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "Pilot" 80k', user="Bo").ok
    reply = chat.reply("lost #1: they went with someone cheaper, budget was tight", user="Bo")
    assert reply.buttons, reply.text  # which decided it: asked
    reply = chat.reply("no, competitor was huawei cloud", user="Bo")
    assert reply.ok and "counted under competitor" in reply.text, reply.text
    assert _deal(session_factory)[2:] == ("competitor", "Huawei Cloud")
