"""A manager asking whether a member is on track, in English, names them by their Chinese name too
(`is 张伟 on track?`, `bo on pace this quarter?`, `is Ana behind`): that member's progress for the
period said (the month when none), answered in English; nothing stored."""
import pytest

from support import MON, make_team_chat, records

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize(("said", "head"), [
    ("is 张伟 on track?", "张伟 · December 2026"),
    ("how is 张伟 doing", "张伟 · December 2026"),
    ("bo on pace this quarter?", "Bo · Q4 2026"),
    ("is Ana behind", "Ana · December 2026"),
    ("is @bo ahead this month", "Bo · December 2026"),
])
def test_on_track_asked_of_a_member_is_their_progress(session_factory, said, head):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and head in reply.text and "Revenue won" in reply.text, reply.text
    assert records(session_factory) == before


def test_a_deal_on_track_is_no_member(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo"))
    reply = chat.reply("is it on track", user="王芳")
    assert "Revenue won" not in reply.text, reply.text
