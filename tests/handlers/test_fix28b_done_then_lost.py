"""r25 #102: `93 done, lost it` marked follow-up #93 done and the customer's open deal LOST, unasked.
Rule: a done's note that reads as a deal won or lost never closes a deal silently: asked, one tap
each: both (the done, then the deal lost, as its own command), or all of it kept as what came of
the follow-up (handlers/grammar/parse_done.py, handlers/grammar/several.py)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    with session_factory() as s:
        visit = s.scalars(select(Visit)).one()
        deal = s.scalars(select(Deal)).one()
        return visit.id, visit.follow_up_done, visit.outcome, deal.stage


@pytest.mark.parametrize("user, visit, deal, said, asked, kept", [
    ("Bo", "visit +Initech: renewal talk; follow up tomorrow", 'deal Initech "Renewal" 80k',
     "{v} done, lost it", "“lost it” is a second command. Nothing was saved yet", "lost it"),
    ("Bo", "visit +Initech: renewal talk; follow up tomorrow", 'deal Initech "Renewal" 80k',
     "done {v} - lost it, they went with oracle", "“lost it, they went with oracle” is a second command",
     "lost it, they went with oracle"),
    ("张伟", "拜访 +美的：谈续约 跟进 明天", '商机 美的 "续约" 8万', "完成 {v}，输单了",
     "“输单了”是第二条命令。尚未保存", "输单了"),
    ("张伟", "拜访 +美的：谈续约 跟进 明天", '商机 美的 "续约" 8万', "{v}完成了，丢单了",
     "“丢单了”是第二条命令。尚未保存", "丢单了"),
])
def test_asked_and_the_words_kept_as_the_outcome(session_factory, user, visit, deal, said, asked, kept):
    chat = make_team_chat(session_factory, reps=("Bo", "张伟"))
    assert chat.reply(visit, user=user).ok
    assert chat.reply(deal, user=user).ok
    number, _done, outcome, stage = _rows(session_factory)
    out = chat(said.format(v=number), user=user)
    assert asked in out, out
    assert _rows(session_factory) == (number, False, outcome, stage), "nothing stored before the answer"
    out = chat("2", user=user)
    assert kept in out, out
    assert _rows(session_factory) == (number, True, kept, stage), "done, the words kept, the deal open"
