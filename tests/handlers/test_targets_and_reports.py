"""Managers set targets; everyone sees progress, pace, pipeline, stalled deals and the leaderboard.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat


def targets(session_factory):
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        return sorted((names.get(t.member_id, "team"), t.metric, t.period_kind, str(t.period_start),
                       t.amount) for t in s.scalars(select(Target)))


def test_only_managers_set_targets(team_chat):
    reply = team_chat.reply("target @Bo revenue 100k month", user="Ana")
    assert not reply.ok and "only a manager" in reply.text
    reply = team_chat.reply("目标 团队 业绩 200万 本季度", user="Ana")
    assert not reply.ok and "只有经理" in reply.text
    assert targets(team_chat.session_factory) == []


def test_a_target_in_another_currency_is_refused(team_chat):
    reply = team_chat.reply("target @Ana revenue $50k month", user="Mia")
    assert not reply.ok and "Targets are kept in CNY" in reply.text
    assert targets(team_chat.session_factory) == []


def test_manager_sets_a_member_target_for_this_month(team_chat):
    out = team_chat("target @Ana revenue 500k month", user="Mia")
    assert "Target set: Ana, Revenue won ¥500K for November 2026." in out
    assert targets(team_chat.session_factory) == [
        ("Ana", "revenue", "month", "2026-11-01", Decimal("500000.00"))]
    team_chat("target @Ana revenue 600k month", user="Mia")  # replaces, not adds
    assert [t[-1] for t in targets(team_chat.session_factory)] == [Decimal("600000.00")]


def test_team_target_split_equally_over_reps(team_chat):
    out = team_chat("目标 团队 业绩 200万 本季度 分解", user="Mia")
    assert "目标已设定：Sales，业绩 ¥200万，2026年第4季度。" in out
    assert "已分解给 2 位销售：Ana ¥100万, Bo ¥100万" in out
    assert targets(team_chat.session_factory) == [
        ("Ana", "revenue", "quarter", "2026-10-01", Decimal("1000000.00")),
        ("Bo", "revenue", "quarter", "2026-10-01", Decimal("1000000.00")),
        ("team", "revenue", "quarter", "2026-10-01", Decimal("2000000.00"))]


def test_a_count_target_splits_in_whole_numbers(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "Cy"))
    out = chat("target team visits 100 month split", user="Mia")
    assert "Ana 34, Bo 33, Cy 33" in out


def test_a_manager_cannot_target_someone_outside_their_teams(team_chat):
    team_chat("team create East #east", user="Mia")
    team_chat("help", user="Eve")
    team_chat("team remove Sales @Eve", user="Mia")
    team_chat("team add East @Eve", user="Mia")
    team_chat("role @Bo manager", user="Mia")
    reply = team_chat.reply("target @Eve revenue 100k month", user="Bo")
    assert not reply.ok and "teams you manage" in reply.text
    reply = team_chat.reply("target team East revenue 100k month", user="Bo")
    assert not reply.ok and "teams you manage" in reply.text


def test_progress_shows_done_needed_gap_and_days(team_chat):
    team_chat("target @Ana revenue 210k month", user="Mia")
    team_chat("won +Acme 100k: first order")
    out = team_chat("progress")
    assert "Your progress · November 2026" in out
    assert "16 of 21 working days gone" in out
    assert "¥100K of ¥210K · needed by today ¥160K · behind by ¥60K" in out
    assert "Revenue won  ▓▓▓▓▓░░░░░ 48%" in out
    assert "Visits         0" in out


def test_progress_in_chinese_shows_wan(team_chat):
    team_chat("目标 @Bo 业绩 50万 本月", user="Mia")
    team_chat("赢单 +华为 48万：交付周期短", user="Bo")
    out = team_chat("进度", user="Bo")
    assert "我的进度 · 2026年11月" in out
    assert "已完成 ¥48万 / 目标 ¥50万" in out and "领先" in out


def test_team_progress_sums_members_and_uses_the_team_target(team_chat):
    team_chat("target team revenue 1m month", user="Mia")
    team_chat("won +Acme 100k")
    team_chat("won +Beta 50k", user="Bo")
    out = team_chat("progress team")
    assert "Sales · November 2026" in out and "¥150K of ¥1M" in out


def test_a_rep_sees_only_their_own_numbers_a_manager_sees_the_team(team_chat):
    reply = team_chat.reply("progress @Bo", user="Ana")
    assert not reply.ok and "your own numbers" in reply.text
    assert "Bo · November 2026" in team_chat("progress @Bo", user="Mia")
    assert "Bo · Q4 2026" in team_chat("progress @Bo quarter", user="Mia")


def test_a_member_in_another_timezone_has_their_own_today(team_chat):
    with team_chat.session_factory.begin() as s:
        s.scalar(select(Member).where(Member.display_name == "Bo")).timezone = "America/New_York"
    team_chat.now = dt.datetime(2026, 11, 30, 20, 0, tzinfo=dt.timezone.utc)  # Dec 1, 04:00 Shanghai
    team_chat("visit Acme: late call", user="Bo")
    assert "Bo · November 2026" in team_chat("progress @Bo", user="Mia")
    assert "Visits         1" in team_chat("progress", user="Bo")
    assert "Your progress · December 2026" in team_chat("progress", user="Ana")


def test_pipeline_counts_amounts_and_conversion(team_chat):
    team_chat('deal Acme "A" proposal 50k')
    team_chat('deal Beta "B" lead 10k')
    team_chat('deal Gamma "C" negotiation 100k')
    team_chat("won +Gamma")
    out = team_chat("pipeline")
    assert "Open deals: 2 · ¥60K · weighted ¥31K" in out
    assert "Proposal     1      ¥50K" in out and "Lead         1      ¥10K" in out
    assert "Negotiation→Won 100%" in out and "Proposal→Negotiation 50%" in out


def test_team_pipeline_needs_a_manager(team_chat):
    team_chat('deal Acme "A" proposal 50k', user="Bo")
    reply = team_chat.reply("pipeline team", user="Ana")
    assert not reply.ok and "only a manager" in reply.text
    assert "进行中：1 个商机，¥5万" in team_chat("漏斗 团队", user="Mia")


def test_stalled_deals_after_fourteen_days_without_change(team_chat):
    team_chat.now -= dt.timedelta(days=20)
    team_chat('deal Acme "Old" proposal 50k')
    team_chat.now += dt.timedelta(days=20)
    team_chat('deal Beta "Fresh" lead 10k')
    out = team_chat("stalled")
    assert "no change for 14+ days" in out
    assert "#1 Acme · Old · Proposal · ¥50K · 20 days · Ana" in out and "Fresh" not in out
    assert "Stage        Proposal" in team_chat("deal Acme")  # looking is not a change
    assert "#1 Acme · Old" in team_chat("stalled")
    team_chat("deal #1 negotiation")
    assert "No stalled deals." in team_chat("stalled")


def test_leaderboard_orders_reps_by_the_metric(team_chat):
    team_chat("won +Acme 100k")
    team_chat("won +Beta 300k", user="Bo")
    team_chat("visit Acme: thanks")
    out = team_chat("leaderboard month")
    assert out.index("🥇  Bo    ¥300K") < out.index("🥈  Ana   ¥100K")
    out = team_chat("排行榜 拜访 本月")
    assert "🥇    Ana   1" in out
    assert "Nothing yet this period." in team_chat("leaderboard last month")


def test_one_workspace_never_sees_another(session_factory):
    ours, theirs = Chat(session_factory, "acme-corp"), Chat(session_factory, "rival-inc")
    ours.team()
    theirs.team()
    ours('deal Acme "ERP" proposal 50k')
    ours("visit Acme: hi")
    assert "Acme" not in theirs("customers")
    reply = theirs.reply("deal #1 negotiation")
    assert not reply.ok and "There is no deal #1." in reply.text
    assert "Open deals: 0" not in theirs("pipeline") and "No open deals." in theirs("pipeline")
    reply = theirs.reply("done 1")
    assert not reply.ok
    assert "Nothing yet" in theirs("leaderboard visits month")
    out = theirs("visit Acme: our own Acme")  # a customer of the same name is their own
    assert "New customer Acme created." in out


def test_a_split_keeps_a_target_set_for_a_rep_by_hand_and_says_so(team_chat):
    team_chat("target @Ana revenue 300k month", user="Mia")
    out = team_chat("target team revenue 1m month split", user="Mia")
    assert "Bo ¥700K" in out and "Kept as set by hand: Ana ¥300K" in out
    assert "Ana ¥300K" in team_chat("target team revenue 1.2m month split", user="Mia")  # again: kept
    out = team_chat("target team revenue 1m month split all", user="Mia")
    assert "Ana ¥500K" in out and "Bo ¥500K" in out and "Kept" not in out
    assert "Ana ¥750K, Bo ¥750K" in team_chat("target team revenue 1.5m month split", user="Mia")


def test_a_team_revenue_target_keeps_the_reps_visit_targets_in_the_team_view(team_chat):
    team_chat("target @Ana visits 20 month", user="Mia")
    team_chat("target @Bo visits 10 month", user="Mia")
    team_chat("target team revenue 1m month", user="Mia")
    out = team_chat("progress team", user="Mia")
    assert "Revenue won" in out and "of ¥1M" in out
    assert "Visits" in out and "of 30" in out  # not dropped by the team's revenue target


def test_targets_lists_mine_or_for_a_manager_the_teams(team_chat):
    assert "No targets set" in team_chat("targets", user="Ana")
    team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat("target team visits 50 quarter", user="Mia")
    mine = team_chat("targets", user="Ana")
    assert "Targets · Ana" in mine and "November 2026" in mine and "¥300K" in mine and "50" not in mine
    team = team_chat("目标", user="Mia")
    assert "目标 · Sales" in team and "2026年第4季度  Sales  拜访  50" in team
    assert "2026年11月     Ana    业绩  ¥30万" in team


def test_a_team_exactly_on_pace_reads_on_pace_not_ahead_by_0(team_chat):
    import datetime as dt

    team_chat.now = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.timezone.utc)  # the month's first working day
    team_chat("target team visits 2 month", user="Mia")
    out = team_chat("progress team", user="Mia")
    assert "0 of 2 · on pace · on course for 0" in out
    assert "needed by today 0" not in out and "ahead by 0" not in out
    assert "0 / 目标 2 · 进度正常" in team_chat("进度 团队", user="Bo", lang="zh")
    team_chat("visit Acme: intro", user="Ana")
    assert "1 of 2 · needed by today 0 · ahead by 1" in team_chat("progress team", user="Mia")
