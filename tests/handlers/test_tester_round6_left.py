"""Classes the round-6 fresh-eyes testers left, each said in everyday English and fed through the
real dispatch with a real database (SQLite and PostgreSQL): understood when clear, asked with a
one-tap answer when not, never stored as something else. Today is Monday 2026-11-23."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Leave, TipVote
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    return chat


def _count(session_factory, model) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


# 1. a customer's tier said in words


@pytest.mark.parametrize("typed, tier", [
    ("zenith … is actually an A account", "A"),
    ("Zenith is an A account", "A"),
    ("zenith is now a B customer", "B"),
    ("zenith should be tier c", "C"),
    ("make zenith an A account", "A"),
    ("upgrade zenith to tier A", "A"),
])
def test_a_tier_said_in_words_is_offered_and_set_when_answered(session_factory, typed, tier):
    chat = _chat(session_factory)
    assert chat.reply("customer +Zenith tier C").ok
    reply = chat.reply(typed)
    assert not reply.ok and f"customer zenith tier {tier}".lower() in reply.text.lower(), reply.text
    assert "visit" not in reply.text.lower()
    with session_factory() as s:
        assert s.scalar(select(Customer.tier).where(Customer.name == "Zenith")) == "C"  # nothing yet
    assert chat.reply("yes").ok
    with session_factory() as s:
        assert s.scalar(select(Customer.tier).where(Customer.name == "Zenith")) == tier
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_a_tier_said_of_a_name_no_customer_has_says_it_would_be_a_new_customer(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("zenith … is actually an A account")
    assert not reply.ok and "no customer of ours has that name" in reply.text, reply.text
    assert _count(session_factory, Customer) == 0
    assert "New customer zenith" in chat.reply("yes").text


@pytest.mark.parametrize("typed", ["Acme is a customer of ours", "it is an A account", "this is a big one"])
def test_a_sentence_that_says_no_tier_is_no_tier(session_factory, typed):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert "tier" not in reply.text.lower(), reply.text


# 2. liking a tip in words or an emoji


@pytest.mark.parametrize("typed", ["👍 tip 1, so true", "+1 tip #1", "tip 1 👍", "love tip 1!",
                                   "tip #1 is gold 🔥", "great tip 1"])
def test_a_tip_liked_in_words_is_liked(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply("tip pricing: bundle the service contract", user="Bo").ok
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _count(session_factory, TipVote) == 1


def test_a_tip_number_with_other_words_is_no_like(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("tip pricing: bundle the service contract", user="Bo").ok
    chat.reply("tip 1 is wrong about pricing")
    assert _count(session_factory, TipVote) == 0


# 3. delete with courtesy, and undo said in words


@pytest.mark.parametrize("typed", ["pls delete visit {id}", "delete visit {id}", "please remove visit #{id}",
                                   "del visit {id}", "could you delete visit no. {id}",
                                   "can you delete visit {id} pls"])
def test_a_delete_said_with_courtesy_or_in_another_order_deletes(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro").ok
    with session_factory() as s:
        visit_id = s.scalar(select(Visit.id))
    reply = chat.reply(typed.format(id=visit_id))
    if not reply.ok and reply.buttons:  # a delete is confirmed where the command asks it
        reply = chat.reply("yes")
    assert reply.ok, reply.text
    assert _count(session_factory, Visit) == 0


@pytest.mark.parametrize("typed", ["no no, take that back", "whoops i didn't mean to"])
def test_undo_said_in_words_is_offered_and_undoes_when_answered(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro").ok
    with session_factory() as s:
        visit_id = s.scalar(select(Visit.id))
    reply = chat.reply(f"visit #{visit_id} delete")
    if not reply.ok and reply.buttons:
        chat.reply("yes")
    assert _count(session_factory, Visit) == 0
    reply = chat.reply(typed)
    assert not reply.ok and "Undo your last change?" in reply.text, reply.text
    assert chat.reply("yep").ok
    assert _count(session_factory, Visit) == 1


@pytest.mark.parametrize("typed", ["oops no, bring it back", "bring it back", "put it back pls"])
def test_bring_it_back_right_after_a_delete_restores_it_at_once(session_factory, typed):
    """Session 21 (fix26a): `bring it back` right after a deletion names what it restores (it was
    offered as an undo)."""
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro").ok
    reply = chat.reply("visit #1 delete")
    if not reply.ok and reply.buttons:
        chat.reply("yes")
    assert _count(session_factory, Visit) == 0
    reply = chat.reply(typed)
    assert reply.ok and reply.lines == ("Restored visit #1 (Globex).",), reply.text
    assert _count(session_factory, Visit) == 1


# 4. leave on several days


@pytest.mark.parametrize("typed", ["gonna be OOO tmrw + mon", "I'm off tomorrow and mon", "leave tmrw + mon",
                                   "ooo tmrw & mon", "pto tomorrow, monday"])
def test_leave_on_several_days_is_asked_and_taken_on_each(session_factory, typed):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert not reply.ok and "Leave on each of these days" in reply.text, reply.text
    assert _count(session_factory, Leave) == 0
    assert chat.reply("yes pls").ok
    with session_factory() as s:
        days = sorted((leave.first_day, leave.last_day) for leave in s.scalars(select(Leave)))
    assert days == [(dt.date(2026, 11, 24),) * 2, (dt.date(2026, 11, 30),) * 2]


# 5. the leaderboard asked in words


@pytest.mark.parametrize("typed, title", [
    ("who's top on visits this wk?", "Leaderboard · Visits · week of Nov 23"),
    ("who is leading this month", "Leaderboard"),
    ("whos #1 in visits this month 🔥", "Leaderboard · Visits"),
    ("top sellers this quarter?", "Leaderboard"),
    ("who has the most visits last week", "Leaderboard · Visits · week of Nov 16"),
])
def test_the_leaderboard_asked_in_words_is_answered(session_factory, typed, title):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and title in reply.text and "Read as “leaderboard" in reply.text, reply.text


def test_a_leaderboard_question_with_a_word_no_field_claims_is_not_guessed(session_factory):
    chat = _chat(session_factory)
    assert "Leaderboard" not in chat.reply("who's top at Acme this week?").text


# 6. the schedule changed in words


@pytest.mark.parametrize("typed, kind", [("move standup to 9:15", "standup"),
                                         ("change the standup to 9:15am", "standup"),
                                         ("pls move our daily standup to 9:15", "standup"),
                                         ("set the digest to fri 17:00", "digest"),
                                         ("reschedule standup to 09:15 from now on", "standup"),
                                         ("can we move standup to 9:15?", "standup")])
def test_a_schedule_change_in_words_is_offered_to_a_manager(session_factory, typed, kind):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert not reply.ok and f"schedule {kind}" in reply.text, reply.text
    reply = chat.reply("ok go", user="Mia")
    assert reply.ok, reply.text
    assert "9:15" in chat("schedule", user="Mia") or "17:00" in chat("schedule", user="Mia")


def test_a_schedule_change_in_words_is_refused_to_a_rep_as_the_command_is(session_factory):
    chat = _chat(session_factory)
    said = chat.reply("move standup to 9:15")
    typed = chat.reply("schedule standup 9:15")
    assert not said.ok and said.text == typed.text


# 7. several follow-ups snoozed at once


@pytest.mark.parametrize("typed", ["snooze {a} and {b} to fri", "snooze {a}, {b} fri",
                                   "snooze #{a} & #{b} till fri", "push {a} + {b} to fri",
                                   "推迟 {a}和{b} 到周五"])
def test_several_follow_ups_snoozed_at_once_are_each_snoozed_and_undoable(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro; follow up wed").ok
    assert chat.reply("visit Initech: intro; follow up wed").ok
    with session_factory() as s:
        a, b = s.scalars(select(Visit.id).order_by(Visit.id))
    reply = chat.reply(typed.format(a=a, b=b))
    assert reply.ok and f"#{a}" in reply.text and f"#{b}" in reply.text, reply.text
    with session_factory() as s:
        assert set(s.scalars(select(Visit.follow_up_on))) == {dt.date(2026, 11, 27)}
    assert chat.reply("undo").ok  # one message, one undo step (session 21, fix27c): both go back
    with session_factory() as s:
        assert sorted(s.scalars(select(Visit.follow_up_on))) == [dt.date(2026, 11, 25), dt.date(2026, 11, 25)]


# 8. visits of a period


@pytest.mark.parametrize("typed", ["visits this week", "visits this wk", "my visits this week",
                                   "visits week?", "拜访记录 本周", "show my visits this week",
                                   "how many visits did i do this week?"])
def test_visits_of_a_period_list_that_periods_visits(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro").ok
    reply = chat.reply(typed)
    assert reply.ok and "Globex" in reply.text, reply.text
    assert "no customer" not in reply.text.lower()


def test_visits_of_last_month_leave_out_this_months(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: intro").ok
    reply = chat.reply("visits last month")
    assert reply.ok and "Globex" not in reply.text and "October 2026" in reply.text, reply.text


# 9. amounts in a currency or unit the workspace does not keep


@pytest.mark.parametrize("typed, said", [("deal Globex \"Pilot\" S$60k", "SGD"),
                                         ("deal Globex \"Pilot\" SGD 60k", "SGD"),
                                         ("won Globex 60k sgd: price", "SGD"),
                                         ("deal Globex \"Pilot\" ₹5 lakh", "INR"),
                                         ("deal Globex \"Pilot\" A$20k", "AUD")])
def test_an_amount_in_a_currency_not_kept_is_refused_naming_it(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert not reply.ok and said in reply.text and "nothing was saved" in reply.text, reply.text
    assert _count(session_factory, Deal) == 0


def test_lakh_is_asked_and_stored_as_its_amount(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply('deal Globex "Pilot" 5 lakh')
    assert not reply.ok and "500,000" in reply.text, reply.text
    assert _count(session_factory, Deal) == 0
    assert chat.reply("yes").ok
    with session_factory() as s:
        assert s.scalar(select(Deal.amount)) == Decimal("500000")


@pytest.mark.parametrize("typed, currency", [('deal Globex "Pilot" USD 120k', "USD"),
                                             ('deal Globex "Pilot" €50k', "EUR"),
                                             ('deal Globex "Pilot" usd120k', "USD"),
                                             ('deal Globex "Pilot" EUR 50k', "EUR")])
def test_an_amount_in_a_currency_kept_is_stored_in_it(session_factory, typed, currency):
    chat = _chat(session_factory)
    assert chat.reply(typed).ok
    with session_factory() as s:
        assert s.scalar(select(Deal.currency)) == currency


@pytest.mark.parametrize("typed", ["won Globex USD 120k: price", "won Globex USD120k", "won Globex 120k USD"])
def test_a_win_with_the_currency_code_first_is_won_in_that_currency(session_factory, typed):
    chat = _chat(session_factory)
    assert chat.reply('deal Globex "Pilot" $100k').ok
    assert chat.reply(typed).ok
    with session_factory() as s:
        deal = s.scalar(select(Deal))
        assert (deal.stage, deal.amount, deal.currency) == ("won", Decimal("120000"), "USD")


# 10. a trailing emoji or marks


@pytest.mark.parametrize("typed", ["progress 🙏", "followups?? 😅", "pipeline?!", "deals 🙏",
                                   "my tasks?? 😅"])
def test_a_trailing_emoji_or_marks_keep_a_known_command(session_factory, typed):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and "not a command" not in reply.text, reply.text


# 11. everyday yes and no


@pytest.mark.parametrize("answer", ["yes pls", "yup", "yep", "sure", "ok go", "👍", "sure 👍"])
def test_everyday_yes_answers_the_open_question(session_factory, answer):
    chat = _chat(session_factory)
    assert not chat.reply("went to see Globex today, met CFO").ok
    assert chat.reply(answer).ok
    assert _count(session_factory, Visit) == 1


@pytest.mark.parametrize("answer", ["nope", "nah", "no pls", "👎"])
def test_everyday_no_drops_the_open_question(session_factory, answer):
    chat = _chat(session_factory)
    assert not chat.reply("went to see Globex today, met CFO").ok
    reply = chat.reply(answer)
    assert "nothing was saved" in reply.text.lower(), reply.text
    assert _count(session_factory, Visit) == 0


# 12. a visit still to come


@pytest.mark.parametrize("typed, due", [("visit Acme Corp in april", dt.date(2027, 4, 1)),
                                        ("visit Acme Corp tomorrow", dt.date(2026, 11, 24)),
                                        ("visit Acme next tue: bring the contract", dt.date(2026, 12, 1)),
                                        ("visit Acme Corp in 2 weeks", dt.date(2026, 12, 7)),
                                        ("拜访 华为 明天", dt.date(2026, 11, 24))])
def test_a_visit_still_to_come_is_planned_as_a_task_never_logged(session_factory, typed, due):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert not reply.ok and reply.buttons, reply.text
    assert _count(session_factory, Visit) == 0
    assert chat.reply("yes").ok
    assert _count(session_factory, Visit) == 0
    with session_factory() as s:
        assert s.scalar(select(Task.due_on)) == due


def test_the_bots_own_suggestion_of_a_visit_ahead_answered_yes_logs_no_visit(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("vist Acme Corp in april")
    assert "visit Acme Corp in april" in reply.text, reply.text
    chat.reply("yes")  # the suggestion: a visit ahead is asked about, not logged
    assert _count(session_factory, Visit) == 0


def test_a_visit_on_a_day_gone_by_is_still_logged(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme yesterday").ok
    assert chat.reply("visit Acme fri").ok  # last Friday
    assert _count(session_factory, Visit) == 2
