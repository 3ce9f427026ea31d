"""Who reaches whom: the team everyone starts in is no back door, the admin is outside every
manager's reach, and managers act on the customers of the teams they manage only. And the first
minutes: a first `hi` is welcomed, the first person is told they are the admin, a manager is
told who joined their team."""
from sqlalchemy import select

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.sales import Customer, Deal
from storage.models.team import Team, TeamMember
from storage.models.workspace import Member


def _teams_of(session_factory, name: str) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(Team.name).join(TeamMember, TeamMember.team_id == Team.id)
                              .join(Member, Member.id == TeamMember.member_id)
                              .where(Member.display_name == name).order_by(Team.name)))


def _east(chat):
    """Mia (admin), Max made manager of East, Ana placed in East, Bo left in Sales."""
    chat.team(reps=("Max", "Ana", "Bo"))
    for line in ("team create East", "role @Max manager", "team add East @Max @Ana"):
        assert chat.reply(line, user="Mia").ok


def test_the_admin_is_in_no_team_and_adding_someone_moves_them_out_of_the_default_team(chat):
    chat.team(reps=("Ana",))
    assert _teams_of(chat.session_factory, "Mia") == []
    chat("team create East", user="Mia")
    out = chat("team add East @Ana", user="Mia")
    assert "Added to East: Ana" in out and "Ana left Sales, the team everyone starts in." in out
    assert _teams_of(chat.session_factory, "Ana") == ["East"]
    assert "Pipeline · Sales" in chat("pipeline team", user="Mia")  # the admin still reads the default team


def test_a_manager_sharing_a_team_with_the_admin_cannot_reach_them(chat):
    chat.team(reps=("Max",))
    chat("role @Max manager", user="Mia")
    chat("team add Sales @Mia", user="Mia")  # the admin joins a team of their own will
    chat('deal Acme "ERP" proposal 500k', user="Mia")
    assert not chat.reply("progress @Mia", user="Max").ok
    reassign = chat.reply("reassign @Mia to @Max", user="Max")
    assert not reassign.ok
    remove = chat.reply("team remove Sales @Mia", user="Max")
    assert not remove.ok and "Mia is an admin" in remove.text
    with chat.session_factory() as s:
        assert s.scalar(select(Member.display_name).join(Deal, Deal.owner_id == Member.id)) == "Mia"
    assert _teams_of(chat.session_factory, "Mia") == ["Sales"]


def test_a_manager_has_no_reach_over_people_the_admin_placed_in_another_team(chat):
    _east(chat)
    chat("team create West", user="Mia")
    chat("team add West @Bo", user="Mia")
    assert not chat.reply("progress @Bo", user="Max").ok
    assert not chat.reply("reassign @Bo to @Ana", user="Max").ok
    assert chat.reply("progress @Ana", user="Max").ok


def test_a_manager_pulls_in_a_rep_only_in_the_default_team_who_then_leaves_it(chat):
    _east(chat)
    out = chat("team add East @Bo", user="Max")
    assert "Added to East: Bo" in out and "Bo left Sales" in out
    assert _teams_of(chat.session_factory, "Bo") == ["East"]


def test_managers_fix_only_customers_of_the_teams_they_manage(chat):
    _east(chat)
    chat("team create West", user="Mia")
    chat("team add West @Bo", user="Mia")
    chat("visit W2Co: demo", user="Bo")
    chat("visit W3Co: demo", user="Bo")
    chat("visit W4Co: demo", user="Bo")
    chat("visit E1Co: demo", user="Ana")
    for line in ('customer "W2Co" merge into "E1Co"', "customer W3Co rename Mine", "customer W4Co owner @Ana",
                 "customer W4Co tier A"):
        reply = chat.reply(line, user="Max")
        assert not reply.ok, line
        assert "W" in reply.text and "is Bo's, of a team you don't manage" in reply.text, reply.text
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.name, Customer.tier)).all())
        owners = set(s.scalars(select(Member.display_name).join(Customer, Customer.owner_id == Member.id)
                               .where(Customer.name.like("W%"))))
    assert set(names) == {"W2Co", "W3Co", "W4Co", "E1Co"} and names["W4Co"] is None and owners == {"Bo"}
    assert chat.reply("customer E1Co rename E1 Corp", user="Max").ok  # their own team's: fine
    assert chat.reply('customer "W2Co" merge into "W3Co"', user="Mia").ok  # the admin: anywhere


def test_a_first_hi_is_welcomed_and_the_first_person_is_told_they_are_the_admin(chat):
    first = chat("hi", user="Mia")
    assert "Welcome to salesbot, Mia!" in first and "you are the admin" in first
    assert "didn't get that" not in first
    second = chat("你好", user="张伟")
    assert "欢迎使用销售助手，张伟！" in second and "没看懂" not in second and "管理员：" not in second
    assert "didn't get that" in chat("hi", user="Mia")  # only the first time


def test_the_teams_manager_is_told_who_joined(chat):
    chat.team(reps=("Max",))
    chat("role @Max manager", user="Mia")
    chat("hi", user="Ana")  # joins Sales, whose manager is Max
    with chat.session_factory() as s:
        told = [(row.target, from_payload(row.payload).text)
                for row in s.scalars(select(Delivery).where(Delivery.key.startswith("joined:")))]
    assert ("user:Mia", "Max started using salesbot and joined Sales.") in told  # no manager then: the admin
    assert ("user:Max", "Ana started using salesbot and joined Sales.") in told
    assert not [t for t in told if t[0] == "user:Mia" and "Ana" in t[1]]


def _sales_managed_by_zhang(chat):
    """Mia (admin); 张伟 manager of Sales, the default team (his only team), with Ana; Tom manager of
    West; Bo in West."""
    chat.team(reps=("张伟", "Tom", "Ana", "Bo"))
    for line in ("role @张伟 manager", "role @Tom manager", "team add Sales @张伟", "team create West",
                 "team add West @Tom @Bo"):
        assert chat.reply(line, user="Mia").ok, line


def test_a_manager_cannot_pull_people_out_of_a_default_team_that_has_its_manager(chat):
    _sales_managed_by_zhang(chat)
    out = chat.reply("team add West @Ana", user="Tom")
    assert not out.ok
    assert "Ana is in team Sales; moving people between teams is for an admin (Mia)" in out.text
    zh = chat.reply("团队 添加 West @Ana", user="Tom", lang="zh")
    assert not zh.ok and "在团队之间调人需要管理员（Mia）来做" in zh.text, zh.text
    assert _teams_of(chat.session_factory, "Ana") == ["Sales"]
    for line in ("target @Ana revenue 1 month", "task @Ana call Acme by Fri", "progress @Ana"):
        assert not chat.reply(line, user="Tom").ok, line


def test_a_manager_whose_only_team_is_the_default_team_reaches_only_it(chat):
    _sales_managed_by_zhang(chat)
    assert chat.reply("target @Ana revenue 900k month", user="张伟").ok
    for line in ("target @Bo revenue 900k month", "task @Bo call Acme by Fri", "reassign @Bo to @Ana"):
        assert not chat.reply(line, user="张伟").ok, line
    pull = chat.reply("team add Sales @Bo", user="张伟")
    assert not pull.ok and "moving people between teams is for an admin" in pull.text
    assert _teams_of(chat.session_factory, "Bo") == ["West"]
