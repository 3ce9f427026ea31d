"""r31en #156: `张伟's haier ERP deal has been sitting for 2 months, move it to Bo` (by the manager) was
offered as a visit with all of it as notes. A deal given to someone in a sentence (move it to Bo,
hand it over to Bo, pass the deal to Bo, 转给Bo, 交给Bo跟) is the deal's owner change, offered; tapped,
the deal is Bo's and one `undo` gives it back. A rep saying it is told only a manager can (a tap
that would be refused is never offered), and `move it to negotiation` is no handover."""
import pytest

from support import deal_rows, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("张伟", "Bo"))
    assert chat.reply('商机 +海尔 "ERP" 50万', user="张伟").ok
    return chat


@pytest.mark.parametrize("said, offer", [
    ("张伟's haier ERP deal has been sitting for 2 months, move it to Bo", "give deal 1 to Bo"),
    ("haier ERP deal is stuck, hand it over to Bo", "give deal 1 to Bo"),
    ("海尔 ERP has been stuck forever - pass the deal to Bo", "give deal 1 to Bo"),
    ("张伟的海尔ERP放了两个月了 转给Bo", "1号单子转给Bo"),
    ("海尔那个ERP 交给Bo跟吧", "1号单子转给Bo"),
])
def test_a_deal_given_in_words_is_offered_as_the_handover(session_factory, said, offer):
    chat = _chat(session_factory)
    before = records(session_factory)
    asked = chat.reply(said, user="王芳")
    assert not asked.ok and offer in asked.text, asked.text
    assert records(session_factory) == before and visit_rows(chat) == []
    done = chat.reply("好" if "号" in offer else "yes", user="王芳")
    assert done.ok and "Bo" in done.text, done.text
    assert deal_rows(chat, "owner", "title") == [("Bo", "ERP")]
    assert chat.reply("撤销" if "号" in offer else "undo", user="王芳").ok
    assert deal_rows(chat, "owner", "title") == [("张伟", "ERP")]


@pytest.mark.parametrize("said, shown", [
    ("my haier ERP deal, move it to Bo", "only a manager"),
    ("海尔那个ERP单子 转给Bo吧", "只有经理"),
])
def test_a_rep_is_told_only_a_manager_gives_a_deal(session_factory, said, shown):
    chat = _chat(session_factory)
    before = records(session_factory)
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and shown in asked.text and not asked.buttons, asked.text
    assert records(session_factory) == before
    assert deal_rows(chat, "owner") == [("张伟",)]
