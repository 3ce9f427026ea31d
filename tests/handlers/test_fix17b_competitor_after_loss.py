"""A competitor said right after a loss (`competitor was siemens`, `输给了西门子`, `竞品是西门子`) is
the lost deal's competitor, stored where a close's reason keeps it, said, and undone by undo (#23)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal

pytestmark = pytest.mark.phrasing


def _deal(chat):
    with chat.session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return (deal.stage, deal.reason, deal.reason_category, deal.competitor), \
            len(s.scalars(select(Customer)).all())


EN = ["competitor was siemens", "competitor is siemens", "the competitor was siemens, sadly",
      "rival was siemens", "competitor: siemens", "competitors were siemens and abb", "we lost to Siemens"]
ZH = ["输给了西门子", "竞品是西门子", "竞争对手是西门子", "对手为西门子", "被西门子抢走了", "败给了西门子"]


@pytest.mark.parametrize("text", EN)
def test_a_competitor_said_after_a_loss_is_stored(team_chat, text):
    team_chat("visit +Acme: intro", user="Ana")
    team_chat('deal Acme "ERP" 10k', user="Ana")
    team_chat("lost acme erp", user="Ana")
    out = team_chat(text, user="Ana")
    name = "Siemens" if "Siemens" in text else "siemens"
    name = f"{name}, abb" if "and abb" in text else name  # two said together: both kept (r20)
    label = "Competitors (2)" if "and abb" in text else "Competitor"
    assert f"{label}: {name}." in out and "Reason for deal #1 noted" in out, out
    assert _deal(team_chat) == (("lost", text, "competitor", name), 1)
    out = team_chat("undo", user="Ana")
    assert "Undone" in out
    assert _deal(team_chat) == (("lost", "", "", ""), 1)


@pytest.mark.parametrize("text", ZH)
def test_a_competitor_said_after_a_loss_is_stored_zh(team_chat, text):
    team_chat("visit +美的: intro", user="Ana")
    team_chat('商机 美的 "ERP" 10万', user="Ana", lang="zh")
    team_chat("输单 美的 ERP", user="Ana", lang="zh")
    out = team_chat(text, user="Ana", lang="zh")
    assert "竞争对手：西门子。" in out and "已记录商机 #1 的原因" in out, out
    assert _deal(team_chat) == (("lost", text, "competitor", "西门子"), 1)
    out = team_chat("撤销", user="Ana", lang="zh")
    assert "已撤销" in out
    assert _deal(team_chat) == (("lost", "", "", ""), 1)


@pytest.mark.parametrize("text", ["competitor was too cheap", "competitor was cheaper", "竞品是另一家"])
def test_words_that_name_no_one_store_no_competitor(team_chat, text):
    team_chat("visit +Acme: intro", user="Ana")
    team_chat('deal Acme "ERP" 10k', user="Ana")
    team_chat("lost acme erp", user="Ana")
    team_chat(text, user="Ana")
    (stage, reason, _category, competitor), customers = _deal(team_chat)
    assert (stage, reason, competitor, customers) == ("lost", text, "", 1)


def test_a_win_stores_its_competitor_in_the_same_place(team_chat):
    team_chat("visit +Acme: intro", user="Ana")
    team_chat('deal Acme "ERP" 10k', user="Ana")
    out = team_chat("won acme erp: competitor was siemens", user="Ana")
    assert "Competitor: siemens." in out
    assert _deal(team_chat)[0][3] == "siemens"
