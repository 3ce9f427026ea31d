"""fix34b case 5: a period typed with a slip (`this weeek`, `nxt week`, `thsi month`, `last wk`, `本週`)
was a new customer's name (`visit this weeek`), a refusal with no visits button (`visit nxt week`), a
task titled "this weeek" (`tasks this weeek`) or not understood (`visits thsi month`). It is the period
wherever one is expected. Mon, Dec 7, 2026."""
import pytest

from support import MON, customer_names, make_team_chat, records

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    return make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))


@pytest.mark.parametrize("said, user, listed", [
    ("visit this weeek", "Ana", "visits this weeek"),
    ("visit nxt week", "Ana", "visits nxt week"),
    ("visit thsi month", "Ana", "visits thsi month"),
    ("拜访 本週", "张伟", "拜访记录 本週"),
    ("visit last wk", "Ana", "visits last wk"),
])
def test_a_visit_named_by_a_period_with_a_slip_offers_that_periods_visits(session_factory, said, user,
                                                                          listed):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and listed in [b.command for b in reply.buttons], reply.text
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user=user).ok
    assert customer_names(session_factory) == []


@pytest.mark.parametrize("said, user, shown", [
    ("visits thsi month", "Ana", "December 2026"),
    ("visits last wk", "Ana", "week of Nov 30"),
    ("leaderboard nxt week", "Ana", "week of Dec 14"),
    ("progress thsi month", "Ana", "December 2026"),
    ("tasks this weeek", "Ana", ""),
    ("任务 本週", "张伟", ""),
])
def test_a_list_or_report_for_a_period_with_a_slip_stores_nothing(session_factory, said, user, shown):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert records(session_factory) == before
