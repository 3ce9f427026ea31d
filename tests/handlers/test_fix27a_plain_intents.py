"""r24zh (Chinese phone messages), fix27a:

U1. A message with no command word that is plainly a task, a deal, a tier change, a leave correction
    or a task's done taken back was offered only as a visit with the whole sentence as notes (or a
    task titled with the sentence). Now the right command is offered, one tap.
B.  A leading 另外/不是 kept in a task's title; an emoji after a follow-up became the visit's next step.
N.  A task done with words asked "tasks keep no notes: mark it done?" every time: now done, the
    words said not kept. A leave said in a sentence with its why refused the why, though `请假 …，why`
    keeps it: now offered with the why kept.
Fed through the real dispatch; the team's day is Mon, Dec 7, 2026 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Leave
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
D = dt.date


def _chat(session_factory, *setup: tuple[str, str]) -> Chat:
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    for user, said in setup:
        assert chat.reply(said, user=user).ok, said
    return chat


def _rows(session_factory, model, *columns):
    with session_factory() as s:
        rows = s.scalars(select(model).order_by(model.id))
        return [tuple(getattr(row, c) for c in columns) for row in rows]


@pytest.mark.parametrize("said, offer, title", [
    ("腾讯这家我明天去一趟 提醒我带上合同", "任务 明天 腾讯这家我去一趟 带上合同",
     "腾讯这家我去一趟 带上合同"),
    ("tencent, going there tomorrow, remind me to bring the contract",
     "task tencent, going there, bring the contract by tomorrow", "tencent, going there, bring the contract"),
])
def test_a_reminder_inside_a_sentence_is_offered_as_a_task_never_a_visit(session_factory, said, offer, title):
    chat = _chat(session_factory, ("Ana", "客户 +腾讯"))
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and offer in asked.text and "拜访" not in asked.text and "visit" not in asked.text, \
        asked.text
    assert _rows(session_factory, Task, "title") == [] and _rows(session_factory, Visit, "id") == []
    assert chat.reply("1", user="Ana").ok
    assert _rows(session_factory, Task, "title", "due_on") == [(title, D(2026, 12, 8))]


@pytest.mark.parametrize("said, title", [
    ("不是 建个任务 明天去腾讯带合同", "去腾讯带合同"),
    ("另外明天给腾讯发个感谢信 建个任务", "给腾讯发个感谢信"),
    ("also send tencent a thank-you note tomorrow, add a task", "send tencent a thank-you note"),
])
def test_a_task_asked_for_keeps_no_filler_in_its_title(session_factory, said, title):
    chat = _chat(session_factory, ("Ana", "客户 +腾讯"))
    reply = chat.reply(said, user="Ana")
    assert reply.ok and title in reply.text, reply.text
    assert _rows(session_factory, Task, "title", "due_on") == [(title, D(2026, 12, 8))]


@pytest.mark.parametrize("said", ["海尔ERP那单让张伟跟一下 周三前给我个更新",
                                  "海尔ERP那单 叫张伟跟一下 周三前给我个更新"])
def test_a_manager_asking_a_member_in_a_sentence_is_offered_the_task_on_that_deal(session_factory, said):
    chat = _chat(session_factory, ("张伟", '商机 海尔 "ERP" 30万'), ("张伟", '商机 海尔 "云服务" 10万'))
    [(deal_id, _title)] = [row for row in _rows(session_factory, Deal, "id", "title") if row[1] == "ERP"]
    asked = chat.reply(said, user="王芳")
    assert not asked.ok and f"任务 @张伟 商机 #{deal_id} 周三前" in asked.text and "拜访" not in asked.text, \
        asked.text
    assert _rows(session_factory, Task, "id") == []
    assert chat.reply("好", user="王芳").ok
    [(title, due, deal, assignee)] = _rows(session_factory, Task, "title", "due_on", "deal_id", "assignee_id")
    assert (due, deal) == (D(2026, 12, 9), deal_id) and "给我个更新" in title


@pytest.mark.parametrize("said, line, title", [
    ("小米 新客户 那个CRM二期 估计12万 下个月中签", '商机 小米 "CRM二期" 12万 预计 2027-01-15', "CRM二期"),
    ("xiaomi crm phase 2 120k closing 1/15", 'deal 小米 "crm phase 2" 120k close 2027-01-15', "crm phase 2"),
])
def test_a_new_deal_told_without_a_command_word_is_offered_as_one(session_factory, said, line, title):
    chat = _chat(session_factory, ("张伟", "客户 +小米"))
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and line in [b.command for b in asked.buttons], asked.text
    assert "拜访" not in asked.text and "visit" not in asked.text, asked.text
    assert _rows(session_factory, Deal, "id") == []
    assert chat.reply("1", user="张伟").ok
    [(stored, amount, close)] = _rows(session_factory, Deal, "title", "amount", "expected_close")
    assert (stored, int(amount), close) == (title, 120000, D(2027, 1, 15))


@pytest.mark.parametrize("said, line", [("Globex 这家 客户等级改成A", "客户 Globex A类"),
                                        ("把Globex的等级调成A类", "客户 Globex A类"),
                                        ("globex tier to A", "customer globex tier A")])
def test_a_tier_said_in_words_is_offered_as_the_tier(session_factory, said, line):
    chat = _chat(session_factory, ("Ana", "客户 +Globex"))
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and line in asked.text and "拜访" not in asked.text, asked.text
    assert _rows(session_factory, Customer, "tier") == [(None,)]
    assert chat.reply("1", user="Ana").ok
    assert _rows(session_factory, Customer, "tier") == [("A",)]
    assert _rows(session_factory, Visit, "id") == []


@pytest.mark.parametrize("leave, said, why", [
    ("请假 下周三-下周四，孩子开家长会", "哦不对 是下周四到下周五，周三我还是要去比亚迪",
     "周三我还是要去比亚迪"),
    ("leave next wed-next thu, kid's school meeting",
     "oh wait, next thu to next fri, i still need to visit byd on wed", "i still need to visit byd on wed"),
])
def test_a_leave_corrected_after_oh_moves_the_leave_just_entered(session_factory, leave, said, why):
    chat = _chat(session_factory, ("张伟", "客户 +比亚迪"), ("张伟", leave))
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and "任务" not in asked.text and "task" not in asked.text, asked.text
    assert chat.reply("1", user="张伟").ok
    assert _rows(session_factory, Leave, "first_day", "last_day", "note") == [
        (D(2026, 12, 17), D(2026, 12, 18), why)]
    assert _rows(session_factory, Task, "id") == []


@pytest.mark.parametrize("said, words", [("任务{id}还没完成 方案里缺了报价部分", "方案里缺了报价部分"),
                                         ("{id}还没完成 方案里缺了报价部分", "方案里缺了报价部分")])
def test_a_done_taken_back_with_words_offers_the_reopen(session_factory, said, words):
    chat = _chat(session_factory, ("张伟", "任务 周五前给京东发报价"))
    [(task_id,)] = _rows(session_factory, Task, "id")
    assert chat.reply(f"完成 任务 {task_id}", user="张伟").ok
    asked = chat.reply(said.format(id=task_id), user="张伟")
    assert not asked.ok and words in asked.text and f"任务{task_id}还没完成" in asked.text, asked.text
    assert "新建任务" not in asked.text
    assert [done is not None for (done,) in _rows(session_factory, Task, "done_at")] == [True]
    assert chat.reply("好", user="张伟").ok
    assert _rows(session_factory, Task, "done_at") == [(None,)]


@pytest.mark.parametrize("said, words", [("任务{id}搞定了 方案已经发给王总", "“方案已经发给王总”未保存"),
                                         ("task {id} done✅ email sent", "“email sent” is not kept")])
def test_a_task_done_with_words_is_done_at_once_the_words_said_not_kept(session_factory, said, words):
    chat = _chat(session_factory, ("张伟", "任务 周五前给京东发报价"))
    [(task_id,)] = _rows(session_factory, Task, "id")
    reply = chat.reply(said.format(id=task_id), user="张伟")
    assert reply.ok and words in reply.text, reply.text
    assert [done is not None for (done,) in _rows(session_factory, Task, "done_at")] == [True]


@pytest.mark.parametrize("said, line, days, why", [
    ("下周三下周四请假两天 孩子开家长会", "请假 下周三-下周四，孩子开家长会",
     (D(2026, 12, 16), D(2026, 12, 17)), "孩子开家长会"),
    ("off next fri for a dentist appt", "leave next fri, for a dentist appt",
     (D(2026, 12, 18), D(2026, 12, 18)), "for a dentist appt"),
])
def test_a_leave_said_with_its_why_keeps_the_why(session_factory, said, line, days, why):
    chat = _chat(session_factory)
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and line in asked.text and "放不下" not in asked.text, asked.text
    assert chat.reply("1", user="张伟").ok
    assert _rows(session_factory, Leave, "first_day", "last_day", "note") == [(*days, why)]


@pytest.mark.parametrize("said", ["拜访 比亚迪：见了采购李总 他们对报价有点犹豫，下周三再跟进一下😅",
                                  "visit 比亚迪: they hesitate on price, follow up next wed again 😅"])
def test_an_emoji_after_a_follow_up_is_no_next_step(session_factory, said):
    chat = _chat(session_factory, ("张伟", "客户 +比亚迪"))
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "😅" not in reply.text, reply.text
    [(next_step, follow_up)] = _rows(session_factory, Visit, "next_step", "follow_up_on")
    assert (next_step, follow_up) == ("", D(2026, 12, 16))
