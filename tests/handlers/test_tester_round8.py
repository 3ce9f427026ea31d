"""Classes of messages the round-8 fresh-eyes tester found stored other than meant, fed through the
real dispatch with a real database (SQLite and PostgreSQL): several tasks' numbers with a done word
made a task titled with them."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _tasks(session_factory):
    with session_factory() as s:
        return [(t.title, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("typed", [
    "tasks {a} and {b} done", "task {a}, {b} done", "task #{a}, #{b} done", "tasks {a} & {b} are done",
    "任务{a}、{b}都做完了", "任务{a}和{b}完成了", "任务 {a}，{b} 搞定了",
])
def test_several_tasks_numbers_and_a_done_word_are_each_task_done(session_factory, typed):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("task call Globex").ok
    assert chat.reply("task call Acme").ok
    with session_factory() as s:
        a, b = s.scalars(select(Task.id).order_by(Task.id))
    reply = chat.reply(typed.format(a=a, b=b))
    assert reply.ok, reply.text
    assert f"#{a}" in reply.text and f"#{b}" in reply.text
    assert _tasks(session_factory) == [("call Globex", True), ("call Acme", True)]
    undone = chat.reply("undo")
    assert undone.ok, undone.text
    assert _tasks(session_factory) == [("call Globex", False), ("call Acme", False)]


@pytest.mark.parametrize("undo, said", [
    ("undo", "Undone"), ("撤销", "已撤销"), ("undo that", "Undone"), ("undo pls", "Undone"),
])  # round 15: the question cancelled, nothing saved; the last saved change one tap from undone
def test_undo_while_a_question_is_open_cancels_it_and_offers_the_last_change(session_factory, undo, said):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro").ok
    assert chat.reply("deal Globex \"renewal\" proposal 100k").ok
    assert chat.reply("task call Globex").ok
    with session_factory() as s:
        number = s.scalars(select(Task.id)).one()
    assert chat.reply(f"done task {number}").ok
    asked = chat.reply("won Globex 1.45m: beat them on delivery, kickoff call next tue")
    assert not asked.ok and asked.buttons, asked.text
    reply = chat.reply(undo)  # issue #23: the question cancelled, the last change kept and named
    assert not reply.ok, reply.text
    assert "Cancelled my question" in reply.text or "已取消我的提问" in reply.text
    assert f"done task {number}" in reply.buttons[0].label, reply.buttons
    assert _tasks(session_factory) == [("call Globex", True)]
    reply = chat.reply("1")
    assert reply.ok and ("Undone" in reply.text or said in reply.text), reply.text
    assert _tasks(session_factory) == [("call Globex", False)]
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() != "won"
    late = chat.reply("1")
    assert not late.ok and "No question of mine is open" in late.text
    assert _tasks(session_factory) == [("call Globex", False)]


def test_undo_after_a_saved_win_whose_reason_is_asked_undoes_the_win(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro").ok
    assert chat.reply("deal Globex \"renewal\" proposal 100k").ok
    won = chat.reply("won Globex")
    assert won.ok, won.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() == "won"
    reply = chat.reply("undo")
    assert reply.ok and "Undone" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() != "won"


def _deal_of(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.reason


def _jd(session_factory) -> tuple[Chat, int]:
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +京东: intro").ok
    assert chat.reply('deal 京东 "数据平台" proposal 200k').ok
    made = chat.reply('deal 京东 "618" proposal 600k')
    assert made.ok, made.text
    with session_factory() as s:
        return chat, s.scalars(select(Deal.id).where(Deal.title == "618")).one()


@pytest.mark.parametrize("typed", ["lost 京东 618: budget frozen", "lost #{id} 618: budget frozen",
                                   "输单 京东 618：预算冻结"])
def test_a_number_that_is_the_deals_title_names_the_deal_never_its_amount(session_factory, typed):
    chat, number = _jd(session_factory)
    reply = chat.reply(typed.format(id=number))
    assert reply.ok, reply.text
    assert f"#{number}" in reply.text
    stage, amount, reason = _deal_of(session_factory, number)
    assert (stage, amount) == ("lost", 600000) and reason.startswith(("budget", "预算"))


def test_a_plain_amount_beside_another_title_is_still_the_amount(session_factory):
    chat, _number = _jd(session_factory)
    with session_factory() as s:
        other = s.scalars(select(Deal.id).where(Deal.title == "数据平台")).one()
    reply = chat.reply(f"won #{other} 250k: beat SAP")
    assert reply.ok, reply.text
    assert _deal_of(session_factory, other) == ("won", 250000, "beat SAP")


@pytest.mark.parametrize("pick, due", [(1, "2027-10-01"), (2, "2027-01-10")])
def test_a_follow_up_day_in_a_loss_reads_both_ways_and_the_offer_keeps_the_amount(session_factory, pick, due):
    chat, number = _jd(session_factory)
    asked = chat.reply("lost 京东 618: budget frozen, they'll get back to me by 10/1")
    assert not asked.ok
    sent = " ".join(b.command for b in asked.buttons)  # both readings offered (shown as replies show days)
    assert "2027-10-01" in sent and "2027-01-10" in sent and "Oct 1, 2027" in asked.text, asked.text
    done = chat.reply(str(pick))
    assert done.ok, done.text
    assert _deal_of(session_factory, number) == ("lost", 600000, "budget frozen")
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
        assert (task.title, task.due_on.isoformat()) == ("they'll get back to me", due)


def _follow_up(session_factory, visit_id):
    with session_factory() as s:
        return s.get(Visit, visit_id).follow_up_on.isoformat()


@pytest.mark.parametrize("typed, pick, due", [
    ("snooze {id} tomorrow", "1", "2026-11-24"),  # today is Mon, Nov 23; it is due Fri, Nov 27
    ("snooze {id} to tomorrow", "2", "2026-12-01"),
    ("推迟 {id} 明天", "1", "2026-11-24"),
    ("snooze {id} to tue", "no", "2026-11-27"),
])
def test_a_snooze_to_a_day_before_the_follow_ups_own_is_asked_never_moved_earlier_unsaid(
        session_factory, typed, pick, due):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: demo; follow up fri").ok
    with session_factory() as s:
        number = s.scalars(select(Visit.id)).one()
    assert _follow_up(session_factory, number) == "2026-11-27"
    asked = chat.reply(typed.format(id=number))
    assert not asked.ok
    assert ("Tue, Nov 24 is earlier than Fri, Nov 27" in asked.text
            or "11月24日周二比跟进" in asked.text), asked.text
    assert _follow_up(session_factory, number) == "2026-11-27"  # nothing moved yet
    chat.reply(pick)
    assert _follow_up(session_factory, number) == due


def test_a_snooze_to_a_later_day_moves_it_unasked(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: demo; follow up fri").ok
    with session_factory() as s:
        number = s.scalars(select(Visit.id)).one()
    reply = chat.reply(f"snooze {number} next tue")
    assert reply.ok and "moved to" in reply.text, reply.text
    assert _follow_up(session_factory, number) == "2026-12-01"


@pytest.mark.parametrize("typed", ["fu {id} done", "follow-up #{id} done", "跟进{id}完成了",
                                   "回访 {id} 搞定"])
def test_a_follow_ups_number_with_a_follow_up_word_and_a_done_word_is_it_done(session_factory, typed):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: demo; follow up fri").ok
    with session_factory() as s:
        number = s.scalars(select(Visit.id)).one()
    reply = chat.reply(typed.format(id=number))
    assert reply.ok, reply.text
    assert "Marked 1 follow-up done" in reply.text or "已完成 1 项跟进" in reply.text
    with session_factory() as s:
        assert s.get(Visit, number).follow_up_done
        assert not s.scalars(select(Task)).all()  # no task made of it


def test_a_win_whose_reason_and_follow_up_a_space_parts_keeps_the_reason_and_titles_the_task(session_factory):
    chat, _number = _jd(session_factory)
    with session_factory() as s:
        other = s.scalars(select(Deal.id).where(Deal.title == "数据平台")).one()
    asked = chat.reply("赢单 京东 数据平台 118万：价格有优势  下周三签合同")
    assert not asked.ok, asked.text
    done = chat.reply("1")
    assert done.ok, done.text
    assert _deal_of(session_factory, other) == ("won", 1180000, "价格有优势")
    with session_factory() as s:
        assert [t.title for t in s.scalars(select(Task))] == ["签合同"]



@pytest.mark.parametrize("typed", ["tasks 1 adn 2 done", "task 1 adn 2 done", "任务1 以及 2 都完成了"])
def test_task_numbers_with_a_word_not_read_and_done_make_no_task(session_factory, typed):
    chat = Chat(session_factory)
    chat.team()
    with session_factory() as s:
        before = s.scalar(select(func.count()).select_from(Task))
    reply = chat.reply(typed)
    assert not reply.ok and ("done task" in reply.text or "完成 任务" in reply.text), reply.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Task)) == before
