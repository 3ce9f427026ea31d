"""fix34c case 1: a correction typed while the bot's offer is open (`actually Initech not Acme`, `no
wait, it was Globex`, `不对，是腾讯`, `改成 Initech`) changed an older record instead of the offer. It
now edits that offer, asked again with the customer put right (one tap), never a record saved
before; the tap stores what it shows, and `undo` takes back only that. Mon, Dec 7, 2026."""
import pytest

from support import MON, make_team_chat, records, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("customer +Acme Corp tier B", "customer +Globex tier B", "customer +Initech tier B",
                 "customer +腾讯 tier B", "visit Globex: intro call", user="Ana")
    return chat


@pytest.mark.parametrize("said, line", [
    ("actually Initech not Acme", "visit Initech: met the CTO at Initech today"),
    ("no wait, it was Globex", "visit Globex: met the CTO at Acme today"),
    ("sorry I meant Initech", "visit Initech: met the CTO at Acme today"),
    ("make it Globex", "visit Globex: met the CTO at Acme today"),
    ("不对，是腾讯", "visit 腾讯: met the CTO at Acme today"),
    ("改成 Initech", "visit Initech: met the CTO at Acme today"),
])
def test_a_customer_put_right_while_a_visit_is_offered_edits_that_offer(session_factory, said, line):
    chat = _chat(session_factory)
    offered = chat.reply("met the CTO at Acme today")
    assert not offered.ok and offered.buttons, offered.text
    before, older = records(session_factory), visit_rows(session_factory)
    reply = chat.reply(said)
    assert not reply.ok and [b.command for b in reply.buttons] == [line], reply.text
    assert records(session_factory) == before and visit_rows(session_factory) == older  # nothing older
    assert chat.reply("yes").ok
    customer = line.split(":")[0].removeprefix("visit ")
    assert visit_rows(session_factory, "customer", "notes")[-1] == (customer, line.split(": ", 1)[1])
    assert chat.reply("undo").ok
    assert visit_rows(session_factory) == older


@pytest.mark.parametrize("said, line", [
    ("actually Initech not Acme", 'deal Initech "ERP" proposal 50k'),
    ("no wait it's Globex not Acme Crop", 'deal Globex "ERP" proposal 50k'),
    ("不对，是Globex", 'deal Globex "ERP" proposal 50k'),
    ("oops, meant 腾讯", 'deal 腾讯 "ERP" proposal 50k'),
])
def test_a_customer_put_right_while_a_look_alike_is_asked_offers_the_message_again(session_factory, said,
                                                                                   line):
    chat = _chat(session_factory)
    asked = chat.reply('deal Acme Crop "ERP" proposal 50k')
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    before, older = records(session_factory), visit_rows(session_factory)
    reply = chat.reply(said)
    assert not reply.ok and [b.command for b in reply.buttons] == [line], reply.text
    assert records(session_factory) == before and visit_rows(session_factory) == older
    assert chat.reply("1").ok
    assert records(session_factory)["deals"] == before["deals"] + 1


def test_a_correction_the_offer_has_no_place_for_asks_it_again_never_an_older_record(session_factory):
    chat = _chat(session_factory)
    chat.reply("met the CTO at Acme today")
    before, older = records(session_factory), visit_rows(session_factory)
    reply = chat.reply("actually Hooli not Umbrella")
    assert not reply.ok and "#" not in " ".join(b.command for b in reply.buttons), reply.text
    assert records(session_factory) == before and visit_rows(session_factory) == older
