"""Customer care by tier through the console, on SQLite and PostgreSQL: the revisit rhythm a
manager sets, who is due a visit, the morning to-do list and the weekly digest."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.sales import Customer, Task, Visit
from storage.models.team import Team
from storage.models.workspace import AuditLog, Member
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _history(team_chat):
    """Ana's Acme (A) last visited 20 days ago, Globex (B) 10 days ago; Bo's 华为 (A) 15 days ago."""
    start = team_chat.now
    for days, text, user in ((20, "visit Acme: demo", "Ana"), (10, "visit Globex: intro", "Ana"),
                             (15, "拜访 华为：见面", "Bo")):
        team_chat.now = start - dt.timedelta(days=days)
        team_chat(text, user=user)
    team_chat.now = start
    for text in ("customer Acme tier A", "customer Globex tier B", "客户 华为 A类"):
        team_chat(text, user="Mia")


def test_due_visits_follow_each_tiers_rhythm_and_a_manager_changes_it(team_chat, session_factory):
    _history(team_chat)
    out = team_chat("due visits")
    assert "Customers due a visit" in out and "Acme (A) · last visit" in out and "6 days overdue" in out
    assert "Globex" not in out  # B: every 30 days
    assert "A every 14 days · B every 30 days · C every 90 days" in out
    assert "Sales: B-tier customers are now due a visit every 7 days." in team_chat("tier B every 7 days",
                                                                                    user="Mia")
    assert "Globex (B)" in team_chat("due visits") and "3 days overdue" in team_chat("due visits")
    assert team_chat("A类 每30天回访", user="Mia", lang="zh") == "Sales：A类客户改为每30天回访一次。"
    assert "Acme" not in team_chat("due visits", lang="en")
    with session_factory() as s:
        assert s.scalar(select(Team.settings))["tier_days"] == {"A": 30, "B": 7, "C": 90}
        assert s.scalars(select(AuditLog.detail).where(AuditLog.action == "team.tier_days")
                         .order_by(AuditLog.id)).all() == [{"tier": "B", "before": "30", "after": "7"},
                                                           {"tier": "A", "before": "14", "after": "30"}]


def test_a_due_visit_is_one_tap_away_for_the_rep_and_a_task_for_the_manager(team_chat, session_factory):
    _history(team_chat)
    mine = team_chat.reply("due visits")
    [visited] = mine.buttons
    assert (visited.label, visited.command) == ("✓ Acme", "visit Acme")
    assert team_chat.press(visited).text == "Visit to Acme logged."
    assert "Acme" not in team_chat("due visits")  # visited today: due again in 14 days
    team = team_chat.reply("due visits team", user="Mia")
    assert [(b.label, b.command) for b in team.buttons] == [
        ("📌 Bo: 华为", "task @Bo customer 华为: Visit 华为")]
    given = team_chat.press(team.buttons[0], user="Mia")
    assert given.title == "Task #1: Visit 华为" and ("For", "Bo") in given.fields
    again = team_chat.press(team.buttons[0], user="Mia")  # pressed twice: one task
    assert again.text == "Bo already has this task open: #1 Visit 华为"
    assert not team_chat.press(team.buttons[0], user="Ana").ok  # a rep cannot give Bo a task
    with session_factory() as s:
        last = s.execute(select(Member.display_name, Customer.name, Visit.notes).select_from(Visit)
                         .join(Customer).join(Member, Member.id == Visit.member_id)
                         .order_by(Visit.id.desc())).first()
        assert tuple(last) == ("Ana", "Acme", "")
        tasks = s.execute(select(Task.title, Member.display_name, Customer.name).join(
            Member, Member.id == Task.assignee_id).join(Customer, Customer.id == Task.customer_id)).all()
    assert tasks == [("Visit 华为", "Bo", "华为")]
    zh = team_chat.reply("待回访 团队", user="Mia", lang="zh")
    assert zh.buttons[0].command == "任务 @Bo 客户 华为: 回访华为" and "点 📌" in zh.text


def test_only_managers_set_rhythms_and_only_for_their_teams(team_chat, session_factory):
    assert team_chat("tier A every 7 days") == "Sorry, only a manager can do that."
    assert team_chat("A类 每7天回访", lang="zh") == "抱歉，只有经理可以这样操作。"
    assert "Give a rhythm between 1 and 365 days." in team_chat("tier A every 400 days", user="Mia")
    with session_factory() as s:
        assert "tier_days" not in (s.scalar(select(Team.settings)) or {})


def test_a_managers_team_view_and_the_morning_list_and_weekly_digest(team_chat, session_factory):
    _history(team_chat)
    team = team_chat("due visits team", user="Mia")
    assert "Your team's customers due a visit" in team
    assert team.index("Acme (A)") < team.index("华为 (A)") and "· Ana" in team and "· Bo" in team
    assert team_chat("due visits team", lang="en") == "Sorry, only a manager can do that."
    with session_factory() as s:
        specs = {p.kind: p for p in plan(s)}
    fire(session_factory, specs["followups"], dt.datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI))
    fire(session_factory, specs["digest"], dt.datetime(2026, 11, 27, 17, 0, tzinfo=SHANGHAI))
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.target, Delivery.payload).order_by(Delivery.id)).all()
    morning = {target: from_payload(payload).text for key, target, payload in rows
               if key.startswith("followups")}
    assert "Due visits" in morning["user:Ana"] and "Acme (A)" in morning["user:Ana"]
    assert "华为 (A)" in morning["user:Bo"]
    [digest] = [from_payload(p).text for key, target, p in rows if key.startswith("digest-weekly")
                and not key.endswith(":chart")]
    assert "Customers going cold: 2" in digest and "Acme (A)" in digest and "· Ana" in digest
