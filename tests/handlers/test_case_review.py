"""Case review through the console, on SQLite and PostgreSQL: closing reasons read into categories
(and the competitor named), wins and losses by reason, tips kept and found in both languages, and
the weekly digest's lessons."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from storage.models.team import Tip, TipVote
from storage.models.workspace import Member
from worker.plan import fire, plan


def _closed(team_chat):
    for text, user in (('deal Acme "ERP" proposal 50k', "Ana"),
                       ("lost Acme: competitor Oracle was cheaper", "Ana"),
                       ('deal Globex "CRM" proposal 20k', "Ana"), ("won Globex 20k: price", "Ana"),
                       ("商机 华为 ERP项目 方案呈现 8万", "Bo"), ("输单 华为：预算不够", "Bo")):
        team_chat(text, user=user)


def test_reasons_are_read_into_categories_with_the_competitor(team_chat, session_factory):
    _closed(team_chat)
    team_chat('deal Initech "BI" proposal 10k', user="Ana")
    team_chat("lost Initech", user="Ana")
    noted = team_chat("lost #4: timing, they postpone to next year", user="Ana")  # a reason given later
    assert noted == "Reason for deal #4 noted: timing, they postpone to next year.\nFiled under: timing."
    with session_factory() as s:
        rows = s.execute(select(Deal.id, Deal.stage, Deal.reason_category, Deal.competitor)
                         .order_by(Deal.id)).all()
    assert [tuple(r) for r in rows] == [(1, "lost", "competitor", "Oracle"),
                                        (2, "won", "price", ""), (3, "lost", "budget", ""),
                                        (4, "lost", "timing", "")]


def test_wins_and_losses_by_reason_for_a_manager_in_both_languages(team_chat):
    _closed(team_chat)
    reply = team_chat.reply("reasons team month", user="Mia")
    assert reply.title == "Wins and losses by reason · Sales · November 2026"
    rows = {row[0]: row[1:] for row in reply.table.rows}
    assert rows["competitor"] == ("0 · ¥0", "1 · ¥50K") and rows["price"] == ("1 · ¥20K", "0 · ¥0")
    assert rows["budget"] == ("0 · ¥0", "1 · ¥80K")
    assert "Ana: won 1, lost 1 (most lost to: competitor)" in reply.text
    assert "Competitors named: Oracle (1)" in reply.text
    assert reply.chart is not None and reply.chart.labels[0] in rows
    zh = team_chat.reply("输赢分析 团队 本月", user="Mia", lang="zh")
    assert zh.title.startswith("输赢分析 · Sales")
    assert {row[0] for row in zh.table.rows} == {"竞争对手", "价格", "预算"}
    assert "Sorry, only a manager can do that." in team_chat("reasons team month", lang="en")
    assert "Wins and losses by reason · Ana" in team_chat("reasons month", lang="en")  # her own


def test_tips_are_kept_and_found_in_either_languages_words(team_chat, session_factory):
    assert "Tip #1 kept under “pricing”" in team_chat("tip pricing: bundle the service contract")
    assert "经验 #2 已记录在“报价”下" in team_chat("经验 报价：先报标准价再谈折扣", user="Bo", lang="zh")
    team_chat("tip onboarding: send the welcome pack the same day", user="Mia")
    found = team_chat("tips pricing", lang="en")
    assert "bundle the service contract — Ana" in found and "先报标准价再谈折扣 — Bo" in found
    assert "welcome pack" not in found
    assert "bundle the service contract" in team_chat("经验 报价", lang="zh")
    assert "No tip yet" in team_chat("tips golf", lang="en")
    with session_factory() as s:
        assert s.scalars(select(Tip.topic).order_by(Tip.id)).all() == ["pricing", "报价", "onboarding"]


def test_the_weekly_digest_has_a_lessons_section(team_chat, session_factory):
    _closed(team_chat)
    team_chat("tip pricing: bundle the service contract")
    with session_factory() as s:
        spec = next(p for p in plan(s) if p.kind == "digest")
    fire(session_factory, spec, dt.datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    with session_factory() as s:
        [payload] = s.scalars(select(Delivery.payload).where(Delivery.key.like("digest-weekly%"),
                                                             Delivery.key.notlike("%:chart"))).all()
    text = from_payload(payload).text
    assert "Lessons" in text and "Lost this week: competitor 1, budget 1" in text
    assert "💡 #1 [pricing] bundle the service contract — Ana" in text


def test_tips_liked_rise_to_the_top_and_the_digest_shares_the_weeks_best(team_chat, session_factory):
    shanghai = ZoneInfo("Asia/Shanghai")
    week_before = team_chat.now
    team_chat.now = week_before - dt.timedelta(days=14)
    team_chat("tip demo: bring their own data", user="Bo")  # #1, kept long ago
    team_chat.now = week_before
    for text in ("tip pricing: bundle the service contract", "tip pricing: quote in 万 for 国企",
                 "tip closing: ask for the PO date"):
        team_chat(text)  # #2 #3 #4, Ana's, this week
    found = team_chat.reply("tips", user="Bo")
    assert [b.command for b in found.buttons] == ["like tip 4", "like tip 3", "like tip 2"]  # not his own
    assert team_chat("like tip 3", user="Bo") == "👍 Thanks: tip #3 now has 1 👍."
    assert team_chat("赞 经验 3", user="Mia", lang="zh") == "👍 已点赞：经验 #3 现有 2 个赞。"
    assert team_chat("like tip 3", user="Bo") == "You liked tip #3 before (2 👍 in all)."
    assert team_chat("like #1", user="Mia", lang="en") == "👍 Thanks: tip #1 now has 1 👍."
    found = team_chat.reply("tips pricing", user="Bo")
    assert found.lines[0] == "#3 [pricing] quote in 万 for 国企 — Ana · 👍 2"  # the most liked first
    assert found.lines[1] == "#2 [pricing] bundle the service contract — Ana"
    # refused, nothing stored: one's own tip, no such tip, no number
    assert team_chat("like tip 2") == "Tip #2 is your own: let the others like it."
    assert "There is no tip #99." in team_chat("like tip 99", user="Bo")
    assert "like tip 3" in team_chat("like tip pricing", user="Bo")
    with session_factory() as s:
        assert sorted(s.execute(select(TipVote.tip_id, Member.display_name).join(
            Member, Member.id == TipVote.member_id)).all()) == [(1, "Mia"), (3, "Bo"), (3, "Mia")]
        spec = next(p for p in plan(s) if p.kind == "digest")
    fire(session_factory, spec, dt.datetime(2026, 11, 27, 17, 0, tzinfo=shanghai))
    with session_factory() as s:
        [payload] = s.scalars(select(Delivery.payload).where(Delivery.key.like("digest-weekly%"),
                                                             Delivery.key.notlike("%:chart"))).all()
    tips = [line.strip() for line in from_payload(payload).text.splitlines() if "💡" in line]
    # the week's best three: kept or liked this week, the most liked first
    assert tips == ["💡 #3 [pricing] quote in 万 for 国企 — Ana · 👍 2",
                    "💡 #1 [demo] bring their own data — Bo · 👍 1",
                    "💡 #4 [closing] ask for the PO date — Ana"]
