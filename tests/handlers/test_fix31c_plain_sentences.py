"""r27en/r27zh, fix31c: deals, wins and losses said in plain sentences.

1. Words about a win's amount (`47k usd final`, `19.5万 左右`, `含税`) and a particle (`closed了`) were
   posted to the team as the win's reason ("final", "了 , 老客户关系好"): they belong to the amount.
4. Not a visit: a deal asked about (`联想那单咋样了`) is answered; a leave said in a sentence with its
   days after the leave word is offered as leave (the why its note); a manager's instruction to a
   member (`Bo pls chase 美的 pilot`) is that member's task; a call (`called 美的 today (phone not
   visit)`) is offered as a contact kept as a visit, said so.
Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import deal_rows, leave_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for said, user in (('deal +Acme "data migration" 40k usd', "Ana"), ('商机 +腾讯 "续约" 18万', "张伟"),
                       ('deal +美的 "pilot" 500k', "Bo"), ('商机 +联想 "CRM" 30万', "张伟")):
        assert chat.reply(said, user=user).ok, said
    return chat


def _reasons(session_factory):
    with session_factory() as s:
        return [(d.title, d.stage, int(d.amount), d.reason)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("said, user, shown, deal, reason", [
    ("acme data migration won!! 47k usd final", "Ana", "won #1 47k usd", 1, ""),
    ("acme data migration won 47k total, champion pushed it", "Ana", "won #1 47k: champion pushed it",
     1, "champion pushed it"),
    ("acme deal won around 47k 🎉 great champion", "Ana", "won #1 47k: great champion", 1, "great champion"),
    ("腾讯续约 closed了 19.5万 🎉 老客户关系好", "张伟", "赢单 #2 19.5万：老客户关系好", 2, "老客户关系好"),
    ("腾讯续约赢了 19.5万左右 关系好", "张伟", "赢单 #2 19.5万：关系好", 2, "关系好"),
    ("腾讯续约搞定了 最终 19.5万 含税 价格合适", "张伟", "赢单 #2 19.5万：价格合适", 2, "价格合适"),
])
def test_words_about_the_amount_are_never_the_wins_reason(session_factory, said, user, shown, deal, reason):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and shown in reply.text, reply.text
    for word in ("final", "total", "around", "了 ", "左右", "最终", "含税"):
        assert word not in reply.text.split(shown)[1].split("\n")[0], reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    title, stage, amount, kept = _reasons(session_factory)[deal - 1]
    assert (stage, amount) == ("won", 47000 if deal == 1 else 195000)
    assert kept == reason or reason and kept.startswith(reason) or not reason and kept == ""


@pytest.mark.parametrize("said, shown", [
    ("联想那单咋样了", "#4"),
    ("联想那单啥情况", "#4"),
    ("联想咋样了", "拜访 华为"),
])
def test_a_deal_asked_about_is_never_offered_as_a_visit(session_factory, said, shown):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert shown in reply.text and "这是一次拜访吗" not in reply.text, reply.text
    assert not any("拜访 联想" in (b.command or "") for b in reply.buttons)
    assert records(session_factory) == before


def test_a_deal_asked_about_in_english_is_answered(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("hows the acme deal going", user="Ana")
    assert "is this a visit" not in reply.text and "#1" in reply.text, reply.text
    assert records(session_factory) == before


@pytest.mark.parametrize("said, user, line, days, note", [
    ("月底那几天请假 12月28号到31号 回老家", "张伟", "请假 12月28号到31号，回老家", (28, 31), "回老家"),
    ("年底想休假 12月28号-12月31号 带孩子出去玩", "张伟", "请假 12月28号-12月31号，带孩子出去玩", (28, 31),
     "带孩子出去玩"),
    ("off end of month, 12/28-12/31, visiting family", "Ana", "leave 12/28-12/31, visiting family", (28, 31),
     "visiting family"),
    ("taking pto 12/28-12/31 family trip", "Ana", "leave 12/28-12/31, family trip", (28, 31), "family trip"),
])
def test_leave_said_in_a_sentence_is_offered_as_leave_never_a_task(session_factory, said, user, line, days,
                                                                  note):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and line in reply.text, reply.text
    assert "任务" not in reply.text.split("\n")[1] and "task" not in reply.text.split("\n")[1]
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert leave_rows(session_factory, "member", "first_day", "last_day", "note") == [
        (user, dt.date(2026, 12, days[0]), dt.date(2026, 12, days[1]), note)]
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, who, title", [
    ("Bo pls chase 美的 pilot, its been stuck 3 wks", "Bo", "chase 美的 pilot, its been stuck 3 wks"),
    ("@Ana can you ping acme about the migration", "Ana", "ping acme about the migration"),
    ("张伟 麻烦跟进一下腾讯续约 卡了三周了", "张伟", "跟进一下腾讯续约 卡了三周了"),
    ("张伟你去催一下联想的合同", "张伟", "催一下联想的合同"),
])
def test_a_managers_instruction_is_a_task_for_that_member_never_a_visit(session_factory, said, who, title):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and f"@{who} {title}" in reply.text, reply.text
    assert "visit" not in reply.text and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert task_rows(session_factory, "assignee", "title", "due_on") == [(who, title, None)]
    assert visit_rows(session_factory) == []


@pytest.mark.parametrize("said, user, asked", [
    ("called 美的 today (phone not visit) - pilot delayed to feb", "Bo", "sounds like a call with 美的"),
    ("had a zoom call with acme, they want a discount", "Ana", "sounds like a call with Acme"),
    ("今天给美的打了电话 客户说再等等", "Bo", "听起来是和美的通了电话"),
    ("跟腾讯电话沟通了一下 续约没问题", "张伟", "听起来是和腾讯通了电话"),
])
def test_a_call_is_said_to_be_kept_as_a_visit_never_offered_as_a_bare_visit(session_factory, said, user,
                                                                             asked):
    chat = _chat(session_factory)
    before, before_deals = records(session_factory), deal_rows(session_factory, "title", "expected_close")
    reply = chat.reply(said, user=user)
    assert not reply.ok and asked in reply.text, reply.text
    assert "is this a visit" not in reply.text and "这是一次拜访吗" not in reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    rows = visit_rows(session_factory, "customer", "notes")
    assert len(rows) == 1 and rows[0][1].endswith(said.split(" ", 1)[1][-6:]), rows
    assert deal_rows(session_factory, "title", "expected_close") == before_deals


@pytest.mark.parametrize("said, user, shown, deal, reason, day", [
    ("腾讯续约赢了 19.5万 上周四就签了 老关系", "张伟", "赢单 #2 19.5万：老关系（成交日：上周四）", 2,
     "老关系", 3),
    ("腾讯续约 closed了 19.5万 昨天签的 老客户关系好", "张伟",
     "赢单 #2 19.5万：老客户关系好（成交日：昨天）", 2, "老客户关系好", 6),
    ("acme data migration won 47k, signed last thu, great champion", "Ana",
     "won #1 47k: great champion (closed last thu)", 1, "great champion", 3),
    ("acme data migration won 47k - closed yesterday", "Ana", "won #1 47k (closed yesterday)", 1, "", 6),
])
def test_a_close_day_said_in_a_win_is_its_close_never_its_reason(session_factory, said, user, shown, deal,
                                                                 reason, day):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and shown in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    title, stage, amount, kept = _reasons(session_factory)[deal - 1]
    assert stage == "won" and kept == reason
    with session_factory() as s:
        closed = s.get(Deal, deal).closed_at
    assert closed.date() == dt.date(2026, 12, day)


@pytest.mark.parametrize("said, user, line, customer, title, amount, close", [
    ("new opp w/ Acme — data warehouse, around 40k USD, probably closes in feb", "Ana",
     'deal Acme "data warehouse" 40k USD close', "Acme", "data warehouse", 40000, dt.date(2027, 2, 1)),
    ("new deal w/ acme - security module ~80k, likely closes in jan", "Ana",
     'deal Acme "security module" 80k close', "Acme", "security module", 80000, dt.date(2027, 1, 4)),
    ("腾讯明年续约 30万 预计明年2月 建个商机", "张伟", '商机 腾讯 "明年续约" 30万 预计', "腾讯", "明年续约",
     300000, dt.date(2027, 2, 1)),
    ("联想 数据中台 大概20万 估计下个月签 开个商机", "张伟", '商机 联想 "数据中台" 20万 预计', "联想",
     "数据中台", 200000, dt.date(2027, 1, 4)),
])
def test_a_new_deal_said_plainly_is_offered_with_its_title_amount_and_close(session_factory, said, user,
                                                                           line, customer, title, amount,
                                                                           close):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and line in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    rows = deal_rows(session_factory, "customer", "title", "amount", "expected_close")
    assert len(rows) == 5 and rows[-1] == (customer, title, amount, close), rows
