"""Issue #23, round 17 (Chinese): words that take a message back, typed inside its free text, were
stored as that text: `哦上周已经记过了 撤销` sent right after `赢单 联想 20万` became the win's reason,
and `输单 京东 续约：客户说明年预算冻结 不对 还没输 撤回` stored a loss whose reason ends "不对 还没输
撤回". Now a reason, notes or a title holding 撤销/撤回/取消/算了/不对/undo/cancel/scratch that/never mind
(on their own) is asked about, never stored: one tap saves it without those words, or as typed; a
reason sent after a win that takes it back asks "undo the win, or keep it with this reason?".
Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line, user in (('商机 +小米 "Pilot" 方案呈现 20万', "张伟"),
                       ('deal +Acme "Portal" proposal 30k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _deals(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(d.id, d.stage, d.reason) for d in s.scalars(select(Deal).order_by(Deal.id))]


def _visits(session_factory) -> list[str]:
    with session_factory() as s:
        return [v.notes for v in s.scalars(select(Visit).order_by(Visit.id))]


CLOSES = [
    ("张伟", "输单 小米 pilot：客户说明年预算冻结 不对 还没输 撤回", 1, "不对 还没输 撤回",
     "客户说明年预算冻结"),
    ("张伟", "输单 #1：价格太高 算了", 1, "算了", "价格太高"),
    ("张伟", "赢单 #1 20万：客户关系好 撤销", 1, "撤销", "客户关系好"),
    ("Ana", "lost #2: budget frozen, scratch that", 2, "scratch that", "budget frozen"),
    ("Ana", "lost #2: went with SAP - never mind", 2, "never mind", "went with SAP"),
    ("Ana", "won #2 30k: better price, undo", 2, "undo", "better price"),
]


@pytest.mark.parametrize("user, said, deal, words, kept", CLOSES)
def test_a_close_whose_reason_takes_it_back_is_asked_never_stored(session_factory, user, said, deal, words,
                                                                    kept):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and words in asked.text and len(asked.buttons) == 2, asked.text
    assert [stage for _id, stage, _r in _deals(session_factory)] == ["proposal", "proposal"]  # nothing closed
    answered = chat.press(asked.buttons[0], user=user)  # without the words that take it back
    assert answered.ok, answered.text
    row = next(r for r in _deals(session_factory) if r[0] == deal)
    assert row[1] in ("won", "lost") and row[2] == kept


def test_as_typed_is_one_tap_too(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("输单 #1：价格太高 算了", user="张伟")
    answered = chat.press(asked.buttons[1], user="张伟")
    assert answered.ok, answered.text
    assert _deals(session_factory)[0] == (1, "lost", "价格太高 算了")


def test_no_leaves_it_unsaved(session_factory):
    chat = _chat(session_factory)
    chat.reply("输单 小米 pilot：客户说明年预算冻结 不对 还没输 撤回", user="张伟")
    assert chat.reply("不", user="张伟").ok
    assert _deals(session_factory)[0] == (1, "proposal", "")


NOTES = [
    ("张伟", "拜访 小米：见了王总 聊了报价 算了", "算了"),
    ("张伟", "拜访 小米：客户说下个月再看 不对 撤回", "不对 撤回"),
    ("Ana", "visit Acme: met Tom about pricing, never mind", "never mind"),
    ("Ana", "visit Acme: demo went well. Cancel that", "Cancel that"),
]


@pytest.mark.parametrize("user, said, words", NOTES)
def test_a_visit_whose_notes_take_it_back_is_asked(session_factory, user, said, words):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and words in asked.text, asked.text
    assert _visits(session_factory) == []
    typed = chat.press(asked.buttons[1], user=user)  # as typed: stored word for word
    assert typed.ok, typed.text
    assert _visits(session_factory) == [said.split("：" if "：" in said else ": ", 1)[1]]


def test_without_the_words_a_day_left_in_the_notes_is_still_asked(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("拜访 小米：客户说下个月再看 不对 撤回", user="张伟")
    again = chat.press(asked.buttons[0], user="张伟")
    assert not again.ok and "下个月" in again.text, again.text
    assert chat.reply("2", user="张伟").ok  # notes only
    assert _visits(session_factory) == ["客户说下个月再看"]


def test_a_task_title_that_takes_it_back_is_asked(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("任务 周五前给小米发报价 取消", user="张伟")
    assert not asked.ok and "取消" in asked.text, asked.text
    with session_factory() as s:
        assert s.scalars(select(Task)).all() == []


@pytest.mark.parametrize("user, said", [
    ("张伟", "输单 小米 pilot：客户取消了订单"),
    ("Ana", "lost #2: they want to cancel the whole project"),
])
def test_what_happened_in_those_words_is_kept_as_typed(session_factory, user, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert any(stage == "lost" and reason == said.split("：" if "：" in said else ": ")[1]
               for _id, stage, reason in _deals(session_factory))


@pytest.mark.parametrize("user, win, said, words, kept", [
    ("张伟", "赢单 小米 pilot 20万", "哦上周已经记过了 撤销", "撤销", "哦上周已经记过了"),
    ("张伟", "赢单 #1 20万", "价格有优势 不对 撤回", "不对 撤回", "价格有优势"),
    ("Ana", "won #2 30k", "already logged that last week, undo", "undo", "already logged that last week"),
])
def test_a_reason_after_a_win_that_takes_it_back_asks_undo_or_keep(session_factory, user, win, said, words,
                                                                    kept):
    chat = _chat(session_factory)
    assert chat.reply(win, user=user).ok
    asked = chat.reply(said, user=user)
    assert not asked.ok and words in asked.text, asked.text
    deal = 1 if user == "张伟" else 2
    assert next(r for r in _deals(session_factory) if r[0] == deal)[1:] == ("won", "")  # no reason stored
    assert len(asked.buttons) == 2 and kept in asked.buttons[1].command
    undone = chat.press(asked.buttons[0], user=user)  # undo the win
    assert undone.ok, undone.text
    assert next(r for r in _deals(session_factory) if r[0] == deal)[1:] == ("proposal", "")


def test_keep_with_the_reason_is_one_tap(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("赢单 小米 pilot 20万", user="张伟").ok
    asked = chat.reply("哦上周已经记过了 撤销", user="张伟")
    kept = chat.press(asked.buttons[1], user="张伟")
    assert kept.ok, kept.text
    assert _deals(session_factory)[0] == (1, "won", "哦上周已经记过了")
    with session_factory() as s:
        assert [c.name for c in s.scalars(select(Customer).order_by(Customer.id))] == ["小米", "Acme"]
