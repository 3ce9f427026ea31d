"""r29zh D: `商机46 初步接触` (no #, 46 the rep's own open deal) offered only `商机"46" 初步接触`, whose tap
made customer "46" and a deal titled "46". A number glued to or after the deal word that is the
member's own open deal is offered as that deal, one tap; a bare number is never offered as a
customer's name. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import customer_names, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@pytest.mark.parametrize("said, user, line, stage", [
    ("商机{n} 初步接触", "张伟", "商机 #{n} 初步接触", "contact"),
    ("商机{n} 方案呈现", "张伟", "商机 #{n} 方案呈现", "proposal"),
    ("商机 {n} 需求挖掘", "张伟", "商机 #{n} 需求挖掘", "discovery"),
    ("deal {n} negotiation", "Ana", "deal #{n} negotiation", "negotiation"),
    ("deal {n} proposal", "Bo", "deal #{n} proposal", "proposal"),
])
def test_a_number_after_the_deal_word_that_is_my_deal_is_that_deal(session_factory, said, user, line, stage):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    assert chat.reply('deal +蔚来 "数据平台" 50万', user=user).ok
    [(number, *_)] = deal_rows(session_factory)
    before, names = records(session_factory), customer_names(session_factory)
    reply = chat.reply(said.format(n=number), user=user)
    assert not reply.ok and [b.command for b in reply.buttons] == [line.format(n=number)], reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert deal_rows(session_factory, "id", "title", "stage") == [(number, "数据平台", stage)]
    assert customer_names(session_factory) == names
