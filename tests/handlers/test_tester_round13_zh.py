"""Round 13's fresh-eyes findings in Chinese (issue #23): notes that start with 跟进 before a later
`跟进 DAY` keep their words (the day is the later word's); a visit told with a day gone by before a
day to come asks about the later day; a team's quarter whose revenue target is its own does not
say its revenue target is summed from months."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.next_step, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize(("said", "notes"), [
    ("拜访 海尔 跟进报价 客户在比价 跟进 周五", "跟进报价 客户在比价"),
    ("拜访 海尔：跟进报价，客户在比价，跟进 周五", "跟进报价，客户在比价"),
    ("拜访 京东 跟进618大促 对方要看案例 跟进 周五", "跟进618大促 对方要看案例"),
    ("拜訪 海爾 跟進報價 客戶在比價 跟進 週五", "跟進報價 客戶在比價"),
])
def test_notes_starting_with_a_follow_up_word_keep_it_and_the_later_day_is_the_follow_up(
        team_chat, session_factory, said, notes):
    team_chat.now = at("2026-12-06")  # a Sunday: 周五 is Fri Dec 11
    reply = team_chat.reply(said, user="Ana", lang="zh")
    assert reply.ok, reply.text
    assert _visits(session_factory) == [(notes, "", dt.date(2026, 12, 11))]
    assert "12月11日周五" in reply.text


@pytest.mark.parametrize("said", [
    "拜访 联想：今天见了采购经理 他们预算有了 下周四出方案",
    "visit Lenovo: met on 12/1 with the cfo, call back next thu",
    "visit Lenovo: today went well, they want a demo next thu",
])
def test_a_day_gone_by_in_the_notes_does_not_hide_a_later_day_to_come(team_chat, session_factory, said):
    team_chat.now = at("2026-12-06")
    reply = team_chat.reply(said, user="Ana")
    assert not reply.ok and _visits(session_factory) == [], reply.text  # asked: follow-up, or notes?
    answered = team_chat.reply("1", user="Ana")
    assert answered.ok, answered.text
    assert [day for *_, day in _visits(session_factory)] == [dt.date(2026, 12, 10)]


def test_a_visit_told_without_the_command_word_asks_about_its_later_day(team_chat, session_factory):
    team_chat("visit 联想", user="Ana")  # a customer we know
    with session_factory() as s:
        s.query(Visit).delete()
        s.commit()
    team_chat.now = at("2026-12-06")
    reply = team_chat.reply("今天见了联想的采购经理 他们预算有了 下周四出方案", user="Ana", lang="zh")
    assert not reply.ok and _visits(session_factory) == [], reply.text


def test_a_team_target_of_its_own_is_not_called_a_sum_of_months(team_chat):
    team_chat.now = at("2026-11-05")
    team_chat("target team revenue 600k quarter", user="Mia")
    team_chat("target @Ana visits 20 month", user="Mia")  # visits: months only
    progress = team_chat("progress team quarter", user="Mia", lang="en")
    assert "of ¥600K" in progress
    assert ("Visits: no target is set for Q4 2026 itself: it is the sum of the targets set for "
            "November 2026.") in progress
    assert "No target is set for Q4 2026 itself" not in progress
    zh = team_chat("进度 团队 季度", user="Mia", lang="zh")
    assert "拜访：2026年第4季度本身未设目标，按 2026年11月 的目标之和计算。" in zh
    team_chat("target team visits 100 quarter", user="Mia")  # now every metric is the quarter's own
    assert "itself" not in team_chat("progress team quarter", user="Mia", lang="en")


@pytest.mark.parametrize("said", ["拜访 阿里巴巴：第一次回访 客户很配合", "拜访 阿里巴巴 例行回访，一切正常",
                                  "拜訪 阿里巴巴：首次回訪 客戶很配合"])
def test_a_follow_up_word_that_names_the_visit_made_is_notes(team_chat, session_factory, said):
    reply = team_chat.reply(said, user="Ana", lang="zh")
    assert reply.ok, reply.text
    [(notes, next_step, follow_up)] = _visits(session_factory)
    assert (next_step, follow_up) == ("", None) and "回" in notes and said.endswith(notes[-4:])


@pytest.mark.parametrize("said", ["請假 12月28號-12月30號", "请假 12月28號到12月30號",
                                  "请假 12月28号-12月30号"])
def test_leave_ranges_read_traditional_day_marks(team_chat, said):
    team_chat.now = at("2026-12-06")
    reply = team_chat.reply(said, user="Ana", lang="zh")
    assert reply.ok and "12月28日周一 – 12月30日周三" in reply.text, reply.text
    assert "12月28日周一" in team_chat("请假", user="Ana", lang="zh")


def test_the_variant_spelling_of_undo_undoes(team_chat, session_factory):
    team_chat("拜访 海尔：聊了报价", user="Ana", lang="zh")
    reply = team_chat.reply("撤消", user="Ana", lang="zh")
    assert reply.ok and "撤销" in reply.text, reply.text
    assert _visits(session_factory) == []


@pytest.mark.parametrize(("said", "amount"), [("海尔那单赢了 二十万", "二十万"),
                                              ("海尔的单子签了 一百二十万", "一百二十万")])
def test_an_amount_in_chinese_numerals_is_the_wins_amount_never_its_reason(team_chat, said, amount):
    team_chat('商机 海尔 "智能工厂" 方案 10万', user="Ana", lang="zh")
    reply = team_chat.reply(said, user="Ana", lang="zh")
    assert not reply.ok, reply.text
    offered = [b.command for b in reply.buttons]
    assert offered and all(amount in o and f"：{amount}" not in o for o in offered), offered
