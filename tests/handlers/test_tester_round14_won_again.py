"""Round 14 (issue #23): a win said in words for a customer whose only deal of the member's was won
minutes before (`the acme support deal is won 250k usd` after `won #46 255k`) says that deal is won
already before it offers a second won deal; nothing is stored until answered."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _won(session_factory):
    with session_factory() as s:
        return sorted((d.id, d.title) for d in s.scalars(select(Deal).where(Deal.stage == "won")))


@pytest.mark.parametrize(("said", "zh"), [("the globex support deal is won 250k usd", False),
                                          ("globex deal won 90k", False), ("Globex的单子签了 9万", True)])
def test_a_second_win_in_words_names_the_deal_won_already(team_chat, session_factory, said, zh):
    team_chat('deal Globex "Support contract" negotiation 250k', user="Ana")
    with session_factory() as s:
        deal = s.scalars(select(Deal.id)).one()
    assert team_chat.reply(f"won #{deal} 255k", user="Ana").ok
    before = _won(session_factory)
    reply = team_chat.reply(said, user="Ana", lang="zh" if zh else "en")
    assert not reply.ok and f"#{deal}" in reply.text and "Support contract" in reply.text, reply.text
    assert ("已经赢单" if zh else "won already") in reply.text
    assert _won(session_factory) == before


@pytest.mark.parametrize(("said", "zh"), [("拜访 华为 二次拜访 技术评估通过了 商机推进到方案", True),
                                          ("visit 华为: tech review passed, deal moved to proposal", False)])
def test_a_deal_moved_in_a_visits_notes_asks_and_one_tap_does_both(team_chat, session_factory, said, zh):
    team_chat('deal 华为 "云服务" discovery 250k', user="Ana")
    asked = team_chat.reply(said, user="Ana", lang="zh" if zh else "en")
    with session_factory() as s:
        from storage.models.sales import Visit

        assert not asked.ok and s.scalars(select(Visit)).all() == [], asked.text
        assert s.scalars(select(Deal.stage)).one() == "discovery"
    assert team_chat.reply("1", user="Ana", lang="zh" if zh else "en").ok
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() == "proposal"
        assert len(s.scalars(select(Visit)).all()) == 1


@pytest.mark.parametrize(("said", "amount"), [("不对，是45万", 450_000), ("no I meant 450k", 450_000)])
def test_an_amount_corrected_after_a_win_is_never_its_reason(team_chat, session_factory, said, amount):
    team_chat('deal Globex "Support contract" negotiation 400k', user="Ana")
    with session_factory() as s:
        deal = s.scalars(select(Deal.id)).one()
    assert team_chat.reply(f"won #{deal} 480k", user="Ana").ok  # "what decided it?" is open
    corrected = team_chat.reply(said, user="Ana")  # round 15: the win's amount, at once
    assert corrected.ok and f"#{deal}" in corrected.text, corrected.text
    with session_factory() as s:
        won = s.get(Deal, deal)
        assert (won.stage, int(won.amount), won.reason or "") == ("won", amount, "")
