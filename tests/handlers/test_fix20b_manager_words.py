"""Issue #23, round 19: a manager's everyday words for existing commands, in English and Chinese,
answered in the language they were written in:

- a member set inactive (`set tom inactive`, `deactivate tom`, `把Tom设为停用`, `Tom离职了`): the role
  command offered, one tap; nothing changes before the tap; a rep is refused as the command is;
- a job's time (`daily digest at 6:30pm pls`, `日报改到晚上6点半`): the schedule command offered;
- the contest's standings (`whos winning the contest`, `比赛谁领先`): answered at once;
- a member's Chinese name in pinyin (`@li na`, `lina`, `hows lina doing`): that member, said back.
"""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from storage.models.workspace import Member
from support import Chat, make_team_chat
from worker.plan import plan

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, manager="Mia", reps=("Ana", "Tom", "李娜"))


def _active(session_factory) -> dict[str, bool]:
    with session_factory() as s:
        return {m.display_name: m.active for m in s.scalars(select(Member))}


def _daily(session_factory) -> dt.time:
    with session_factory() as s:
        return next(p.time for p in plan(s) if p.kind == "daily")


@pytest.mark.parametrize("said, lang, offered, asked", [
    ("set tom inactive", None, "role @tom inactive", "set the role like this?"),
    ("deactivate tom", None, "role @tom inactive", "set the role like this?"),
    ("pls mark @Tom as inactive", None, "role @Tom inactive", "set the role like this?"),
    ("Tom has left the company", None, "role @Tom inactive", "set the role like this?"),
    ("把Tom设为停用", "zh", "角色 @Tom 停用", "按下面这样设置角色吗？"),
    ("停用Tom", "zh", "角色 @Tom 停用", "按下面这样设置角色吗？"),
    ("Tom离职了", "zh", "角色 @Tom 停用", "按下面这样设置角色吗？"),
])
def test_a_member_set_inactive_in_words_is_offered_then_done(session_factory, said, lang, offered, asked):
    chat = _chat(session_factory)
    before = _active(session_factory)
    reply = chat.reply(said, user="Mia", lang=lang)
    assert asked in reply.text and [b.command for b in reply.buttons] == [offered], reply.text
    assert _active(session_factory) == before  # nothing before the tap
    done = chat.press(reply.buttons[0], user="Mia", lang=lang)
    assert ("now inactive" in done.text or "停用" in done.text), done.text
    assert _active(session_factory) == {**before, "Tom": False}


@pytest.mark.parametrize("said", ["deactivate tom", "把Tom设为停用"])
def test_a_rep_who_says_it_is_refused_and_nothing_changes(session_factory, said):
    chat = _chat(session_factory)
    before = _active(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and ("admin" in reply.text or "管理员" in reply.text), reply.text
    assert _active(session_factory) == before


@pytest.mark.parametrize("said, lang, offered, time", [
    ("daily digest at 6:30pm pls", None, "schedule daily 18:30", dt.time(18, 30)),
    ("send the daily digest at 19:00", None, "schedule daily 19:00", dt.time(19)),
    ("日报改到晚上6点半", "zh", "设置 日报 18:30", dt.time(18, 30)),
    ("把日报改成晚上7点", "zh", "设置 日报 19:00", dt.time(19)),
])
def test_a_jobs_time_in_words_is_offered_then_set(session_factory, said, lang, offered, time):
    chat = _chat(session_factory)
    before = _daily(session_factory)
    reply = chat.reply(said, user="Mia", lang=lang)
    assert [b.command for b in reply.buttons] == [offered], reply.text
    assert ("change the schedule like this?" if lang is None else "修改定时设置吗") in reply.text
    assert _daily(session_factory) == before
    chat.press(reply.buttons[0], user="Mia", lang=lang)
    assert _daily(session_factory) == time


@pytest.mark.parametrize("said, lang, shown", [
    ("whos winning the contest", None, "(Read as “contest”.)"),
    ("who's leading the competition so far?", None, "(Read as “contest”.)"),
    ("contest standings", None, "(Read as “contest”.)"),
    ("比赛谁领先", "zh", "（按“竞赛”处理。）"),
    ("竞赛现在谁第一？", "zh", "（按“竞赛”处理。）"),
    ("比赛排名怎么样", "zh", "（按“竞赛”处理。）"),
])
def test_the_contest_asked_in_words_shows_its_standings(session_factory, said, lang, shown):
    chat = _chat(session_factory)
    assert chat.reply("contest visits 11/23-11/30", user="Mia").ok
    assert chat.reply("visit +Acme: demo", user="Ana").ok
    reply = chat.reply(said, user="Ana", lang=lang)  # standings are everyone's to see
    assert reply.ok and shown in reply.text and "Ana" in reply.text, reply.text
    assert reply.title.startswith("Contest" if lang is None else "销售竞赛"), reply.title


@pytest.mark.parametrize("said, lang, title, note", [
    ("progress @li na", None, "李娜 · November 2026", "“li na” taken as 李娜."),
    ("progress @lina", None, "李娜 · November 2026", "“lina” taken as 李娜."),
    ("hows lina doing", None, "李娜 · November 2026", "“lina” taken as 李娜."),
    ("进度 @li na 本月", "zh", "李娜 · 2026年11月", "“li na”按 李娜 处理。"),
])
def test_a_members_name_in_pinyin_is_that_member(session_factory, said, lang, title, note):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia", lang=lang)
    assert reply.ok and reply.title == title and note in reply.text, reply.text


def test_a_task_for_a_name_in_pinyin_goes_to_that_member_with_its_title_whole(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("task @li na call Acme fri", user="Mia")
    assert "“li na” taken as 李娜." in reply.text and "Task #1: call Acme" in reply.text, reply.text
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        [(title, who)] = [(t.title, names[t.assignee_id]) for t in s.scalars(select(Task))]
    assert (title, who) == ("call Acme", "李娜")


def test_two_members_who_sound_alike_are_not_guessed(session_factory):
    chat = _chat(session_factory)
    chat.reply("help", user="李纳")
    reply = chat.reply("progress @li na", user="Mia")
    assert "taken as" not in reply.text and "李娜 ·" not in reply.title, reply.text
