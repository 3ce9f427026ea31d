"""Teams, roles, leave, help, bad input, and the message catalog."""
import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from handlers.grammar import commands as c
from handlers.grammar.intents import INTENTS, usage
from handlers.grammar.reading import parse
from handlers.text.reply import Button
from handlers.text.strings import MESSAGES
from handlers.use_cases import HANDLERS
from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Leave, Team, TeamDestination, TeamMember
from storage.models.workspace import AuditLog, Member
from support import audit_trail


def test_first_member_is_admin_and_later_ones_are_reps_of_the_default_team(chat):
    out = chat("help", user="Mia")
    assert "Welcome to salesbot, Mia!" in out
    chat("帮助", user="张伟")
    with chat.session_factory() as s:
        roles = dict(s.execute(select(Member.display_name, Member.role)).all())
        members = s.scalar(select(func.count()).select_from(TeamMember))
        [team] = s.scalars(select(Team)).all()
    assert roles == {"Mia": "admin", "张伟": "rep"}
    assert members == 1 and team.name == "Sales" and team.holiday_calendar == "CN"  # the admin: in none


def test_admin_creates_a_team_and_moves_people(team_chat):
    assert "Team East created." in team_chat("team create East #east-sales", user="Mia")
    assert "Added to East: Ana, Bo" in team_chat("team add East @ana @bo", user="Mia")
    out = team_chat("team", user="Ana")
    assert "East Slack #east-sales — Ana, Bo" in out
    assert "Removed from East: Bo" in team_chat("team remove East @Bo", user="Mia")
    with team_chat.session_factory() as s:
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["team.create", "team.add", "team.remove"]


def test_chinese_team_admin(team_chat):
    assert "团队华东已创建。" in team_chat("团队 新建 华东 #华东销售", user="Mia")
    assert "已加入华东：Ana" in team_chat("团队 添加 华东 @Ana", user="Mia")
    reply = team_chat.reply("团队 新建 华东", user="Mia")
    assert not reply.ok and "已有名为华东的团队" in reply.text


def test_a_manager_sets_the_stall_limit_timezone_and_calendar_of_their_team(team_chat):
    assert "after 21 days without change" in team_chat("team set Sales stall 21", user="Mia")
    assert "Sales的时区已设为 America/New_York" in team_chat("团队 设置 Sales 时区 America/New_York",
                                                          user="Mia")
    assert "follows the US holiday calendar" in team_chat("team set Sales calendar us", user="Mia")
    with team_chat.session_factory() as s:
        team = s.scalar(select(Team))
    assert (team.stall_days, team.timezone, team.holiday_calendar) == (21, "America/New_York", "US")
    for text, problem in (("team set Sales stall 0", "from 1 to 365"),
                          ("team set Sales timezone Mars/Base", "is not a timezone"),
                          ("team set Sales calendar XX", "is not a holiday calendar")):
        reply = team_chat.reply(text, user="Mia")
        assert not reply.ok and problem in reply.text
    reply = team_chat.reply("team set Sales stall 7", user="Ana")
    assert not reply.ok and "only a manager" in reply.text


def test_a_manager_moves_the_teams_slack_channel(team_chat):
    assert "Sales now posts to #sales-wins on Slack." in team_chat("team set Sales channel #sales-wins",
                                                                    user="Mia")
    assert "Sales Slack #sales-wins — " in team_chat("team", user="Ana")
    assert "Sales的团队消息将发到Slack #销售" in team_chat("团队 设置 Sales 频道 #销售", user="Mia")
    reply = team_chat.reply("team set Sales channel sales", user="Mia")
    assert not reply.ok and "“sales” is no Slack place for team posts" in reply.text
    assert "a channel named with #, e.g. #east-sales" in reply.text
    reply = team_chat.reply("团队 设置 Sales 群 销售群", user="Mia")
    assert not reply.ok
    assert "“销售群”不是有效的企业微信团队消息目标：chat:群聊ID 或 webhook:机器人KEY" in reply.text
    with team_chat.session_factory() as s:
        assert s.execute(select(TeamDestination.platform, TeamDestination.address)).all() == [
            ("slack", "channel:#销售")]


def test_a_team_posts_to_slack_and_wecom_at_once_and_either_can_be_turned_off(team_chat):
    team_chat("team set Sales channel #sales", user="Mia")
    reply = team_chat("team set Sales wecom webhook:KEY1", user="Mia")
    assert "Sales now posts to webhook:KEY1 on WeCom." in reply
    assert "Sales Slack #sales, WeCom webhook:KEY1 — " in team_chat("team", user="Ana")
    assert "Sales no longer posts to Slack." in team_chat("team set Sales channel off", user="Mia")
    assert "Sales的团队消息不再发到企业微信。" in team_chat("团队 设置 Sales 企业微信 关闭", user="Mia")
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(TeamDestination)) == 0
    reply = team_chat.reply("team set Sales wecom off", user="Ana")  # a rep
    assert not reply.ok and "only a manager" in reply.text


def test_the_stall_limit_decides_which_deals_are_stalled(team_chat):
    team_chat.now -= dt.timedelta(days=10)
    team_chat('deal Acme "Old" proposal 50k')
    team_chat.now += dt.timedelta(days=10)
    assert "No stalled deals." in team_chat("stalled")
    team_chat("team set Sales stall 7", user="Mia")
    assert "#1 Acme · Old" in team_chat("stalled")


def test_only_admins_create_teams_and_change_roles(team_chat):
    for text in ("team create West", "role @Bo manager"):
        reply = team_chat.reply(text, user="Ana")
        assert not reply.ok and "only an admin" in reply.text
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Team)) == 1
        assert s.scalar(select(Member.role).where(Member.display_name == "Bo")) == "rep"


def test_role_change_and_the_last_admin_is_kept(team_chat):
    assert "Bo is now manager." in team_chat("role @bo manager", user="Mia")
    assert "Bo的角色已改为经理。" in team_chat("角色 @Bo 经理", user="Mia")
    reply = team_chat.reply("role @Mia rep", user="Mia")
    assert not reply.ok and "only admin" in reply.text


def test_a_member_who_left_is_set_inactive_and_brought_back(team_chat):
    team_chat("visit Acme: intro", user="Bo")
    out = team_chat("role @Bo inactive", user="Mia")
    assert "Bo is now inactive: no longer in rosters" in out and "`role @Bo rep`" in out
    teams = team_chat("team", user="Mia")
    assert "Ana" in teams and "Bo" not in teams
    assert "Bo" not in team_chat("leaderboard visits", user="Mia")
    # Bo's own messages are answered, in his language, and change nothing
    reply = team_chat.reply("visit Beta: second", user="Bo")
    assert not reply.ok and "Your salesbot account is inactive. Ask an admin (Mia)" in reply.text
    assert "你的 salesbot 账号已停用" in team_chat.reply("拜访 华为：介绍", user="Bo").text
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1  # his first visit stays
        assert s.scalar(select(Member.active).where(Member.display_name == "Bo")) is False
    assert "Bo is now rep." in team_chat("role @Bo rep", user="Mia")
    assert "Visit to Beta logged." in team_chat("visit Beta: second", user="Bo")
    assert "Bo" in team_chat("team", user="Mia")


def test_only_an_admin_sets_someone_inactive_and_never_the_last_admin(team_chat):
    reply = team_chat.reply("role @Bo inactive", user="Ana")
    assert not reply.ok and "only an admin" in reply.text
    reply = team_chat.reply("角色 @Mia 停用", user="Mia")
    assert not reply.ok and "Mia是唯一的管理员" in reply.text
    assert "Ana已停用：不再出现在团队名单" in team_chat("角色 @Ana 停用", user="Mia")
    assert "Bo is now inactive" in team_chat("role @Bo left", user="Mia")
    with team_chat.session_factory() as s:
        assert dict(s.execute(select(Member.display_name, Member.active)).all()) == {
            "Mia": True, "Ana": False, "Bo": False}


def test_unknown_people_and_teams_are_named_in_the_reply(team_chat):
    reply = team_chat.reply("role @Zed manager", user="Mia")
    assert not reply.ok and "I don't know anyone called “Zed”." in reply.text
    reply = team_chat.reply("team add Nowhere @Ana", user="Mia")
    assert not reply.ok and "There is no team “Nowhere”. Teams: Sales" in reply.text


def test_leave_is_stored_and_a_past_leave_refused(team_chat):
    assert "Leave noted: Thu, Dec 24 – Thu, Dec 31." in team_chat("leave 12/24-12/31")
    assert "已登记请假：12月24日周四 – 12月31日周四。" in team_chat("请假 12月24日-12月31日", user="Bo")
    reply = team_chat.reply("leave 2026-11-01-2026-11-02")
    assert not reply.ok and "ends in the past" in reply.text
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Leave)) == 2


@pytest.mark.parametrize("text, expected", [
    ("visit", "visit Acme Corp: met the CTO"),
    ("拜访", "拜访 华为：见了采购总监"),
    ("target @ana lots", "target @ana revenue 500k month"),
    ("目标 一些", "目标 @张三 业绩 50万 本月"),
    ("visit Acme: demo; follow up someday", "I couldn't read “someday” as a date"),
    ("拜访 华为：演示；跟进 改天", "没认出日期“改天”"),
    ("what's up", "Sorry, I didn't get that"),
    ("今天天气怎么样", "抱歉，没看懂"),
])
def test_bad_input_gets_the_right_form_in_the_users_language_and_stores_nothing(
        team_chat, text, expected):
    reply = team_chat.reply(text)
    assert not reply.ok
    assert expected in reply.text
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


@pytest.mark.parametrize("text, lang", [("what's up", "en"), ("今天天气怎么样", "zh")])
def test_a_message_not_understood_shows_a_rep_the_forms_reps_type_most(team_chat, text, lang):
    """A task, a follow-up pushed and an undo are what reps asked for most when not understood
    (round 24): each shown with a visit, a deal and a win, in the rep's language."""
    shown = team_chat(text)
    for topic in ("visit", "deal", "won", "task", "snooze", "undo", "progress"):
        assert f"  {usage(topic, lang)[0]}\n" in shown + "\n", topic
    assert len(shown.splitlines()) <= 10


def test_help_fits_one_phone_screen_for_each_role_and_reps_see_no_managers_commands(team_chat):
    team_chat("role @Bo manager", user="Mia")
    rep, manager, admin = (team_chat("help", user=who) for who in ("Ana", "Bo", "Mia"))
    for out in (rep, manager, admin, team_chat("帮助", user="Ana")):
        assert len(out.splitlines()) <= 18, out
    for topic in ("visit", "deal", "won", "progress", "leave", "undo"):
        assert usage(topic, "en")[0] in rep
    for command in ("target @ana", "reassign", "team create", "contest"):
        assert command not in rep
    assert usage("target", "en")[0] in manager and "Everyday: visit · deal" in manager
    assert "Admin: team create · role" not in manager and "Admin: team create · role" in admin
    assert "管理员：团队 新建 · 角色" in team_chat("帮助", user="Mia")


def test_help_with_any_command_word_shows_its_examples(team_chat):
    assert "商机 华为 商务谈判" in team_chat("帮助 商机")
    for word, example in (("merge", 'customer "Acme Crop" merge into Acme Corp'),
                          ("history", "deal #12 history"), ("delete", "deal #12 delete"), ("undo", "undo"),
                          ("reopen", "deal #12 reopen"),
                          ("合并", "客户 华为技术 合并到 华为"), ("历史", "商机 #12 历史")):
        out = team_chat(f"help {word}" if word.isascii() else f"帮助 {word}", user="Ana")
        assert example in out and "What you can say" not in out and len(out.splitlines()) < 10, (word, out)
    out = team_chat("help mrege", user="Ana")  # a slip of a finger
    assert "“merge” is used so:" in out and 'customer "Acme Crop" merge into Acme Corp' in out
    out = team_chat("help zzz", user="Ana")
    assert "No command uses “zzz”." in out and "visit Acme Corp" in out


#: A button that says no language (its command, no words): answered in the member's
PROGRESS = Button("progress", "progress", action=c.ShowProgress())


def test_a_new_member_who_starts_in_chinese_keeps_chinese(chat):
    chat("帮助", user="李娜")
    assert "我的进度" in chat.press(PROGRESS, user="李娜").text
    assert "Your progress" in chat("progress", user="李娜")  # English words: English (round 17)
    assert "销售团队" in chat("team", user="李娜")  # the first member named the default team


def test_a_chinese_member_gets_chinese_replies_to_what_says_no_language(team_chat):
    team_chat("help", user="张伟", lang="zh")
    assert "我的进度" in team_chat.press(PROGRESS, user="张伟").text
    assert team_chat.reply("42", user="张伟").locale == "zh"


def test_every_message_exists_in_both_languages_with_the_same_placeholders():
    for key, (english, chinese) in MESSAGES.items():
        assert english and chinese, key
        field = r"{(\w+)(?::[^{}]*)?}"  # `{customers:customer|customers}`: a number said with its noun
        assert set(re.findall(field, english)) == set(re.findall(field, chinese)), key


def test_a_member_chooses_the_language_of_replies(team_chat):
    assert "以后用中文回复你" in team_chat("language zh")
    assert "我的进度" in team_chat.press(PROGRESS).text
    assert "I'll answer you in English" in team_chat("语言 英文")
    assert "Your progress" in team_chat.press(PROGRESS).text
    reply = team_chat.reply("language klingon")
    assert not reply.ok and "language zh" in reply.text


def _two_teams(chat):
    """Mia (admin); North managed by Max with rep Nia; South with rep Sam; Ana in no team."""
    chat.team(reps=("Max", "Nia", "Sam", "Ana"))
    for line in ("team create North #north", "team create South #south", "role @Max manager",
                 "team add North @Max @Nia", "team add South @Sam"):
        assert chat.reply(line, user="Mia").ok
    assert chat.reply("team remove Sales @Max @Nia @Sam @Ana", user="Mia").ok


def test_a_manager_adds_only_reps_in_no_team_or_already_theirs(chat):
    _two_teams(chat)
    assert "Added to North: Ana" in chat("team add North @Ana", user="Max")
    assert chat.reply("team add North @Nia", user="Max").ok  # already theirs
    for name, why in (("Sam", "is in team South; moving people between teams is for an admin (Mia)"),
                      ("Mia", "Mia is an admin: only an admin can do that")):
        reply = chat.reply(f"team add North @{name}", user="Max")
        assert not reply.ok and why in reply.text
    assert not chat.reply("progress @Sam", user="Max").ok  # so their numbers stay out of reach
    assert "已加入North：Sam" in chat("团队 添加 North @Sam", user="Mia")  # an admin may move them
    with chat.session_factory() as s:
        north = s.scalar(select(Team).where(Team.name == "North"))
        names = set(s.scalars(select(Member.display_name).join(TeamMember)
                              .where(TeamMember.team_id == north.id)))
    assert names == {"Max", "Nia", "Ana", "Sam"}


def test_a_manager_cannot_change_roles(chat):
    _two_teams(chat)
    reply = chat.reply("role @Nia manager", user="Max")
    assert not reply.ok and "admin" in reply.text.lower()


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_concurrent_first_messages_make_exactly_one_admin(session_factory):
    """A workspace known (an install) but with nobody in it yet: eight people write at once."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.console.chat import ConsoleBot
    from storage.models.workspace import Tenant

    with session_factory.begin() as s:
        s.add(Tenant(platform="console", external_id="race", name="race", currency="CNY"))
    bot = ConsoleBot(session_factory, tenant="race")
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(lambda n: bot.send(f"user{n}", "help"), range(8)))
    assert all(r.ok for r in replies)
    with session_factory() as s:
        roles = s.scalars(select(Member.role)).all()
    assert sorted(roles) == ["admin"] + ["rep"] * 7


def test_a_team_name_with_spaces_can_be_addressed(team_chat):
    assert "Team East Coast created." in team_chat("team create East Coast #east-coast", user="Mia")
    assert "Added to East Coast: Ana" in team_chat('team add "East Coast" @Ana', user="Mia")
    assert "Added to East Coast: Bo" in team_chat("team add East Coast @Bo", user="Mia")
    assert "21" in team_chat("team set East Coast stall 21", user="Mia")
    with team_chat.session_factory() as s:
        team = s.scalar(select(Team).where(Team.name == "East Coast"))
    assert team.stall_days == 21


def test_a_backwards_leave_is_refused_and_one_over_new_year_is_kept(team_chat):
    reply = team_chat.reply("leave 12/31-12/24")
    assert not reply.ok and "“12/31-12/24” ends before it starts" in reply.text
    assert "请先写开始日期" in team_chat("请假 12月31日-12月24日")
    with team_chat.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Leave)) == 0
    assert "Leave noted" in team_chat("leave 12/28-1/3")
    with team_chat.session_factory() as s:
        leave = s.scalar(select(Leave))
    assert (leave.first_day, leave.last_day) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))


def test_leave_is_listed_cancelled_and_recorded_by_a_manager_for_a_rep(team_chat):
    assert "No leave coming up." in team_chat("leave", user="Ana")
    team_chat("leave 12/24-12/31", user="Ana")
    assert "Thu, Dec 24 – Thu, Dec 31" in team_chat("leave", user="Ana")
    assert "Leave of Ana cancelled" in team_chat("leave cancel", user="Ana")  # (r21: no day: that one leave)
    assert "No leave coming up." in team_chat("leave", user="Ana")
    assert "Leave noted for Bo" in team_chat("leave @Bo 12/28-1/3", user="Mia")
    assert "请假 · Bo" in team_chat("请假 @Bo", user="Mia")
    reply = team_chat.reply("leave @Bo 12/1-12/2", user="Ana")
    assert not reply.ok  # a rep records only their own
    with team_chat.session_factory() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.action.like("leave.%"))
                             .order_by(AuditLog.id)).all()
    assert actions == ["leave.add", "leave.cancel", "leave.add"]


def test_a_manager_merges_a_duplicate_customer_renames_and_changes_owners(team_chat):
    team_chat("visit Acme Corp: intro", user="Ana")
    team_chat("visit +Acme Crop: typo visit", user="Bo")
    team_chat('deal Acme Crop "Pilot" proposal 10k', user="Bo")
    assert not team_chat.reply('customer "Acme Crop" merge into Acme Corp', user="Ana").ok  # a rep
    out = team_chat('customer "Acme Crop" merge into "Acme Corp"', user="Mia")
    assert "Acme Crop merged into Acme Corp: 1 visit and 1 deal moved." in out
    with team_chat.session_factory() as s:
        names = s.scalars(select(Customer.name)).all()
        assert names == ["Acme Corp"] and {c for c in s.scalars(select(Visit.customer_id))} == {1}
    out = team_chat("customer Acme Corp rename Acme Corporation", user="Mia")
    assert "Acme Corp is now called Acme Corporation." in out
    assert "Acme Corporation的负责人改为Bo。" in team_chat("客户 Acme Corporation 负责人 @Bo", user="Mia")
    assert not team_chat.reply("customer Nobody merge into Acme Corporation", user="Mia").ok


def test_a_leavers_customers_and_open_deals_are_reassigned(team_chat):
    team_chat("deal Acme proposal 50k", user="Bo")
    team_chat("deal Initech lead 5k", user="Bo")
    team_chat("won Initech 5k", user="Bo")
    team_chat("role @Bo inactive", user="Mia")
    out = team_chat("reassign @Bo to @Ana", user="Mia")
    assert "Bo's 2 customers and 1 open deal now belong to Ana." in out
    with team_chat.session_factory() as s:
        owners = dict(s.execute(select(Deal.stage, Deal.owner_id)).all())
        ana = s.scalar(select(Member.id).where(Member.display_name == "Ana"))
        bo = s.scalar(select(Member.id).where(Member.display_name == "Bo"))
    assert owners == {"proposal": ana, "won": bo}  # a won deal stays Bo's: it is his result
    assert not team_chat.reply("转交 @Ana 给 @Mia", user="Ana").ok


def test_every_command_an_intent_declares_for_managers_or_admins_is_refused_to_a_rep(team_chat):
    """The role in `handlers.grammar.intents` is what is enforced: each declared example that needs a
    role, sent by a rep, is refused in their language and changes nothing."""
    refusals = {"manager": ("Sorry, only a manager can do that.", "抱歉，只有经理可以这样操作。"),
                "admin": ("Sorry, only an admin can do that.", "抱歉，只有管理员可以这样操作。")}
    checked = 0
    for intent in INTENTS:
        for zh, examples in enumerate(intent.usage):
            for example in examples:
                command = parse(example, dt.date(2026, 12, 3))
                role = HANDLERS[type(command)].needs(command)
                if role == "rep":
                    continue
                before = audit_trail(team_chat)
                reply = team_chat.reply(example, user="Ana")
                assert not reply.ok and refusals[role][zh] in reply.text, example
                assert audit_trail(team_chat) == before, example
                checked += 1
    assert checked >= 16  # targets, customer fixes, reassign, team create, roles, rates, calendar
