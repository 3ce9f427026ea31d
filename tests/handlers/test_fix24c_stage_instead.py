"""r22zh: `哦不对 不是方案 是谈判`, right after a deal was moved to 方案呈现, was not understood (the README's
`不是方案，是需求` works). A stage said instead of the one just set, after fillers (哦, 嗯, 哦不对) and
with or without a comma, corrects that deal's stage at once, old → new, undoable."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _stages(session_factory):
    with session_factory() as s:
        return s.scalars(select(Deal.stage).order_by(Deal.id)).all()


@pytest.mark.parametrize("said, stage", [
    ("哦不对 不是方案 是谈判", "negotiation"),
    ("不是方案是谈判", "negotiation"),
    ("嗯 不是方案是需求吧", "discovery"),
    ("哦不对，不是方案，是需求阶段", "discovery"),
    ("不是方案，是需求", "discovery"),
])
def test_a_stage_said_instead_corrects_it(team_chat, session_factory, said, stage):
    assert team_chat.reply("商机 +京东 数据平台 30万 初步接触", user="Bo").ok
    assert team_chat.reply("商机 #1 方案呈现", user="Bo").ok
    assert _stages(session_factory) == ["proposal"]
    reply = team_chat.reply(said, user="Bo")
    assert reply.ok and "方案呈现" in reply.text and "→" in reply.text, reply.text
    assert _stages(session_factory) == [stage]
    assert team_chat.reply("撤销", user="Bo").ok
    assert _stages(session_factory) == ["proposal"]


def test_english_neighbour(team_chat, session_factory):
    assert team_chat.reply('deal +Initech "platform" 30k contact', user="Ana").ok
    assert team_chat.reply("deal #1 proposal", user="Ana").ok
    reply = team_chat.reply("oops no, negotiation actually", user="Ana")
    assert reply.ok and "Negotiation" in reply.text, reply.text
    assert _stages(session_factory) == ["negotiation"]
