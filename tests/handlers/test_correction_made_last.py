"""Round 16 (issue #23): a correction made at once corrects only what the member's previous
message did. `no make it 12/30` after another message had moved the follow-up of a visit logged
before it; `不对 是3个` after a target set to what it was already had changed another member's
target set 50 messages earlier. Now, with any message of theirs in between that was not refused
(changing nothing, or a list), the correction is asked about or refused, and nothing changes. (A
refused message does not count: `no I meant 600k` said in the wrong chat, then where it was set.)"""
import datetime as dt

from sqlalchemy import select

from storage.models.sales import Visit
from storage.models.team import Target
from support import Chat
from tests.handlers.test_report_figures import at


def _follow_up(session_factory):
    with session_factory() as s:
        return s.scalars(select(Visit.follow_up_on)).one()


def test_a_correction_after_a_message_that_changed_nothing_changes_nothing_before_it(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana",))
    chat.now = at("2026-12-06")
    assert chat.reply("visit +Stark Industries: intro; follow up fri", user="Ana").ok
    day = _follow_up(session_factory)
    chat.now += dt.timedelta(minutes=1)
    assert chat.reply("tasks", user="Ana").ok  # a message that changes nothing
    chat.now += dt.timedelta(minutes=1)
    reply = chat.reply("no make it 12/30", user="Ana")
    assert not reply.ok, reply.text
    assert _follow_up(session_factory) == day


def test_the_same_correction_right_after_the_change_is_made_at_once(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana",))
    chat.now = at("2026-12-06")
    assert chat.reply("visit +Stark Industries: intro; follow up fri", user="Ana").ok
    chat.now += dt.timedelta(minutes=1)
    reply = chat.reply("no make it 12/30", user="Ana")
    assert reply.ok and "Dec 30" in reply.text, reply.text
    assert _follow_up(session_factory) == dt.date(2026, 12, 30)


def _targets(session_factory):
    with session_factory() as s:
        return sorted((t.member_id, t.metric, int(t.amount)) for t in s.scalars(select(Target)))


def test_a_target_correction_after_a_message_that_changed_nothing_corrects_no_older_target(
        session_factory):
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("张伟", "Bo"))
    chat.now = at("2026-12-06")
    assert chat.reply("目标 @张伟 拜访 35次 下个月", user="王芳").ok
    chat.now += dt.timedelta(minutes=2)
    chat.reply("deals", user="王芳")  # another message of hers, changing nothing
    before = _targets(session_factory)
    chat.now += dt.timedelta(minutes=1)
    reply = chat.reply("不对 是3个", user="王芳")
    assert _targets(session_factory) == before, reply.text
