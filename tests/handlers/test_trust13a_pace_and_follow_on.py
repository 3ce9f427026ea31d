"""Issue #23 (every word lands in a field, or we ask), round 13: pace asked in words (`am I behind?`,
`我落后了吗`, `who's behind pace this month?`) is answered with the progress report (the team's
for who is behind), storing nothing; an edit of what the member just changed, said about "that"
(`bump that to 28k`, `actually make that thurs`, `不对，是大后天跟进`, `不对，是55次`), is made at once
and said back (field, old → new), `undo` undoes it, two things it could go into are asked, and with
nothing changed lately nothing is stored and the reply says what to type. Fed through the real
dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Change, Deal, Task, Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


def _rows(session_factory):
    """Every deal, visit, task and target as stored, and how many changes the journal holds."""
    with session_factory() as s:
        return ([(d.id, d.title, int(d.amount), d.expected_close)
                 for d in s.scalars(select(Deal).order_by(Deal.id))],
                [(v.id, v.notes, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))],
                sorted((t.metric, int(t.amount)) for t in s.scalars(select(Target))),
                len(s.scalars(select(Change)).all()))


def _deal(session_factory, deal_id=1) -> Deal:
    with session_factory() as s:
        return s.get(Deal, deal_id)


# 1. Pace asked in words: the progress report, nothing stored ------------------------------------
@pytest.mark.parametrize("user, asked, report", [
    ("Ana", "am I behind?", "progress"), ("Ana", "am i on track", "progress"),
    ("Ana", "Am I behind pace this month", "progress"), ("Ana", "am i behnd on my target?!", "progress"),
    ("Ana", "am i on trak", "progress"), ("Ana", "how far am I from target", "progress"),
    ("Ana", "are we on track this quarter?", "progress team quarter"),
    ("张伟", "这个月还差多少完成任务", "进度"), ("张伟", "我落后了吗", "进度"),
    ("张伟", "我落后了吗？", "进度"), ("张伟", "还差多少", "进度"), ("张伟", "还差多少完成目标！", "进度"),
    ("张伟", "我这个月达标了吗", "进度"),
])  # who is behind (`who's behind pace this month?`, `这个月谁落后了`) names them: test_trust15g_pace_asked
def test_pace_asked_in_words_is_the_progress_report(session_factory, user, asked, report):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 300k month", user="Mia").ok
    before = _rows(session_factory)
    reply = chat.reply(asked, user=user)
    assert reply.ok and "didn't get" not in reply.text and "没看懂" not in reply.text, reply.text
    assert reply.text.endswith(chat.reply(report, user=user).text), reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("said", ["am i behind on the acme deal, follow up fri", "华为落后了吗",
                                  "visit Acme: they asked am I behind on delivery"])
def test_a_sentence_about_a_customer_is_no_pace_question(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("visit +Acme: intro").ok
    progress = chat.reply("progress").text
    reply = chat.reply(said)
    assert progress not in reply.text and "Your progress" not in reply.text and "我的进度" not in reply.text


# 2. An edit of what was just changed: made at once, said back, undone by undo ---------------------
@pytest.mark.parametrize("setup, edit", [
    ('deal +Initech "pilot" discovery 50k', "bump that to 28k"),
    ('deal +Initech "pilot" discovery 50k', "make it 28k"),
    ('deal +Initech "pilot" discovery 50k', "Make it 28k!"),
    ('deal +Initech "pilot" discovery 50k', "ok bump it up to 28k pls"),
    ('deal +Initech "pilot" discovery 50k', "actually, change that to 28k"),
])
def test_an_amount_said_about_that_changes_the_deal_just_made(session_factory, setup, edit):
    chat = _chat(session_factory)
    assert chat.reply(setup).ok
    reply = chat.reply(edit)
    assert reply.ok and "Changed deal #1 (pilot): amount ¥50K → ¥28K." in reply.text, reply.text
    assert int(_deal(session_factory).amount) == 28_000
    undone = chat.reply("undo")
    assert undone.ok and "deal #1" in undone.text, undone.text
    assert int(_deal(session_factory).amount) == 50_000


def test_an_amount_said_about_that_after_a_deal_edit_changes_that_deal(session_factory):
    chat = _chat(session_factory)
    for said in ('deal +Initech "pilot" discovery 50k', 'deal +Globex "renewal" proposal 100k',
                 "deal #1 proposal"):  # the pilot touched last, each message a minute after the other
        assert chat.reply(said).ok
        chat.now += dt.timedelta(minutes=1)
    reply = chat.reply("make it 28k")
    assert reply.ok and "Changed deal #1 (pilot): amount ¥50K → ¥28K." in reply.text, reply.text
    assert [int(_deal(session_factory, i).amount) for i in (1, 2)] == [28_000, 100_000]


@pytest.mark.parametrize("setup, edit, said, day", [
    ("task call Acme by fri", "actually make that thurs",
     "Changed task #1 (call Acme): due date Fri, Nov 27 → Thu, Nov 26.", dt.date(2026, 11, 26)),
    ("task call Acme by fri", "change it to thursday",
     "Changed task #1 (call Acme): due date Fri, Nov 27 → Thu, Nov 26.", dt.date(2026, 11, 26)),
    ("task call Acme by fri", "Actually, move it to next tue.",
     "Changed task #1 (call Acme): due date Fri, Nov 27 → Tue, Dec 1.", dt.date(2026, 12, 1)),
    ('deal +Initech "pilot" discovery 50k close fri', "actually make that thurs",
     "Changed deal #1 (pilot): close date Fri, Nov 27 → Thu, Nov 26.", dt.date(2026, 11, 26)),
    ('deal +Initech "pilot" discovery 50k', "change it to friday",
     "Changed deal #1 (pilot): close date none → Fri, Nov 27.", dt.date(2026, 11, 27)),
    ("visit +Acme: demo; follow up fri", "change it to thurs",
     "Changed visit #1 (Acme): follow-up Fri, Nov 27 → Thu, Nov 26.", dt.date(2026, 11, 26)),
])
def test_a_day_said_about_that_moves_the_date_of_what_was_just_changed(session_factory, setup, edit, said,
                                                                       day):
    chat = _chat(session_factory)
    assert chat.reply(setup).ok
    before = _rows(session_factory)
    reply = chat.reply(edit)
    assert reply.ok and said in reply.text, reply.text
    deals, visits, tasks, *_ = _rows(session_factory)
    changed = (deals or visits or tasks)[0][-1]
    assert changed == day
    assert chat.reply("undo").ok
    assert _rows(session_factory)[:4] == before[:4]


@pytest.mark.parametrize("edit", ["不对，是大后天跟进", "不对,是大后天跟进", "错了 是大后天跟进。",
                                  "不对，应该是大后天回访", "不對，是大後天跟進", "把它改到大后天"])
def test_a_follow_up_day_said_after_a_visit_moves_that_visits_follow_up(session_factory, edit):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +华为：演示顺利；跟进 周五", user="张伟").ok
    reply = chat.reply(edit, user="张伟")
    said = "已修改拜访 #1（华为）：跟进日 11月27日周五 → 11月26日周四。"
    assert reply.ok and said in reply.text, reply.text
    assert _rows(session_factory)[1] == [(1, "演示顺利", dt.date(2026, 11, 26))]
    assert chat.reply("撤销", user="张伟").ok
    assert _rows(session_factory)[1] == [(1, "演示顺利", dt.date(2026, 11, 27))]


@pytest.mark.parametrize("edit", ["不对，是55次", "不对, 是 55 次", "错了，是55次！"])
def test_a_count_said_after_a_visits_target_corrects_it(session_factory, edit):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 拜访 40 本月", user="Mia").ok
    reply = chat.reply(edit, user="Mia")
    assert reply.ok and "已更正：原为 40" in reply.text and "拜访 55" in reply.text, reply.text
    assert _rows(session_factory)[3] == [("visits", 55)]
    assert chat.reply("撤销", user="Mia").ok
    assert _rows(session_factory)[3] == [("visits", 40)]


def test_a_count_said_after_a_revenue_target_changes_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 业绩 40万 本月", user="Mia").ok
    reply = chat.reply("不对，是55次", user="Mia")
    assert not reply.ok and "不是金额" in reply.text, reply.text
    assert _rows(session_factory)[3] == [("revenue", 400_000)]


# 3. Nothing to edit, or two things it could be --------------------------------------------------------
@pytest.mark.parametrize("edit, said", [
    ("bump that to 28k", "Nothing was changed: you changed nothing in the last 10 minutes that “28k” "
                         "could go into. Type the record and the value, like deal #12 28k"),
    ("actually make that thurs", "like task 12 due thurs · deal #12 close thurs · visit #12 follow up thurs"),
    ("不对，是大后天跟进",
     "未做修改：最近 10 分钟内你没有改过可填入“大后天”的记录。请写明记录和值，例如 拜访 #12 跟进 大后天"),
])
def test_an_edit_with_nothing_changed_lately_says_what_to_type(session_factory, edit, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Initech "pilot" discovery 50k close fri').ok
    chat.now += dt.timedelta(minutes=11)
    before = _rows(session_factory)
    reply = chat.reply(edit)
    assert not reply.ok and said in reply.text and not reply.buttons, reply.text
    assert _rows(session_factory) == before
    other = chat.reply(edit, user="Bo")  # Bo changed nothing: Ana's deal is no "that" of his
    assert not other.ok and said in other.text, other.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("setup, edit, said", [
    ("visit +Acme: demo", "make it 28k", "“28k” fits no field of your last change, “visit +Acme: demo”"),
    ("task call Acme by fri", "bump that to 28k", "“28k” fits no field of your last change"),
    ("拜访 +华为：演示顺利", "不对，是55次", "目标"),
])
def test_an_edit_that_fits_nothing_just_changed_changes_nothing(session_factory, setup, edit, said):
    chat = _chat(session_factory)
    assert chat.reply(setup).ok
    before = _rows(session_factory)
    reply = chat.reply(edit)
    assert not reply.ok and said in reply.text and not reply.buttons, reply.text
    assert _rows(session_factory) == before


def test_an_edit_that_could_go_into_two_things_is_asked(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit +Acme: demo; follow up fri\ntask send Acme the quote by fri").ok
    before = _rows(session_factory)
    reply = chat.reply("actually make that thurs")
    assert not reply.ok and "could go into 2 things you just changed" in reply.text, reply.text
    assert "1. visit #1 (Acme): follow-up Fri, Nov 27 → Thu, Nov 26" in reply.text
    assert "2. task #1 (send Acme the quote): due date Fri, Nov 27 → Thu, Nov 26" in reply.text
    assert [b.command for b in reply.buttons] == ["visit #1 follow up 2026-11-26", "task 1 due 2026-11-26"]
    # (the day the weekday was read as, written out since session 21 (fix28b: a weekday correcting a
    # day just set is the one nearest it): a tap later means the same day)
    assert _rows(session_factory) == before
    again = chat.reply("yes")  # picks neither: asked again
    assert not again.ok and _rows(session_factory) == before, again.text
    assert chat.reply("actually make that thurs").ok is False
    assert chat.reply("2").ok
    _deals, visits, tasks, *_ = _rows(session_factory)
    assert (visits[0][-1], tasks[0][-1]) == (dt.date(2026, 11, 27), dt.date(2026, 11, 26))


def test_an_edit_after_an_undone_change_changes_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Initech "pilot" discovery 50k').ok
    assert chat.reply("bump that to 28k").ok
    assert chat.reply("undo").ok
    before = _rows(session_factory)
    reply = chat.reply("make it 30k")
    assert not reply.ok and "Nothing to correct" in reply.text, reply.text
    assert _rows(session_factory) == before
