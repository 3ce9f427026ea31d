"""`restore` and `link` are changes like any other (issue #24: everything a person can change from
chat is undoable): `undo` right after takes them back, through the same journal, and says so."""
from sqlalchemy import select

from storage.models import Deal, DealEvent
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
