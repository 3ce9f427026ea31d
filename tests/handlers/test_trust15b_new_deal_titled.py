"""Round 15 (issue #23): a message that says a NEW deal and names its title in words (`新建个商机 叫
数字化转型 100万`, `再开一个单子 名叫数据中台`, `new deal for acme called data platform 50k`) makes (or
offers) that new deal with its title and fields, never the change of the customer's deal there is
without those words, and never a title that holds `called`."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(d.title, d.stage, int(d.amount or 0)) for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.fixture
def with_deal(team_chat, session_factory):
    """Ana's open deal with 华为 and with Acme: the deals a change in words could be."""
    assert team_chat.reply('商机 华为 "云迁移" 方案 50万', user="Ana", lang="zh").ok
    assert team_chat.reply('deal Acme "pilot" proposal 20k', user="Ana", lang="en").ok
    return team_chat


@pytest.mark.parametrize(("said", "title", "stage", "amount"), [
    ("华为 新建个商机 叫数字化转型 100万", "数字化转型", "lead", 1_000_000),
    ("华为 再建一个商机 名叫数据中台 方案 30万", "数据中台", "proposal", 300_000),
    ("华为那边新开个项目，叫智慧园区，20万", "智慧园区", "lead", 200_000),
    ("新建商机 华为 叫 “边缘计算” 商务谈判 8万", "边缘计算", "negotiation", 80_000),
    ("new deal for acme called data platform 50k", "data platform", "lead", 50_000),
    ("acme: another deal titled edge ai pilot, negotiation 80k", "edge ai pilot", "negotiation", 80_000),
    ("create a new deal for acme named crm 2.0 50k", "crm 2.0", "lead", 50_000),
])
def test_a_new_deal_titled_in_words_is_made(with_deal, session_factory, said, title, stage, amount):
    before = _deals(session_factory)
    reply = with_deal.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert title in reply.text
    assert _deals(session_factory) == [*before, (title, stage, amount)]


@pytest.mark.parametrize(("said", "left", "line"), [
    ("华为明年预算那个 新建个商机 叫数字化转型 100万", "明年预算", '商机 华为 "数字化转型" 100万'),
    ("华为明年预算那个 新建个商机 叫数字化转型 线索阶段 金额先写100万", "明年预算",
     '商机 华为 "数字化转型" 线索 100万'),
    ("acme new deal called data platform 50k per the cfo", "cfo", 'deal Acme "data platform" 50k'),
])
def test_a_new_deal_with_words_no_field_claims_is_offered_new(with_deal, session_factory, said, left, line):
    before = _deals(session_factory)
    reply = with_deal.reply(said, user="Ana")
    assert not reply.ok and left in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [line]
    assert "#1" not in reply.text and "#2" not in reply.text  # no deal there is offered
    assert _deals(session_factory) == before  # nothing stored until tapped
    assert with_deal.reply("1", user="Ana").ok
    assert _deals(session_factory)[-1][0] == line.split('"')[1]
    assert len(_deals(session_factory)) == len(before) + 1
