"""A task's due day moved, on SQLite and PostgreSQL, as people say it: `task 7 due fri`, `snooze
task 7 2 days`, `任务7推到月底`, `把任务7延到下周一`, a bare `7 推到月底`, `actually due wed` right
after the task was added. Shown back as weekday and date with the day it was; by the assignee or
the manager who gave it, never another rep; undone by `undo`; a day that does not read is asked.
(Mia: admin managing the default team; Ana and Bo: reps. Today: Monday 2026-11-23.)"""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task

FRI, MON, EOM, TUE = dt.date(2026, 11, 27), dt.date(2026, 11, 30), dt.date(2026, 11, 30), dt.date(2026, 12, 1)


def _due(session_factory, task_id: int = 1) -> dt.date | None:
    with session_factory() as s:
        return s.get(Task, task_id).due_on


def _titles(session_factory) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(Task.title).order_by(Task.id)))


@pytest.mark.parametrize("said, day", [
    ("task 1 due fri", FRI), ("task #1 to next mon", MON), ("task 1 due 月底", EOM),
    ("任务1 改到周五", FRI), ("任务1推到月底", EOM), ("把任务1延到下周一", MON),
    ("move task 1 to fri", FRI), ("push task 1 to next tue", TUE), ("任务 1 截止改到 周五", FRI),
])
def test_a_task_moves_to_the_day_said_and_no_task_is_titled_with_its_number(team_chat, session_factory,
                                                                             said, day):
    team_chat("task send the quote to Acme by Wed")
    out = team_chat(said)
    assert _due(session_factory) == day, out
    assert _titles(session_factory) == ["send the quote to Acme"]  # no task titled "1"
    label = {FRI: ("Fri, Nov 27", "11月27日周五"), MON: ("Mon, Nov 30", "11月30日周一"),
             TUE: ("Tue, Dec 1", "12月1日周二")}[day]
    assert label[0] in out or label[1] in out, out
    assert "(was Wed, Nov 25)" in out or "（原为11月25日周三）" in out, out


def test_the_reply_names_the_task_and_the_day_whole_in_english_and_chinese(team_chat):
    team_chat("task send the quote to Acme by Wed")
    assert team_chat("task 1 due fri") == \
        "Task #1 (send the quote to Acme) is due Fri, Nov 27 (was Wed, Nov 25)."
    assert team_chat("任务1 改到下周一", lang="zh") == \
        "任务 #1（send the quote to Acme）截止日改到11月30日周一（原为11月27日周五）。"


def test_a_length_of_time_moves_it_that_much_later_than_it_was_due(team_chat, session_factory):
    team_chat("task send the quote to Acme by Wed")
    assert "Wed, Dec 2" in team_chat("snooze task 1 5 days")  # working days: the weekend skipped
    assert _due(session_factory) == dt.date(2026, 12, 2)
    team_chat("推迟 任务1 两天", lang="zh")
    assert _due(session_factory) == dt.date(2026, 12, 4)


def test_a_task_with_no_due_day_gets_one(team_chat, session_factory):
    team_chat("task renew the NDA")
    out = team_chat("task 1 due fri")
    assert out == "Task #1 (renew the NDA) is due Fri, Nov 27." and _due(session_factory) == FRI


def test_the_same_day_again_changes_nothing_and_says_so(team_chat, session_factory):
    team_chat("task send the quote to Acme by Fri")
    assert "already due" in team_chat("task 1 due fri") and _due(session_factory) == FRI


@pytest.mark.parametrize("said", ["task 1 due someday", "task 1 to 11/31", "任务1推到节后某天"])
def test_a_day_that_does_not_read_in_full_is_asked_and_nothing_changes(team_chat, session_factory, said):
    team_chat("task send the quote to Acme by Wed")
    reply = team_chat.reply(said)
    assert not reply.ok, reply.text
    assert _due(session_factory) == dt.date(2026, 11, 25)
    assert _titles(session_factory) == ["send the quote to Acme"]


def test_a_day_passed_is_refused(team_chat, session_factory):
    team_chat("task send the quote to Acme by Wed")
    reply = team_chat.reply("task 1 due 11/20")
    assert not reply.ok and "passed" in reply.text and _due(session_factory) == dt.date(2026, 11, 25)


def test_the_manager_who_gave_it_may_move_it_and_the_assignee_hears(team_chat, session_factory):
    team_chat("task @ana call Acme's CFO by Wed", user="Mia")
    assert "is due Fri, Nov 27 (was Wed, Nov 25)" in team_chat("task 1 due fri", user="Mia")
    assert _due(session_factory) == FRI
    assert "Tue, Dec 1" in team_chat("task 1 due next tue", user="Ana")  # and the assignee
    assert _due(session_factory) == TUE


def test_another_reps_task_is_refused_and_stays(team_chat, session_factory):
    team_chat("task send the quote to Acme by Wed", user="Ana")
    reply = team_chat.reply("task 1 due fri", user="Bo")
    assert not reply.ok and "Ana's" in reply.text, reply.text
    assert _due(session_factory) == dt.date(2026, 11, 25)


def test_a_task_done_or_not_there_is_refused(team_chat, session_factory):
    team_chat("task send the quote to Acme by Wed")
    team_chat("done task 1")
    assert not team_chat.reply("task 1 due fri").ok
    assert not team_chat.reply("task 9 due fri").ok
    assert _titles(session_factory) == ["send the quote to Acme"]


def test_undo_puts_the_old_day_back(team_chat, session_factory):
    team_chat("task send the quote to Acme by Wed")
    team_chat("task 1 due fri")
    out = team_chat("undo")
    assert "task #1 is due Wed, Nov 25 again" in out, out
    assert _due(session_factory) == dt.date(2026, 11, 25)


def test_the_task_list_shows_the_new_day(team_chat):
    team_chat("task send the quote to Acme by Wed")
    team_chat("task call Globex by Thu")
    team_chat("task 1 due next tue")
    todo = team_chat("tasks")
    assert todo.index("#2 call Globex") < todo.index("#1 send the quote to Acme")  # Thu before Tue


def test_a_bare_number_that_is_only_a_task_is_offered_as_the_task(team_chat, session_factory):
    team_chat("任务 周三前给华为发报价", lang="zh")
    reply = team_chat.reply("1 推到月底")
    assert not reply.ok and [b.command for b in reply.buttons] == ["任务 1 改到 月底"], reply.text
    assert _due(session_factory) == dt.date(2026, 11, 25)  # nothing yet
    assert team_chat.reply("好").ok
    assert _due(session_factory) == EOM


def test_actually_due_wed_right_after_a_task_is_its_new_day(team_chat, session_factory):
    team_chat("task send the quote to Acme by Fri")  # round 15: made at once, said back
    reply = team_chat.reply("actually due wed")
    assert reply.ok and "due date Fri, Nov 27 → Wed, Nov 25" in reply.text, reply.text
    assert _due(session_factory) == dt.date(2026, 11, 25)
    team_chat.now += dt.timedelta(minutes=1)  # another message: the task it makes is "that"
    team_chat("任务 周五前给华为发报价", lang="zh")
    reply = team_chat.reply("改成周三")
    assert reply.ok and "截止日 11月27日周五 → 11月25日周三" in reply.text, reply.text
    assert _titles(session_factory) == ["send the quote to Acme", "给华为发报价"]


@pytest.mark.parametrize("said, lang, command, day", [
    ("snooze 1 fri", "en", "task 1 due 2026-11-27", FRI),
    ("推迟 1 两天", "zh", "推迟 任务 1 2天", dt.date(2026, 11, 27)),
])
def test_snooze_of_a_number_that_is_only_a_task_offers_the_tasks_day(team_chat, session_factory, said, lang,
                                                                    command, day):
    team_chat("task send the quote to Acme by Wed")
    reply = team_chat.reply(said, lang=lang)
    assert not reply.ok and [b.command for b in reply.buttons] == [command], reply.text
    assert _due(session_factory) == dt.date(2026, 11, 25)  # nothing yet
    assert team_chat.reply("好" if lang == "zh" else "yes", lang=lang).ok
    assert _due(session_factory) == day


def test_help_on_tasks_shows_how_to_move_a_tasks_day_in_both_languages(team_chat):
    shown = team_chat("help task")
    assert "task 7 due next Mon" in shown and "snooze task 7 2 days" in shown
    assert "任务 7 改到 下周一" in team_chat("帮助 任务", lang="zh")
