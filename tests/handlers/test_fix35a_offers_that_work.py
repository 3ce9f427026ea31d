"""r31en #60, #101, r31zh #173, #120: offers that then failed or were refused. A date said as part of
a month (`mid march`, `early march`, `late march`, `3月中旬`, `3月上旬`, `3月下旬`) is a day wherever a
date is read, shown back; a won deal's title alone is renamed as the offer said (its win kept); a
stage said with no deal (`阶段放到商务谈判`) or a probability (`概率改成80%`) asks which deal, the
member's open deals as taps, never a refusal that names no way on."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    assert chat.reply('deal +Acme Corp "ERP" 50k discovery', user="Ana").ok
    assert chat.reply('deal +Globex "CRM" 20k proposal', user="Ana").ok
    return chat


@pytest.mark.parametrize("said, day, shown", [
    ("deal #1 close mid march", dt.date(2027, 3, 15), "Mar 15"),
    ("deal #1 close early march", dt.date(2027, 3, 1), "Mar 1"),
    ("deal #1 close late march", dt.date(2027, 3, 31), "Mar 31"),
    ("商机 #1 预计 3月中旬", dt.date(2027, 3, 15), "3月15日"),
    ("商机 #1 预计 3月上旬", dt.date(2027, 3, 1), "3月1日"),
    ("商机 #1 预计 3月下旬", dt.date(2027, 3, 31), "3月31日"),
])
def test_a_part_of_a_month_is_a_close_day(session_factory, said, day, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok and shown in reply.text, reply.text
    assert deal_rows(chat, "id", "expected_close")[0] == (1, day)


@pytest.mark.parametrize("said, title, day", [
    ("task send acme the contract late march", "send acme the contract", dt.date(2027, 3, 31)),
    ("任务 3月下旬给Acme发合同", "给Acme发合同", dt.date(2027, 3, 31)),
    ("任务 3月上旬给Acme发合同", "给Acme发合同", dt.date(2027, 3, 1)),
])
def test_a_part_of_a_month_is_a_due_day(session_factory, said, title, day):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert task_rows(chat) == [(title, day)]


def test_a_won_deals_title_is_renamed_as_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("won #1 50k: price", user="Ana").ok
    asked = chat.reply('deal #1 title "Annual license"', user="Ana")
    assert 'deal #1 "Annual license"' in asked.text, asked.text
    done = chat.reply("yes", user="Ana")
    assert done.ok and "Annual license" in done.text, done.text
    assert deal_rows(chat, "id", "title", "stage")[0] == (1, "Annual license", "won")
    refused = chat.reply('deal #1 "Pilot" 60k', user="Ana")  # its amount: reopen first, as before
    assert not refused.ok and "reopen" in refused.text, refused.text
    assert deal_rows(chat, "id", "title", "amount")[0][:2] == (1, "Annual license")
    chat.reply("no", user="Ana")
    assert chat.reply("undo confirm", user="Ana").ok
    assert deal_rows(chat, "id", "title", "stage")[0] == (1, "ERP", "won")


@pytest.mark.parametrize("said, tap", [
    ("阶段放到商务谈判", "商机 #1 商务谈判"),
    ("阶段调到商务谈判", "商机 #1 商务谈判"),
    ("阶段设为商务谈判吧", "商机 #1 商务谈判"),
    ("把阶段挪到商务谈判", "商机 #1 商务谈判"),
    ("stage set to negotiation", "deal #1 Negotiation"),
])
def test_a_stage_with_no_deal_asks_which(session_factory, said, tap):
    chat = _chat(session_factory)
    chat.now = MON + dt.timedelta(hours=1)  # the deals made an hour ago: no deal "just changed"
    before = records(session_factory)
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and "管理员" not in asked.text, asked.text
    assert tap in [b.command for b in asked.buttons], asked.buttons
    assert records(session_factory) == before
    done = chat.reply(tap, user="Ana")
    assert done.ok, done.text
    assert deal_rows(chat, "id", "stage")[0] == (1, "negotiation")


@pytest.mark.parametrize("said, tap", [
    ("概率改成80%", "商机 #1 概率80%"),
    ("赢率调到80%", "商机 #1 概率80%"),
    ("probability to 80%", "deal #1 probability 80%"),
])
def test_a_probability_with_no_deal_asks_which(session_factory, said, tap):
    chat = _chat(session_factory)
    chat.now = MON + dt.timedelta(hours=1)
    before = records(session_factory)
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and tap in [b.command for b in asked.buttons], (asked.text, asked.buttons)
    assert records(session_factory) == before
    offered = chat.reply(tap, user="Ana")
    moves = [b.command for b in offered.buttons]
    assert any(value.endswith(("商务谈判", "Negotiation")) for value in moves), (offered.text, moves)
    assert records(session_factory) == before
