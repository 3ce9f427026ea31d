"""Issue #23, round 16 (Chinese): a visit's notes keep the words and marks as typed when the
customer's name is followed by notes with no mark between them: `拜访 联想 签了框架协议！！ 下个月15号…`
answered `1` stored `签了框架协议，！ …` (the first `！` read as the separator and a `，` put in
its place). Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _visits(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(v.notes, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("said, answer, follow_up", [
    ("拜访 联想 签了框架协议！！ 下个月15号去做上线培训", "1", dt.date(2026, 12, 15)),
    ("拜访 联想 签了框架协议！！ 下个月15号去做上线培训", "2", None),
    ("拜访 联想 客户很满意。 下周三去做培训", "1", dt.date(2026, 12, 2)),
])
def test_notes_keep_the_marks_typed_when_a_day_in_them_is_asked(session_factory, said, answer, follow_up):
    chat = Chat(session_factory)
    chat.team(reps=("张伟",))
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert _visits(session_factory) == []  # asked: nothing stored
    answered = chat.reply(answer, user="张伟")
    assert answered.ok, answered.text
    notes = said.removeprefix("拜访 联想 ")
    assert _visits(session_factory) == [(notes, follow_up)]


@pytest.mark.parametrize("said, notes, follow_up", [
    ("拜访 联想 签了框架协议！！ 客户很满意", "签了框架协议！！ 客户很满意", None),
    ("拜访 联想 演示顺利。 对方要报价", "演示顺利。 对方要报价", None),
    ("拜訪 京東 聊了續費，報價發了", "聊了續費，報價發了", None),
    ("拜访 联想 聊得很好!! 周五再约演示", "聊得很好!! 周五再约演示", dt.date(2026, 11, 27)),  # `再约`: said
])
def test_notes_told_are_stored_as_typed(session_factory, said, notes, follow_up):
    chat = Chat(session_factory)
    chat.team(reps=("张伟",))
    reply = chat.reply(said, user="张伟")
    assert reply.ok, reply.text
    assert _visits(session_factory) == [(notes, follow_up)]
    assert notes in reply.text
