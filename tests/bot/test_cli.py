"""The command line as an admin or a rep uses it: say, chat, demo, db upgrade, import, export."""
import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from bot.cli import main
from bot.console.chat import ConsoleBot
from bot.demo import seed
from handlers.senders import Defaults
from storage.db import HEAD, make_engine, make_session_factory
from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Target, TeamMember
from storage.models.workspace import Member
from support import salesbot

SALESBOT = [sys.executable, "-m", "bot.cli"]


def run(db_url, *args, stdin=None):
    """`salesbot ARGS` on this database, in this process (a fresh process each time is tested once,
    in test_say_from_another_folder_finds_the_demo_or_says_where_it_looked)."""
    return salesbot(*args, env={"DATABASE_URL": db_url}, stdin=stdin)


@pytest.fixture
def cli(db_url, monkeypatch):
    """Run `salesbot ARGS` in-process against the test database."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    runner = CliRunner()

    def invoke(*args, stdin=None):
        return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)
    return invoke


def count(db_url, model, *where):
    engine = make_engine(db_url)
    with make_session_factory(engine)() as s:
        value = s.scalar(select(func.count()).select_from(model).where(*where))
    engine.dispose()
    return value


def test_say_prints_the_reply_and_exits_0_or_1(db_url):
    ok = run(db_url, "say", "--user", "Ana", "visit Acme: demo; follow up tomorrow")
    assert ok.returncode == 0, ok.stderr
    assert "Visit to Acme logged." in ok.stdout
    bad = run(db_url, "say", "--user", "Ana", "--lang", "zh", "拜访")
    assert bad.returncode == 1
    assert "正确的说法" in bad.stdout and "拜访 华为" in bad.stdout
    assert count(db_url, Visit) == 1


def test_say_refuses_a_database_that_is_behind(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "say", "--user", "Ana", "progress")
    assert result.returncode == 1
    assert "salesbot db upgrade" in result.stderr


def test_db_upgrade_then_say_works(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert f"Database at migration {HEAD}." in run(url, "db", "upgrade").stdout
    assert run(url, "say", "--user", "Ana", "help").returncode == 0


def test_chat_reads_lines_switches_users_and_quits(cli, db_url):
    result = cli("chat", "--user", "Mia", stdin="help\n/user 张伟\n/lang zh\n进度\n42\n/quit\n")
    assert "Welcome to salesbot, Mia!" in result.output
    assert "欢迎使用销售助手，张伟！" in result.output and "我的进度" in result.output
    assert "抱歉，没看懂" in result.output  # `42` says no language: 张伟's
    assert count(db_url, Member) == 2


def test_demo_seeds_a_team_with_history_once(cli, db_url):
    result = cli("demo", "--no-chat")
    assert "Demo data seeded" in result.output
    assert count(db_url, Member) == 6 and count(db_url, TeamMember) == 6
    assert count(db_url, Member, Member.role == "rep") == 5
    for stage in ("lead", "contact", "discovery", "proposal", "negotiation", "won", "lost"):
        assert count(db_url, Deal, Deal.stage == stage) >= 1, stage
    assert count(db_url, Visit) > 300 and count(db_url, Target) > 15
    assert "already there" in cli("demo", "--no-chat").output
    assert count(db_url, Member) == 6
    cli("demo", "--no-chat", "--reset")
    assert count(db_url, Member) == 6


@pytest.mark.parametrize("day", ["2026-12-01", "2027-02-10", "2026-11-30"])
def test_the_demo_has_revenue_this_month_whatever_the_day(session_factory, day):
    now = dt.datetime.fromisoformat(f"{day}T17:00+08:00")
    seed(session_factory, Defaults(), now=now)
    reply = ConsoleBot(session_factory, Defaults()).send("Ana", "progress", now=now)
    revenue = next(line for line in reply.text.splitlines() if "Revenue won" in line)
    assert re.search(r"(?<!\d)0%", revenue) is None, reply.text


def test_the_demo_shows_the_managers_toolkit_on_day_one(session_factory):
    now = dt.datetime.fromisoformat("2026-12-04T09:00+08:00")
    seed(session_factory, Defaults(), now=now)
    bot = ConsoleBot(session_factory, Defaults())
    due = bot.send("Ana", "due visits", now=now)
    assert re.search(r"\(A\) · last visit .* · \d+ days overdue", due.text) and due.buttons  # going cold
    assert "(B)" in due.text
    for text, shown in (("任务", "任务"), ("待回访 团队", "· Ana"), ("绩效 团队 本月", "绩效 · 华东 East"),
                        ("输赢分析 团队 本季度", "输赢分析"), ("竞赛", "🥇"), ("经验", "[报价]")):
        reply = bot.send("王芳", text, now=now)
        assert reply.ok and shown in reply.text, text


def test_demo_opens_the_chat_as_a_demo_user(cli):
    result = cli("demo", "--user", "王芳", stdin="进度 团队\n")
    assert "华东 East · " in result.output and "业绩" in result.output


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_roster_import_creates_members_teams_and_weights(cli, db_url, tmp_path):
    path = write(tmp_path, "roster.csv", "name,role,team,locale,timezone,weight\n"
                 "王芳,manager,华东,zh,Asia/Shanghai,\nAna,rep,华东,en,America/New_York,2\n"
                 "Bo,销售,华东,en,,1\n")
    result = cli("import", "roster", path)
    assert "Imported 3 roster rows" in result.output
    assert count(db_url, Member) == 3 and count(db_url, Member, Member.role == "manager") == 1
    out = cli("say", "--user", "王芳", "目标 团队 业绩 90万 本月 分解").output
    assert "Ana ¥60万, Bo ¥30万" in out  # split 2:1 by weight
    # Bo left: the same roster with his role `inactive` (离职) takes him off the team's split
    path = write(tmp_path, "roster.csv", "name,role,team\nBo,离职,华东\n")
    assert "Imported 1 roster row" in cli("import", "roster", path).output
    assert count(db_url, Member, Member.active.is_(False), Member.role == "rep") == 1
    out = cli("say", "--user", "王芳", "目标 团队 业绩 90万 本月 分解").output
    assert "Ana ¥90万" in out and "Bo" not in out


def test_a_bad_row_is_reported_by_line_and_nothing_is_stored(cli, db_url, tmp_path):
    path = write(tmp_path, "roster.csv", "name,role,timezone\nAna,rep,Asia/Shanghai\n"
                 "Bo,king,\nCy,rep,Mars/Olympus\n")
    result = cli("import", "roster", path)
    assert result.exit_code == 1
    assert "line 3: role “king” is not rep, manager, admin or inactive" in result.output
    assert "line 4: timezone “Mars/Olympus” is unknown" in result.output
    assert "nothing imported (2 problems)" in result.output
    assert count(db_url, Member) == 0


def test_customers_and_targets_import(cli, db_url, tmp_path):
    cli("import", "roster", write(tmp_path, "r.csv", "name,team\nAna,East\n"))
    result = cli("import", "customers", write(
        tmp_path, "c.csv", "name,tier,lifecycle,owner\n华为,A,意向,Ana\nAcme Corp,b,customer,\n"))
    assert "Imported 2 customer rows" in result.output
    assert count(db_url, Customer, Customer.tier == "A") == 1
    result = cli("import", "targets", write(
        tmp_path, "t.csv", "member,team,metric,period,start,amount\n"
        "Ana,,revenue,month,2026-11-15,50万\n,East,visits,quarter,2026-10-01,300\n"))
    assert "Imported 2 target rows" in result.output
    out = cli("export", "targets").output
    assert "Ana,,revenue,month,2026-11-01,500000.00" in out
    assert ",East,visits,quarter,2026-10-01,300.00" in out


def test_targets_import_rejects_unknown_people_and_metrics(cli, db_url, tmp_path):
    cli("import", "roster", write(tmp_path, "r.csv", "name\nAna\n"))
    result = cli("import", "targets", write(
        tmp_path, "t.csv", "member,metric,period,start,amount\nZed,revenue,month,2026-11-01,5\n"
        "Ana,happiness,month,2026-11-01,5\nAna,revenue,fortnight,2026-11-01,5\n"))
    assert result.exit_code == 1
    for line in ("line 2: member “Zed” is unknown", "line 3: metric “happiness”",
                 "line 4: period “fortnight”"):
        assert line in result.output
    assert count(db_url, Target) == 0


def test_export_deals_as_crm_csv(cli, tmp_path):
    cli("say", "--user", "Ana", 'deal Acme "ERP" proposal 50k close 2026-12-20')
    cli("say", "--user", "Ana", "won +华为 4.8万：交付周期短")
    out = tmp_path / "deals.csv"
    assert "Wrote 2 deals" in cli("export", "deals", "--csv", "-o", str(out)).output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["Deal Name"], r["Account Name"], r["Stage"], r["Amount"]) for r in rows] == [
        ("ERP", "Acme", "Proposal", "50000.00"), ("华为", "华为", "Closed Won", "48000.00")]
    assert rows[0]["Closing Date"] == "2026-12-20" and rows[1]["Description"] == "交付周期短"


def test_export_deals_in_several_currencies_names_each_and_its_rate(cli):
    cli("say", "--user", "Ana", 'deal Acme "ERP" proposal 50k')
    cli("say", "--user", "Ana", 'deal Globex "Support" negotiation $20k')
    cli("say", "--user", "Ana", 'deal Initech "Site" lead €10k')
    cli("say", "--user", "Ana", "rate USD 7.123456")  # Ana is the first member: the admin
    rows = list(csv.DictReader(io.StringIO(cli("export", "deals").output)))
    assert [(r["Amount"], r["Currency"], r["Exchange Rate"]) for r in rows] == [
        ("50000.00", "CNY", "1"), ("20000.00", "USD", "7.123456"), ("10000.00", "EUR", "")]


def test_export_scorecards_for_hr_by_period(cli, tmp_path):
    cli("say", "--user", "Mia", "help")  # the admin; Ana and Bo are the reps
    cli("say", "--user", "Ana", "won +Acme 50k: price")
    cli("say", "--user", "Ana", 'deal Globex "CRM" proposal 30k')
    cli("say", "--user", "Bo", "visit Acme: demo")
    month = dt.date.today().strftime("%Y-%m")
    out = tmp_path / "scorecards.csv"
    assert "Wrote 2 scorecards" in cli("export", "scorecards", "--period", month, "-o", str(out)).output
    rows = {r["member"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    ana, bo = rows["Ana"], rows["Bo"]
    assert (ana["revenue"], ana["deals_won"], ana["win_rate"]) == ("50000.00", "1", "1.0000")
    assert (ana["new_leads"], ana["open_pipeline"], bo["visits"]) == ("2", "30000.00", "1")
    assert rows["Bo"]["win_rate"] == "" and rows["Ana"]["period"] == month
    bad = cli("export", "scorecards", "--period", "Q4").output
    assert "give a month (2026-11) or a quarter (2026-Q4)" in bad
    assert "scorecards need --period" in cli("export", "scorecards").output


def test_export_visits(cli):
    cli("say", "--user", "Ana", "visit Acme: demo; next: quote; follow up 2026-12-20")
    [row] = list(csv.DictReader(io.StringIO(cli("export", "visits").output)))
    assert (row["Account Name"], row["Description"], row["Next Step"]) == ("Acme", "demo", "quote")
    assert row["Follow-up Done"] == "no"


def test_export_on_a_database_of_two_slack_workspaces_says_which_to_pick(db_url):
    from storage.models.workspace import Tenant

    with make_session_factory(make_engine(db_url)).begin() as s:
        s.add_all([Tenant(platform="slack", external_id="T1", name="Acme", currency="CNY"),
                   Tenant(platform="slack", external_id="T2", name="Rival", currency="CNY")])
    result = run(db_url, "export", "deals", "--csv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "slack:T1 (Acme), slack:T2 (Rival)" in result.stderr and "--tenant PLATFORM:ID" in result.stderr
    assert run(db_url, "export", "deals", "--tenant", "slack:T2").stdout.startswith("Deal #,Deal Name")


def test_export_takes_the_only_workspace_there_is(db_url):
    from storage.models.workspace import Tenant

    with make_session_factory(make_engine(db_url)).begin() as s:
        s.add(Tenant(platform="slack", external_id="T1", name="Acme", currency="CNY"))
    result = run(db_url, "export", "visits")
    assert result.returncode == 0 and result.stdout.startswith("Subject,Account Name")


def test_the_procfile_release_step_is_the_migration_command():
    procfile = (Path(__file__).parents[2] / "Procfile").read_text()
    assert "release: salesbot db upgrade" in procfile


def test_jobs_lists_each_teams_schedule_and_run_job_sends_once(cli):
    for user in ("Mia", "Ana", "Bo"):  # Mia is the admin; Ana and Bo reps of the team "Sales"
        cli("say", "--user", user, "help")
    cli("say", "--user", "Mia", "schedule digest fri 16:30")
    listing = cli("jobs").output
    assert "Sales (Asia/Shanghai, calendar CN)" in listing
    assert "standup      09:30 workdays  next " in listing
    assert "digest       16:30 Fri       next Fri " in listing
    first = cli("run-job", "standup", "--team", "sales")
    assert first.output.startswith("standup for sales: 2 new messages queued")
    assert "0 new messages" in cli("run-job", "standup", "--team", "Sales").output
    pending = cli("deliveries").output
    assert pending.count("standup-prompt:") == 2 and "→ console:user:Ana" in pending
    unknown = cli("run-job", "standup", "--team", "Nowhere")
    assert unknown.exit_code == 1 and "No standup job for a team named Nowhere" in unknown.output


def test_inbox_shows_what_waits_and_what_failed_and_retry_queues_it_again(cli, db_url):
    from storage.inbox import InboxRepository
    from storage.models.base import utcnow
    from storage.models.messaging import InboxItem

    assert cli("inbox").output == "No chat request waiting.\n"
    with make_session_factory(make_engine(db_url)).begin() as s:
        repo = InboxRepository(s)
        repo.put(key="slack:Ev1:direct_message", platform="slack", payload={}, now=utcnow())
        broken = repo.put(key="wecom:msg:42", platform="wecom", payload={}, now=utcnow())
        s.get(InboxItem, broken).attempts = 3  # what a worker leaves after its last attempt
        repo.fail(broken, "WeChatClientException: 60011 no privilege")
    listing = cli("inbox").output.splitlines()
    assert listing[0].startswith("Chat requests waiting for a worker: 1 (the oldest received 20")
    assert listing[1].startswith("failed   wecom:msg:42  received 20")
    assert listing[1].endswith("tries 3  (WeChatClientException: 60011 no privilege)")
    assert cli("inbox", "retry").output == "Failed chat requests queued again: 1.\n"
    assert cli("inbox").output.startswith("Chat requests waiting for a worker: 2 ")


@pytest.mark.slow
def test_say_from_another_folder_finds_the_demo_or_says_where_it_looked(tmp_path, monkeypatch):
    from bot.settings import Settings

    monkeypatch.delenv("SALESBOT_DATA_DIR")  # the tests' own (conftest.py), for this one look
    assert Settings().data_dir == Path(__file__).parents[2] / "data"  # the checkout's, from any folder
    monkeypatch.undo()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SALESBOT_DATA_DIR"] = str(tmp_path / "nowhere")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    said = subprocess.run([*SALESBOT, "say", "--user", "Ana", "progress"], env=env, cwd=elsewhere,
                          capture_output=True, text=True, timeout=60)
    assert said.returncode == 1
    assert f"No salesbot database at {tmp_path / 'nowhere' / 'salesbot.sqlite3'}" in said.stderr
    assert "`make demo` or `salesbot demo` creates the demo there" in said.stderr
    env["SALESBOT_DATA_DIR"] = str(tmp_path / "data")
    subprocess.run([*SALESBOT, "demo", "--no-chat"], env=env, cwd=tmp_path, check=True, timeout=120,
                   capture_output=True)
    said = subprocess.run([*SALESBOT, "say", "--user", "Ana", "progress"], env=env, cwd=elsewhere,
                          capture_output=True, text=True, timeout=60)
    assert said.returncode == 0 and "Your progress" in said.stdout
