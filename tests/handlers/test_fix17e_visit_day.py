"""Issue #23, round 17 (Chinese): a visit's day said in its notes or right after the customer was
lost, and its notes cut: `拜访 比亚迪：上周五去的 签约后回访 客户满意 下个月做季度回顾` stored notes
without "回访" and "下个月" (and a ";" added), dated today; `拜访 京东 12月4日 跟采购确认了续约细节`
was dated today. Now a day gone by right after the customer, or said as when one went
(`上周五去的`, `昨天去的`, `went there yesterday`) is the visit's day (on a weekend, `上周五` is
asked: this Friday or the one before); a follow-up word glued into the notes with no day after it
(`签约后回访`) stays in them; notes are kept as typed. Fed through the real dispatch; today is Mon,
Nov 23, 2026 unless said."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Visit
from support import Chat

pytestmark = pytest.mark.phrasing

ZONE = dt.timezone(dt.timedelta(hours=8))  # the demo team's Asia/Shanghai


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line, user in (("客户 +小米", "张伟"), ("customer +Acme", "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _visits(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(v.id, _day(v.visited_at), v.notes, v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _day(at: dt.datetime) -> dt.date:
    return at.replace(tzinfo=at.tzinfo or dt.timezone.utc).astimezone(ZONE).date()


@pytest.mark.parametrize("user, said, day, notes", [
    ("张伟", "拜访 小米：昨天去的 聊了续约", dt.date(2026, 11, 22), "昨天去的 聊了续约"),
    ("张伟", "拜访 小米：上周五去的 签约后回访 客户满意", dt.date(2026, 11, 20),
     "上周五去的 签约后回访 客户满意"),
    ("张伟", "拜访 小米 11月20日 跟采购确认了续约细节", dt.date(2026, 11, 20), "跟采购确认了续约细节"),
    ("张伟", "拜访 小米 昨天 跟采购确认了续约细节", dt.date(2026, 11, 22), "跟采购确认了续约细节"),
    ("张伟", "拜访 小米：前天下午去的 见了王总", dt.date(2026, 11, 21), "前天下午去的 见了王总"),
    ("Ana", "visit Acme: went there yesterday, met Tom", dt.date(2026, 11, 22),
     "went there yesterday, met Tom"),
    ("Ana", "visit Acme: demo done, was there on friday", dt.date(2026, 11, 20),
     "demo done, was there on friday"),
])
def test_a_day_gone_by_said_for_the_visit_is_its_day(session_factory, user, said, day, notes):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert [(v[1], v[2], v[3]) for v in _visits(session_factory)] == [(day, notes, None)]


def test_a_follow_up_word_glued_into_the_notes_stays_in_them(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("拜访 小米：签约后回访 客户满意 一切顺利", user="张伟")
    assert reply.ok, reply.text
    assert [(v[2], v[3]) for v in _visits(session_factory)] == [("签约后回访 客户满意 一切顺利", None)]


def test_the_testers_message_keeps_its_notes_and_asks_about_next_month(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("拜访 小米：上周五去的 签约后回访 客户满意 下个月做季度回顾", user="张伟")
    assert not asked.ok and "下个月" in asked.text, asked.text
    assert _visits(session_factory) == []
    assert chat.reply("1", user="张伟").ok  # a follow-up next month
    assert [(v[1], v[2], v[3]) for v in _visits(session_factory)] == [
        (dt.date(2026, 11, 20), "上周五去的 签约后回访 客户满意 下个月做季度回顾", dt.date(2026, 12, 1))]


@pytest.mark.parametrize("said, pick, day", [
    ("拜访 小米：上周五去的 签约后回访 客户满意", 0, dt.date(2026, 11, 27)),
    ("拜访 小米：上周五去的 签约后回访 客户满意", 1, dt.date(2026, 11, 20)),
    ("拜访 小米 上周五 聊了续约", 0, dt.date(2026, 11, 27)),
])
def test_last_friday_said_on_a_sunday_is_asked(session_factory, said, pick, day):
    chat = _chat(session_factory)
    chat.now = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.timezone.utc)  # Sunday
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert _visits(session_factory) == []
    answered = chat.press(asked.buttons[pick], user="张伟")
    assert answered.ok, answered.text
    assert [v[1] for v in _visits(session_factory)] == [day]
    assert _visits(session_factory)[0][2] in ("上周五去的 签约后回访 客户满意", "聊了续约")


def test_notes_put_right_keep_every_word_and_take_the_day(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 小米：见了采购", user="张伟").ok
    visit = _visits(session_factory)[0][0]
    reply = chat.reply(f"拜访 #{visit} 纪要 昨天去的 签约后回访 客户满意", user="张伟")
    assert reply.ok, reply.text
    assert [(v[1], v[2]) for v in _visits(session_factory)] == [
        (dt.date(2026, 11, 22), "昨天去的 签约后回访 客户满意")]


def test_notes_put_right_with_next_month_are_asked_and_keep_every_word(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 小米：见了采购", user="张伟").ok
    visit = _visits(session_factory)[0][0]
    asked = chat.reply(f"拜访 #{visit} 纪要 签约后回访 客户满意 下个月做季度回顾", user="张伟")
    assert not asked.ok and "下个月" in asked.text, asked.text
    assert chat.reply("2", user="张伟").ok  # notes only
    assert [(v[2], v[3]) for v in _visits(session_factory)] == [
        ("签约后回访 客户满意 下个月做季度回顾", None)]


def test_last_friday_before_the_colon_on_a_sunday_is_asked_too(session_factory):
    chat = _chat(session_factory)
    chat.now = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.timezone.utc)  # Sunday
    asked = chat.reply("拜访 小米 上周五：聊了续约", user="张伟")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert chat.press(asked.buttons[1], user="张伟").ok
    assert [(v[1], v[2]) for v in _visits(session_factory)] == [(dt.date(2026, 11, 20), "聊了续约")]
