"""Classes the round-10 fresh-eyes tester (Chinese, on a phone) found where words were dropped or
guessed, each with its English twin where one exists: a win typed without a command word offered
as the win alone (`腾讯数据平台拿下了!! 20w 客户认可我们的方案` → `赢单 腾讯`: the title, the amount
and the reason lost); a manager giving a task in words (`给李娜派个任务，周四前回访海尔`) offered
as a task for the manager titled with the whole sentence, or not understood; a day before an
event (`下周一开会前…`) not read, failing the bot's own offer when answered; two commands joined by
然后 / 还有 (`完成 388，然后把392推迟到下周五`) asked about, nothing saved. Each is fed through
the real dispatch with a real database (SQLite and PostgreSQL); what the user reads and what is
stored are both asserted. Today is Monday 2026-11-23 (Asia/Shanghai)."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    return chat


def _deals(session_factory) -> list[tuple[str, str, str, Decimal | None, str | None]]:
    with session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.title, d.stage, d.amount, d.reason)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


# 1. A win without a command word: the offer carries the title, the amount and the reason ----------

@pytest.mark.parametrize("typed, offered, stored", [  # the deal the title names, by its number (round 13)
    ("腾讯数据平台拿下了!! 20w 客户认可我们的方案", '赢单 #{id} 20w：客户认可我们的方案',
     ("腾讯", "数据平台", Decimal("200000"), "客户认可我们的方案")),
    ("海尔CRM 赢了！15w，主要靠服务", '赢单 #{id} 15w：主要靠服务',
     ("海尔", "CRM", Decimal("150000"), "主要靠服务")),
    ("Haier CRM won! 15k, mainly service", 'won #{id} 15k: mainly service',
     ("海尔", "CRM", Decimal("15000"), "mainly service")),
])
def test_a_win_in_words_is_offered_with_every_word(session_factory, typed, offered, stored):
    chat = _chat(session_factory)
    customer, title, amount, reason = stored
    for other in ("ERP", title):  # two open deals: the title says which
        assert chat.reply(f'deal {customer} "{other}" 50k').ok
    reply = chat.reply(typed)
    offered = offered.format(id=_id_of(session_factory, title))
    assert [b.command for b in reply.buttons] == [offered], reply.text
    assert f"“{title}”" in reply.text  # the deal's title shown
    assert [row[2] for row in _deals(session_factory)] == ["lead", "lead"]  # nothing saved yet
    yes = chat.reply("好" if "赢单" in offered else "yes")
    assert yes.ok, yes.text
    won = [row for row in _deals(session_factory) if row[1] == title]
    assert len(won) == 1 and won[0][0] == customer and won[0][2] == "won", won
    assert won[0][3] == amount and reason in (won[0][4] or ""), won
    assert [row[2] for row in _deals(session_factory) if row[1] == "ERP"] == ["lead"]


# 2. A task given in words: offered as the task of the member named, its day the due day ----------

def _tasks(session_factory) -> list[tuple[str, str, str | None]]:
    with session_factory() as s:
        return [(s.get(Member, t.assignee_id).display_name, t.title, t.due_on and t.due_on.isoformat())
                for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("typed, offered, stored", [
    ("给Ana派个任务，周四前回访海尔", "任务 @Ana 周四前回访海尔", ("Ana", "回访海尔", "2026-11-26")),
    ("让Bo明天把蔚来的报价发了", "任务 @Bo 明天把蔚来的报价发了", ("Bo", "把蔚来的报价发了", "2026-11-24")),
    ("have Bo send the Nio quote tomorrow", "task @Bo send the Nio quote tomorrow",
     ("Bo", "send the Nio quote", "2026-11-24")),
    ("assign Ana a task: follow up Haier by thu", "task @Ana follow up Haier by thu",
     ("Ana", "follow up Haier", "2026-11-26")),
])
def test_a_task_given_in_words_is_offered_to_the_member_named(session_factory, typed, offered, stored):
    chat = _chat(session_factory)
    assert chat.reply("visit 海尔: intro").ok  # a known customer: still no visit offered
    asked = chat.reply(typed, user="Mia")
    assert not asked.ok and [b.command for b in asked.buttons] == [offered], asked.text
    assert _tasks(session_factory) == []
    assert chat.reply("好" if "任务" in offered else "yes", user="Mia").ok
    assert _tasks(session_factory) == [stored]
    with session_factory() as s:
        assert len(s.scalars(select(Visit)).all()) == 1


# 3. A day, an event and 前 (`下周一开会前…`): due that day; the offer for two people parses ---------

@pytest.mark.parametrize("typed", ["任务 下周一开会前把漏斗更新一下", "任务 @Ana 周三例会前准备好海尔的方案"])
def test_a_day_before_an_event_is_the_due_day(session_factory, typed):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok, reply.text
    [(who, title, due)] = _tasks(session_factory)
    assert (title, due) in (("开会前把漏斗更新一下", "2026-11-30"), ("例会前准备好海尔的方案", "2026-11-25"))
    assert who == ("Ana" if "@Ana" in typed else "Mia")


def test_the_offer_of_a_task_each_for_two_people_is_done_when_answered(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("任务 @Ana @Bo 下周一开会前把漏斗更新一下", user="Mia")
    assert not asked.ok and "任务 @Ana 下周一开会前把漏斗更新一下" in asked.text, asked.text
    done = chat.reply("是", user="Mia")
    assert done.ok and "没认出" not in done.text, done.text
    assert _tasks(session_factory) == [("Ana", "开会前把漏斗更新一下", "2026-11-30"),
                                       ("Bo", "开会前把漏斗更新一下", "2026-11-30")]


# 4. Two commands joined by 然后 / 还有 run in order, `把…推迟到…` too --------------------------------

def _follow_ups(session_factory) -> list[tuple[str | None, bool]]:
    with session_factory() as s:
        return [(v.follow_up_on and v.follow_up_on.isoformat(), v.follow_up_done)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("typed, moved", [
    ("完成 1，然后把2推迟到下周五", "2026-12-04"),
    ("完成 1，还有 2 推迟到下周一", "2026-11-30"),
    ("done 1, then snooze 2 to next fri", "2026-12-04"),
])
def test_two_commands_joined_by_a_word_run_in_order(session_factory, typed, moved):
    chat = _chat(session_factory)
    assert chat.reply("拜访 海尔：演示，跟进 周三").ok
    assert chat.reply("拜访 格力：报价，跟进 周四").ok
    done = chat.reply(typed)
    assert done.ok and "尚未" not in done.text and "Nothing" not in done.text, done.text
    assert _follow_ups(session_factory) == [("2026-11-25", True), (moved, False)]


# 5. Not understood: a small bare number beside an amount is a title word (`京东 618 … 20万`) ------

@pytest.mark.parametrize("typed, stored", [
    ("商机 京东 618 初步接触 20万", ("京东", "618", "contact", Decimal("200000"))),
    ("商机 京东 618 20万", ("京东", "618", "lead", Decimal("200000"))),
])
def test_a_small_bare_number_beside_an_amount_is_a_title_word(session_factory, typed, stored):
    # English has no twin: a title there is quoted (`deal JD.com "618" 200k`)
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and "618" in reply.text, reply.text
    assert [row[:4] for row in _deals(session_factory)] == [stored]


def test_an_amount_said_in_hundreds_of_millions_with_a_measure_word(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("商机 京东 物流 1.2个亿")
    assert reply.ok and "1.2亿" in reply.text, reply.text
    assert [row[:4] for row in _deals(session_factory)] == [("京东", "物流", "lead", Decimal("120000000"))]


@pytest.mark.parametrize("typed", ["团队这个月完成得咋样了", "团队进展咋样", "how is the team doing"])
def test_the_teams_progress_asked_colloquially_is_shown(session_factory, typed):
    chat = _chat(session_factory)
    before = _deals(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and reply.title.endswith(("2026年11月", "November 2026")), reply.text
    assert "没看懂" not in reply.text and "目标" in reply.text or "target" in reply.text
    assert _deals(session_factory) == before


@pytest.mark.parametrize("typed, offered, reason", [
    ("美的ERP丢了，客户选了SAP", '输单 #{id}：客户选了SAP', "客户选了SAP"),
    ("美的ERP丢了 客户选了SAP", '输单 #{id}：客户选了SAP', "客户选了SAP"),
    ("美的集团 ERP lost, they went with SAP",
     'lost #{id}: they went with SAP', "they went with SAP"),
])
def test_a_loss_in_words_is_offered_with_its_title_and_reason(session_factory, typed, offered, reason):
    chat = _chat(session_factory)
    for title in ("ERP", "CRM"):
        assert chat.reply(f'deal 美的集团 "{title}" 50k').ok
    asked = chat.reply(typed)
    offered = offered.format(id=_id_of(session_factory, "ERP"))
    assert not asked.ok and [b.command for b in asked.buttons] == [offered], asked.text
    assert "美的集团" in asked.text and "“ERP”" in asked.text
    assert chat.reply("好" if "输单" in offered else "yes").ok
    rows = _deals(session_factory)
    assert [(r[1], r[2]) for r in rows] == [("ERP", "lost"), ("CRM", "lead")], rows
    assert reason in rows[0][4] and _customers_named(session_factory) == ["美的集团"]


def _id_of(session_factory, title: str) -> int:
    with session_factory() as s:
        return s.scalar(select(Deal.id).where(Deal.title == title))


def _customers_named(session_factory) -> list[str]:
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))
