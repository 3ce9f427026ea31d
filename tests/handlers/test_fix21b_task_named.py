"""r21-en #141, #43: a member's name and a colon at a task's start (`task deal #46 ana: get legal
sign-off by 12/15`, `任务 张伟：周五前给华为发报价`) gives the task to that member, the name never
left in the title; a word no member has (`re:`) and a day (`fri:`) read as before. Notes offered
after the "customer or new customer?" question keep the punctuation as typed (`mr.` stays)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import make_team_chat, task_rows

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday


_TASKS = ("assignee", "title", "due_on", "deal_id")  # what the tests read


def _chat(session_factory):
    return make_team_chat(session_factory, now=DEC6, reps=("Ana", "Bo", "张伟"))


@pytest.mark.parametrize("said, who, title, day, shown", [
    ("task ana: get legal sign-off on the acme contract by 12/15", "Ana",
     "get legal sign-off on the acme contract", dt.date(2026, 12, 15), "Tue, Dec 15"),
    ("task Ana : send the quote fri", "Ana", "send the quote", dt.date(2026, 12, 11), "Fri, Dec 11"),
    ("task @bo: book the demo room tmrw", "Bo", "book the demo room", dt.date(2026, 12, 7), "Mon, Dec 7"),
    ("任务 张伟：周五前给华为发报价", "张伟", "给华为发报价", dt.date(2026, 12, 11), "12月11日周五"),
    ("任务 张伟: 明天给联想打电话", "张伟", "给联想打电话", dt.date(2026, 12, 7), "12月7日周一"),
    ("任务 @张伟：下周二前回访京东", "张伟", "回访京东", dt.date(2026, 12, 8), "12月8日周二"),
])
def test_a_managers_task_for_a_named_member_is_theirs(session_factory, said, who, title, day, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and title in reply.text and who in reply.text and shown in reply.text, reply.text
    assert f"{who}:" not in reply.text and f"{who}：" not in reply.text
    assert task_rows(session_factory, *_TASKS) == [(who, title, day, None)]


@pytest.mark.parametrize("said, title", [
    ("task deal #{id} ana: get legal sign-off on the acme contract by 12/15",
     "get legal sign-off on the acme contract"),
    ("任务 商机#{id} Ana：12月15日前拿到法务签字", "拿到法务签字"),
])
def test_a_named_member_with_a_deal_gets_the_task_about_it(session_factory, said, title):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 180k', user="Ana").ok
    with session_factory() as s:
        deal_id = s.scalar(select(Deal.id))
    reply = chat.reply(said.format(id=deal_id), user="Mia")
    assert reply.ok and title in reply.text and "Ana" in reply.text, reply.text
    assert task_rows(session_factory, *_TASKS) == [("Ana", title, dt.date(2026, 12, 15), deal_id)]


@pytest.mark.parametrize("said, lang, refused", [
    ("task bo: call acme fri", None, "Only managers give tasks to others"),
    ("任务 Bo：周五前给华为打电话", "zh", "只有经理可以给别人派任务"),
])
def test_a_rep_naming_another_rep_is_refused_as_with_an_at(session_factory, said, lang, refused):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana", lang=lang)
    assert not reply.ok and refused in reply.text, reply.text
    assert task_rows(session_factory, *_TASKS) == []


@pytest.mark.parametrize("said, lang, title, day", [
    ("task ana: call acme fri", None, "call acme", dt.date(2026, 12, 11)),  # herself
    ("task re: contract for acme fri", None, "re: contract for acme", dt.date(2026, 12, 11)),
    ("task fri: call umbrella", None, "call umbrella", dt.date(2026, 12, 11)),
    ("任务 华为：周五前发报价", "zh", "华为:发报价", dt.date(2026, 12, 11)),
])
def test_a_word_no_member_has_stays_and_a_day_is_the_due_day(session_factory, said, lang, title, day):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana", lang=lang)
    assert reply.ok, reply.text
    [(who, stored, due, _deal)] = task_rows(session_factory, *_TASKS)
    assert who == "Ana" and due == day and stored.replace("：", ":") == title, stored


@pytest.mark.parametrize("said, lang, notes", [
    ("visit 格力 met mr. zhang, they r comparing us with kingdee", None,
     "met mr. zhang, they r comparing us with kingdee"),
    ("visit 格力 saw dr. li. they want a demo", None, "saw dr. li. they want a demo"),
])
def test_notes_offered_after_the_customer_question_are_kept_as_typed(session_factory, said, lang, notes):
    chat = _chat(session_factory)
    assert chat.reply("visit +格力: first call", user="Bo").ok
    asked = chat.reply(said, user="Bo", lang=lang)
    assert not asked.ok and "格力" in asked.text, asked.text
    assert any(notes in b.label or notes in b.command for b in asked.buttons), asked.buttons
    reply = chat.reply("1", user="Bo", lang=lang)
    assert reply.ok and notes in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Visit.notes).order_by(Visit.id)).all() == ["first call", notes]


def _visits(session_factory):
    from storage.models.sales import Customer
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.visited_at.date() if hasattr(v.visited_at, "date")
                 else v.visited_at, v.notes) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("said, user, lang, day, notes", [
    ("went to huawei fri actually, forgot to log. met li wei, renewal on track", "Ana", None,
     dt.date(2026, 12, 4), "actually, forgot to log. met li wei, renewal on track"),
    ("stopped by huawei on wed. left samples", "Ana", None, dt.date(2026, 12, 2), "left samples"),
    ("went to huawei dec 3, signed the nda", "Ana", None, dt.date(2026, 12, 3), "signed the nda"),
    ("visited huawei thursday met the cfo", "Ana", None, dt.date(2026, 12, 3), "met the cfo"),
    ("周五去了华为，见了李伟，续约顺利", "张伟", "zh", dt.date(2026, 12, 4), None),
])
def test_a_visit_told_with_a_day_after_the_customer_is_on_that_day(session_factory, said, user, lang, day,
                                                                    notes):
    chat = _chat(session_factory)
    assert chat.reply("visit +华为: first call", user="Bo").ok
    reply = chat.reply(said, user=user, lang=lang)
    if not reply.ok:  # offered, the line shown in full: one tap
        assert notes is None or notes in reply.text, reply.text
        reply = chat.reply("1", user=user, lang=lang)
    assert reply.ok and "华为" in reply.text, reply.text
    visits = _visits(session_factory)
    assert len(visits) == 2 and visits[1][:2] == ("华为", day), visits
    assert notes is None or visits[1][2] == notes, visits
