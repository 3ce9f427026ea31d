"""Issue #23, round 32: `小米的单子其实是30万不是32` (the 小米 deal at 32万) was offered as a visit, or
as the change "without the words" `其实是30万不是32`. The amount said wrong after the right one
(`不是32`, `not 320k`) and the words of a correction (`其实是`, `actually`) are read: the deal's
amount is corrected, said back by its card."""
from decimal import Decimal

import pytest

from support import deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, user", [
    ("小米的单子其实是30万不是32", "张伟"),
    ("小米那单金额其实是30万", "张伟"),
    ("小米那单其实是30万，不是32万", "张伟"),
    ("小米的单子金额应该是30万", "张伟"),
    ("the xiaomi deal is actually 300k not 320k", "Ana"),
    ("xiaomi deal is 300k, not 320k", "Ana"),
    ("actually the xiaomi deal amount is 300k", "Ana"),
])
def test_an_amount_put_right_in_a_sentence_is_the_deals(session_factory, said, user):
    chat = make_team_chat(session_factory, manager="王芳", reps=("张伟", "Ana"))
    deal = '商机 小米 "CRM" 方案呈现 32万' if user == "张伟" else 'deal 小米 "CRM" proposal 320k'
    chat.said_ok(deal, user=user)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert ("商机 #1" if user == "张伟" else "Deal #1") in reply.text, reply.text
    assert deal_rows(session_factory, "id", "amount") == [(1, Decimal(300000))]
