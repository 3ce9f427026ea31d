"""Issue #23, round 15: a follow-on edit said with `push` (`push it to next week` right after a
follow-up or a task) went to the snooze command's usage; it is now the edit of what was just
changed, as `actually make that thurs` is, and a push never moves a day earlier (a day already in
next week goes to the week after). `make that 108k` right after a deal change sets that deal's
amount; `actually it was 245k sorry` right after a win asks to correct the win's amount, as
`不对，是45万` does, whatever courtesy word ends it. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


def _days(session_factory):
    with session_factory() as s:
        return ([(v.id, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, setup, edit, said, days", [
    ("Ana", "visit +Acme: demo; follow up fri", "push it to next week",
     "Changed visit #1 (Acme): follow-up Fri, Nov 27 → Mon, Nov 30.", ([(1, dt.date(2026, 11, 30))], [])),
    ("Ana", "visit +Acme: demo; follow up wed next week", "push that to next week pls",
     "Changed visit #1 (Acme): follow-up Wed, Dec 2 → Wed, Dec 9.", ([(1, dt.date(2026, 12, 9))], [])),
    ("Ana", "task call Acme by fri", "Push it to next week.",
     "Changed task #1 (call Acme): due date Fri, Nov 27 → Mon, Nov 30.",
     ([], [(1, dt.date(2026, 11, 30))])),
    ("Ana", "task call Acme next thu", "ok push it to next week",
     "Changed task #1 (call Acme): due date Thu, Dec 3 → Thu, Dec 10.", ([], [(1, dt.date(2026, 12, 10))])),
    ("Ana", "task call Acme by fri", "change it to tuesday",  # a push to tuesday is asked (fix20a)
     "Changed task #1 (call Acme): due date Fri, Nov 27 → Tue, Nov 24.", ([], [(1, dt.date(2026, 11, 24))])),
    ("张伟", "任务 给华为打电话 下周四", "把它推到下周",
     "已修改任务 #1（给华为打电话）：截止日 12月3日周四 → 12月10日周四。",
     ([], [(1, dt.date(2026, 12, 10))])),
    ("张伟", "拜访 +华为：演示顺利；跟进 周五", "把它推到下周",
     "已修改拜访 #1（华为）：跟进日 11月27日周五 → 11月30日周一。", ([(1, dt.date(2026, 11, 30))], [])),
])
def test_push_it_to_a_day_moves_what_was_just_changed(session_factory, user, setup, edit, said, days):
    chat = _chat(session_factory)
    assert chat.reply(setup, user=user).ok
    before = _days(session_factory)
    reply = chat.reply(edit, user=user)
    assert reply.ok and said in reply.text, reply.text
    assert _days(session_factory) == days
    assert chat.reply("undo" if user == "Ana" else "撤销", user=user).ok
    assert _days(session_factory) == before


def test_push_it_with_nothing_changed_lately_stores_nothing(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("push it to next week")
    assert not reply.ok and "Nothing was changed" in reply.text, reply.text
    assert _days(session_factory) == ([], [])


@pytest.mark.parametrize("user, setup, edit, said", [
    ("Ana", "deal #1 negotiation", "make that 108k", "Changed deal #1 (pilot): amount ¥50K → ¥108K."),
    ("Ana", "deal #1 close jan 15", "actually make that 108k",
     "Changed deal #1 (pilot): amount ¥50K → ¥108K."),
    ("Ana", "deal #1 60k", "Make that 108k pls", "Changed deal #1 (pilot): amount ¥60K → ¥108K."),
    ("张伟", "商机 #1 商务谈判", "不对，把它改成10.8万", "已修改商机 #1（pilot）：金额 ¥5万 → ¥10.8万。"),
])
def test_make_that_an_amount_after_a_deal_change_sets_that_deals_amount(session_factory, user, setup, edit,
                                                                         said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Initech "pilot" discovery 50k', user=user).ok
    chat.now += dt.timedelta(minutes=1)
    assert chat.reply(setup, user=user).ok
    reply = chat.reply(edit, user=user)
    assert reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        assert int(s.get(Deal, 1).amount) == 108_000


@pytest.mark.parametrize("user, won, said, answer", [
    ("Ana", "won #1 240k: price", "actually it was 245k sorry", "1"),
    ("Ana", "won #1 240k: price", "oops it was 245k, my bad", "yes"),
    ("Ana", "won #1 240k: price", "sorry, I meant 245k thanks", "1"),
    ("Ana", "won #1 240k: price", "no it's 245k sorry!", "1"),
    ("张伟", "赢单 #1 24万：价格", "不对，是24.5万 不好意思", "好"),
    ("张伟", "赢单 #1 24万：价格", "说错了，是24.5万，抱歉", "好"),
])
def test_the_amount_of_a_win_said_again_with_a_courtesy_word_corrects_the_win(session_factory, user, won,
                                                                               said, answer):
    chat = _chat(session_factory)  # round 15: a correction of the change just made is made at once
    assert chat.reply('deal +Initech "pilot" negotiation 200k', user=user).ok
    assert chat.reply(won, user=user).ok
    done = chat.reply(said, user=user)
    assert done.ok and ("245K" in done.text or "24.5万" in done.text), done.text
    with session_factory() as s:
        deal = s.get(Deal, 1)
        reason = "价格" if user == "张伟" else "price"
        assert (int(deal.amount), deal.stage, deal.reason) == (245_000, "won", reason)
    chat.reply(answer, user=user)  # a `yes` after it changes nothing more
    with session_factory() as s:
        assert int(s.get(Deal, 1).amount) == 245_000
