"""Issue #23, round 17: the manager 王芳, whose language is Chinese, typed English command words
alone (`progress @Bo`, `stalled`, `tasks @Bo`, `pipeline`) and read Chinese. A reply is in the
language of the message when the message says one (one English word says English, one Chinese
command word Chinese); a message with no words (`1`, `42`, `@Bo`) is answered in the member's own.
The other way round too: Ana, whose language is English, typing `进度` reads Chinese."""
import pytest
from sqlalchemy import func, select

from databases import prepared
from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "Bo"))
    assert chat.reply("语言 中文", user="王芳").ok
    assert chat.reply("language en", user="Ana").ok
    for line, user in (('deal +Acme "Portal" proposal 30k', "Ana"),
                       ("visit Acme: intro; follow up fri", "Ana"), ("task @Bo call Globex fri", "王芳")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _stored(session_factory) -> tuple[int, ...]:
    with session_factory() as s:
        return tuple(s.scalar(select(func.count()).select_from(model)) for model in (Deal, Visit, Task))


@pytest.mark.parametrize("said, shown", [
    ("progress @Bo", "November 2026"),
    ("stalled", "Stalled deals"),
    ("tasks @Bo", "Bo's open tasks"),
    ("pipeline", "Pipeline"),
    ("leaderboard", "Leaderboard"),
    ("followups", "follow-ups"),
    ("Pipeline", "Pipeline"),  # as a phone capitalises it
    ("progress @Ana", "November 2026"),
])
def test_one_english_word_from_a_chinese_member_is_answered_in_english(session_factory, said, shown):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and reply.locale == "en" and shown in reply.text, reply.text
    assert _stored(session_factory) == before


@pytest.mark.parametrize("said, shown", [
    ("进度", "2026年11月"), ("漏斗", "销售漏斗"), ("停滞", "停滞商机"), ("待跟进", "我的待跟进"),
    ("任务", "我的"), ("排行榜", "排行榜"),
])
def test_one_chinese_word_from_an_english_member_is_answered_in_chinese(session_factory, said, shown):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok and reply.locale == "zh" and shown in reply.text, reply.text
    assert _stored(session_factory) == before


@pytest.mark.parametrize("user, locale", [("王芳", "zh"), ("Ana", "en")])
@pytest.mark.parametrize("said", ["@Bo", "1", "42", "@bo"])
def test_a_message_with_no_words_is_answered_in_the_members_language(session_factory, user, locale, said):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.locale == locale, reply.text
    assert _stored(session_factory) == before


def test_a_change_said_in_one_english_word_is_answered_in_english_and_made(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("商机 +京东 私有化部署 方案呈现 36万", user="王芳").ok
    reply = chat.reply("undo", user="王芳")
    assert reply.ok and reply.locale == "en" and "Undone" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.title)).all() == ["Portal"]
