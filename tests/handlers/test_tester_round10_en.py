"""Classes of messages the round-10 fresh-eyes tester (English) found stored other than meant, fed
through the real dispatch with a real database (SQLite and PostgreSQL): a word after a customer's
name that is no stage, beside the rep's open deal with that customer, asked as "that deal, or a new
one?" with one tap each, and a bare `yes` picking neither."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from storage.models.sales import Deal, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Deal))


def _deal(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.title, deal.stage, deal.amount


def _open_deal(chat, session_factory, customer, title):
    assert chat.reply(f"visit +{customer}: intro").ok
    assert chat.reply(f'deal {customer} "{title}" discovery 80k').ok
    with session_factory() as s:
        return s.scalars(select(Deal.id).order_by(Deal.id.desc())).first()


# -- 1. a title word beside the rep's open deal: that deal, or a new one? -------------------------

@pytest.mark.parametrize(("title", "said"), [("续约", "renewal 90k negotiation"),
                                             ("数据平台", "data platform 210k")])
def test_a_word_beside_an_open_deal_offers_that_deal_and_a_new_one(session_factory, title, said):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Wayne Enterprises", title)
    before = _deals(session_factory)
    word = said.rsplit(" ", 2)[0] if "negotiation" in said else said.rsplit(" ", 1)[0]
    reply = chat.reply(f"deal wayne {said}")
    assert not reply.ok and f"#{deal_id} {title}" in reply.text and "new deal" in reply.text, reply.text
    labels = [b.label for b in reply.buttons]
    assert labels[0] == f"#{deal_id} {title}: Discovery, ¥80K", labels
    assert labels[-1] == f"A new deal titled “{word}”", labels
    assert _deals(session_factory) == before
    again = chat.reply("yes")  # a bare yes picks neither: asked again, nothing made
    assert not again.ok and "not one of my answers" in again.text, again.text
    assert _deals(session_factory) == before
    done = chat.reply("1")
    assert done.ok and f"Deal #{deal_id}" in done.text, done.text
    assert _deals(session_factory) == before
    stored = _deal(session_factory, deal_id)
    assert stored[0] == title and stored[2] in (90_000, 210_000)
    assert stored[1] == ("negotiation" if "negotiation" in said else "discovery")


def test_the_new_deal_button_makes_a_new_deal_said_as_new(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Wayne Enterprises", "续约")
    reply = chat.reply("deal wayne renewal 90k negotiation")
    assert not reply.ok
    done = chat.reply("2")
    assert done.ok and "New deal created" in done.text, done.text
    with session_factory() as s:
        titles = sorted(s.scalars(select(Deal.title)).all())
    assert titles == ["renewal", "续约"]
    assert _deal(session_factory, deal_id) == ("续约", "discovery", 80_000)


def test_the_question_in_chinese(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Wayne Enterprises", "续约")
    reply = chat.reply("商机 wayne renewal 9万 谈判")
    assert not reply.ok and f"#{deal_id} 续约" in reply.text and "新商机“renewal”" in reply.text, reply.text
    assert [b.label for b in reply.buttons][-1] == "新建商机“renewal”"


# -- 2. ordinary words in a visit's notes are no day ------------------------------------------------

def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("notes", [
    "sat in on their all hands, pepper says budget frozen til march",
    "renewal chat w/ sarah, she's leaving the co in jan, new contact is mike",
    "1st mtg, they make food stuff, interested in our analytics",
    "pepper confirmed Q1 budget freeze. ugh",
])
def test_a_day_word_in_notes_without_a_follow_up_word_is_notes(session_factory, notes):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(f"visit +Stark Industries: {notes}")
    assert reply.ok and "Follow up" not in reply.text, reply.text
    assert _visits(session_factory) == [(notes, None)]


@pytest.mark.parametrize(("notes", "day"), [("great mtg, follow up sat", "Sat"),
                                            ("great mtg, remind me in jan", None)])
def test_a_day_word_after_a_follow_up_word_is_still_a_day(session_factory, notes, day):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(f"visit +Stark Industries: {notes}")
    if day:
        assert reply.ok and f"Follow up: {day}" in reply.text, reply.text
        assert _visits(session_factory)[0][1] is not None
    else:  # asked whether it is a follow-up day, never taken silently either way
        assert not reply.ok and "follow-up" in reply.text, reply.text
        assert _visits(session_factory) == []


@pytest.mark.parametrize("notes", ["follow up call, they want SOC2 docs",
                                   "followup on the 200 seat pricing, they want a 10% discount",
                                   "demo - follow up call"])
def test_a_follow_up_with_no_day_asks_for_the_day(session_factory, notes):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(f"visit +Pied Piper: {notes}")
    assert not reply.ok and "needs a day" in reply.text and "as a date" not in reply.text, reply.text
    assert _visits(session_factory) == []
    done = chat.reply("fri")
    assert done.ok, done.text
    assert _visits(session_factory)[0][0] == notes and _visits(session_factory)[0][1] is not None


def test_the_follow_up_day_said_later_in_the_notes_is_taken(session_factory):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply("visit +Globex: followup on the 200 seat pricing, they want a 10% discount. f/u thu")
    assert reply.ok and "Follow up" in reply.text, reply.text
    assert _visits(session_factory)[0][1] is not None


# -- 3. a loss's category changed after it was picked ---------------------------------------------

def _loss(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.reason, deal.reason_category


@pytest.mark.parametrize(("then", "name"), [("lost #{id}: timing", "now counted under timing"),
                                             ("输单 #{id}：时机", "已改归入“时机”")])
def test_a_closed_deals_category_is_changed_not_refused(session_factory, then, name):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Wayne Enterprises", "renewal")
    reason = "they went with SAP, and the timing was wrong"
    assert chat.reply(f"lost #{deal_id}: {reason}").ok
    assert chat.reply(f"lost #{deal_id}: competitor").ok
    assert _loss(session_factory, deal_id) == ("lost", reason, "competitor")
    reply = chat.reply(then.format(id=deal_id))
    assert reply.ok and "reopen" not in reply.text and "重新打开" not in reply.text, reply.text
    assert f"#{deal_id}" in reply.text and name in reply.text, reply.text
    assert _loss(session_factory, deal_id) == ("lost", reason, "timing")


# -- 5. `chose to delay` is timing, no competitor ------------------------------------------------------

def test_chose_to_delay_is_timing(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Wayne Enterprises", "renewal")
    reply = chat.reply(f"lost #{deal_id}: they chose to delay until next fy")
    assert reply.ok and "competitor" not in reply.text, reply.text
    assert _loss(session_factory, deal_id) == ("lost", "they chose to delay until next fy", "timing")


# -- 3. an amount corrected while a question is open ------------------------------------------------

@pytest.mark.parametrize("correction", ["actually make that 115k", "sorry, I meant 115k"])
def test_an_amount_corrected_while_asked_is_asked_again_with_it(session_factory, correction):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro").ok
    before = _deals(session_factory)
    asked = chat.reply("deal globex seat expansion 110k proposal close 1/20")
    assert not asked.ok and "seat expansion" in asked.text, asked.text
    again = chat.reply(correction)
    assert not again.ok and "not one of my answers" not in again.text, again.text
    assert any("115k" in b.command for b in again.buttons), again.buttons
    assert _deals(session_factory) == before
    done = chat.reply("1")
    assert done.ok and "¥115K" in done.text, done.text
    with session_factory() as s:
        assert s.scalars(select(Deal.amount).where(Deal.title == "seat expansion")).one() == 115_000


# -- 5. a decimal comma before a unit ---------------------------------------------------------------

@pytest.mark.parametrize(("said", "amount"), [("1,2m", 1_200_000), ("2,5万", 25_000), ("12,5k", 12_500)])
def test_a_decimal_comma_before_a_unit_is_a_decimal(session_factory, said, amount):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Soylent: intro").ok
    reply = chat.reply(f'deal soylent "analytics" {said} lead')
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.amount)).one() == amount


# -- 4. a command after a word that joins it on ---------------------------------------------------

def test_also_before_a_command_is_the_command(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro, follow up 2027-01-20").ok
    with session_factory() as s:
        visit_id = s.scalars(select(Visit.id)).one()
    reply = chat.reply(f"also snooze {visit_id} to 2027-02-03")
    assert reply.ok and "didn't get" not in reply.text, reply.text
    with session_factory() as s:
        assert str(s.get(Visit, visit_id).follow_up_on) == "2027-02-03"
    again = chat.reply("and also visit globex: lunch")
    assert again.ok and "Visit to Globex logged" in again.text, again.text
    assert [n for n, _f in _visits(session_factory)] == ["intro", "lunch"]


@pytest.mark.parametrize("said", ["pipeline for the team pls", "pipeline for the whole team",
                                  "pipeline team please"])
def test_the_teams_pipeline_said_with_words_around_it(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    _open_deal(chat, session_factory, "Globex", "renewal")
    reply = chat.reply(said, user="Mia")
    assert reply.ok and reply.text == chat.reply("pipeline team", user="Mia").text, reply.text
    assert "Open deals: 1" in reply.text


# -- 3. a visit's follow-up corrected, the follow-up named ------------------------------------------

@pytest.mark.parametrize("said", ["no i meant fu feb 26", "sorry I meant follow up feb 26"])
def test_no_i_meant_fu_corrects_the_visits_follow_up(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: lunch, follow up 2027-01-08").ok
    with session_factory() as s:
        visit_id = s.scalars(select(Visit.id)).one()
    reply = chat.reply(said)  # round 15: the visit just logged, its one follow-up: made at once
    assert reply.ok and f"visit #{visit_id}" in reply.text and "Jan 8, 2027 → Fri, Feb 26" in reply.text, \
        reply.text
    assert _visits(session_factory) == [("lunch", dt.date(2027, 2, 26))]
    assert chat.reply("undo").ok
    assert _visits(session_factory) == [("lunch", dt.date(2027, 1, 8))]


@pytest.mark.parametrize("said", ["hows the team doing this month?", "how's the team doing this month"])
def test_hows_the_team_doing_is_the_teams_progress(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(said, user="Mia")
    assert reply.ok and reply.text == chat.reply("progress team month", user="Mia").text, reply.text


def test_deal_customer_reopen_offers_its_closed_deals_never_a_deal_titled_reopen(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _open_deal(chat, session_factory, "Hooli", "pilot")
    assert chat.reply(f"lost #{deal_id}: budget cut").ok
    before = _deals(session_factory)
    reply = chat.reply("deal hooli reopen")
    assert not reply.ok and [b.label for b in reply.buttons] == [f"#{deal_id} pilot: Lost"], reply.text
    assert not chat.reply("yes").ok  # which one: a bare yes picks none
    assert _deals(session_factory) == before and _deal(session_factory, deal_id)[1] == "lost"
    done = chat.reply("1")
    assert done.ok and "reopened" in done.text, done.text
    assert _deals(session_factory) == before and _deal(session_factory, deal_id)[1] != "lost"
