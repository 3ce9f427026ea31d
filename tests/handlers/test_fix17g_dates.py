"""Days said in a correction, a task or a push read by the one date grammar (#23, r17): `push it to
next month` is next month's first working day (never New Year's Day); `春节前` in a task asks for the
day while its year is unpublished, and the answer, in any date form, makes the task; a task asked
for in words (`… 建个任务`) is that task, never a win; `季度末`, `一季度末`, `下个月底`,
`end of next month`."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday; Jan 1 2027 is a holiday


def _close(chat, deal_id):
    with chat.session_factory() as s:
        return s.get(Deal, deal_id).expected_close


def _tasks(chat):
    with chat.session_factory() as s:
        return [(t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))]


def _deal(chat, user="Bo", text='deal +Globex "expansion" 50k proposal close eom', lang=None):
    chat.now = DEC6
    chat(text, user=user, lang=lang)
    with chat.session_factory() as s:
        return s.scalars(select(Deal).order_by(Deal.id.desc())).first().id


@pytest.mark.parametrize("said", ["push it to next month", "move it to next month", "push that to next month",
                                  "actually close is next month", "no, close next month"])
def test_next_month_said_after_a_deal_is_its_first_working_day(team_chat, said):
    deal = _deal(team_chat)
    assert _close(team_chat, deal) == dt.date(2026, 12, 31)
    out = team_chat(said, user="Bo")
    assert "Mon, Jan 4, 2027" in out and "Fri, Jan 1" not in out, out
    assert _close(team_chat, deal) == dt.date(2027, 1, 4)
    again = _deal(team_chat, text=f"deal #{deal} close next month")
    assert _close(team_chat, deal) == _close(team_chat, again)


@pytest.mark.parametrize("said, day", [
    ("预计成交改成季度末", dt.date(2026, 12, 31)),
    ("改成一季度末", dt.date(2027, 3, 31)),
    ("预计提前到下个月底", dt.date(2027, 1, 31)),
    ("预计成交改到12月18号", dt.date(2026, 12, 18)),
    ("预计成交日改到1月15号", dt.date(2027, 1, 15)),
    ("预计签约日期改成明年一季度末", dt.date(2027, 3, 31)),
])
def test_a_close_day_corrected_in_chinese(team_chat, said, day):
    deal = _deal(team_chat, user="Ana", text="商机 +华为 数字化转型 线索 150万 预计明年3月", lang="zh")
    assert _close(team_chat, deal) == dt.date(2027, 3, 1)
    out = team_chat(said, user="Ana", lang="zh")
    assert "已修改商机" in out and "预计成交日" in out, out
    assert _close(team_chat, deal) == day


@pytest.mark.parametrize("said, day", [
    ("deal #{deal} close end of next month", dt.date(2027, 1, 31)),
    ("deal #{deal} close end of the quarter", dt.date(2026, 12, 31)),
    ("deal #{deal} close q2末", dt.date(2027, 6, 30)),
    ("商机 #{deal} 预计 下个月底", dt.date(2027, 1, 31)),
    ("商机 #{deal} 预计 一季度末", dt.date(2027, 3, 31)),
])
def test_ends_of_months_and_quarters(team_chat, said, day):
    deal = _deal(team_chat, text='deal +Globex "expansion" 50k proposal close dec 20')
    team_chat(said.format(deal=deal), user="Bo")
    assert _close(team_chat, deal) == day


@pytest.mark.parametrize("said, answer, title, day, lang", [
    ("任务 春节前把华为技术的合同签下来", "12月30号", "把华为技术的合同签下来", dt.date(2026, 12, 30), "zh"),
    # (`元旦前`: read since r20 as the last working day before Jan 1, test_fix20g_said_in_words.py)
    ("任务 过年前 把合同签下来", "2月5号", "把合同签下来", dt.date(2027, 2, 5), "zh"),
    ("春节前要把华为技术的合同签下来 建个任务", "下周二", "要把华为技术的合同签下来",
     dt.date(2026, 12, 8), "zh"),
    ("task send xmas cards to key accounts before CNY", "feb 4th", "send xmas cards to key accounts",
     dt.date(2027, 2, 4), "en"),
    ("task sign the globex renewal before chinese new year", "by 2/3", "sign the globex renewal",
     dt.date(2027, 2, 3), "en"),
])
def test_a_task_before_an_unpublished_holiday_asks_the_day_and_takes_it(team_chat, said, answer, title,
                                                                       day, lang):
    team_chat.now = DEC6
    asked = team_chat(said, user="Ana", lang=lang)
    assert ("2027" in asked) and ("回复日期" in asked or "reply with the day" in asked), asked
    assert _tasks(team_chat) == []
    out = team_chat(answer, user="Ana", lang=lang)
    assert ("任务 #" in out or "Task #" in out) and "没看懂" not in out, out
    assert _tasks(team_chat) == [(title, day)]


@pytest.mark.parametrize("said, title, day", [
    ("下周二下午去联想做demo 建个任务", "下午去联想做demo", dt.date(2026, 12, 8)),
    ("建个任务 周五前给格力发报价", "给格力发报价", dt.date(2026, 12, 11)),
    ("月底前给美的发合同 记个任务", "给美的发合同", dt.date(2026, 12, 31)),
    ("帮我建个任务：明天给华为打电话", "给华为打电话", dt.date(2026, 12, 7)),
    ("send globex the deck by fri, add a task", "send globex the deck", dt.date(2026, 12, 11)),
    ("create a task: call initech tmrw", "call initech", dt.date(2026, 12, 7)),
])
def test_a_task_asked_for_in_words_is_that_task(team_chat, said, title, day):
    team_chat.now = DEC6
    team_chat("visit +华为: intro", user="Ana")
    out = team_chat(said, user="Ana")
    assert "赢单" not in out and "Won" not in out and "拜访还是" not in out, out
    assert _tasks(team_chat) == [(title, day)], out


def test_a_task_said_with_a_win_word_is_never_offered_as_a_win(team_chat):
    team_chat.now = DEC6
    team_chat('商机 +华为技术 "合同" 方案呈现 150万', user="Ana", lang="zh")
    out = team_chat("下周五前要把华为技术的合同签下来 建个任务", user="Ana", lang="zh")
    assert "赢单" not in out, out
    assert _tasks(team_chat) == [("要把华为技术的合同签下来", dt.date(2026, 12, 11))]
    with team_chat.session_factory() as s:
        assert s.scalars(select(Deal.stage)).all() == ["proposal"]
