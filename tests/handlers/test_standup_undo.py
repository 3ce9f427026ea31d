"""r32zh: a message taken as the standup answer (`站会以后改到早上九点 周一到周五`, while the prompt
waited) was no change `undo` knew of: `撤销` right after it reversed a like from 25 messages before,
and the answer stayed. The answer is a change like any other: `undo` takes back that answer, and
only it. The standup prompt goes out on Tue 2026-11-24 09:30 (Asia/Shanghai) and is delivered."""
import pytest
from sqlalchemy import select

from storage.models.team import StandupAnswer, Tip
from support import count, standup_prompted

pytestmark = pytest.mark.phrasing


def _answers(session_factory) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(StandupAnswer.text)))


@pytest.mark.parametrize(("said", "undo"), [("站会以后改到早上九点 周一到周五", "撤销"),
                                            ("Called Acme, demo for Initech today", "undo")])
def test_undo_after_a_standup_answer_takes_back_that_answer(team_chat, said, undo):
    team_chat.said_ok("tip pricing: bundle the service contract", user="Ana")
    standup_prompted(team_chat)
    out = team_chat(said, user="Ana")
    assert "Your standup answer is in" in out or "今天的站会回答已记录" in out
    [answer] = _answers(team_chat.session_factory)
    assert answer in said
    reply = team_chat.reply(undo, user="Ana")
    assert reply.ok, reply.text
    assert _answers(team_chat.session_factory) == []
    assert count(team_chat.session_factory, Tip) == 1  # the change before it stays
