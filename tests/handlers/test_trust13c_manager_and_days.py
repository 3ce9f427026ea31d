"""Trust 13c (issue #23), product rules testers found wrong, part 2, through the real dispatch and
a real database:

3. `reassign` of a rep who is still active moves someone's pipeline: it says what would move,
   counted, and moves it on one tap (an inactive rep's moves at once, as before);
4. a task a manager gave a rep is not the rep's to delete: refused in their language, saying to
   mark it done (one tap) or ask the manager; the manager deletes it; a rep's own task is theirs;
5. a snooze said in days (`2 days`, `3天`) counts the team calendar's working days (a weekend or
   a holiday is no day of work), and says so; one in weeks landing on a holiday moves on to the
   next working day, and says so;
6. a period that is over (`progress last month` · `上个月进度`) says its result, reached or missed
   by how much, without pace words ("needed by", "on course for").

Today is Monday 2026-11-23 (Asia/Shanghai) unless a test moves the clock.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.workspace import AuditLog, Member
from support import count, stored

pytestmark = pytest.mark.phrasing

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _owners(session_factory) -> dict[str, str]:
    with session_factory() as s:
        names = dict(s.execute(select(Member.id, Member.display_name)).all())
        rows = [(f"customer {c.name}", c.owner_id) for c in s.scalars(select(Customer))]
        rows += [(f"deal #{d.id}", d.owner_id) for d in s.scalars(select(Deal))]
        rows += [(f"task #{t.id}", t.assignee_id) for t in s.scalars(select(Task))]
        return {what: names.get(who) for what, who in rows}


# -- 3. reassigning an active rep asks first ----------------------------------------------------

@pytest.mark.parametrize("said, asked, confirm", [
    ("reassign @Bo to @Ana", "Bo is still active: this moves their 2 customers, 1 open deal, "
                             "1 open task and 1 open follow-up to Ana. Nothing is moved yet",
     "reassign @Bo to @Ana confirm"),
    ("转交 @Bo 给 @Ana", "Bo仍在职：这会把其 2 个客户、1 个进行中的商机、1 个未完成任务和 1 个待跟进"
                       "转交给Ana。尚未转交", "转交 @Bo 给 @Ana 确认"),
])
def test_reassigning_an_active_reps_pipeline_asks_and_moves_on_one_tap(team_chat, said, asked, confirm):
    team_chat("deal Acme proposal 50k", user="Bo")
    team_chat("visit Globex: demo; follow up fri", user="Bo")
    team_chat("task @Bo call Acme by fri", user="Mia")
    before = _owners(team_chat.session_factory)
    assert set(before.values()) == {"Bo"}
    reply = team_chat.reply(said, user="Mia")
    assert not reply.ok and asked in reply.text
    assert [b.command for b in reply.buttons] == [confirm]
    assert _owners(team_chat.session_factory) == before
    assert count(team_chat.session_factory, AuditLog, AuditLog.action == "member.reassign") == 0
    assert team_chat.press(reply.buttons[0], user="Mia").ok
    after = _owners(team_chat.session_factory)
    assert set(after.values()) == {"Ana"} and len(after) == len(before) + 1  # the follow-up: a task
    assert count(team_chat.session_factory, AuditLog, AuditLog.action == "member.reassign") == 1


@pytest.mark.parametrize("said", ["reassign @Bo to @Ana confirm", "转交 @Bo 给 @Ana 确认"])
def test_reassign_typed_with_its_confirmation_moves_at_once(team_chat, said):
    team_chat("deal Acme proposal 50k", user="Bo")
    assert team_chat.reply(said, user="Mia").ok
    assert set(_owners(team_chat.session_factory).values()) == {"Ana"}


def test_an_inactive_reps_pipeline_moves_without_asking(team_chat):
    team_chat("deal Acme proposal 50k", user="Bo")
    team_chat("role @Bo inactive", user="Mia")
    out = team_chat("reassign @Bo to @Ana", user="Mia")
    assert "Bo's 1 customer and 1 open deal now belong to Ana" in out
    assert set(_owners(team_chat.session_factory).values()) == {"Ana"}


def test_an_active_rep_with_nothing_to_move_is_not_asked_about(team_chat):
    team_chat("deal Acme proposal 50k", user="Bo")
    out = team_chat("reassign @Ana to @Bo", user="Mia")
    assert "Ana's 0 customers and 0 open deals now belong to Bo" in out and "still active" not in out
    assert set(_owners(team_chat.session_factory).values()) == {"Bo"}


# -- 4. a task given by the manager ---------------------------------------------------------------

@pytest.mark.parametrize("said, lang, refused", [
    ("task 1 delete", "en",
     "Task #1 (send the quote to Acme) was given to you by Mia, so only Mia can delete it"),
    ("task #1 delete confirm", "en", "only Mia can delete it. Mark it done when it is done, or ask Mia"),
    ("delete task 1", "en", "was given to you by Mia"),
    ("remove task #1", "en", "was given to you by Mia"),
    ("任务 1 删除", "zh", "任务 #1（send the quote to Acme）是Mia派给你的，只有Mia可以删除"),
    ("任务1 删除 确认", "zh", "做完了可以标记完成，或者请Mia撤回"),
])
def test_a_rep_cannot_delete_a_task_their_manager_gave_and_is_offered_done(team_chat, said, lang, refused):
    team_chat("task @Ana send the quote to Acme by fri", user="Mia")
    reply = team_chat.reply(said, user="Ana", lang=lang)
    assert not reply.ok and refused in reply.text
    assert count(team_chat.session_factory, Task, Task.done_at.is_(None)) == 1
    [done] = reply.buttons
    assert done.command == ("done task 1" if lang == "en" else "完成 任务 1")
    assert team_chat.press(done, user="Ana").ok
    assert count(team_chat.session_factory, Task, Task.done_at.is_not(None)) == 1


def test_the_manager_deletes_the_task_they_gave_and_a_rep_deletes_their_own(team_chat):
    team_chat("task @Ana send the quote to Acme by fri", user="Mia")
    team_chat("task call Globex by fri", user="Ana")
    assert team_chat.reply("task 1 delete confirm", user="Mia").ok
    assert team_chat.reply("task 2 delete confirm", user="Ana").ok
    assert count(team_chat.session_factory, Task) == 0


# -- 5. snoozes in days count working days ------------------------------------------------------

def _follow_up_on(session_factory) -> dt.date:
    with session_factory() as s:
        return s.scalar(select(Visit.follow_up_on))


def _due_on(session_factory) -> dt.date:
    with session_factory() as s:
        return s.scalar(select(Task.due_on))


@pytest.mark.parametrize("said, day, note", [
    ("snooze 1 2 days", dt.date(2026, 12, 8), "2 working days: weekends and public holidays are not counted"),
    ("snooze #1 by 2 days", dt.date(2026, 12, 8), "2 working days"),
    ("推迟 1 2天", dt.date(2026, 12, 8), "按 2 个工作日计算，不含周末和节假日"),
    ("推迟 1 两天", dt.date(2026, 12, 8), "按 2 个工作日计算"),
    ("snooze 1 1 day", dt.date(2026, 12, 7), "1 working day: weekends"),
    ("snooze 1 1 week", dt.date(2026, 12, 11), None),  # Friday to Friday: a working day
])
def test_a_follow_up_snoozed_on_a_friday_by_days_skips_the_weekend(team_chat, said, day, note):
    team_chat.now = dt.datetime(2026, 12, 3, 10, 0, tzinfo=SHANGHAI)  # Thursday; due Friday Dec 4
    team_chat("visit Acme: met the CTO; follow up tomorrow")
    out = team_chat(said)
    assert _follow_up_on(team_chat.session_factory) == day
    assert (note in out) if note else ("working day" not in out and "工作日" not in out)


@pytest.mark.parametrize("said, day, note", [
    ("snooze 1 2 days", dt.date(2026, 10, 9), "2 working days"),  # 国庆: Oct 1-7 off
    ("snooze task 1 2 days", dt.date(2026, 10, 9), "2 working days"),
    ("推迟 任务 1 3天", dt.date(2026, 10, 10), "按 3 个工作日计算"),  # Sat Oct 10: a make-up day
    ("snooze task 1 1 week", dt.date(2026, 10, 8),
     "Wed, Oct 7 is not a working day, so it moved to the next"),
    ("推迟 任务 1 1周", dt.date(2026, 10, 8), "不是工作日，已顺延到下一个工作日"),
])
def test_a_snooze_across_the_national_day_holiday_counts_working_days(team_chat, said, day, note):
    team_chat.now = dt.datetime(2026, 9, 29, 10, 0, tzinfo=SHANGHAI)
    team_chat("visit Acme: met the CTO; follow up tomorrow")
    team_chat("task call Acme by tomorrow")
    out = team_chat(said)
    stored_day = _due_on if "task" in said or "任务" in said else _follow_up_on
    assert stored_day(team_chat.session_factory) == day
    assert note in out


# -- 6. a period that is over says its result ---------------------------------------------------

PACE_WORDS = ("needed by", "on course", "ahead by", "behind by", "on pace", "应达", "预计", "领先", "落后",
              "进度正常")


@pytest.mark.parametrize("said, lines", [
    ("progress last month", ["Period closed: all 21 working days are over.",
                             "¥60K of ¥50K · target reached, ¥10K over", "1 of 3 · target missed by 2",
                             "2 of 2 · target reached"]),
    ("上个月进度", ["本期已结束：21 个工作日已全部过完。", "已完成 ¥6万 / 目标 ¥5万 · 已达成，超出 ¥1万",
                "已完成 1 / 目标 3 · 未达成，差 2", "已完成 2 / 目标 2 · 已达成"]),
    ("progress team last month", ["¥60K of ¥50K · target reached, ¥10K over"]),
    ("进度 团队 上个月", ["已完成 1 / 目标 3 · 未达成，差 2"]),
])
def test_last_months_progress_says_the_result_without_pace_words(team_chat, said, lines):
    team_chat.now = dt.datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI)
    for line in ("target @Ana revenue 50k month", "target @Ana visits 3 month", "target @Ana deals 2 month"):
        assert team_chat.reply(line, user="Mia").ok, line
    team_chat("won +Acme 40k")
    team_chat("won +Globex 20k")
    team_chat("visit Acme: thanks")
    team_chat.now = dt.datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)
    before = stored(team_chat.session_factory)
    out = team_chat(said, user="Mia" if "team" in said or "团队" in said else "Ana")
    for line in lines:
        assert line in out
    assert not any(word in out for word in PACE_WORDS)
    after = stored(team_chat.session_factory)
    assert after.pop("deliveries") == before.pop("deliveries") + 1 and after == before  # the reply only


def test_this_months_progress_still_says_the_pace(team_chat):
    team_chat("target @Ana revenue 50k month", user="Mia")
    out = team_chat("progress")
    assert "needed by today" in out and "Period closed" not in out
