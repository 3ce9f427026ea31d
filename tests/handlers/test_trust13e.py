"""Classes of messages a fresh-eyes tester found mishandled (report r13en, issue #23), each with
variants in English and Chinese, on both databases: a message of its own sent while a question is
open runs as itself and the question lapses (`undo` undoes the last change); an English message
is answered in English whatever the member's language."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from handlers.rules.working_days import working_days_later
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Leave
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit Initech: intro", "拜访 华为：初次见面", 'deal Initech "cloud" proposal 50k'):
        assert chat.reply(line, user="Ana").ok
    return chat


def _visits(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        return list(s.execute(select(Customer.name, Visit.notes)
                              .join(Customer, Visit.customer_id == Customer.id).order_by(Visit.id)).all())


def _tasks(session_factory) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(Task.title).order_by(Task.id)))


# -- 1. a message of its own while a question is open ----------------------------------------------

@pytest.mark.parametrize("question", ["visit +Globex: tomorrow", "拜访 +小米：明天"])
@pytest.mark.parametrize("typed, ran", [
    ("task call initech fri", "Task #"),  # a command: runs, the question lapses
    ("任务 给华为打电话 周五", "任务 #"),
])
def test_a_command_while_asked_runs_and_the_question_lapses(session_factory, question, typed, ran):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    asked = chat.reply(question, user="Ana")
    assert not asked.ok and len(asked.buttons) == 3, asked.text
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and ran in reply.text, reply.text
    assert len(_tasks(session_factory)) == 1
    late = chat.reply("1", user="Ana")  # the question lapsed: nothing of it stored
    assert not late.ok, late.text
    assert _visits(session_factory) == before


@pytest.mark.parametrize("typed", ["#46 close date the 15th pls", "oh and its cny not usd sorry",
                                   "mideas erp moved to proposal", "小米的单子今天签了吧应该"])
def test_words_of_their_own_while_asked_are_never_not_one_of_my_answers(session_factory, typed):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    asked = chat.reply("visit +Globex: tomorrow", user="Ana")
    assert not asked.ok and len(asked.buttons) == 3, asked.text
    reply = chat.reply(typed, user="Ana")
    assert "not one of my answers" not in reply.text and "不是可选的回答" not in reply.text, reply.text
    if "still open" in reply.text or "仍然有效" in reply.text:  # not understood at all: the question is
        assert "didn't get that" in reply.text or "没看懂" in reply.text, reply.text  # kept open, said (r17)
        assert "nothing was saved" in chat.reply("no", user="Ana").text
    else:
        late = chat.reply("1", user="Ana")
        assert not late.ok and ("No question of mine" in late.text or "没有待回答" in late.text), late.text
    assert _visits(session_factory) == before


@pytest.mark.parametrize("typed, still", [("asdfgh", "still open"), ("4", "still open"),
                                          ("好吧嗯", "仍然有效")])
def test_a_short_unreadable_answer_still_keeps_the_question(session_factory, typed, still):
    chat = _setup(session_factory)
    asked = chat.reply("visit +Globex: tomorrow" if typed != "好吧嗯" else "拜访 +小米：明天", user="Ana")
    assert not asked.ok and len(asked.buttons) == 3, asked.text
    kept = chat.reply(typed, user="Ana")
    assert not kept.ok and still in kept.text, kept.text
    assert chat.reply("3", user="Ana").ok
    assert len(_visits(session_factory)) == 3


@pytest.mark.parametrize("undo", ["undo", "撤销"])
def test_undo_while_asked_cancels_the_question_then_one_tap_undoes_the_last_change(session_factory, undo):
    chat = _setup(session_factory)  # round 15: the question cancelled first, the last change named
    assert chat.reply("task call initech fri", user="Ana").ok
    asked = chat.reply("visit +Globex: tomorrow", user="Ana")
    assert not asked.ok and asked.buttons, asked.text
    cancelled = chat.reply(undo, user="Ana")
    assert not cancelled.ok and len(_tasks(session_factory)) == 1, cancelled.text
    reply = chat.reply("1", user="Ana")
    assert reply.ok and ("Undone" in reply.text or "已撤销" in reply.text), reply.text
    assert _tasks(session_factory) == []
    assert len(_visits(session_factory)) == 2


# -- 2. the reply's language is the message's --------------------------------------------------------

@pytest.mark.parametrize("typed, locale", [
    ("progress team", "en"), ("team target q1 2.4m split", "en"), ("deal #1 60k", "en"),
    ("visit initech: quick check in", "en"), ("进度 团队", "zh"), ("拜访 华为：见了张总", "zh"),
    ("progress", "en"),  # one English word says English (issue #23, round 17)
])
def test_a_chinese_members_message_is_answered_in_its_own_language(session_factory, typed, locale):
    chat = _setup(session_factory)
    chat.reply("language zh", user="Mia")
    chat.reply("language zh", user="Ana")
    reply = chat.reply(typed, user="Mia" if "target" in typed or "team" in typed else "Ana")
    assert reply.locale == locale, reply.text


# -- 7. a count of weeks landing on a day off is the next working day, said --------------------------

@pytest.mark.parametrize("typed, said", [
    ("task call initech in 2 weeks", "Sun, Dec 6 is not a working day: moved to Mon, Dec 7"),
    ("task call initech in 2 wks", "Sun, Dec 6 is not a working day: moved to Mon, Dec 7"),
    ("任务 给华为打电话 两周后", "不是工作日，已改到12月7日周一"),
])
def test_a_task_due_in_weeks_on_a_day_off_moves_to_the_next_working_day(session_factory, typed, said):
    chat = _setup(session_factory)
    chat.now = dt.datetime(2026, 11, 22, 2, tzinfo=dt.timezone.utc)  # a Sunday
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.due_on)).one().isoformat() == "2026-12-07"


@pytest.mark.parametrize("typed, said", [
    ("visit initech: all good. fu in 2 wks", "moved to Mon, Dec 7"),
    ("拜访 华为：很好，两周后跟进", "已改到12月7日周一"),
])
def test_a_follow_up_in_weeks_on_a_day_off_moves_to_the_next_working_day(session_factory, typed, said):
    chat = _setup(session_factory)
    chat.now = dt.datetime(2026, 11, 22, 2, tzinfo=dt.timezone.utc)
    reply = chat.reply(typed, user="Ana")
    if not reply.ok and reply.buttons:  # asked whether the day is a follow-up: it is
        reply = chat.reply("1", user="Ana")
    assert reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        day = s.scalars(select(Visit.follow_up_on).order_by(Visit.id.desc())).first()
        assert day.isoformat() == "2026-12-07"


# -- 3. a name a typo or two away from a known customer is asked about ------------------------------

@pytest.mark.parametrize("typed, known", [
    ("visit initek: quick chat. fu eow", "Initech"), ("visit initeck: quick chat", "Initech"),
    ("visit Intiech: lunch", "Initech"), ("拜访 initek：见了采购", "Initech"),
    ("visit huawai: met the cfo", "华为"), ("拜访 huawie：见了采购", "华为"),
])
def test_a_name_a_typo_away_asks_known_or_new(session_factory, typed, known):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    reply = chat.reply(typed, user="Ana")
    assert not reply.ok and known in reply.text, reply.text
    labels = [b.label for b in reply.buttons]
    assert labels[0] == known and len(labels) == 2, labels
    assert _visits(session_factory) == before
    with session_factory() as s:
        assert set(s.scalars(select(Customer.name))) == {"Initech", "华为"}
    assert chat.reply("1", user="Ana").ok
    assert _visits(session_factory)[-1][0] == known


# -- 4. a deadline beside a follow-up said as one; a misspelt command word offers that command ------

@pytest.mark.parametrize("typed, day", [
    ("visit huawei: reviewed the SOW, they need it signed before xmas. remind me tue", "2026-11-24"),
    ("visit initech: needs sign off before xmas, call them back fri", "2026-11-27"),
    ("拜访 华为：圣诞前要签好，跟进 周二", "2026-11-24"),
])
def test_a_follow_up_said_as_one_wins_over_a_deadline_in_the_notes(session_factory, typed, day):
    chat = _setup(session_factory)
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and "12-25" not in reply.text, reply.text
    with session_factory() as s:
        visit = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        assert visit.follow_up_on.isoformat() == day
        assert "xmas" in visit.notes or "圣诞前" in visit.notes


@pytest.mark.parametrize("typed", ["visit huawei: they need it signed before xmas",
                                   "拜访 华为：圣诞前要签好"])
def test_before_xmas_offered_as_a_follow_up_is_dec_24(session_factory, typed):
    chat = _setup(session_factory)
    asked = chat.reply(typed, user="Ana")
    assert not asked.ok and "12-25" not in asked.text, asked.text
    assert chat.reply("1", user="Ana").ok
    with session_factory() as s:
        visit = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        assert visit.follow_up_on.isoformat() == "2026-12-24"


@pytest.mark.parametrize("typed, offered", [
    ("vist huawei: reviewed the SOW, they need it signed before xmas. remind me tue", "visit huawei:"),
    ("visti initech: they signed the renewal", "visit initech:"),
    ("vsit initech: demo went well", "visit initech:"),
    ("拜方 华为：见了采购，下周二跟进", "拜访 华为"),
])
def test_a_misspelt_command_word_offers_that_command(session_factory, typed, offered):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    reply = chat.reply(typed, user="Ana")
    assert not reply.ok and reply.buttons and reply.buttons[0].command.startswith(offered), reply.text
    assert "won" not in reply.buttons[0].command and "赢单" not in reply.buttons[0].command
    assert _visits(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert len(_visits(session_factory)) == len(before) + 1


# -- 5. leave over days said apart, and leave said in words ------------------------------------------

def _leaves(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        return [(a.isoformat(), b.isoformat()) for a, b in s.execute(select(Leave.first_day, Leave.last_day))]


@pytest.mark.parametrize("typed", ["leave next wed and thurs", "请假 下周三和周四", "leave next wed & thu",
                                   "请假 下周三、周四"])
def test_leave_on_days_one_after_another_is_one_leave(session_factory, typed):
    chat = _setup(session_factory)
    reply = chat.reply(typed, user="Ana")
    said = ("Wed, Dec 2 – Thu, Dec 3", "12月2日周三 – 12月3日周四")
    assert reply.ok and any(day in reply.text for day in said), reply.text
    assert _leaves(session_factory) == [("2026-12-02", "2026-12-03")]


@pytest.mark.parametrize("typed, kept", [  # fix27a: the why offered kept as the leave's note
    ("off next fri for a dentist appt", "leave next fri, for a dentist appt"),
    ("im off next wed and thurs", "leave next wed and thurs"),
    ("我下周三和周四请假", "请假 下周三-下周四"),
])
def test_leave_in_words_is_offered_with_every_day(session_factory, typed, kept):
    chat = _setup(session_factory)
    asked = chat.reply(typed, user="Ana")
    assert not asked.ok and asked.buttons[0].command == kept, asked.text
    assert _leaves(session_factory) == []
    assert chat.reply("1", user="Ana").ok
    assert _leaves(session_factory) == [("2026-12-04", "2026-12-04")] if "fri" in typed \
        else [("2026-12-02", "2026-12-03")]


# -- 6. a done with words after it; two commands joined by a word or a comma; `deal 19 history` ----

def _task_done(session_factory) -> bool:
    with session_factory() as s:
        return s.scalars(select(Task.done_at)).one() is not None


@pytest.mark.parametrize("typed, note", [
    ("done task {n} sent it fri", "sent it fri"),
    ("done task {n} - dinner booked for thurs", "dinner booked for thurs"),
    ("完成 任务 {n} 周四的晚饭订好了", "周四的晚饭订好了"),
])
def test_a_task_done_with_a_day_in_its_words_is_done_its_words_not_kept(session_factory, typed, note):
    chat = _setup(session_factory)
    assert chat.reply("task call initech fri", user="Ana").ok
    with session_factory() as s:
        number = s.scalars(select(Task.id)).one()
    reply = chat.reply(typed.format(n=number), user="Ana")
    assert reply.ok and note in reply.text, reply.text
    assert "not kept" in reply.text or "未保存" in reply.text, reply.text
    assert _task_done(session_factory)


@pytest.mark.parametrize("joined", ["done task {a} and done task {b}", "done task {a}, done task {b}",
                                    "完成 任务 {a}，完成 任务 {b}", "done task {a} also done task {b}"])
def test_two_commands_joined_by_and_or_a_comma_both_run(session_factory, joined):
    chat = _setup(session_factory)
    assert chat.reply("task call initech fri", user="Ana").ok
    assert chat.reply("task send quote mon", user="Ana").ok
    with session_factory() as s:
        a, b = s.scalars(select(Task.id).order_by(Task.id))
    reply = chat.reply(joined.format(a=a, b=b), user="Ana")
    assert reply.ok and f"#{a}" in reply.text and f"#{b}" in reply.text, reply.text
    with session_factory() as s:
        assert all(done is not None for done in s.scalars(select(Task.done_at)))


@pytest.mark.parametrize("joined", ["visit {v} done and snooze {w} 2 days", "done {v}，推迟 {w} 两天"])
def test_a_follow_up_done_and_another_snoozed_in_one_line(session_factory, joined):
    chat = _setup(session_factory)
    assert chat.reply("visit Initech: demo, follow up fri", user="Ana").ok
    assert chat.reply("拜访 华为：报价，跟进 周四", user="Ana").ok
    with session_factory() as s:
        v, w = s.scalars(select(Visit.id).where(Visit.follow_up_on.is_not(None)).order_by(Visit.id))
        was = s.get(Visit, w).follow_up_on
    reply = chat.reply(joined.format(v=v, w=w), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.get(Visit, v).follow_up_done
        assert s.get(Visit, w).follow_up_on == working_days_later(was, 2, "CN")  # days: working days
    with session_factory() as s:
        assert set(s.scalars(select(Customer.name))) == {"Initech", "华为"}


@pytest.mark.parametrize("typed", ["deal {n} history", "deal {n} history?"])
def test_a_deal_number_without_its_hash_shows_its_history(session_factory, typed):
    chat = _setup(session_factory)
    with session_factory() as s:
        number = s.scalars(select(Deal.id)).one()
    reply = chat.reply(typed.format(n=number), user="Ana")
    assert reply.ok and f"Deal #{number}" in reply.text and "history" in reply.text, reply.text
    with session_factory() as s:
        assert set(s.scalars(select(Customer.name))) == {"Initech", "华为"}
