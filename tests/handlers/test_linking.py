"""One person on two chat apps: `link` gives a code, `link CODE` on the other app joins them."""
import datetime as dt
import re

from sqlalchemy import func, select

from storage.models.sales import Customer, Visit
from storage.models.workspace import AuditLog, Identity, Member, Tenant, TenantLink
from support import Chat


def code_of(reply) -> str:
    assert "Your link code" in reply.title and "within 10 minutes" in reply.text
    return re.search(r"\d{8}", reply.title)[0]


def test_linking_joins_a_new_workspace_and_the_persons_data(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    slack.team()
    slack("visit Acme: demo", user="Mia")  # the admin: connecting a workspace is theirs to do
    told = slack.reply("link", user="Mia")
    assert "(WeCom or Teams)" in told.text  # the apps people link; not the operator's console
    code = code_of(told)
    wecom("拜访 华为：见面", user="mia-wx")
    ask = wecom.reply(f"关联 {code}", user="mia-wx")  # connecting the corp is said first, nothing linked
    assert not ask.ok and "会把企业微信工作区 corp 接入公司" in ask.text and f"关联 {code} 确认" in ask.text
    assert [b.label for b in ask.buttons] == ["接入 corp"]
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(TenantLink)) == 0
    out = wecom(ask.buttons[0].command, user="mia-wx")
    assert "关联成功：你在这里也是Mia" in out and "Mia已把企业微信工作区 corp 接入公司" in out
    out = wecom("progress", user="mia-wx")
    assert "Visits         2" in out  # the WeCom visit and the Slack one, in Mia's English
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Tenant)) == 1
        assert s.scalar(select(TenantLink.external_id)) == "corp"
        mia = s.scalar(select(Member).where(Member.display_name == "Mia"))
        assert s.scalar(select(func.count()).select_from(Identity).where(Identity.member_id == mia.id)) == 2
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.member_id == mia.id)) == 2
    wecom("help", user="bo-wx")  # the next person of the corp joins the same company
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 4  # Mia, Ana, Bo, bo-wx
    code = code_of(slack.reply("link", user="Ana"))  # within connected workspaces: anyone
    assert "关联成功：你在这里也是Ana" in wecom(f"关联 {code}", user="ana-wx")


def test_a_reps_link_never_brings_in_another_organisation(session_factory):
    """The takeover that was possible: a rep links to a one-person tenant of their own, which
    then joined the company, and any stranger there who wrote to the bot became a rep."""
    slack, teams = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "own-tenant", "teams")
    slack.team()
    code = code_of(slack.reply("link", user="Ana"))
    reply = teams.reply(f"link {code}", user="ana-own")
    assert not reply.ok and "not part of your company in salesbot yet" in reply.text and "Mia" in reply.text
    teams("help", user="stranger")
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(TenantLink)) == 0
        assert s.scalar(select(func.count()).select_from(Tenant)) == 2
        stranger = s.scalar(select(Member).where(Member.display_name == "stranger"))
        assert stranger.tenant_id != s.scalar(select(Member.tenant_id).where(Member.display_name == "Ana"))


def test_an_admin_connecting_a_workspace_is_told_to_the_other_admins(session_factory):
    from handlers.text.reply_json import from_payload
    from storage.models.messaging import Delivery

    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    slack.team(reps=("Ada",))
    slack("role @Ada admin", user="Mia")
    code = code_of(slack.reply("link", user="Mia"))
    assert wecom.reply(f"link {code} yes", user="mia-wx").ok
    with session_factory() as s:
        told = [(d.target, from_payload(d.payload).text)
                for d in s.scalars(select(Delivery).where(Delivery.key.startswith("connected:")))]
        trail = s.scalar(select(AuditLog.detail).where(AuditLog.action == "tenant.connect"))
    assert told == [("user:Ada", "Mia connected WeCom workspace corp to the company: everyone there "
                                 "who writes to the bot joins as a rep.")]
    assert trail == {"platform": "wecom", "workspace": "corp"}


def test_a_customer_known_on_both_sides_becomes_one(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    slack("visit 华为: intro", user="Ana")
    wecom("拜访 华为：见面", user="ana-wx")
    code = code_of(slack.reply("link", user="Ana"))
    wecom(f"link {code} yes", user="ana-wx")
    assert "华为" in wecom("客户列表", user="ana-wx")
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_a_code_works_once_and_not_after_ten_minutes(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    code = code_of(slack.reply("link", user="Ana"))
    wecom.now = slack.now + dt.timedelta(minutes=11)
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok and "unknown or expired" in reply.text
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok  # and used up


def test_linking_into_a_workspace_that_has_other_people_is_refused(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    code = code_of(slack.reply("link", user="Ana"))
    wecom("help", user="someone-else")
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok and "other people's data" in reply.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Tenant)) == 2


def test_a_code_does_not_work_on_the_platform_that_gave_it(session_factory):
    """The takeover that was possible: another WeCom user of the same corp using Ana's code."""
    wecom = Chat(session_factory, "corp", "wecom")
    wecom.team(manager="boss", reps=("ana-wx", "eve-wx"))
    wecom("拜访 华为：见面", user="ana-wx")
    code = code_of(wecom.reply("link", user="ana-wx"))
    reply = wecom.reply(f"link {code}", user="eve-wx")
    assert not reply.ok and "not on the one that gave it" in reply.text
    slack = Chat(session_factory, "workspace", "slack")
    assert not slack.reply(f"link {code}", user="Ana").ok  # and the code is used up
    with session_factory() as s:
        eve = s.scalar(select(Member).where(Member.display_name == "eve-wx"))
        assert s.scalar(select(func.count()).select_from(Identity).where(Identity.member_id == eve.id)) == 1
        failed = s.scalar(select(AuditLog.detail).where(AuditLog.action == "member.link_failed",
                                                        AuditLog.actor_id == eve.id))
    assert failed["reason"] == "same platform"


def test_one_live_code_per_member(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    first = code_of(slack.reply("link", user="Ana"))
    second = code_of(slack.reply("link", user="Ana"))
    assert not wecom.reply(f"link {first}", user="ana-wx").ok
    assert wecom.reply(f"link {second} yes", user="ana-wx").ok


def test_wrong_codes_lock_a_member_out_of_linking_for_a_while(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    code = code_of(slack.reply("link", user="Ana"))
    wrong = [c for c in (f"{n:08d}" for n in range(10)) if c != code]
    for guess in wrong[:5]:
        assert "unknown or expired" in wecom(f"link {guess}", user="eve-wx")
    locked = wecom.reply(f"link {code}", user="eve-wx")  # even the right code, while locked
    assert not locked.ok and "Too many wrong link codes" in locked.text and "10:15" in locked.text
    wecom.now = slack.now = slack.now + dt.timedelta(minutes=16)
    code = code_of(slack.reply("link", user="Ana"))
    assert wecom.reply(f"link {code} yes", user="eve-wx").ok
    with session_factory() as s:
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions.count("member.link_failed") == 5 and actions.count("member.link_locked") == 1
    assert actions.count("member.link_code") == 2 and actions[-1] == "member.link"


def test_a_code_typed_with_a_space_works(session_factory):
    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    code = code_of(slack.reply("link", user="Ana"))
    assert wecom.reply(f"关联 {code[:4]} {code[4:]} 确认", user="ana-wx").ok


def test_an_admins_code_in_a_new_workspace_connects_it_only_when_confirmed(session_factory):
    """The breach: an admin's code typed in a foreign tenant joined it at once, and every later
    person there became a rep. Now the first `link CODE` names the workspace and links nothing;
    the code still works for the confirmation, and only then are the other admins told."""
    from storage.models.messaging import Delivery

    slack, teams = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "evil-tenant", "teams")
    slack.team(reps=("Ada",))
    slack("role @Ada admin", user="Mia")
    code = code_of(slack.reply("link", user="Mia"))
    ask = teams.reply(f"link {code}", user="29:x1")
    assert not ask.ok and "connects Teams workspace evil-tenant to the company" in ask.text
    assert f"type: link {code} yes" in ask.text and [b.label for b in ask.buttons] == ["Connect evil-tenant"]
    teams("help", user="29:x9")  # someone else there, before any confirmation
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(TenantLink)) == 0
        assert s.scalar(select(func.count()).select_from(Delivery).where(
            Delivery.key.startswith("connected:"))) == 0
        x9 = s.scalar(select(Member).where(Member.display_name == "29:x9"))
        assert x9.tenant_id != s.scalar(select(Member.tenant_id).where(Member.display_name == "Mia"))
    assert "other people's data" in teams.reply(f"link {code} yes", user="29:x1").text  # x9 is there now
