"""A planned or closing day far off (issue #24 follow-up: 0001-01-01, 9999-12-31) is a slip, not a
plan: typed, pressed or from a form it is refused with the window to pick from, in the person's
language, and nothing is stored. One rule (`handlers.rules.limits.day_window`) for every way in."""
import pytest

from storage.models.sales import Deal, Task, Visit
from support import count

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("typed", ["visit Acme: demo follow up 9999-12-31",
                                   "visit Acme: demo follow up 0001-01-01",
                                   "deal Acme proposal 50k close 9999-12-31", "task call Acme by 2099-01-05"])
def test_a_typed_day_years_away_is_refused_and_nothing_is_stored(team_chat, typed):
    reply = team_chat.reply(typed, user="Ana")
    assert not reply.ok
    assert "too far off" in reply.text and "2024-11-23 to 2028-11-23" in reply.text
    for model in (Visit, Deal, Task):
        assert count(team_chat.session_factory, model) == 0


def test_a_changed_day_years_away_is_refused_and_the_old_one_kept(team_chat):
    team_chat("visit Acme: demo follow up fri", user="Ana")
    team_chat("deal Acme proposal 50k close 12/20", user="Ana")
    assert "离今天太远" in team_chat("拜访 #1 跟进 9999年12月31日", user="Ana", lang="zh")
    assert "too far off" in team_chat("deal #1 close 9999-12-31", user="Ana")
    with team_chat.session_factory() as s:
        assert str(s.get(Visit, 1).follow_up_on) == "2026-11-27"
        assert str(s.get(Deal, 1).expected_close) == "2026-12-20"


def test_a_day_within_the_window_is_kept(team_chat):
    assert team_chat.reply("visit Acme: demo follow up 2028-11-01", user="Ana").ok
    with team_chat.session_factory() as s:
        assert str(s.get(Visit, 1).follow_up_on) == "2028-11-01"
