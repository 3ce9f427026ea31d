"""Issue #23, round 15: `fu globex monday re the discount` was offered as "a visit, all of it as the
notes" and the tap stored a visit with "globex re the discount" as its next step and a follow-up on
Monday: the offer said one thing and stored another. A follow-up still to come, said with `fu`,
`f/u`, `followup` or `follow-up` (as `follow up` already was, or `跟进` first in Chinese), is offered
as a task due that day, its topic in the title; a visit's choice whose line reads a follow-up from the
words says so in its label, and "all of it as the notes" stores them as notes, nothing else
(tests/handlers/test_offers_keep_words.py checks it of every choice). Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Customer, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing

MON, TUE, FRI = dt.date(2026, 11, 30), dt.date(2026, 11, 24), dt.date(2026, 11, 27)


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line in ("visit +Globex: intro", "visit +Initech: intro", "拜访 +格力：初次见面"):
        assert chat.reply(line).ok, line
    return chat


def _rows(session_factory):
    with session_factory() as s:
        names = {c.id: c.name for c in s.scalars(select(Customer))}
        return ([(v.notes, v.next_step, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.title, t.due_on, names.get(t.customer_id))
                 for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, said, due, customer, topic", [
    ("Ana", "fu globex monday re the discount", MON, "Globex", "re the discount"),
    ("Ana", "f/u initech tmrw about the renewal", TUE, "Initech", "about the renewal"),
    ("Ana", "FU Globex fri re: pricing", FRI, "Globex", "pricing"),
    ("Ana", "follow-up globex monday re the discount", MON, "Globex", "re the discount"),
    ("张伟", "跟进 格力 下周一 关于折扣", MON, "格力", "关于折扣"),
    ("张伟", "跟进格力明天，谈折扣的事", TUE, "格力", "谈折扣的事"),
])
def test_a_follow_up_with_a_topic_is_offered_as_a_task_that_day_and_stored_as_offered(
        session_factory, user, said, due, customer, topic):
    chat = _chat(session_factory)
    visits, tasks = _rows(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    assert "all of it as the notes" not in asked.text and "全文作为纪要" not in asked.text, asked.text
    assert asked.buttons[0].label in ("A task", "作为任务"), asked.text
    assert _rows(session_factory) == (visits, tasks)  # nothing stored while asked
    done = chat.press(asked.buttons[0], user=user)
    assert done.ok, done.text
    assert _rows(session_factory)[0] == visits  # no visit that never was
    [(title, due_on, named)] = _rows(session_factory)[1][len(tasks):]
    assert (due_on, named) == (due, customer) and topic in title, (title, due_on, named)
    assert topic in done.text and ("Nov 30" in done.text or "Nov 24" in done.text or "Nov 27" in done.text
                                   or "11月30日" in done.text or "11月24日" in done.text), done.text


@pytest.mark.parametrize("user, said, label", [
    ("张伟", "下周三跟进格力", "记为拜访，按原话设跟进"),
    ("Ana", "globex demo went well, fu fri", "A visit, with the follow-up its words say"),
])
def test_a_visit_choice_that_reads_a_follow_up_says_so_and_stores_it(session_factory, user, said, label):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    [button] = [b for b in asked.buttons if "拜访" in b.label or "visit" in b.label.lower()]
    assert button.label == label, asked.text
    visits = _rows(session_factory)[0]
    assert chat.press(button, user=user).ok
    [(_notes, _next, follow_up)] = _rows(session_factory)[0][len(visits):]
    assert follow_up is not None


@pytest.mark.parametrize("user, said", [("Ana", "globex lunch went well, they liked the demo"),
                                        ("张伟", "格力那边反馈不错，很满意方案")])
def test_all_of_it_as_the_notes_stores_all_of_it_as_the_notes(session_factory, user, said):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    [button] = [b for b in asked.buttons if "拜访" in b.label or "visit" in b.label.lower()]
    assert button.label in ("A visit, all of it as the notes", "记为拜访，全文作为纪要"), asked.text
    visits = _rows(session_factory)[0]
    assert chat.press(button, user=user).ok
    [(notes, next_step, follow_up)] = _rows(session_factory)[0][len(visits):]
    assert said.split(" ", 1)[-1] in notes or said[2:] in notes, notes
    assert not next_step and follow_up is None
