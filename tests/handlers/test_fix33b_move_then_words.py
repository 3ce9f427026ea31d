"""r29zh D: `阿里巴巴数据平台 推进到需求确认了，客户下周要看demo` dropped the stage move and offered only
`客户下周要看demo` (a customer command), whose tap offered a new customer "下周要看demo". A deal moved in
a sentence is that deal's move whatever is said after it (`demo`, `meeting`): the move offered, with
the words after it as a visit's notes or without them; never a customer. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import customer_names, deal_rows, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@pytest.mark.parametrize("said, user, stage, notes", [
    ("阿里巴巴数据平台 推进到需求确认了，客户下周要看demo", "张伟", "discovery", "客户下周要看demo"),
    ("阿里巴巴数据平台 推进到需求确认了，他们下周要看demo", "张伟", "discovery", "他们下周要看demo"),
    ("阿里巴巴数据平台 推进到方案呈现，对方要约meeting", "张伟", "proposal", "对方要约meeting"),
    ("阿里巴巴数据平台 推进到商务谈判了，demo很顺利", "张伟", "negotiation", "demo很顺利"),
])
def test_a_move_said_before_other_words_is_offered_with_them_as_notes(session_factory, said, user, stage,
                                                                        notes):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    assert chat.reply('商机 +阿里巴巴 "数据平台" 初步接触 5万', user="张伟").ok
    assert chat.reply('deal +Globex "erp" contact 50k', user="Ana").ok
    before, names = records(session_factory), customer_names(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert records(session_factory) == before
    answer = chat.reply("1", user=user)
    if not answer.ok:  # `下周`, `next week` in the notes: a follow-up day or notes? asked; notes
        answer = chat.reply("2", user=user)
    assert answer.ok, answer.text
    deal = 1 if user == "张伟" else 2
    assert [s for i, s in deal_rows(session_factory, "id", "stage") if i == deal] == [stage]
    assert visit_rows(session_factory, "notes") == [(notes,)]
    assert customer_names(session_factory) == names
