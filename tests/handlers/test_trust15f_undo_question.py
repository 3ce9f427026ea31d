"""Issue #23, round 15: `undo` · `撤销` · `cancel` · `算了` typed while the bot's question is open
cancels the question (nothing of it saved, and the reply says so), never the last saved change: that
change is named, one tap from undone. Fed through the real dispatch with a real database."""
import pytest
from sqlalchemy import select

from storage.models.sales import Change, Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(d.id, d.title, d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))]


def _undone(session_factory) -> int:
    with session_factory() as s:
        return len(s.scalars(select(Change).where(Change.status == "undone")).all())


_HAIER = ('商机 +海尔 "智慧工厂" 初步接触 60万', "海尔那单改到谈判 客户很满意")
_INITECH = ('deal +Initech "pilot" discovery 50k',
            "won initech 58k they signed today, beat globalsoft on price")


@pytest.mark.parametrize("user, setup, said, cancelled, label", [
    ("张伟", _HAIER, "撤销", "已取消我的提问", "↩ 撤销 “商机 +海尔"),
    ("张伟", _HAIER, "算了", "已取消我的提问", "↩ 撤销 “商机 +海尔"),
    ("张伟", _HAIER, "取消", "已取消我的提问", "↩ 撤销 “商机 +海尔"),
    ("Ana", _INITECH, "undo", "Cancelled my question", "↩ Undo “deal +Initech"),
    ("Ana", _INITECH, "cancel", "Cancelled my question", "↩ Undo “deal +Initech"),
    ("Ana", _INITECH, "never mind", "Cancelled my question", "↩ Undo “deal +Initech"),
])
def test_undo_or_cancel_with_a_question_open_cancels_the_question_and_keeps_the_saved_change(
        session_factory, user, setup, said, cancelled, label):
    made, asking = setup
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    assert chat.reply(made, user=user).ok
    saved = _deals(session_factory)
    asked = chat.reply(asking, user=user)
    assert not asked.ok and asked.buttons, asked.text
    reply = chat.reply(said, user=user)
    assert not reply.ok and cancelled in reply.text, reply.text
    assert reply.buttons and reply.buttons[0].label.startswith(label), reply.buttons
    assert _deals(session_factory) == saved and _undone(session_factory) == 0  # nothing undone, nothing
    # of the question saved
    again = chat.reply("1", user=user)  # the one tap: the last saved change undone
    assert again.ok and ("Undone" in again.text or "已撤销" in again.text), again.text
    assert _deals(session_factory) == [] and _undone(session_factory) == 1


@pytest.mark.parametrize("said", ["undo", "撤销", "算了"])
def test_the_undo_offer_lapses_with_the_next_message(session_factory, said):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    assert chat.reply('deal +Initech "pilot" discovery 50k', user="张伟").ok
    assert not chat.reply("won initech 58k they signed today, beat globalsoft on price", user="张伟").ok
    assert not chat.reply(said, user="张伟").ok
    reply = chat.reply("deals", user="张伟")  # another message: the offer goes unsaid, nothing undone
    assert reply.ok and "question is closed" not in reply.text, reply.text
    assert "上一个问题已结束" not in reply.text
    assert len(_deals(session_factory)) == 1 and _undone(session_factory) == 0


def test_undo_with_a_question_open_and_nothing_saved_only_cancels(session_factory):
    chat = Chat(session_factory)
    chat.team()
    asked = chat.reply("won initech 58k they signed today, beat globalsoft on price")
    assert not asked.ok and asked.buttons, asked.text
    reply = chat.reply("undo")
    assert not reply.ok and reply.text == "Cancelled my question: nothing from it was saved.", reply.text
    assert not reply.buttons and _deals(session_factory) == []


def test_undo_with_no_question_open_still_undoes(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply('deal +Initech "pilot" discovery 50k').ok
    reply = chat.reply("undo")
    assert reply.ok and "Undone" in reply.text, reply.text
    assert _deals(session_factory) == []
