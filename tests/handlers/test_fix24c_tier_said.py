"""r22zh: `A类客户每10天回访一次` showed the form while `A类 每10天回访` worked. A tier's rhythm said with
客户, 一次, 每隔, another visit word (拜访) or in traditional characters is set as the short form is."""
import pytest
from sqlalchemy import select

from storage.models.team import Team

pytestmark = pytest.mark.phrasing


def _rhythm(session_factory):
    with session_factory() as s:
        return (s.scalars(select(Team)).first().settings or {}).get("tier_days", {})


@pytest.mark.parametrize("said, tier, days, shown", [
    ("A类客户每10天回访一次", "A", 10, "每10天"),
    ("B類客戶每隔20天拜訪一次", "B", 20, "每20天"),
    ("C类的客户 每2周跟进一次", "C", 14, "每14天"),
    ("A类 每10天回访", "A", 10, "每10天"),
    ("tier A customers every 12 days", "A", 12, "12 days"),
])
def test_a_tier_rhythm_said_in_full(team_chat, session_factory, said, tier, days, shown):
    reply = team_chat.reply(said, user="Mia")
    assert reply.ok and shown in reply.text, reply.text
    assert _rhythm(session_factory)[tier] == days


def test_a_rep_still_cannot(team_chat, session_factory):
    reply = team_chat.reply("A类客户每10天回访一次", user="Ana")
    assert not reply.ok, reply.text
    assert _rhythm(session_factory) == {}
