"""A month or quarter named in a report is the nearest of that name, the one gone by first: in
December `progress november` showed November 2027 (a month by name meant the next one, as a
target's does); now it is the November just gone. Targets still set the next one."""
import pytest

from support import MON, make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("typed, shown", [
    ("progress november", "Your progress · November 2026"),
    ("am i on pace for nov?", "Your progress · November 2026"),
    ("progress june", "Your progress · June 2026"),
    ("progress jan", "Your progress · January 2027"),
    ("progress q3", "Your progress · Q3 2026"),
    ("progress q1", "Your progress · Q1 2027"),
    ("进度 11月", "我的进度 · 2026年11月"),
    ("进度 三季度", "我的进度 · 2026年第3季度"),
])
def test_a_month_or_quarter_named_in_progress_is_the_nearest_gone_by_first(session_factory, typed, shown):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana",))
    reply = chat.reply(typed, user="Ana", lang="zh" if "进度" in typed else "en")
    assert reply.ok and reply.text.startswith(shown), reply.text


def test_a_target_for_a_month_by_name_is_still_the_next_one(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana",))
    reply = chat.reply("target @Ana revenue 300k nov", user="王芳")
    assert reply.ok and "November 2027" in reply.text, reply.text
