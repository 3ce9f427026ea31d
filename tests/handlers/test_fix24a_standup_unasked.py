"""Round 22 (r22en #132): `yesterday: met initech, today: chase gree contract, blockers none` with no
standup prompt open was offered as a visit to each customer named. Labelled the way a standup is
(`y: … t: … b: …`, `昨天：… 今天：… 困难：无`), it is offered as the standup answer, one tap, nothing
stored before it (handlers/team/standup_said.py)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from storage.models.team import StandupAnswer
from support import make_team_chat

pytestmark = pytest.mark.phrasing


def _rows(session_factory) -> tuple[list[str], int]:
    with session_factory() as s:
        return (list(s.scalars(select(StandupAnswer.text).order_by(StandupAnswer.id))),
                len(s.scalars(select(Visit.id)).all()))


@pytest.mark.parametrize("user, said, posted", [
    ("Bo", "yesterday: met initech, today: chase gree contract, blockers none", "standup answer is in"),
    ("Bo", "y: met initech t: chase gree b: none", "standup answer is in"),
    ("Bo", "Yesterday: demo at Initech. Today: gree contract. Blockers: none", "standup answer is in"),
    ("张伟", "昨天：拜访了华为，今天：跟进格力合同，困难：无", "站会回答"),
])
def test_a_standup_labelled_with_none_open_is_offered_as_one(session_factory, user, said, posted):
    chat = make_team_chat(session_factory, manager="Mia", reps=("Ana", "Bo", "张伟"))
    for made in ("customer +Initech", "customer +格力", "customer +华为"):
        assert chat.reply(made, user="Mia").ok
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert "visit" not in str(reply.buttons[0]) and "拜访 " not in str(reply.buttons[0]).split("站会")[0]
    assert _rows(session_factory) == ([], 0)
    done = chat.reply("1", user=user)
    assert done.ok and posted in done.text, done.text
    assert _rows(session_factory) == ([said], 0)


def test_a_visit_saying_today_is_no_standup(session_factory):
    chat = make_team_chat(session_factory, manager="Mia", reps=("Ana",))
    reply = chat.reply("visit +Acme today: met the CTO, they want a demo")
    assert reply.ok and "standup" not in reply.text, reply.text
    assert _rows(session_factory) == ([], 1)
