"""Issue #23, round 16 (Chinese): a competitor said as one in a closing reason (`竞品是华为云`,
`竞争对手是用友`, `对手为金蝶`, `competitor was Oracle`, `vs SAP`) is stored as the deal's
competitor, a win's as a loss's (`赢单 京东 私有化部署 36万 交付周期短 竞品是华为云` left it empty),
and never with the `是` that says it (`是华为云`). Fed through the real dispatch with a real database."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line, user in (('商机 +京东 "私有化部署" 方案呈现 36万', "张伟"),
                       ('deal +Acme "Portal" proposal 30k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _closed(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(d.stage, d.reason, d.competitor) for d in s.scalars(select(Deal).order_by(Deal.id))
                if d.stage in ("won", "lost")]


@pytest.mark.parametrize("user, said, stage, reason, rival", [
    ("张伟", "赢单 京东 私有化部署：交付周期短 竞品是华为云", "won", "交付周期短 竞品是华为云", "华为云"),
    ("张伟", "赢单 #1：服务响应快，竞争对手是用友", "won", "服务响应快，竞争对手是用友", "用友"),
    ("张伟", "输单 #1：对手为金蝶 价格太高", "lost", "对手为金蝶 价格太高", "金蝶"),
    ("张伟", "输单 #1：竞品是华为云 报价低两成", "lost", "竞品是华为云 报价低两成", "华为云"),
    ("Ana", "won #2: faster delivery, competitor was Oracle", "won", "faster delivery, competitor was Oracle",
     "Oracle"),
    ("Ana", "won #2: better support vs SAP", "won", "better support vs SAP", "SAP"),
    ("Ana", "lost #2: price vs Salesforce", "lost", "price vs Salesforce", "Salesforce"),
])
def test_a_competitor_said_as_one_is_stored_on_a_win_and_a_loss(session_factory, user, said, stage,
                                                                reason, rival):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert rival in reply.text and f"是{rival}" not in reply.text.split("：")[-1].split("。")[0], reply.text
    assert _closed(session_factory) == [(stage, reason, rival)]


@pytest.mark.parametrize("user, said, reason", [
    ("Ana", "won #2: price vs value", "price vs value"),
    ("张伟", "赢单 #1：对手是谁不清楚 交付快", "对手是谁不清楚 交付快"),
])
def test_words_that_name_no_competitor_store_none(session_factory, user, said, reason):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert _closed(session_factory) == [("won", reason, "")]
