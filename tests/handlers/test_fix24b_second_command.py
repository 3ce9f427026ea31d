"""Round 22 (Chinese): a second command after a comma, read as part of the first.

3. `93搞定了 已经签了意向书，130推到下周三`: both options kept "130推到下周三" as #93's note. A
   number and a push word (`推到`, `推迟`, `改到`, `pushed to`) after a break in a done's note is a
   command of its own: offered as both (the done with the words before it, then the push), or all
   of it as the note.
4. `任务7改到后天，还有任务6搞定了 报价昨晚发了`: 还有 glued to the second command's word after a
   comma joins two commands (as `，还有 任务6…` did): both run, the second asking its own question
   with the first kept; traditional `還有` the same.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import Chat, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _chat(session_factory, user: str) -> Chat:
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "Bo"))
    for line in ("visit +Globex: renewal follow up tomorrow", "visit +Initech: pricing follow up tue"):
        assert chat.reply(line, user=user).ok, line
    return chat


_VISITS = ("id", "follow_up_on", "follow_up_done", "outcome")  # what the tests read


BEFORE = [(1, dt.date(2026, 12, 7), False, ""), (2, dt.date(2026, 12, 8), False, "")]


@pytest.mark.parametrize("said, note, shown", [
    ("1搞定了 已经签了意向书，2推到下周三", "已经签了意向书", "推迟 2 下周三"),
    ("1完成 已经签了意向书，2推迟到下周三", "已经签了意向书", "推迟 2 到下周三"),
    ("完成 1 已经签了意向书，2改到下周三", "已经签了意向书", "推迟 2 下周三"),
    ("1搞定了 已經簽了意向書，2推到下週三", "已經簽了意向書", "推迟 2 下週三"),
    ("1 done signed the LOI, 2 pushed to next wed", "signed the LOI", "snooze 2 to next wed"),
    ("1 done - signed the LOI. 2 moved to next wed", "signed the LOI", "snooze 2 next wed"),
])
def test_a_push_after_a_done_is_offered_as_its_own_command(session_factory, said, note, shown):
    chat = _chat(session_factory, "Bo")
    asked = chat.reply(said, user="Bo")
    assert not asked.ok and shown in asked.text, asked.text
    assert visit_rows(session_factory, *_VISITS) == BEFORE  # nothing saved while asked
    both = chat.reply("1", user="Bo")
    assert both.ok, both.text
    assert visit_rows(session_factory, *_VISITS) == [(1, dt.date(2026, 12, 7), True, note),
                                        (2, dt.date(2026, 12, 9), False, "")]


def test_all_of_it_as_the_note_is_still_one_tap(session_factory):
    chat = _chat(session_factory, "Bo")
    chat.reply("1搞定了 已经签了意向书，2推到下周三", user="Bo")
    assert chat.reply("2", user="Bo").ok
    assert visit_rows(session_factory, *_VISITS) == [
        (1, dt.date(2026, 12, 7), True, "已经签了意向书，2推到下周三"), BEFORE[1]]


def _tasks(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(t.id, t.due_on, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("said, kept", [
    ("任务1改到后天，还有任务2搞定了 报价昨晚发了", "报价昨晚发了"),
    ("任务1改到后天，另外任务2搞定了 报价昨晚发了", "报价昨晚发了"),
    ("任務1改到後天，還有任務2搞定了 報價昨晚發了", "報價昨晚發了"),
    ("task 1 to tue, also task 2 done sent it last night", "sent it last night"),
])
def test_two_commands_joined_by_haiyou_both_run(session_factory, said, kept):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    for line in ("任务 周三 给京东发方案", "任务 周四 给美的发报价"):
        assert chat.reply(line, user="张伟").ok, line
    # fix27a (r24zh): a task done with words is plain (done, the words said not kept), so both run at
    # once; the second one's words were asked about first
    both = chat.reply(said, user="张伟")
    assert both.ok and kept in both.text, both.text
    assert _tasks(session_factory) == [(1, dt.date(2026, 12, 8), False), (2, dt.date(2026, 12, 10), True)]
