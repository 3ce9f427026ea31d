"""r26en/r26zh, fix30a: a command read from part of a message dropped the rest (`今天去了美的集团，见了
IT部王经理…月底前出方案` offered as a visit with notes "今天去了美的集团" only; `比亚迪 visit: … remind me
tue …` stored with EMPTY notes; `lost initech renewal, they went in-house. follow up in march…` lost
with EMPTY reason; `move …, … make a task for that` without the task). Now the rest goes in the
command's free text (notes, reason), read again by the grammar so a follow-up in it is asked about;
a command with no free text is offered alone or with a task keeping the rest (two options, the
rest said). Each offer, tapped, stores what it says. Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import MON, deal_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Bo"))
    chat.said_ok(('deal +美的集团 "ERP" 50万', "张伟"), 'deal +比亚迪 "MES" 30万',
                 'deal +Initech "renewal" 80k', 'deal +Globex "CRM" 60k', user="Bo")
    return chat


def _visits(session_factory):
    return visit_rows(session_factory, "notes", "follow_up_on")


@pytest.mark.parametrize("said, user, asked, notes, follow_up", [
    ("今天去了美的集团，见了IT部王经理，他们想要私有化部署，月底前出方案", "张伟", "月底前",
     "私有化部署", dt.date(2026, 12, 31)),
    ("比亚迪 visit: 跟采购部陈经理开会 they need 3 quotes from vendors, remind me tue to send ours", "Bo",
     "tue", "3 quotes from vendors", dt.date(2026, 12, 8)),
])
def test_a_visit_read_from_part_keeps_the_rest_as_notes_and_asks_the_day_in_them(
        session_factory, said, user, asked, notes, follow_up):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and asked in reply.text, reply.text
    assert "放不下" not in reply.text and "no place" not in reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    [(stored, day)] = _visits(session_factory)
    assert notes in stored and day == follow_up


def test_a_loss_with_its_reason_and_a_follow_up_after_a_comma_keeps_both(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("lost initech renewal, they went in-house. follow up in march to see how it's going",
                       user="Bo")
    assert not reply.ok and "not the reason" in reply.text, reply.text
    assert "see how it's going by" in reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="Bo").ok
    with session_factory() as s:
        deal = s.scalars(select(Deal).where(Deal.title == "renewal")).one()
        assert deal.stage == "lost"
        assert "went in-house" in str(vars(deal))
    assert ("see how it's going", dt.date(2027, 3, 1)) in task_rows(session_factory)


@pytest.mark.parametrize("said, user, lead", [
    ("move deal 2 to proposal, and they want a demo next tues so make a task for that", "Bo", "And a task"),
    ("move deal 2 to proposal, they want a demo next tues, remind me", "Bo", "And a task"),
])
def test_a_change_with_no_free_text_offers_the_rest_as_a_task_never_drops_it(session_factory, said, user,
                                                                            lead):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert reply.buttons[0].label.startswith(lead), [b.label for b in reply.buttons]
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user=user)
    assert dict(deal_rows(session_factory, "id", "stage"))[2] == "proposal"
    [(title, due)] = task_rows(session_factory)
    assert "demo" in title or "演示" in title
    assert due == dt.date(2026, 12, 15)


def test_the_change_alone_is_the_other_option_and_says_the_rest_is_not_kept(session_factory):
    chat = _chat(session_factory)
    said = "move deal 2 to proposal, and they want a demo next tues so make a task for that"
    reply = chat.reply(said, user="Bo")
    assert "has no place" in reply.text and "they want a demo" in reply.text
    assert chat.press(reply.buttons[1], user="Bo")
    assert dict(deal_rows(session_factory, "id", "stage"))[2] == "proposal"
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, reason", [
    ("比亚迪 signed!! won #2 30万", "比亚迪 signed"),
    ("globex signed!! won #4 60k", "globex signed"),
])
def test_a_win_after_a_lead_in_keeps_the_lead_in_as_its_reason(session_factory, said, reason):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Bo")
    assert not reply.ok and reason in reply.text, reply.text
    assert records(session_factory) == before
    [button] = reply.buttons
    assert chat.press(button, user="Bo")
    with session_factory() as s:
        deal = s.get(Deal, int(said.split("#")[1].split()[0]))
        assert deal.stage == "won" and reason in str(vars(deal))


@pytest.mark.parametrize("rest", ["另外提醒我周二给他们发报价", "顺便周二建个任务 发报价"])
def test_a_snooze_with_a_task_asked_after_it_offers_the_task_too_in_chinese(session_factory, rest):
    chat = _chat(session_factory)
    assert chat.reply("拜访 美的集团：交流了需求；跟进 周五", user="张伟").ok
    before = records(session_factory)
    reply = chat.reply(f"推迟 1 下周一，{rest}", user="张伟")
    assert not reply.ok and "放不下" in reply.text and "发报价" in reply.text, reply.text
    assert reply.buttons[0].label.startswith("另建任务"), [b.label for b in reply.buttons]
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user="张伟")
    assert _visits(session_factory) == [("交流了需求", dt.date(2026, 12, 14))]
    [(title, due)] = task_rows(session_factory)
    assert "发报价" in title and due == dt.date(2026, 12, 8)
