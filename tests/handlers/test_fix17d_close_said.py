"""Issue #23, round 17 (Chinese): a deal's close day said glued to its word as a quarter (`预计q1签`,
`预计Q1`, `预计下季度签`) was not understood, though `预计 q1` was (the words were read, then the
quarter glued to `预计` was left unclaimed); said in words (`预计成交日改到下个月底`, `成交日期改成3月15`)
it was not understood or read as a win with a follow-up. Now each changes the close day, a quarter
to its last day (never its first, which a message with no command word stored), and nothing else.
Fed through the real dispatch with a real database; today is Mon, Nov 23 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal, Task
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    assert chat.reply('商机 +京东 "私有化部署" 方案呈现 36万 预计 12月20日', user="张伟").ok
    return chat


def _deal(session_factory) -> tuple:
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return deal.stage, deal.amount, deal.expected_close.isoformat()


def _tasks(session_factory) -> int:
    with session_factory() as s:
        return len(s.scalars(select(Task.id)).all())


@pytest.mark.parametrize("said, day, shown", [
    ("商机 #1 预计q1签", "2027-03-31", "2027年3月31日"),
    ("商机 #1 预计Q1", "2027-03-31", "2027年3月31日"),
    ("商机 #1 预计下季度", "2027-03-31", "2027年3月31日"),
    ("商机 #1 预计下季度签", "2027-03-31", "2027年3月31日"),
    ("商机 #1 预计一季度签约", "2027-03-31", "2027年3月31日"),
    ("商机 #1 预计明年Q2", "2027-06-30", "2027年6月30日"),
    ("商机 #1 预计本季度", "2026-12-31", "12月31日"),
    ("商机 #1 预计 q1", "2027-03-31", "2027年3月31日"),  # spaced: as before
    ("京东 私有化部署 预计Q1", "2027-03-31", "2027年3月31日"),  # no command word: stored Jan 1 before
])
def test_a_close_day_said_as_a_quarter_glued_is_its_last_day(session_factory, said, day, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok and reply.locale == "zh" and shown in reply.text, reply.text
    assert _deal(session_factory) == ("proposal", 360000, day)


@pytest.mark.parametrize("said, day, shown", [
    ("商机 #1 预计成交改成明年5月底", "2027-05-31", "2027年5月31日"),
    ("商机 #1 预计成交日改到下个月底", "2026-12-31", "12月31日"),
    ("商机 #1 成交日期改成3月15", "2027-03-15", "2027年3月15日"),
    ("商机 #1 成交日期改为3月15日", "2027-03-15", "2027年3月15日"),
    ("商机 #1 成交日期 3月15", "2027-03-15", "2027年3月15日"),
    ("商机 #1 签约日期改成1月20号", "2027-01-20", "2027年1月20日"),
    ("商机 #1 成交时间改到下个月15号", "2026-12-15", "12月15日"),
    ("商机 #1 预计成交日期12月28日", "2026-12-28", "12月28日"),
    ("商机 #1 改成交日期 1月8日", "2027-01-08", "2027年1月8日"),
    ("京东 私有化部署 成交日期改成3月15", "2027-03-15", "2027年3月15日"),
    ("1号单子预计下季度签", "2027-03-31", "2027年3月31日"),  # a task before; asked before fix24c (单子 says
    # it is the deal's number, as `49号单推到初步接触了` does)
])
def test_a_close_day_changed_in_words_changes_it_and_nothing_else(session_factory, said, day, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok and shown in reply.text and "赢单" not in reply.text.split("\n")[0], reply.text
    assert _deal(session_factory) == ("proposal", 360000, day)
    assert _tasks(session_factory) == 0  # never a win with a follow-up task


@pytest.mark.parametrize("said, day, shown", [
    ("#1 预计q1签", "2027-03-31", "2027年3月31日"),
    ("#1 预计 q1", "2027-03-31", "2027年3月31日"),  # offered as Jan 1 before, stored as Mar 31
    ("#1 预计成交日改到下个月底", "2026-12-31", "12月31日"),
    ("#1 成交日期改成3月15", "2027-03-15", "2027年3月15日"),
])
def test_a_deal_number_and_a_close_day_is_asked_then_changed(session_factory, said, day, shown):
    chat = _chat(session_factory)
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and shown in asked.text and asked.buttons, asked.text
    assert _deal(session_factory) == ("proposal", 360000, "2026-12-20")  # asked: nothing changed yet
    reply = chat.reply("1", user="张伟")
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory) == ("proposal", 360000, day)
    assert _tasks(session_factory) == 0


@pytest.mark.parametrize("said", ["商机 #1 成交了", "商机 1 成交"])
def test_a_deal_said_closed_is_still_won(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok, reply.text
    assert _deal(session_factory)[0] == "won"


def test_the_quarter_read_is_the_same_day_whatever_today(session_factory):
    chat = _chat(session_factory)
    chat.now = dt.datetime(2027, 2, 10, 2, tzinfo=dt.timezone.utc)  # in Q1: `q1` is this one
    reply = chat.reply("商机 #1 预计q1签", user="张伟")
    assert reply.ok, reply.text
    assert _deal(session_factory)[2] == "2027-03-31"
