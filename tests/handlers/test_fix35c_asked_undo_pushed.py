"""r31zh, fix35c: questions with no question mark, undo and corrections with words after them,
a push by a length with no command word, and the lists' small things.

1. `我这周有啥要跟进的` was offered as a task titled "我 有啥要跟进的": a question about what is due
   is answered with that period's list, never offered as a task or a visit.
3. An undo or a correction with why after it (`撤销刚才的推迟，globex还是今天跟`, `金额写错了 应该是5.5w`)
   got a usage refusal: the undo or correction is done (or offered), the rest read as why.
4. `397往后推三天` was not understood, and `397推迟两天` was offered showing a day counted from
   today (the tap counts from the follow-up's own day); a follow-up due Monday 14th was listed
   under 本周 on Monday 7th; 这周的任务 was not sorted by day; a one-day leave read "明天 – 明天".
Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, deal_rows, leave_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory, tasks: bool = True):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok(("拜访 +海尔：技术交流；跟进 12月14日", "张伟"),  # visit #1, due next Monday
                 ("拜访 +Globex：回访；跟进 12月9日", "张伟"),  # visit #2, due Wed
                 ("visit +Acme: demo; follow up 12/10", "Ana"))  # visit #3, due Thu
    if tasks:  # tasks #1 and #2
        chat.said_ok(("任务 12月11日 交年度计划", "张伟"), ("任务 12月9日 写POC方案", "张伟"))
    return chat


@pytest.mark.parametrize("said, user, line", [
    ("我这周有啥要跟进的", "张伟", "任务 这周"),
    ("这周有什么要跟进的", "张伟", "任务 这周"),
    ("明天要跟进的有哪些呢", "张伟", "任务 明天"),
    ("本周还有哪些没完成的任务", "张伟", "任务 本周"),
    ("我还有几个任务没做", "张伟", "任务"),
    ("what do I have this week", "Ana", "tasks due this week"),
    ("anything to follow up this week", "Ana", "tasks due this week"),
    ("do i have any tasks tomorrow", "Ana", "tasks due tomorrow"),
    ("how many tasks do i have", "Ana", "tasks"),
])
def test_a_question_about_what_is_due_is_answered_never_stored(session_factory, said, user, line):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert f"“{line}”" in reply.text, reply.text
    assert "任务 我" not in reply.text and "task what" not in reply.text.lower()
    assert records(session_factory) == before


@pytest.mark.parametrize("said, user", [("华为有啥要跟进的", "张伟"), ("今天有没有要跟进的海尔的事", "张伟"),
                                        ("anything to follow up with acme today", "Ana")])
def test_a_question_naming_a_customer_is_no_visit_or_task_offered(session_factory, said, user):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    offered = [b for b in reply.buttons if b.command.startswith(("拜访", "任务", "visit", "task"))]
    assert not offered, reply.text
    assert "尚未保存" not in reply.text and "Nothing was saved yet" not in reply.text, reply.text
    assert records(session_factory) == before


def test_this_weeks_list_is_sorted_by_day_and_next_monday_is_next_week(session_factory):
    chat = _chat(session_factory)
    week = chat.reply("这周的任务", user="张伟").text
    assert week.index("写POC方案") < week.index("交年度计划"), week
    assert "海尔" not in week, week  # due Monday 14th: next week's
    todo = chat.reply("待跟进", user="张伟").text
    assert "本周\n#2 Globex" in todo and "下周\n#1 海尔" in todo, todo
    assert "This week\n#3 Acme" in chat.reply("followups", user="Ana").text


@pytest.mark.parametrize("said, command, shown", [
    ("1往后推三天", "推迟 1 三天", "12月17日周四"),
    ("1 往后推3天", "推迟 1 3天", "12月17日周四"),
    ("1推迟两天", "推迟 1 两天", "12月16日周三"),
    ("把1延后一周", "推迟 1 一周", "12月21日周一"),
    ("1 push back 3 days", "snooze 1 3 days", "Thu, Dec 17"),
    ("#1 pushed back a week", "snooze 1 a week", "Mon, Dec 21"),
])
def test_a_push_by_a_length_counts_from_the_follow_ups_own_day(session_factory, said, command, shown):
    chat = _chat(session_factory, tasks=False)
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and shown in reply.text and command in reply.text, reply.text
    assert records(session_factory) == before
    [button] = reply.buttons
    assert button.command == command
    assert chat.reply(command, user="张伟").ok
    day = visit_rows(session_factory, "follow_up_on")[0][0]
    assert shown.startswith(f"{day.month}月{day.day}日") or shown.endswith(f"Dec {day.day}"), day
    assert chat.reply("撤销", user="张伟").ok
    assert visit_rows(session_factory, "follow_up_on")[0] == (dt.date(2026, 12, 14),)


def test_a_push_of_a_number_that_is_a_follow_up_and_a_task_due_apart_asks_which(session_factory):
    chat = _chat(session_factory)  # #1: the follow-up due Mon 14th, the task due Fri 11th
    before = records(session_factory)
    reply = chat.reply("1往后推三天", user="张伟")
    assert not reply.ok and "把 #1 改到三天" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == ["推迟 1 三天", "任务 1 改到 三天"]
    assert records(session_factory) == before


def test_a_length_in_english_is_read_by_the_snooze_command(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("snooze 3 back 2 days", user="Ana")
    assert reply.ok and "Mon, Dec 14" in reply.text, reply.text
    assert visit_rows(session_factory, "follow_up_on")[2] == (dt.date(2026, 12, 14),)


@pytest.mark.parametrize("said, kept", [
    ("撤销 刚才那个任务建错了", "建错了"),
    ("撤销刚才的任务 建错人了", "建错人了"),
    ("undo my last task, wrong person", "wrong person"),
    ("oops undo that task, it was for bo", "it was for bo"),
])
def test_an_undo_of_a_kind_with_why_after_it_is_done(session_factory, said, kept):
    chat = _chat(session_factory)
    user = "Ana" if said.isascii() else "张伟"
    assert chat.reply("任务 明天 给小米打电话" if user == "张伟" else "task call initech tmrw", user=user).ok
    before = task_rows(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and f"“{kept}”" in reply.text, reply.text
    assert task_rows(session_factory) == before[:-1]


@pytest.mark.parametrize("said, user, head, left", [
    ("撤销刚才的推迟，globex还是今天跟", "张伟", "撤销刚才的推迟", "globex还是今天跟"),
    ("算了 撤销吧 还是下周五", "张伟", "算了 撤销吧", "还是下周五"),
    ("undo the snooze, globex is still today", "张伟", "undo the snooze", "globex is still today"),
])
def test_an_undo_with_a_day_after_it_is_offered_the_rest_not_kept(session_factory, said, user, head, left):
    chat = _chat(session_factory)
    assert chat.reply("推迟 2 下周五", user=user).ok
    before = records(session_factory)
    moved = visit_rows(session_factory, "follow_up_on")
    reply = chat.reply(said, user=user)
    assert not reply.ok and head in reply.text and f"“{left}”" in reply.text, reply.text
    assert records(session_factory) == before and visit_rows(session_factory, "follow_up_on") == moved
    assert chat.reply("1", user=user).ok
    assert visit_rows(session_factory, "follow_up_on")[1] == (dt.date(2026, 12, 9),)


@pytest.mark.parametrize("said", ["金额写错了 应该是5.5w", "金额写错了，应该是5.5万", "金额打错了 是5.5万",
                                  "amount was wrong, should be 55k", "wrong amount, should be 55k",
                                  "typo - should be 55k"])
def test_a_correction_after_words_of_what_was_wrong_is_made(session_factory, said):
    chat = _chat(session_factory)
    chat.said_ok(("商机 +阿里巴巴 数据平台 5万", "张伟"), ("商机 #1 6万", "张伟"))
    reply = chat.reply(said, user="张伟")
    assert reply.ok and ("5.5万" in reply.text or "55K" in reply.text), reply.text
    assert [int(a) for (a,) in deal_rows(session_factory, "amount")] == [55000]
    assert chat.reply("撤销", user="张伟").ok
    assert [int(a) for (a,) in deal_rows(session_factory, "amount")] == [60000]


@pytest.mark.parametrize("said, shown, left", [
    ("哦对了 改成后天吧 明天要去深圳", "任务 3 改到 后天", "明天要去深圳"),
    ("对了 改成后天吧 明天要去深圳", "任务 3 改到 后天", "明天要去深圳"),
    ("move it to fri - out tomorrow", "task 3 due fri", "out tomorrow"),
])
def test_a_correction_with_a_day_in_its_why_is_offered(session_factory, said, shown, left):
    chat = _chat(session_factory)
    assert chat.reply("任务 明天 给小米打电话", user="张伟").ok
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and shown in reply.text and f"“{left}”" in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="张伟").ok
    assert task_rows(session_factory)[-1][1] in (dt.date(2026, 12, 9), dt.date(2026, 12, 11))


def test_a_one_day_leave_is_said_as_its_day(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("请假 明天 去医院复查", user="张伟")
    assert "已登记请假：明天。" in reply.text and "明天 – 明天" not in reply.text, reply.text
    assert leave_rows(session_factory) == [("张伟", dt.date(2026, 12, 8), dt.date(2026, 12, 8))]
    assert "请假 · 张伟\n明天 · 去医院复查" in chat.reply("请假", user="张伟").text
    assert "Leave noted: Mon, Dec 21 – Tue, Dec 22." in chat.reply("leave 12/21-12/22", user="Ana").text
