"""Issue #23, class 5: a misspelt done, undo or snooze word beside a number (`392 dnoe`, `undo that
snoze`, `snoze 271 fri`) is asked with a one-tap "did you mean", never run silently and never
"not understood"; the tap runs the command as meant."""
import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _follow_up(chat, session_factory, said="visit +Globex: demo; follow up fri"):
    assert chat.reply(said).ok
    with session_factory() as s:
        visit = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        return visit.id, visit.follow_up_on


def _visit(session_factory, visit_id):
    with session_factory() as s:
        visit = s.get(Visit, visit_id)
        return visit.follow_up_done, visit.follow_up_on


@pytest.mark.parametrize("typo", ["dnoe", "doen", "finsihed", "dnoe!"])
def test_a_misspelt_done_word_after_a_number_is_asked_then_done_on_the_tap(session_factory, typo):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    reply = chat.reply(f"{visit_id} {typo}")
    assert not reply.ok and "Did you mean" in reply.text and f"{visit_id} " in reply.text, reply.text
    assert "didn't get that" not in reply.text
    assert _visit(session_factory, visit_id) == (False, day)  # nothing run yet
    done = chat.press(reply.buttons[0])
    assert done.ok, done.text
    assert _visit(session_factory, visit_id) == (True, day)


def test_a_plain_word_after_a_number_is_no_done_word(session_factory):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    reply = chat.reply(f"{visit_id} acme")
    assert not reply.ok and "Did you mean" not in reply.text, reply.text
    assert _visit(session_factory, visit_id) == (False, day)


@pytest.mark.parametrize(("said", "meant"), [("undo that snoze", "undo that snooze"),
                                             ("undo my last snoooze", "undo my last snooze"),
                                             ("undo the last vist", "undo the last visit")])
def test_a_misspelt_kind_in_an_undo_is_asked_not_run(session_factory, said, meant):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    assert chat.reply(f"snooze {visit_id} next mon").ok
    moved = _visit(session_factory, visit_id)
    assert moved[1] != day
    reply = chat.reply(said)
    assert not reply.ok and f"Did you mean: {meant}" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [meant]
    assert _visit(session_factory, visit_id) == moved  # not undone silently
    if "snooze" in meant:
        undone = chat.press(reply.buttons[0])
        assert undone.ok, undone.text
        assert _visit(session_factory, visit_id) == (False, day)


@pytest.mark.parametrize(("said", "meant", "lang"), [("snoze 271 mon", "snooze 271 mon", "en"),
                                                     ("snoooze 271 next week", "snooze 271 next week", "en"),
                                                     ("推辿 271 下周一", "推迟 271 下周一", "zh")])
def test_a_misspelt_snooze_word_is_asked_in_the_message_language(session_factory, said, meant, lang):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    said, meant = said.replace("271", str(visit_id)), meant.replace("271", str(visit_id))
    reply = chat.reply(said)
    assert not reply.ok and meant in reply.text, reply.text
    assert ("你是想说" if lang == "zh" else "Did you mean") in reply.text
    assert _visit(session_factory, visit_id) == (False, day)
    moved = chat.press(reply.buttons[0])
    assert moved.ok, moved.text
    assert _visit(session_factory, visit_id)[1] != day


@pytest.mark.parametrize(("typo", "meant"), [("{id} 完城", "{id} 完成"), ("{id}搞订了", "{id}搞定了")])
def test_a_misspelt_chinese_done_word_after_a_number_is_asked(session_factory, typo, meant):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    reply = chat.reply(typo.format(id=visit_id))
    assert not reply.ok and f"你是想说：{meant.format(id=visit_id)}" in reply.text, reply.text
    assert _visit(session_factory, visit_id) == (False, day)
    assert chat.press(reply.buttons[0]).ok
    assert _visit(session_factory, visit_id) == (True, day)


def test_a_misspelt_kind_in_a_chinese_undo_is_asked_not_run(session_factory):
    chat = Chat(session_factory)
    chat.team()
    visit_id, day = _follow_up(chat, session_factory)
    assert chat.reply(f"推迟 {visit_id} 下周一").ok
    moved = _visit(session_factory, visit_id)
    reply = chat.reply("撤销刚才的推吃")
    assert not reply.ok and "你是想说：撤销刚才的推迟" in reply.text, reply.text
    assert _visit(session_factory, visit_id) == moved
    assert chat.press(reply.buttons[0]).ok
    assert _visit(session_factory, visit_id) == (False, day)
