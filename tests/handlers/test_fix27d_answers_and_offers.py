"""Round 24 (English): replies to an open question that answer and say more (`no. leave …`,
`nah not yet, cancel`, `yes and same for 张伟`, `no wait wrong deal, it was #31 not #28`, `push the
follow up to eow too`) were asked "which option?" again or lost the visit; offers stored the wrong
thing (`deal #5 lost.. no wait WON 190k`, `customer hooli delete, its a dup …`, `sorry meant #12 not
49`); a why after `task 6 done` or a win's number asked, while other wordings just did it.
Fed through the real dispatch; today is Sun, Dec 6, 2026 (team day Mon, Dec 7 in Shanghai)."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Task, Visit
from storage.models.team import Target
from support import Chat, deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=SUN, manager="王芳", reps=("Ana", "Tom", "张伟"))


_DEALS = ("id", "stage", "amount", "reason", "expected_close")  # what the tests read


def _targets(session_factory) -> list[tuple]:
    with session_factory() as s:
        return sorted((t.member_id, t.metric, t.amount) for t in s.scalars(select(Target)))


# 1. an answer, then more words


@pytest.mark.parametrize("said", ["yes and same for 张伟", "好，张伟也一样"])
def test_yes_and_the_same_for_another_member(session_factory, said):
    chat = _chat(session_factory)
    asked = chat.reply("tom new customers 3 in jan", user="王芳")
    assert not asked.ok and _targets(session_factory) == []
    both = chat.reply(said, user="王芳")
    assert both.ok and "Tom" in both.text and "张伟" in both.text, both.text
    assert [(metric, amount) for _m, metric, amount in _targets(session_factory)] == \
        [("new_customers", Decimal(3))] * 2


@pytest.mark.parametrize("said", ["nah not yet, cancel", "不了，以后再说"])
def test_a_no_said_twice_drops_the_question(session_factory, said):
    chat = _chat(session_factory)
    chat.reply("tom new customers 3 in jan", user="王芳")
    dropped = chat.reply(said, user="王芳")
    assert dropped.ok and ("nothing was saved" in dropped.text or "未保存" in dropped.text), dropped.text
    assert "which of my options" not in dropped.text and _targets(session_factory) == []


@pytest.mark.parametrize("user, opened, said, again", [
    ("Ana", "deal #1 delete", "no wait wrong deal, it was #2 not #1", "deal #2"),
    ("张伟", "商机 #1 删除", "不对，是2号不是1号", "#2"),
])
def test_no_and_another_number_asks_again_of_that_record(session_factory, user, opened, said, again):
    chat = _chat(session_factory)
    for line in ('deal +Acme "pilot" 50k', 'deal +Acme "renewal" 80k'):
        assert chat.reply(line, user=user).ok
    before = deal_rows(session_factory, *_DEALS)
    assert not chat.reply(opened, user=user).ok
    asked = chat.reply(said, user=user)
    assert not asked.ok and again in asked.text and "which of my options" not in asked.text, asked.text
    assert deal_rows(session_factory, *_DEALS) == before
    assert chat.reply("yes", user=user).ok  # the delete of #2 confirmed
    assert [d[0] for d in deal_rows(session_factory, *_DEALS)] == [1]


@pytest.mark.parametrize("said", ["no. deal #1 close feb 26", "不是，商机 #1 预计 2月26日"])
def test_no_and_a_message_of_its_own_runs_it(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Stark "pilot" 300k', user="Ana").ok
    offered = chat.reply("stark still reviewing the pilot 🙁", user="Ana")  # offered as a visit
    assert not offered.ok and offered.buttons, offered.text  # (`stark pilot slipping to feb` is a
    # close moved at once since fix27e: no question left open)
    done = chat.reply(said, user="Ana")
    assert done.ok, done.text
    assert deal_rows(session_factory, *_DEALS)[0][4] == dt.date(2027, 2, 26)
    with session_factory() as s:
        assert s.scalars(select(Visit)).all() == []


@pytest.mark.parametrize("user, visit, said, logged_said", [
    ("Ana", "visit umbrella: sent pricing sheet in person, they'll decide by eow",
     "push the follow up to eow too", "Visit to umbrella logged"),
    ("张伟", "拜访 umbrella：送了报价，他们周五前决定", "跟进也设到周五前", "已记录拜访"),
])
def test_the_follow_up_said_again_in_words_takes_that_option(session_factory, user, visit, said, logged_said):
    chat = _chat(session_factory)
    asked = chat.reply(visit, user=user)
    assert not asked.ok and ("follow-up day" in asked.text or "跟进日期" in asked.text), asked.text
    logged = chat.reply(said, user=user)
    assert logged.ok and logged_said in logged.text, logged.text
    with session_factory() as s:
        [visit] = s.scalars(select(Visit)).all()
        assert visit.follow_up_on == dt.date(2026, 12, 11)


# 2. offers that stored the wrong thing


@pytest.mark.parametrize("user, said", [
    ("Ana", "deal #1 lost.. no wait WON 190k!! they just called 🎉"),
    ("张伟", "商机 #1 输了 不对 赢了 19万"),
])
def test_a_stage_word_corrected_in_its_message_is_the_later_one(session_factory, user, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Wayne "ERP" 200k', user=user).ok
    won = chat.reply(said, user=user)
    assert won.ok and ("Read as" in won.text or "按" in won.text), won.text
    assert deal_rows(session_factory, *_DEALS)[0][1:3] == ("won", Decimal(190000))


@pytest.mark.parametrize("user, said, why", [
    ("Ana", "customer acme delete, its a dup of Acme Corp", "its a dup of Acme Corp"),
    ("张伟", "客户 acme 删除，重复了", "重复了"),
])
def test_a_delete_with_its_why_asks_the_delete(session_factory, user, said, why):
    chat = _chat(session_factory)
    assert chat.reply("customer +acme", user=user).ok
    asked = chat.reply(said, user=user)
    assert not asked.ok and f"“{why}”" in asked.text and "acme" in asked.text, asked.text
    with session_factory() as s:
        assert [c.name for c in s.scalars(select(Customer))] == ["acme"]  # no customer "acme delete"
    assert chat.reply("yes", user=user).ok
    with session_factory() as s:
        assert s.scalars(select(Customer)).all() == []


@pytest.mark.parametrize("user, first, said", [
    ("Ana", "deal #1 proposal", "sorry meant #2 not 1"),
    ("张伟", "商机 #1 方案", "不对 是2号不是1号"),
])
def test_another_number_meant_moves_the_change_when_tapped(session_factory, user, first, said):
    chat = _chat(session_factory)
    for line in ('deal +Acme "pilot" 50k', 'deal +Acme "renewal" 80k'):
        assert chat.reply(line, user=user).ok
    assert chat.reply(first, user=user).ok
    offered = chat.reply(said, user=user)
    assert not offered.ok and "#2" in offered.text and "customer" not in offered.text, offered.text
    assert [d[1] for d in deal_rows(session_factory, *_DEALS)] == ["proposal", "lead"]
    assert chat.reply("1", user=user).ok
    assert [d[1] for d in deal_rows(session_factory, *_DEALS)] == ["lead", "proposal"]


# 3. a why after a plain command: done, as other wordings are


@pytest.mark.parametrize("user, said, why", [
    ("Ana", "task 1 done sent it over email ✅", "sent it over email"),
    ("张伟", "任务1搞定了 已经发邮件了", "已经发邮件了"),
])
def test_a_why_after_task_done_is_said_not_kept(session_factory, user, said, why):
    chat = _chat(session_factory)
    assert chat.reply("task send umbrella the pricing sheet fri", user=user).ok
    done = chat.reply(said, user=user)
    assert done.ok and why in done.text, done.text
    with session_factory() as s:
        assert [t.done_at is not None for t in s.scalars(select(Task))] == [True]


@pytest.mark.parametrize("user, said, stage, reason", [
    ("张伟", "won #1 21.5万 price was right 👍", "won", "price was right 👍"),
    ("Ana", "lost #1 went with 用友 cheaper", "lost", "went with 用友 cheaper"),
    ("Ana", "lost #1 huawei went w/ in-house team 😤", "lost", "huawei went w/ in-house team 😤"),
])
def test_a_plain_reason_with_an_emoji_or_a_chinese_name_is_taken(session_factory, user, said, stage, reason):
    chat = _chat(session_factory)
    assert chat.reply('deal +Xiaomi "CRM" 220k', user=user).ok
    closed = chat.reply(said, user=user)
    assert closed.ok and "colon" not in closed.text, closed.text
    deal = deal_rows(session_factory, *_DEALS)[0]
    assert deal[1] == stage and deal[3] == reason


@pytest.mark.parametrize("user, said, why, due", [
    ("Ana", "task 1 not done actually, cfo wants another call", "cfo wants another call", None),
    ("张伟", "任务1 没完成 客户说没收到", "客户说没收到", None),
    ("Ana", "task 1 due thu, im out wed", "im out wed", dt.date(2026, 12, 10)),
])
def test_a_why_after_a_change_by_number_is_made_and_said(session_factory, user, said, why, due):
    chat = _chat(session_factory)
    assert chat.reply("task send umbrella the pricing sheet fri", user=user).ok
    if due is None:
        assert chat.reply("done task 1", user=user).ok
    changed = chat.reply(said, user=user)
    assert changed.ok and f"“{why}”" in changed.text, changed.text
    with session_factory() as s:
        [task] = s.scalars(select(Task)).all()
        assert task.done_at is None and task.due_on == (due or dt.date(2026, 12, 11))


@pytest.mark.parametrize("typo, fixed", [("dnoe", "done"), ("完城", "完成")])
def test_an_options_own_words_tapped_or_typed_are_that_option_never_a_number_and_more(
        session_factory, typo, fixed):
    """`1 done` (the button of "did you mean: 1 done") is that option: it was read as the answer `1`
    and a message `done`, which failed; `2 done` with a question open is follow-up #2 done."""
    chat = _chat(session_factory)
    for customer in ("Acme", "Globex"):
        assert chat.reply(f"visit {customer}: intro; follow up fri").ok
    asked = chat.reply(f"1 {typo}")
    assert not asked.ok and asked.buttons[0].command == f"1 {fixed}", asked.text
    assert chat.press(asked.buttons[0]).ok
    assert chat.reply(f"visit Initech: intro; follow up {'fri' if fixed == 'done' else '周五'}").ok
    asked = chat.reply(f"2 {typo}")  # a question open again
    assert chat.reply(f"2 {fixed}").ok, asked.text
    with session_factory() as s:
        assert [v.follow_up_done for v in s.scalars(select(Visit).order_by(Visit.id))] == [True, True, False]
