"""Issue #23, round 13h: `contest #1` · `竞赛 #1` shows that contest's standings (an older one still
running is no longer out of reach behind the newest); a number that is none of my teams' contests
is said, nothing stored. Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.team import Contest
from support import Chat

pytestmark = pytest.mark.phrasing


def _contests(session_factory):
    with session_factory() as s:
        return [(x.id, x.metric, str(x.starts_on), str(x.ends_on))
                for x in s.scalars(select(Contest).order_by(Contest.id))]


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    assert chat.reply("contest visits this month", user="Mia").ok
    assert chat.reply("contest revenue 11/20-12/31", user="Mia").ok
    return chat


@pytest.mark.parametrize("user, said, metric", [
    ("Mia", "contest #1", "Visits"), ("Ana", "contest #1", "Visits"), ("Ana", "contest 1", "Visits"),
    ("张伟", "竞赛 #1", "拜访"), ("张伟", "竞赛 ＃1", "拜访"), ("张伟", "竞赛 #2", "业绩"),
    ("Bo", "contest #2", "Revenue"),
])
def test_a_contest_by_its_number_shows_its_standings(session_factory, user, said, metric):
    chat = _chat(session_factory)
    before = _contests(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and metric in reply.text.splitlines()[0], reply.text
    other = {"Visits": "Revenue", "Revenue": "Visits", "拜访": "业绩", "业绩": "拜访"}[metric]
    assert other not in reply.text.splitlines()[0]
    assert _contests(session_factory) == before


@pytest.mark.parametrize("user, said, answer", [
    ("Ana", "contest #9", "There is no contest #9."), ("张伟", "竞赛 #9", "没有找到竞赛 #9。"),
])
def test_no_such_contest_is_said(session_factory, user, said, answer):
    chat = _chat(session_factory)
    before = _contests(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and answer in reply.text, reply.text
    assert _contests(session_factory) == before
