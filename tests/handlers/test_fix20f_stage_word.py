"""Round 20 (en): `new deal Initrode, cloud migration, 25k usd, qualification stage, close q1` was
refused whole because of the word "stage". Rule: a stage's name followed by `stage`/`阶段` (apart or
glued: `需求挖掘阶段`) is that stage. And a deal said as a list (`Initrode, cloud migration, …`) asks
whether the words after the first comma are its title (one tap), never making a customer of the
list's words."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer
from support import deal_rows

pytestmark = pytest.mark.phrasing


_DEALS = ("title", "customer", "stage", "amount")  # what the tests read


@pytest.mark.parametrize("typed, user, title, customer, stage, said", [
    ('deal Initrode "cloud migration" 25k qualification stage close q1', "Ana", "cloud migration", "Initrode",
     "discovery", "Stage: Discovery"),
    ('deal Globex "ERP" proposal stage 50k', "Ana", "ERP", "Globex", "proposal", "Stage: Proposal"),
    ('deal Hooli "CRM" negotiation stage, 80k', "Ana", "CRM", "Hooli", "negotiation", "Stage: Negotiation"),
    ("商机 华为 ERP项目 需求挖掘阶段 5万", "张伟", "ERP项目", "华为", "discovery", "阶段: 需求挖掘"),
    ("商机 小米 数据平台 方案呈现 阶段 8万", "张伟", "数据平台", "小米", "proposal", "阶段: 方案呈现"),
])
def test_a_stage_named_with_the_word_stage_is_that_stage(team_chat, session_factory, typed, user, title,
                                                          customer, stage, said):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    reply = team_chat.reply(typed, user=user)
    assert reply.ok and said in reply.text, reply.text
    [(got_title, got_customer, got_stage, _amount)] = deal_rows(session_factory, *_DEALS)
    assert (got_title, got_customer, got_stage) == (title, customer, stage)


def test_a_move_said_with_stage_moves_the_deal(team_chat, session_factory):
    assert team_chat.reply('deal Globex "ERP" proposal 50k').ok
    reply = team_chat.reply("deal #1 negotiation stage")
    assert reply.ok and "Moved Proposal → Negotiation." in reply.text, reply.text
    assert deal_rows(session_factory, *_DEALS)[0][2] == "negotiation"


@pytest.mark.parametrize("typed, user, title", [
    ("new deal Initrode, cloud migration, 25k usd, qualification stage, close q1", "Ana", "cloud migration"),
    ("deal Initrode, cloud migration, 25k, proposal", "Ana", "cloud migration"),
    ("商机 华为，数据平台，方案呈现，5万", "张伟", "数据平台"),
])
def test_a_deal_said_as_a_list_asks_about_its_title_and_the_tap_stores_it(team_chat, session_factory, typed,
                                                                          user, title):
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    asked = team_chat.reply(typed, user=user)
    assert not asked.ok and f"“{title}”" in asked.text, asked.text
    assert deal_rows(session_factory, *_DEALS) == []
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == []  # no customer of the list's words
    taken = team_chat.reply("yes" if user == "Ana" else "好的", user=user)
    assert taken.ok, taken.text
    [(got_title, customer, _stage, _amount)] = deal_rows(session_factory, *_DEALS)
    assert got_title == title and customer == ("Initrode" if user == "Ana" else "华为")
