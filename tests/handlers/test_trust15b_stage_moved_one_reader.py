"""Round 15 (issue #23): a deal moved to a stage with a verb is read by one reader
(handlers/grammar/stage_moved.py) in a deal's line, after another field, and in a visit's notes, so
every verb and slip read in one place is read in all (`推近到`, `退回到`, `转到`, `到了`, `went to`, `to`
were once read in some places and kept as notes in others)."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from handlers.grammar import commands as c
from handlers.grammar.reading import parse, read
from storage.models.sales import Deal, Visit

pytestmark = pytest.mark.phrasing

_TODAY = dt.date(2026, 12, 6)
_VERBS = [("推进到", "方案"), ("推近到", "方案"), ("进入", "方案"), ("退回到", "方案"), ("转到", "方案"),
          ("到了", "方案"), (" moved to ", "proposal"), (" went to ", "proposal"), (" → ", "proposal"),
          (" to ", "proposal")]


@pytest.mark.parametrize(("verb", "stage"), _VERBS)
def test_every_verb_moves_a_deal_in_every_place(verb, stage):
    alone = read(f"商机 #1 {verb}{stage}", _TODAY).command
    after = read(f"商机 #1 金额改成15万 {verb}{stage}", _TODAY).command
    notes = parse(f"拜访 华为 聊得不错 商机{verb}{stage}", _TODAY)
    assert isinstance(alone, c.UpsertDeal) and alone.stage == "proposal", alone
    assert isinstance(after, c.UpsertDeal), after
    assert (after.stage, int(after.amount.amount)) == ("proposal", 150_000)
    assert isinstance(notes, c.ParseError) and notes.problem == "stage_in_notes", notes


@pytest.mark.parametrize("said", ["拜访 华为：聊得不错 商机退回到初步接触",
                                  "拜访 华为 客户说 项目转到方案呈现",
                                  "visit 华为: good call, the deal went to proposal"])
def test_a_move_in_a_visits_notes_is_asked_and_one_tap_does_both(team_chat, session_factory, said):
    team_chat('deal 华为 "云服务" qualification 250k', user="Ana")
    asked = team_chat.reply(said, user="Ana")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
        assert s.scalars(select(Deal.stage)).one() == "discovery"
    assert team_chat.reply("1", user="Ana").ok
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalars(select(Deal.stage)).one() in ("contact", "proposal")


@pytest.mark.parametrize(("said", "stage"), [("商机 #{n} 转到方案", "proposal"),
                                             ("deal #{n} went to proposal", "proposal"),
                                             ("商机 #{n} 金额改成30万 退回到初步接触", "contact")])
def test_a_deals_line_with_the_verb_moves_it(team_chat, session_factory, said, stage):
    team_chat('deal 华为 "云服务" qualification 250k', user="Ana")
    with session_factory() as s:
        number = s.scalars(select(Deal.id)).one()
    reply = team_chat.reply(said.format(n=number), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.get(Deal, number).stage == stage
