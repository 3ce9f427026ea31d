"""Round 15's fresh-eyes findings (issue #23), class 4: a deal's move said in a sentence with more
words (`globex erp deal to negotiation they accepted the proposal`) offers the move, with the rest
as a visit's notes (or the move alone), never only a visit with all of it as notes; another stage's
word in those words (`the proposal`) is the sentence's, not a second move. Today is Sunday, Dec 6."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    chat.now = at("2026-12-06")
    for user, line in (("Bo", "visit +Globex: intro"), ("Bo", 'deal Globex "ERP" proposal 120k'),
                       ("Bo", "visit +Umbrella: intro"), ("Bo", 'deal Umbrella "ERP" negotiation 200k'),
                       ("张伟", "拜访 +比亚迪：初次见面"), ("张伟", '商机 比亚迪 "续约" 初步接触 20万'),
                       ("张伟", "拜访 +小米：初次见面"), ("张伟", '商机 小米 "Pilot" 线索 30万')):
        assert chat.reply(line, user=user).ok, line
    return chat


def _stored(session_factory):
    with session_factory() as s:
        return ({d.title + "@" + str(d.customer_id): d.stage for d in s.scalars(select(Deal))},
                [v.notes for v in s.scalars(select(Visit).order_by(Visit.id))][4:])  # past the intros


@pytest.mark.parametrize(("user", "said", "deal", "stage", "notes"), [
    ("Bo", "globex erp deal to negotiation they accepted the proposal", "ERP@1", "negotiation",
     "they accepted the proposal"),
    ("Bo", "move the globex erp deal to negotiation, they accepted the proposal", "ERP@1", "negotiation",
     "they accepted the proposal"),
    ("Bo", "globex deal moved to negotiation - they liked the proposal", "ERP@1", "negotiation",
     "they liked the proposal"),
    ("Bo", "umbrella erp deal moved to proposal - cfo wants a discount", "ERP@2", "proposal",
     "cfo wants a discount"),
    ("张伟", "比亚迪的单子推进到商务谈判了 客户接受了方案", "续约@3", "negotiation", "客户接受了方案"),
    ("张伟", "小米pilot推进到方案呈现，对方很满意", "Pilot@4", "proposal", "对方很满意"),
])
@pytest.mark.parametrize("choice", [1, 2])
def test_a_move_said_with_more_words_offers_the_move_and_a_visit(session_factory, user, said, deal, stage,
                                                                 notes, choice):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert notes in asked.text and ("visit" in asked.text.lower() or "拜访" in asked.text)
    assert _stored(session_factory) == before  # nothing stored while asked
    done = chat.reply(str(choice), user=user)
    assert done.ok, done.text
    deals, visits = _stored(session_factory)
    assert deals[deal] == stage
    assert visits == ([notes] if choice == 1 else [])
