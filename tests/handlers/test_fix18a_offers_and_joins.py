"""Round 18 (r18en): a correction while an offer is open edits the offer and asks again, never
changing a running contest at once (`make it end 12/23` keeps its start, or takes the offered
one, asked); two known customers joined by `+`, `&`, `/`, `、`, `和`, `跟` are asked about (one visit
each), never one visit with the second name in its notes; a month said as a day (`in jan`,
`1月份`) read inside a handler is its first working day in the team's calendar (never New Year's
Day)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Visit
from storage.models.team import Contest

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday


def _contests(chat):
    with chat.session_factory() as s:
        return [(x.metric, x.starts_on.isoformat(), x.ends_on.isoformat())
                for x in s.scalars(select(Contest))]


def _visits(chat):
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
        return [(names[v.customer_id], v.notes, v.follow_up_on and v.follow_up_on.isoformat())
                for v in s.scalars(select(Visit).order_by(Visit.id))]


EN, ZH = "contest visits 12/7-12/18", "竞赛 拜访 12月7日-12月18日"


@pytest.mark.parametrize("offer, said, edited, kept, answer", [
    (EN, "make it end 12/23", "contest #1 12/7-12/23", "contest #1 11/30-12/23", "2"),
    (EN, "make it end 12/23", "contest #1 12/7-12/23", "contest #1 11/30-12/23", "1"),
    (EN, "no, end 12/20", "contest #1 12/7-12/20", "contest #1 11/30-12/20", "2"),
    (EN, "actually start 12/9", "contest #1 12/9-12/18", "contest #1 12/9-12/13", "1"),
    (ZH, "改成12月23号结束", "竞赛 #1 12月7日-12月23日", "竞赛 #1 11月30日-12月23日", "2"),
    (ZH, "算了 改成12月9号开始", "竞赛 #1 12月9日-12月18日", "竞赛 #1 12月9日-12月13日", "1"),
])
def test_a_correction_of_an_offered_contest_edits_the_offer_and_asks(team_chat, offer, said, edited, kept,
                                                                      answer):
    team_chat.now = DEC6
    team_chat("contest visits 11/30-12/13", user="Mia")
    asked = team_chat.reply(offer, user="Mia")
    assert not asked.ok and asked.buttons, asked.text
    again = team_chat.reply(said, user="Mia")
    assert not again.ok, again.text
    assert edited in again.text and kept in again.text, again.text
    assert ("Nothing was changed yet" in again.text) or ("尚未修改" in again.text)
    assert _contests(team_chat) == [("visits", "2026-11-30", "2026-12-13")]  # nothing changed yet
    done = team_chat.reply(answer, user="Mia")
    assert done.ok, done.text
    line = edited if answer == "1" else kept
    days = line.split()[-1].replace("日", "").replace("月", "/")
    first, last = (dt.date(2026, *map(int, d.split("/"))).isoformat() for d in days.split("-"))
    assert _contests(team_chat) == [("visits", first, last)]


def test_an_edited_offer_can_be_edited_again(team_chat):
    team_chat.now = DEC6
    team_chat("contest visits 11/30-12/13", user="Mia")
    team_chat("contest visits 12/7-12/18", user="Mia")
    team_chat("make it end 12/23", user="Mia")
    again = team_chat.reply("make it end 12/27", user="Mia")
    assert "contest #1 12/7-12/27" in again.text and "contest #1 11/30-12/27" in again.text, again.text
    assert _contests(team_chat) == [("visits", "2026-11-30", "2026-12-13")]


def _known(chat):
    chat("visit +海尔: intro", user="Bo")
    chat("visit +美的集团: intro", user="Bo")
    chat("visit +Globex: intro", user="Bo")


@pytest.mark.parametrize("said", [
    "visit haier + midea today, haier wants pilot in jan, midea no interest",
    "visit haier & midea, both want demos",
    "visit haier/midea today, quick intro",
    "visit haier+midea met both, intro",
    "visit haier + midea had lunch, intro",
    "visit globex + 海尔, joint demo",
    "拜访 海尔、美的集团，今天，都有兴趣",
    "拜访 海尔跟美的集团，介绍产品",
    "拜访 海尔和美的集团，介绍产品",
])
def test_two_known_customers_joined_are_asked_never_one_visit(team_chat, said):
    team_chat.now = DEC6
    _known(team_chat)
    before = _visits(team_chat)
    out = team_chat.reply(said, user="Bo")
    assert not out.ok and out.buttons, out.text
    assert "each" in out.text or "各" in out.text, out.text
    assert _visits(team_chat) == before


def test_a_visit_each_from_a_plus_with_a_month_follows_up_on_its_first_working_day(team_chat):
    team_chat.now = DEC6
    _known(team_chat)
    before = _visits(team_chat)
    team_chat("visit haier + midea today, haier wants pilot in jan, midea no interest", user="Bo")
    out = team_chat.reply("1", user="Bo")
    assert out.ok and "Jan 4" in out.text and "Jan 1," not in out.text, out.text
    assert _visits(team_chat)[len(before):] == [("海尔", "haier wants pilot in jan", "2027-01-04"),
                                               ("美的集团", "midea no interest", None)]


@pytest.mark.parametrize("said, answer, notes", [
    ("拜访 海尔、美的集团 海尔说1月份再联系，美的没兴趣", "1", "海尔说1月份再联系"),
    ("visit haier and midea: haier follow up jan, midea no interest", "1", "haier follow up jan"),
])
def test_a_month_as_a_follow_up_in_an_offer_is_its_first_working_day(team_chat, said, answer, notes):
    team_chat.now = DEC6
    _known(team_chat)
    before = _visits(team_chat)
    team_chat(said, user="Bo")
    team_chat(answer, user="Bo")
    stored = _visits(team_chat)[len(before):]
    assert stored[0] == ("海尔", notes, "2027-01-04"), stored
