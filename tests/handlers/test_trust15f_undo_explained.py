"""Issue #23, round 15: an undo with the reason after it (`actually undo that, they called back and
want to negotiate again`, `撤销，客户说不用发了`) is the undo: the words after it say why, and the reply
says they were read so. Words after it that do something of their own (a command, a record's
number, an amount, a day, a correction) are never dropped: asked, nothing undone. Fed through the
real dispatch with a real database."""
import pytest
from sqlalchemy import select

from storage.models.sales import Change, Deal, Task
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


def _stored(session_factory):
    with session_factory() as s:
        return ([(d.id, d.stage) for d in s.scalars(select(Deal).order_by(Deal.id))],
                [t.id for t in s.scalars(select(Task).order_by(Task.id))],
                [c.status for c in s.scalars(select(Change).order_by(Change.id))])


@pytest.mark.parametrize("said, note", [
    ("actually undo that, they called back and want to negotiate again",
     "(“they called back and want to negotiate again” read as why: nothing else was changed.)"),
    ("undo - they called back", "(“they called back” read as why"),
    ("oops undo that because they changed their mind", "(“because they changed their mind” read as why"),
    ("撤销，客户又回来谈了", "（“客户又回来谈了”按撤销的原因处理"),
    ("不好意思 撤销一下：客户说还要再谈", "（“客户说还要再谈”按撤销的原因处理"),
])
def test_an_undo_with_its_reason_undoes_and_says_the_words_were_read_as_why(session_factory, said, note):
    chat = _chat(session_factory)
    assert chat.reply('deal +Umbrella "erp" negotiation 100k', user="Bo").ok
    assert chat.reply("lost #1: cheaper competitor", user="Bo").ok
    reply = chat.reply(said, user="Bo")
    assert reply.ok and note in reply.text, reply.text
    deals, _tasks, statuses = _stored(session_factory)
    assert deals == [(1, "negotiation")] and statuses[-1] == "undone", (deals, statuses)


@pytest.mark.parametrize("said", [
    "undo that, and move deal #1 to 50k", "undo - log a visit to acme instead", "undo that, due friday",
    "撤销 不对 是拜访 联想想 不是联想", "撤销，改成30万",
])
def test_an_undo_with_something_else_to_do_after_it_undoes_nothing(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Umbrella "erp" negotiation 100k', user="Bo").ok
    assert chat.reply("task call Umbrella by fri", user="Bo").ok
    before = _stored(session_factory)
    reply = chat.reply(said, user="Bo")
    assert not reply.ok, reply.text
    assert _stored(session_factory) == before
