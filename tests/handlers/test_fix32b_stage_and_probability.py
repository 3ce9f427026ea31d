"""fix32b: `华为的单子推进到方案阶段了，另外概率改成40%` was refused, or offered the move with the
probability as a visit's notes (a visit that never was) or dropped. A deal's probability is its
stage's: the move is offered with the probability said back (not stored apart), one tap moving the
deal; nothing stored before it."""
import pytest

from support import MON, deal_rows, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok('deal +华为 "ERP" 50万', 'deal +腾讯 "续约" 30万', user="张伟")
    chat.said_ok('deal +Initech "renewal" 80k', user="Ana")
    return chat


@pytest.mark.parametrize("said, user, pct, stages", [
    ("华为的单子推进到方案阶段了，另外概率改成40%", "张伟", "40%", ["proposal", "lead", "lead"]),
    ("華為的單子推進到方案階段了，另外概率改成40%", "张伟", "40%", ["proposal", "lead", "lead"]),
    ("腾讯那单推进到商务谈判，赢率改成70%", "张伟", "70%", ["lead", "negotiation", "lead"]),
    ("Initech deal moved to proposal, probability 40%", "Ana", "40%", ["lead", "lead", "proposal"]),
])
def test_a_stage_and_a_probability_are_offered_together(session_factory, said, user, pct, stages):
    chat = _chat(session_factory)
    before = records(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and pct in asked.text and len(asked.buttons) == 1, asked.text
    assert "拜访" not in asked.buttons[0].command and "visit" not in asked.buttons[0].command
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert [stage for (stage,) in deal_rows(session_factory, "stage")] == stages
    assert visit_rows(session_factory) == []
