"""r23: a bare `#46` sent while the bot's question was open reportedly reopened a won deal. The
question that offers `deal #46 reopen` (a change asked of a closed deal) took `#46` or `46`, the deal's
number found in the option's label, as "yes". Rule: a record's number alone answers no lone offer
that acts on that record: the question stays open and says so; nothing changes; `yes` (or `1`, the
option's place, as the question says) still takes it; a choice between records is still picked by
the record's number."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _stages(chat):
    with chat.session_factory() as s:
        return [d.stage for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.fixture
def en_won(team_chat):
    team_chat('deal Globex "pilot" proposal 10k', user="Ana")
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    assert "won" in team_chat("won #2 50k: price", user="Ana")
    return team_chat


@pytest.mark.parametrize("asked", ["deal #2 negotiation", "won #2"])
@pytest.mark.parametrize("answer", ["#2", "2", "#2?", "＃2"])
def test_en_the_won_deals_number_reopens_nothing(en_won, asked, answer):
    assert "deal #2 reopen" in en_won(asked, user="Ana")
    out = en_won(answer, user="Ana")
    assert "reopened" not in out and "not my answer" in out, out
    assert _stages(en_won) == ["proposal", "won"]


def test_en_yes_to_the_offer_still_reopens(en_won):
    en_won("deal #2 negotiation", user="Ana")
    out = en_won("yes", user="Ana")
    assert "Deal #2 (ERP) reopened at Proposal." in out, out
    assert _stages(en_won) == ["proposal", "proposal"]


@pytest.fixture
def zh_won(chat):
    chat.team(manager="王芳", reps=("张伟",))
    chat("商机 京东 试点 方案呈现 1万", user="张伟")
    chat("商机 华为 ERP 方案呈现 5万", user="张伟")
    assert "赢单" in chat("赢单 #2 5万：价格", user="张伟")
    return chat


@pytest.mark.parametrize("answer", ["#2", "2", "#2？", "＃2"])
def test_zh_the_won_deals_number_reopens_nothing(zh_won, answer):
    assert "商机 #2 重开" in zh_won("商机 #2 商务谈判", user="张伟")
    out = zh_won(answer, user="张伟")
    assert "已重开" not in out and "这不是可选的回答，问题仍然有效" in out, out
    assert _stages(zh_won) == ["proposal", "won"]


def test_zh_yes_to_the_offer_still_reopens(zh_won):
    zh_won("商机 #2 商务谈判", user="张伟")
    out = zh_won("好", user="张伟")
    assert "重开" in out and "仍然有效" not in out, out
    assert _stages(zh_won) == ["proposal", "proposal"]
