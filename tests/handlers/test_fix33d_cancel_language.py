"""r29: cancelling an open question answers in the words of the cancel (`undo` → English), else in
the member's own language, never the cancelled question's (Ana's `undo` after a Chinese offer was
answered in Chinese). Nothing is stored."""
import pytest

from support import deal_rows, visit_rows

pytestmark = pytest.mark.phrasing

_ZH_OFFER = "海尔 那单丢了，客户说我们太贵 比竞品贵30%"
_EN_OFFER = "haier deal lost, they said we are too expensive vs competitor"


@pytest.mark.parametrize("user, offer, cancel, shown", [
    ("Ana", _ZH_OFFER, "undo", "Cancelled my question"),
    ("Ana", _ZH_OFFER, "Undo", "Cancelled my question"),
    ("Ana", _ZH_OFFER, "算了", "已取消我的提问"),
    ("张伟", _EN_OFFER, "算了", "已取消我的提问"),
    ("张伟", _EN_OFFER, "撤销", "已取消我的提问"),
    ("张伟", _ZH_OFFER, "undo", "Cancelled my question"),
])
def test_a_question_cancelled_is_answered_in_the_cancels_words(zh_chat, user, offer, cancel, shown):
    assert zh_chat.reply('deal +海尔 "数据平台" proposal 80k', user=user).ok
    before = deal_rows(zh_chat, "id", "stage"), visit_rows(zh_chat, "id")
    asked = zh_chat.reply(offer, user=user)
    assert not asked.ok and asked.buttons, asked.text  # a question, one tap
    reply = zh_chat.reply(cancel, user=user)
    assert shown in reply.text, reply.text
    assert (deal_rows(zh_chat, "id", "stage"), visit_rows(zh_chat, "id")) == before  # nothing stored
