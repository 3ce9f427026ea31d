"""r25zh W5: `输给用友了` stored the competitor "用友了": a particle that ends the sentence (了, 啦,
吧) is no part of the competitor's name."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, competitor", [
    ("输单 海尔：输给用友了 他们跟老板是老关系", "用友"),
    ("输单 海尔：败给金蝶啦", "金蝶"),
    ("lost 海尔: lost to Kingdee, cheaper", "Kingdee"),
])
def test_the_competitor_without_the_particle(session_factory, said, competitor):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana",))
    assert chat.reply("商机 +海尔 ERP 10万", user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert competitor in reply.text and f"{competitor}了" not in reply.text, reply.text
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert deal.competitor == competitor and deal.stage == "lost", (deal.competitor, deal.stage)
