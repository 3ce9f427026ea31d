"""One person on two chat apps: `link` gives a code, `link CODE` on the other app joins them."""
import datetime as dt
import re

from sqlalchemy import func, select

from storage.models import Customer, Identity, Member, Tenant, TenantLink, Visit
from support import Chat


def code_of(reply) -> str:
    assert "Your link code" in reply.title and "within 10 minutes" in reply.text
    return re.search(r"\d{6}", reply.title)[0]


def test_linking_joins_a_new_workspace_and_the_persons_data(session_factory):
    slack, wecom = Chat(session_factory, "workspace"), Chat(session_factory, "corp")
    slack.team()
    slack("visit Acme: demo", user="Ana")
    code = code_of(slack.reply("link", user="Ana"))
    wecom("拜访 华为：见面", user="ana-wx")
    assert "关联成功：你在这里也是Ana" in wecom(f"关联 {code}", user="ana-wx")
    out = wecom("progress", user="ana-wx")
    assert "Visits         2" in out  # the WeCom visit and the Slack one, in Ana's English
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Tenant)) == 1
        assert s.scalar(select(TenantLink.external_id)) == "corp"
        ana = s.scalar(select(Member).where(Member.display_name == "Ana"))
        assert s.scalar(select(func.count()).select_from(Identity).where(Identity.member_id == ana.id)) == 2
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.member_id == ana.id)) == 2
    wecom("help", user="bo-wx")  # the next person of the corp joins the same company
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 4  # Mia, Ana, Bo, bo-wx


def test_a_customer_known_on_both_sides_becomes_one(session_factory):
    slack, wecom = Chat(session_factory, "workspace"), Chat(session_factory, "corp")
    slack("visit 华为: intro", user="Ana")
    wecom("拜访 华为：见面", user="ana-wx")
    code = code_of(slack.reply("link", user="Ana"))
    wecom(f"link {code}", user="ana-wx")
    assert "华为" in wecom("客户列表", user="ana-wx")
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_a_code_works_once_and_not_after_ten_minutes(session_factory):
    slack, wecom = Chat(session_factory, "workspace"), Chat(session_factory, "corp")
    code = code_of(slack.reply("link", user="Ana"))
    wecom.now = slack.now + dt.timedelta(minutes=11)
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok and "unknown or expired" in reply.text
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok  # and used up


def test_linking_into_a_workspace_that_has_other_people_is_refused(session_factory):
    slack, wecom = Chat(session_factory, "workspace"), Chat(session_factory, "corp")
    code = code_of(slack.reply("link", user="Ana"))
    wecom("help", user="someone-else")
    reply = wecom.reply(f"link {code}", user="ana-wx")
    assert not reply.ok and "other people's data" in reply.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Tenant)) == 2
