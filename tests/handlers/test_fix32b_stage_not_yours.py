"""fix32b: `京东 deal moved to negotiation` from a rep with no 京东 deal (another rep's open there)
was read as that rep's deal moved, refused in Chinese, or offered a new deal. Now the reply says
there is no open 京东 deal of theirs, whose the open one is, and how to start their own; nothing
changes, no offer touches the other rep's deal; in the language of the message (a Chinese customer
name in English words is English). A manager of the rep still moves it."""
import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok('deal +京东 "续约" 8万', 'deal +Initech "renewal" 80k', user="张伟")
    return chat


@pytest.mark.parametrize("said, customer, words", [
    ("京东 deal moved to negotiation", "京东",
     ("no open deal with 京东", "belongs to 张伟", 'deal 京东 "…" Negotiation')),
    ("move the 京东 deal to proposal", "京东", ("no open deal with 京东", 'deal 京东 "…" Proposal')),
    ("Initech deal moved to proposal", "Initech", ("no open deal with Initech", 'deal Initech "…" Proposal')),
    ("京东那单推进到商务谈判了", "京东", ("你在京东没有进行中的商机", "属于张伟", '商机 京东 "…" 商务谈判')),
    ("京東那單推進到商務談判了", "京东", ("你在京东没有进行中的商机",)),
])
def test_a_stage_said_of_another_reps_deal_says_none_is_yours_and_how_to_start_one(
        session_factory, said, customer, words):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and not reply.buttons, reply.text
    for word in words:
        assert word in reply.text, reply.text
    assert records(session_factory) == before
    assert [stage for (stage,) in deal_rows(session_factory, "stage")] == ["lead", "lead"]


def test_their_manager_still_moves_the_reps_deal(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("京东 deal moved to negotiation", user="王芳").ok
    assert deal_rows(session_factory, "title", "stage")[0] == ("续约", "negotiation")
