"""Tasks through the console, on SQLite and PostgreSQL: given, told, listed, reminded and done,
in both languages; who may give and close them. (Mia: admin managing the default team; Ana and
Bo: reps. The clock: Monday 2026-11-23, 10:00 in Shanghai.)"""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from storage.models.messaging import Delivery
from storage.models.sales import Task
from support import NOW, count
from worker.plan import fire, plan


def told(session_factory, target: str, at: dt.datetime = NOW) -> list[str]:
    """What was queued for someone's direct messages (the console tenant's `user:NAME`), as
    sent `at`: not the answers to what they said themselves."""
    with session_factory() as s:
        rows = s.execute(select(Delivery.payload).where(Delivery.target == target,
                                                        Delivery.key.notlike("answer:%")).order_by(Delivery.id))
        replies = [as_sent(from_payload(payload), at) for (payload,) in rows]
    return [reply.text + "".join(f"\n[{b.command}]" for b in reply.buttons) for reply in replies]


def test_a_rep_gives_herself_tasks_in_both_languages_and_sees_one_to_do_list(team_chat, session_factory):
    out = team_chat("task send the quote to Acme by Fri")
    assert "Task #1: send the quote to Acme" in out and "Due" in out and "Fri, Nov 27" in out
    assert "done task 1" in out  # the Done button
    out = team_chat("任务 明天前给华为发报价", lang="zh")
    assert "任务 #2：给华为发报价" in out and "明天" in out
    team_chat("visit Acme: demo; follow up Wed", lang="en")
    todo = team_chat("tasks")
    assert "To do" in todo and "Tasks" in todo and "#2 给华为发报价" in todo and "Acme" in todo
    assert todo.index("#2") < todo.index("#1")  # tomorrow's before Friday's
    assert team_chat("followups") == todo  # one list, whichever you ask
    with session_factory() as s:
        tasks = s.scalars(select(Task).order_by(Task.id)).all()
    assert [(t.title, t.due_on) for t in tasks] == [("send the quote to Acme", dt.date(2026, 11, 27)),
                                                     ("给华为发报价", dt.date(2026, 11, 24))]
    assert "Task #1 done: send the quote to Acme" in team_chat("done task 1")
    assert "任务 #2 已完成" in team_chat("完成 任务 2", lang="zh")
    assert "send the quote" not in team_chat("tasks") and "Tasks" not in team_chat("tasks")
    assert "Task #3: pay the deposit by card" in team_chat("task pay the deposit by card", lang="en")


def test_a_rep_given_a_task_is_told_at_once_and_the_giver_when_it_is_done(team_chat, session_factory):
    out = team_chat("task @ana call Acme's CFO by next Tue", user="Mia")
    assert "Task #1: call Acme's CFO" in out and "For" in out and "Ana" in out
    [given] = told(session_factory, "user:Ana")
    assert "Mia gave you task #1" in given and "call Acme's CFO" in given and "[done task 1]" in given
    assert "Task #1 done" in team_chat("done task 1", user="Ana")  # the Done button's command
    assert "Ana finished task #1: call Acme's CFO" in told(session_factory, "user:Mia")[-1]
    with session_factory() as s:
        task = s.scalar(select(Task))
    assert task.done_at is not None and task.due_on == dt.date(2026, 12, 1)


class Recording:
    def __init__(self):
        self.sent = []

    def send(self, to, reply):
        target = to.target
        self.sent.append((target, reply))


@pytest.mark.parametrize("days_late, due", [(0, "tomorrow"), (1, "today"), (3, "Tue, Nov 24")])
def test_a_task_notice_says_when_it_is_due_as_of_when_it_is_delivered(team_chat, session_factory,
                                                                      days_late, due):
    from worker.delivery import DeliveryWorker

    team_chat("task @ana send the quote by tomorrow", user="Mia")  # queued Mon Nov 23
    sender = Recording()
    DeliveryWorker(session_factory, sender, clock=lambda: NOW + dt.timedelta(days=days_late)).run_once()
    [reply] = [reply for target, reply in sender.sent if target == "user:Ana"]
    assert ("Due", due) in reply.fields


def test_a_task_notice_in_chinese_says_tomorrow_in_chinese(team_chat, session_factory):
    team_chat("language zh", user="Ana")
    team_chat("task @ana send the quote by tomorrow", user="Mia")
    assert "截止: 明天" in told(session_factory, "user:Ana")[-1]
    assert "截止: 今天" in told(session_factory, "user:Ana", at=NOW + dt.timedelta(days=1))[-1]


def test_a_rep_cannot_give_tasks_to_others_nor_close_theirs(team_chat, session_factory):
    out = team_chat("task @bo call Acme by Fri")
    assert "Only managers give tasks to others" in out
    assert "只有经理可以给别人派任务" in team_chat("任务 @bo 周五前给华为打电话", lang="zh")
    assert count(session_factory, Task) == 0 and told(session_factory, "user:Bo") == []
    team_chat("task @bo call Acme by Fri", user="Mia")
    assert "is someone else's" in team_chat("done task 1")  # Ana's not Bo's
    assert "I don't know anyone called “nobody”" in team_chat("task @nobody call Acme", user="Mia")
    with session_factory() as s:
        assert s.scalar(select(Task.done_at)) is None


def test_a_manager_gives_tasks_only_in_the_teams_they_manage(team_chat, session_factory):
    for text in ("team create West", "role @Bo manager", "team add West @bo"):
        team_chat(text, user="Mia")
    team_chat("team remove Sales @bo", user="Mia")
    assert "You can only see your own numbers" in team_chat("task @ana call Acme", user="Bo")
    assert count(session_factory, Task) == 0


def test_bad_tasks_are_refused_and_store_nothing(team_chat, session_factory):
    assert "That day has passed" in team_chat("task call Acme by 2026-11-20")
    assert "task send the quote to Acme by Fri" in team_chat("task call Acme by 11/31")  # no such day: asked
    assert "task send the quote to Acme by Fri" in team_chat("task call Acme by Fir")  # a typo: asked
    assert "There is no deal #46" in team_chat("task deal #46 book the room")
    assert "There is no customer “Globex”" in team_chat("task customer Globex: renew the NDA")
    assert "There is no open task #9" in team_chat("done task 9")
    team_chat('deal Acme "ERP" proposal 50k', user="Bo")
    assert "belongs to Bo" in team_chat("task deal #1 chase the PO")
    assert count(session_factory, Task) == 0


def test_a_managers_tasks_are_the_teams_by_person_overdue_first(team_chat, session_factory):
    team_chat("task @ana send the quote by tomorrow", user="Mia")
    team_chat("task @bo book the demo", user="Mia")
    team_chat("task @ana renew the NDA by 2026-11-23", user="Mia")
    team_chat.now += dt.timedelta(days=2)  # Wednesday: the quote and the NDA are late
    out = team_chat("tasks", user="Mia")
    assert "Your teams' open tasks" in out
    order = [out.index(part) for part in ("\nAna\n", "#3 renew the NDA", "#1 send the quote", "\nBo\n")]
    assert order == sorted(order)
    assert "overdue since" in out


def test_the_due_morning_lists_tasks_and_the_digest_counts_the_overdue(team_chat, session_factory):
    team_chat("task @ana send the quote by tomorrow", user="Mia")
    with session_factory() as s:
        specs = {p.kind: p for p in plan(s)}
    shanghai = ZoneInfo("Asia/Shanghai")
    fire(session_factory, specs["followups"], dt.datetime(2026, 11, 24, 9, 0, tzinfo=shanghai))
    morning = told(session_factory, "user:Ana")[-1]
    assert "To do" in morning and "#1 send the quote" in morning and "[done task 1]" in morning
    fire(session_factory, specs["daily"], dt.datetime(2026, 11, 25, 18, 0, tzinfo=shanghai))
    digest = told(session_factory, "user:Mia")[-1]
    assert "Overdue tasks: 1" in digest and "Ana: #1 send the quote" in digest
