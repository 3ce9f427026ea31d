"""r23 W4: `won gree renewal 540k, they liked the roadmap 🎉` with Bo's open 格力 deal titled 续约
asked "why, or a title?" and its title answer made a new won deal "renewal". English words for a
Chinese title (`renewal` of 续约) name that deal in a win or loss too."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _deals(chat):
    with chat.session_factory() as s:
        return [(d.title, d.stage, d.amount, d.reason or "")
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize(("said", "stage", "amount", "reason"), [
    ("won gree renewal 540k, they liked the roadmap 🎉", "won", 540_000, "roadmap"),
    ("won Gree Renewal 540k", "won", 540_000, ""),
    ("lost gree renewal, went with kingdee", "lost", 500_000, "kingdee"),
])
def test_a_win_or_loss_naming_the_title_in_english_is_that_deal(team_chat, said, stage, amount, reason):
    assert team_chat.reply("customer +格力", user="Bo").ok
    assert team_chat.reply("deal 格力 续约 500k", user="Bo").ok
    reply = team_chat.reply(said, user="Bo")
    if not reply.ok:  # a one-tap confirm at most, and it is deal #1
        assert "#1" in reply.text and "renewal" not in reply.buttons[0].label.lower(), reply.text
        reply = team_chat.press(reply.buttons[0], user="Bo")
    assert reply.ok and "#1" in reply.text and ("won" in reply.text or "lost" in reply.text), reply.text
    deals = _deals(team_chat)
    assert len(deals) == 1 and deals[0][:3] == ("续约", stage, amount), deals
    assert reason in _deals(team_chat)[0][3] and "renewal" not in _deals(team_chat)[0][3], _deals(team_chat)
