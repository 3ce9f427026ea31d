"""Issue #23, round 19: a quarter's or year's target asked for (`my q1 target?`, `我Q1目标多少`,
`本季度目标`, `targets this year`) where none is set for the period itself but some are for the
months (or quarters) inside it: those are listed, each under its own period, with their sum on a
row labelled so where there are several; never "no target" while January's is set. A period
with nothing inside it still says so. Nothing is stored. Today is Mon, Nov 23 2026 (Q4)."""
import pytest
from sqlalchemy import func, select

from databases import prepared
from storage.models.sales import Task
from storage.models.team import Target
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, manager="Mia", reps=("Ana", "张伟"))
    chat.reply("语言 中文", user="张伟")
    for line in ("target @Ana revenue 100k jan", "target @张伟 revenue 200k jan",
                 "target @张伟 revenue 300k feb", "target @张伟 visits 40 this month"):
        assert chat.reply(line, user="Mia").ok, line
    return chat


def _stored(session_factory):
    with session_factory() as s:
        return (sorted((t.metric, t.period_kind, str(t.period_start), int(t.amount))
                       for t in s.scalars(select(Target))),
                s.scalar(select(func.count()).select_from(Task)))


def test_the_months_are_set_as_the_test_means(session_factory):
    _chat(session_factory)
    targets, _tasks = _stored(session_factory)
    assert ("revenue", "month", "2027-01-01", 100000) in targets
    assert not [t for t in targets if t[1] == "quarter"]


@pytest.mark.parametrize("user, said, lang, shown, hidden", [
    ("Ana", "my q1 target?", None, ["No target is set for Q1 2027 itself", "January 2027", "¥100K"],
     ["sum of"]),
    ("Ana", "what's my target next quarter", None, ["No target is set for Q1 2027 itself", "¥100K"], []),
    ("Ana", "targets q1", None, ["January 2027", "¥100K"], ["No targets set"]),
    ("张伟", "我Q1目标多少", "zh", ["2027年第1季度本身未设目标", "2027年1月", "¥20万", "2027年2月", "¥30万",
                                  "2027年第1季度：2期合计", "¥50万"], ["还没有设目标"]),
    ("张伟", "本季度目标", "zh", ["2026年第4季度本身未设目标", "2026年11月", "拜访", "40"], ["还没有设目标"]),
    ("张伟", "下季度我的目标是多少", "zh", ["2027年1月", "¥20万", "¥50万"], []),
    ("Mia", "targets next quarter", None, ["No target is set for Q1 2027 itself", "Ana", "¥100K", "张伟",
                                           "¥500K", "Q1 2027: sum of 2"], []),
])
def test_a_quarter_with_only_monthly_targets_lists_them(session_factory, user, said, lang, shown, hidden):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user, lang=lang)
    assert reply.ok and reply.title.startswith("Targets" if lang is None else "目标"), reply.text
    assert all(word in reply.text for word in shown), reply.text
    assert not any(word in reply.text for word in hidden), reply.text
    assert _stored(session_factory) == before


@pytest.mark.parametrize("user, said, shown", [
    ("Ana", "my q2 target?", "No targets set for Q2 2027."),
    ("张伟", "我Q2目标多少", "2027年第2季度还没有设目标。"),
])
def test_a_quarter_with_nothing_inside_still_says_so(session_factory, user, said, shown):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text and "itself" not in reply.text, reply.text
    assert _stored(session_factory) == before


def test_a_quarter_of_its_own_is_shown_alone(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 900k next quarter", user="Mia").ok
    reply = chat.reply("my q1 target?", user="Ana")
    assert "¥900K" in reply.text and "January 2027" not in reply.text, reply.text
    assert "itself" not in reply.text
