"""A message from a platform is answered through the outbox: its answer is queued in the
transaction that stores what it did, under a key that also makes the platform's retry a no-op."""
import datetime as dt

from sqlalchemy import select

from handlers.senders import UserRef
from handlers.text.reply_json import from_payload
from handlers.unit_of_work import AnswerTo, handle_message
from storage.address import Address, Kind
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.models.sales import Visit
from support import count
from worker.delivery import DeliveryWorker

ANA = UserRef("slack", "T1", "U2", "Ana")
D1 = Address("slack", "T1", Kind.CHANNEL, "D1")


def respond(mode: str) -> Address:
    return Address("slack", "T1", Kind.RESPOND, "U2", mode=mode, url="https://x")


def answers(session_factory) -> list[tuple[str, str, str, str]]:
    """(key, target, status, text) of every outbox row, oldest first."""
    with session_factory() as s:
        return [(d.key, d.target, d.status, from_payload(d.payload).text)
                for d in s.scalars(select(Delivery).order_by(Delivery.id))]


def test_the_answer_is_queued_with_the_visit_and_a_retry_does_nothing(session_factory):
    where = AnswerTo("Ev1", "T1", D1)
    reply = handle_message(session_factory, ANA, "visit Acme: demo", answer_to=where)
    assert "Visit to Acme logged." in reply.text
    assert handle_message(session_factory, ANA, "visit Acme: demo", answer_to=where) is None
    assert count(session_factory, Visit) == 1
    [(key, target, status, text)] = answers(session_factory)
    assert (key, target, status) == ("answer:slack:Ev1", "channel:D1", "pending")
    assert "Welcome to salesbot, Ana!" in text and "Visit to Acme logged." in text


def test_a_refused_message_is_answered_once_and_stores_nothing(session_factory):
    where = AnswerTo("Ev2", "T1", D1)
    handle_message(session_factory, ANA, "help", answer_to=AnswerTo("Ev1", "T1", D1))
    assert not handle_message(session_factory, ANA, "visit Acme: demo; follow up 2/30", answer_to=where).ok
    assert handle_message(session_factory, ANA, "visit Acme: demo; follow up 2/30", answer_to=where) is None
    assert count(session_factory, Visit) == 0
    [_help, (key, _target, status, text)] = answers(session_factory)
    assert key == "answer:slack:Ev2" and status == "pending" and "2/30" in text


def test_a_win_with_no_team_channel_is_celebrated_where_it_was_said(session_factory):
    handle_message(session_factory, ANA, "deal Acme \"ERP\" proposal 50k",
                   answer_to=AnswerTo("Ev1", "T1", D1))
    handle_message(session_factory, ANA, "won Acme 48k: delivery time",
                   answer_to=AnswerTo("Ev2", "T1", respond("private"), respond("public")))
    rows = {key: (target, text) for key, target, _status, text in answers(session_factory)}
    assert rows["answer:slack:Ev2:announce"][0] == "respond:public:U2:https://x"
    assert "Ana won Acme" in rows["answer:slack:Ev2:announce"][1]
    assert "Deal #1 won" in rows["answer:slack:Ev2"][1] and "Ana won" not in rows["answer:slack:Ev2"][1]


def test_an_answer_held_by_the_process_that_queued_it_is_sent_by_it_not_by_a_worker(session_factory):
    sent = []

    class Slack:
        def send(self, to, reply):
            target = to.target
            sent.append((target, reply.text))

    held = AnswerTo("Ev1", "T1", D1, held=dt.timedelta(seconds=30))
    handle_message(session_factory, ANA, "progress", answer_to=held)
    worker = DeliveryWorker(session_factory, Slack())
    assert worker.run_once() == 0  # a worker leaves it to the web process for 30 s …
    assert worker.send_now(["answer:slack:Ev1", "answer:slack:Ev1:announce"]) == 1  # … which sends it
    assert [target for target, _text in sent] == ["channel:D1"]
    assert answers(session_factory)[0][2] == "sent"
    later = DeliveryWorker(session_factory, Slack(), clock=lambda: utcnow() + dt.timedelta(minutes=1))
    assert later.run_once() == 0 and len(sent) == 1  # sent once
