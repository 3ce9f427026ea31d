"""A correction to the value a record has already (#23, r20): `close jan 4` right after the deal
was set to close on Jan 4, `make it 120k` of a ¥120K deal, `改成30万`, `把它改成1月4日`,
`不对，是周五跟进` of a visit whose follow-up is Friday: said to be so already, nothing changed,
never "Jan 4 → Jan 4"; a command giving a deal what it has (`deal #1 close jan 4`, `商机 #1 方案`)
says so too, above its card."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from storage.models.sales import Deal, DealEvent, Visit

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday; Jan 1 2027 is a holiday


def _deal(chat):
    with chat.session_factory() as s:
        deal = s.get(Deal, 1)
        events = s.scalar(select(func.count()).select_from(DealEvent))
        return deal.expected_close, deal.amount, deal.stage, events


@pytest.mark.parametrize("first, again, shown, lang", [
    ("deal #1 close jan 4", "close jan 4",
     "For deal #1 (expansion), the close date is Mon, Jan 4, 2027 already. Nothing changed.", None),
    ("deal #1 close jan 4", "actually make that jan 4", "the close date is Mon, Jan 4, 2027 already", None),
    ("deal #1 60k", "make it 60k", "For deal #1 (expansion), the amount is ¥60K already.", None),
    ("商机 #1 预计1月4日", "把它改成1月4日", "商机 #1（expansion）的预计成交日已经是 2027年1月4日周一", "zh"),
    ("商机 #1 6万", "改成6万", "商机 #1（expansion）的金额已经是 ¥6万，未做修改。", "zh"),
])
def test_a_correction_to_the_value_it_has_is_said_so(team_chat, first, again, shown, lang):
    team_chat.now = DEC6
    team_chat('deal +Globex "expansion" 50k proposal close dec 20', user="Bo")
    team_chat.now = DEC6 + dt.timedelta(minutes=1)
    team_chat(first, user="Bo", lang=lang)
    before = _deal(team_chat)
    out = team_chat(again, user="Bo", lang=lang)
    assert shown in out and "→" not in out, out
    assert _deal(team_chat) == before


@pytest.mark.parametrize("said, lang", [("不对，是周五跟进", "zh"), ("actually make that fri", None)])
def test_a_follow_up_corrected_to_its_own_day_is_said_so(team_chat, said, lang):
    team_chat.now = DEC6
    team_chat("拜访 +小米：聊了需求；跟进 周五", user="Ana", lang="zh")
    out = team_chat(said, user="Ana", lang=lang)
    assert ("已经是 12月11日周五" in out or "is Fri, Dec 11 already" in out) and "→" not in out, out
    with team_chat.session_factory() as s:
        assert s.scalars(select(Visit.follow_up_on)).all() == [dt.date(2026, 12, 11)]


@pytest.mark.parametrize("said, shown, lang", [
    ("deal #1 close dec 20", "It has what you said already: nothing changed.", None),
    ("deal #1 proposal 50k", "It has what you said already: nothing changed.", None),
    ("商机 #1 预计12月20日", "商机已经是这样：未做修改。", "zh"),
    ("商机 #1 方案呈现", "商机已经是这样：未做修改。", "zh"),
])
def test_a_deal_given_what_it_has_says_so(team_chat, said, shown, lang):
    team_chat.now = DEC6
    team_chat('deal +Globex "expansion" 50k proposal close dec 20', user="Bo")
    before = _deal(team_chat)
    team_chat.now = DEC6 + dt.timedelta(minutes=1)
    out = team_chat(said, user="Bo", lang=lang)
    assert shown in out and "updated" not in out and "已更新" not in out, out
    assert _deal(team_chat) == before


def test_a_deal_only_shown_says_nothing_of_changes(team_chat):
    team_chat.now = DEC6
    team_chat('deal +Globex "expansion" 50k proposal close dec 20', user="Bo")
    out = team_chat("deal Globex", user="Bo")
    assert "already" not in out and "Deal #1" in out, out
