"""`restore` and `link` are changes like any other (issue #24: everything a person can change from
chat is undoable): `undo` right after takes them back, through the same journal, and says so."""
from sqlalchemy import select

from storage.models.sales import Deal, DealEvent
from support import count


def test_undo_after_restore_puts_the_record_back_in_the_bin(team_chat):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat("deal #1 negotiation", user="Ana")
    team_chat("deal #1 delete confirm", user="Ana")
    assert "Restored deal #1" in team_chat("restore deal #1", user="Ana")
    events = count(team_chat.session_factory, DealEvent)
    reply = team_chat.reply("undo", user="Ana")
    assert reply.ok and "“restore deal #1” is taken back" in reply.text and "in the bin again" in reply.text
    assert count(team_chat.session_factory, Deal) == 0
    assert "deal #1" in team_chat("trash", user="Ana")  # restorable again
    assert "Restored deal #1" in team_chat("restore deal #1", user="Ana")
    with team_chat.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "negotiation"
    assert count(team_chat.session_factory, DealEvent) == events  # its history came back whole


def test_undo_after_restore_in_chinese(team_chat):
    team_chat("商机 华为 ERP项目 方案呈现 5万", user="Ana", lang="zh")
    team_chat("商机 #1 删除 确认", user="Ana", lang="zh")
    team_chat("恢复 商机 #1", user="Ana", lang="zh")
    assert "已放回回收站" in team_chat("撤销", user="Ana", lang="zh")
    assert count(team_chat.session_factory, Deal) == 0


def _code(reply) -> str:
    import re
    return re.search(r"\d{8}", reply.title)[0]


def test_undo_after_link_parts_the_two_accounts_again_with_their_own_records(session_factory):
    from storage.models.sales import Visit
    from storage.models.workspace import Identity, Member, Tenant, TenantLink
    from support import Chat

    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    slack.team()
    slack("visit Acme: demo", user="Mia")
    wecom("拜访 华为：见面", user="mia-wx")
    before_link = {m: count(session_factory, m) for m in (Tenant, TenantLink, Member, Identity, Visit)}
    code = _code(slack.reply("link", user="Mia"))
    assert "关联成功" in wecom(f"关联 {code} 确认", user="mia-wx")  # Mia, the admin, connects the corp
    assert count(session_factory, Tenant) == 1 and count(session_factory, Member) == before_link[Member] - 1
    out = wecom("撤销", user="mia-wx")  # on either app: the joined member's change
    assert "关联已撤回" in out and "mia-wx" in out
    assert {m: count(session_factory, m) for m in before_link} == before_link
    with session_factory() as s:
        owners = dict(s.execute(select(Visit.notes, Member.display_name)
                                .join(Member, Member.id == Visit.member_id)).all())
        tenants = set(s.execute(select(Member.display_name, Tenant.external_id)
                                .join(Tenant, Tenant.id == Member.tenant_id)).all())
    assert owners == {"demo": "Mia", "见面": "mia-wx"}
    assert {("Mia", "workspace"), ("mia-wx", "corp")} <= tenants
    assert "Mia" not in wecom("进度", user="mia-wx")  # a member of their own again


def test_undo_after_a_link_within_the_company_in_english(session_factory):
    from storage.models.workspace import Identity, Member
    from support import Chat

    slack, wecom = Chat(session_factory, "workspace", "slack"), Chat(session_factory, "corp", "wecom")
    slack.team()
    wecom(f"关联 {_code(slack.reply('link', user='Mia'))} 确认", user="mia-wx")  # the corp connected
    wecom("help", user="ana-wx")
    members, identities = count(session_factory, Member), count(session_factory, Identity)
    assert "Ana" in wecom(f"link {_code(slack.reply('link', user='Ana'))}", user="ana-wx")
    reply = slack.reply("undo", user="Ana")
    assert reply.ok and "the link is taken back: ana-wx is a member of their own again" in reply.text
    assert (count(session_factory, Member), count(session_factory, Identity)) == (members, identities)
