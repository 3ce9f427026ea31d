"""The bot's questions and their answers, several commands in one message, and replies that say
how a message was read: in the language it was written in, with the customer and day used."""
import datetime as dt

from sqlalchemy import func, select

from storage.models.messaging import OpenQuestion
from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat


def count(session_factory, model, **where):
    with session_factory() as s:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return s.scalar(query)


def visits(session_factory):
    with session_factory() as s:
        rows = s.execute(select(Customer.name, Visit.notes, Visit.follow_up_on)
                         .join(Customer, Customer.id == Visit.customer_id).order_by(Visit.id)).all()
    return [tuple(row) for row in rows]


def test_a_question_is_answered_by_its_number(team_chat, session_factory):
    team_chat("visit Acme Corp: intro")
    out = team_chat("visit Acme Crop: demo")
    assert "Which do you mean?" in out and count(session_factory, Visit) == 1
    assert "Visit to Acme Corp logged" in team_chat("1")
    assert visits(session_factory)[-1] == ("Acme Corp", "demo", None)
    assert count(session_factory, Customer) == 1


def test_yes_ok_and_hao_de_pick_the_first_answer_and_no_drops_the_question(team_chat, session_factory):
    team_chat("visit Acme Corp: intro")
    for yes in ("yes", "ok", "好的", "是"):
        team_chat("visit Acme Crop: demo")
        assert "Acme Corp" in team_chat(yes)
    assert count(session_factory, Visit) == 5
    team_chat("visit Acme Crop: demo")
    assert "nothing was saved" in team_chat("no")
    team_chat("visit Acme Crop: demo")
    assert "未保存" in team_chat("不")
    assert count(session_factory, Visit) == 5 and count(session_factory, OpenQuestion) == 0


def test_the_second_answer_of_a_question(team_chat, session_factory):
    out = team_chat("visit Globex: demo done. deal Globex negotiation 90k")
    assert "two things" in out and "1. Both" in out and "2. All of it as one" in out
    assert count(session_factory, Visit) == 0 and count(session_factory, Deal) == 0
    assert "Visit to Globex logged" in team_chat("2")
    assert visits(session_factory) == [("Globex", "demo done. deal Globex negotiation 90k", None)]
    assert count(session_factory, Deal) == 0


def test_both_runs_the_two_commands_in_order(team_chat, session_factory):
    team_chat("visit Globex: demo done. deal Globex negotiation 90k")
    out = team_chat("1")
    assert "1. Visit to Globex logged." in out and "2. Deal #1" in out
    with session_factory() as s:
        assert s.execute(select(Deal.stage, Deal.amount)).one() == ("negotiation", 90000)
    assert visits(session_factory) == [("Globex", "demo done.", None)]


def test_a_question_expires_after_another_message_or_a_few_minutes(team_chat, session_factory):
    team_chat("visit Acme Corp: intro")
    team_chat("visit Acme Crop: demo")
    team_chat("progress")
    assert "No question of mine is open" in team_chat("1")  # said, not "didn't get that"
    team_chat("visit Acme Crop: demo")
    team_chat.now += dt.timedelta(minutes=6)
    assert "No question of mine is open" in team_chat("yes")  # expired: said too
    assert count(session_factory, Visit) == 1


def test_a_question_lives_in_the_database_so_another_process_takes_the_answer(session_factory):
    one, other = Chat(session_factory, "shared"), Chat(session_factory, "shared")
    one.team()
    one("visit Acme Corp: intro")
    assert "Which do you mean?" in one("visit Acme Crop: demo")
    assert "Visit to Acme Corp logged" in other("1")  # another web process, the same chat
    assert count(session_factory, Visit) == 2


def test_each_person_answers_only_their_own_question(team_chat, session_factory):
    team_chat("visit Acme Corp: intro")
    team_chat("visit Acme Crop: demo", user="Ana")
    assert "No question of mine is open" in team_chat("1", user="Bo")
    assert "Acme Corp" in team_chat("1", user="Ana")


def test_lines_that_each_start_with_a_command_run_in_order_and_are_answered_together(team_chat,
                                                                                    session_factory):
    out = team_chat("visit Globex: demo\nvisit Initech: contract call\ntask send Initech the quote by fri")
    assert "1. Visit to Globex logged." in out and "2. Visit to Initech logged." in out
    assert "3. Task #1" in out
    assert visits(session_factory) == [("Globex", "demo", None), ("Initech", "contract call", None)]
    assert count(session_factory, Task) == 1


def test_one_refused_line_stores_none_of_them_and_says_which(team_chat, session_factory):
    team_chat("visit Acme Corp: intro")
    out = team_chat("visit Globex: demo\ndeal Acme Crop proposal")
    assert out.startswith("(2)") and "Acme Corp" in out
    assert count(session_factory, Visit) == 1 and count(session_factory, Deal) == 0


def test_several_people_in_a_task_make_one_task_each_once_asked(team_chat, session_factory):
    out = team_chat("task @ana and @bo prep QBR deck by next wed", user="Mia")
    assert "one task for each" in out and count(session_factory, Task) == 0
    out = team_chat("1", user="Mia")
    assert "1. Task #1: prep QBR deck" in out and "2. Task #2: prep QBR deck" in out
    with session_factory() as s:
        assert set(s.scalars(select(Task.due_on))) == {dt.date(2026, 12, 2)}


def test_a_follow_up_in_a_win_reason_is_asked_about_and_becomes_a_task(team_chat, session_factory):
    team_chat('deal Acme Corp "ERP" proposal 50k')
    out = team_chat("won #1 80k: beat SAP on price; follow up fri")
    assert "is a follow-up, not the reason" in out and "📣" not in out
    assert count(session_factory, Deal, stage="won") == 0
    out = team_chat("1")
    assert "won" in out and "Task #1: follow up" in out and "Fri, Nov 27" in out
    with session_factory() as s:
        assert s.scalar(select(Deal.reason)) == "beat SAP on price"


def test_a_refusal_answers_in_the_language_of_the_message(team_chat):
    team_chat("language zh")
    assert "is not a command I know" in team_chat("vist Acme: demo")
    assert "没认出" in team_chat("拜方 华为：见面")


def test_a_name_read_as_another_customer_is_said(team_chat):
    team_chat("visit Wayne Enterprises: intro")
    team_chat("拜访 阿里巴巴：初次")
    assert "“Wayne” taken as Wayne Enterprises." in team_chat("visit Wayne: demo")
    assert "“阿里”按 阿里巴巴 处理" in team_chat("拜访 阿里：演示")
    team_chat("visit Wayne Industries: intro")
    assert "Several customers match" in team_chat("visit Wayne: demo")


def test_traditional_characters_find_the_customer_typed_in_simplified(team_chat, session_factory):
    team_chat("拜访 华为：初次见面")
    assert "已记录拜访：华为" in team_chat("拜訪 華為：見了採購，跟進 週五")
    assert count(session_factory, Customer) == 1
    assert visits(session_factory)[-1] == ("华为", "見了採購", dt.date(2026, 11, 27))  # notes as typed


def test_a_stored_day_is_shown_with_its_weekday_and_date(team_chat):
    assert "tomorrow, Tue, Nov 24" in team_chat("visit Globex: demo, follow up tmrw")
    assert "Tue, Dec 1" in team_chat("task call Globex by next month")
    assert "明天（11月24日周二）" in team_chat("拜访 华为：演示，明天跟进")


def test_tasks_of_a_member_and_visits_of_a_customer_are_listed(team_chat, session_factory):
    team_chat("task @ana call Acme by fri", user="Mia")
    out = team_chat("tasks @ana", user="Mia")
    assert "Ana's open tasks" in out and "call Acme" in out
    team_chat("visit Acme Corp: intro")
    team_chat("visit Acme Corp: demo")
    out = team_chat("visits Acme Corp")
    assert "Latest visits · Acme Corp" in out and "demo" in out and "intro" in out
    assert count(session_factory, Visit) == 2


def test_task_delete_is_no_task_titled_delete(team_chat, session_factory):
    assert "There is no task #6." in team_chat("task 6 delete")
    assert count(session_factory, Task) == 0
    team_chat("task call Acme by fri")
    assert "Delete task #1 (call Acme)?" in team_chat("task 1 delete")  # asks first (the bin)
    assert count(session_factory, Task) == 1


def test_an_amount_in_a_win_reason_is_asked_about(team_chat, session_factory):
    team_chat('deal Acme Corp "ERP" proposal 50k')
    out = team_chat("won Acme Corp: 48k, beat them on price")
    assert "Is “48k” the amount it was won for?" in out and count(session_factory, Deal, stage="won") == 0
    team_chat("1")
    with session_factory() as s:
        row = s.execute(select(Deal.stage, Deal.amount, Deal.reason)).one()
    assert row == ("won", 48000, "beat them on price")
