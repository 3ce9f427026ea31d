"""Issue #23, round 13h: several members' targets in words, the next member after a space or a
comma, the first said in words or as the command (`Ana本月目标50万 Bo也是50万`, `Ana本月业绩目标50万
Bo也是50万`, `目标 @Ana 业绩 50万 本月，@Bo 也是50万`, `target @Ana revenue 50k this month, @Bo too`):
each member's target set together, by a manager only. Fed through the real dispatch with a real
database; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _targets(session_factory):
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        return sorted((names.get(t.member_id, "team"), t.metric, str(t.period_start), int(t.amount))
                      for t in s.scalars(select(Target)))


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


@pytest.mark.parametrize("said, ana, bo", [
    ("Ana本月目标50万 Bo也是50万", 500000, 500000),
    ("Ana本月业绩目标50万 Bo也是50万", 500000, 500000),
    ("Ana本月目标50万  Bo也是", 500000, 500000),
    ("Ana本月目标50万 Bo 40万", 500000, 400000),
    ("目标 @Ana 业绩 50万 本月，@Bo 也是50万", 500000, 500000),
    ("目标 @Ana 业绩 50万 本月 @Bo 也是50万", 500000, 500000),
    ("目标 @Ana 业绩 50万 本月，@Bo 40万", 500000, 400000),
    ("target @Ana revenue 50k this month, @Bo too", 50000, 50000),
])
def test_each_members_target_is_set_together(session_factory, said, ana, bo):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok, reply.text
    assert "Ana" in reply.text and "Bo" in reply.text
    assert _targets(session_factory) == [("Ana", "revenue", "2026-11-01", ana),
                                         ("Bo", "revenue", "2026-11-01", bo)]


@pytest.mark.parametrize("said", ["Ana本月目标50万 Bo也是50万", "目标 @Ana 业绩 50万 本月，@Bo 也是50万"])
def test_a_rep_sets_none(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok
    assert _targets(session_factory) == []
