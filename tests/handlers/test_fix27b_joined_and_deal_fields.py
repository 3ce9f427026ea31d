"""Round 24 (zh), r24zh: two things joined by 另外/also each done (a visit and a task to do on a
day; a task and a deal moved in words; a deal's stage and close with 顺便 between); a reopen with a
why offered alone; a deal's fields said in words kept (an amount in 萬 beside a stage, a close
pushed to a quarter); a deal pointed at (`华为那单`) where the asker has none said so, never a
deal titled 那单; `closed won` never a win's reason. Today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit

pytestmark = pytest.mark.phrasing


def _deals(chat) -> list[tuple]:
    with chat.session_factory() as s:
        return [(d.id, d.title, d.stage, int(d.amount), str(d.expected_close), d.reason)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _rows(chat, model) -> list:
    with chat.session_factory() as s:
        return list(s.scalars(select(model).order_by(model.id)))


@pytest.mark.parametrize("said, lang, notes, title", [
    ("拜访 阿里巴巴：过了一遍方案，对方想要折扣 另外格力下周一要回个电话", "zh", "过了一遍方案，对方想要折扣",
     "格力 要回个电话"),
    ("visit alibaba: walked through the demo, they want a discount. also need to call gree on monday", None,
     "walked through the demo, they want a discount.", "need to call gree"),
])
def test_a_visit_and_a_thing_to_do_on_a_day_after_also_are_both_saved(team_chat, said, lang, notes, title):
    assert team_chat.reply("customer +阿里巴巴", user="Ana").ok
    assert team_chat.reply("customer +格力", user="Ana").ok
    out = team_chat(said, user="Ana", lang=lang)
    visits, tasks = _rows(team_chat, Visit), _rows(team_chat, Task)
    assert [v.notes for v in visits] == [notes] and visits[0].follow_up_on is None, out
    assert [(t.title, str(t.due_on)) for t in tasks] == [(title, "2026-11-30")], out


@pytest.mark.parametrize("said, lang, customer", [
    ("给美的发个感谢邮件 明天 加个任务 另外 联想云服务推进到谈判", "zh", "联想"),
    ("email midea a thank you tomorrow, add a task. also move the initech 云服务 deal to negotiation", None,
     "Initech"),
])
def test_a_task_and_a_deal_moved_in_words_after_also_are_both_done(team_chat, said, lang, customer):
    assert team_chat.reply("customer +美的", user="Bo").ok
    assert team_chat.reply(f'deal +{customer} "云服务" proposal 80k', user="Bo").ok
    out = team_chat(said, user="Bo", lang=lang)
    assert [str(t.due_on) for t in _rows(team_chat, Task)] == ["2026-11-24"], out
    assert _deals(team_chat)[0][2] == "negotiation", out


@pytest.mark.parametrize("said, lang", [("Globex续约 推到需求确认 顺便 预计改到下个月", "zh"),
                                        ("globex renewal to discovery, also close next month", None)])
def test_a_stage_and_a_close_with_a_joining_word_between_are_one_change(team_chat, said, lang):
    assert team_chat.reply('deal +Globex "续约" contact 80k', user="Ana").ok
    out = team_chat(said, user="Ana", lang=lang)
    assert "顺便" not in out and "also" not in out, out
    deal = _deals(team_chat)[0]
    assert deal[2] == "discovery" and deal[4].startswith("2026-12"), out
    assert not _rows(team_chat, Visit)


@pytest.mark.parametrize("said, lang, why", [
    ("商机 #1 重开 客户说合同要重新走审批", "zh", "“客户说合同要重新走审批”放不进商机"),
    ("deal #1 reopen the client wants to redo the approval", None,
     "“the client wants to redo the approval” has no"),
])
def test_a_reopen_with_a_why_is_offered_alone(team_chat, said, lang, why):
    assert team_chat.reply('deal +小米 "CRM" negotiation 20k', user="Ana").ok
    assert team_chat.reply("lost #1: budget", user="Ana").ok
    reply = team_chat.reply(said, user="Ana", lang=lang)
    assert why in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [said.split(" ", 3)[0] + " #1 " + said.split()[2]]
    assert _deals(team_chat)[0][2] == "lost"
    assert team_chat.reply("1", user="Ana", lang=lang).ok
    assert _deals(team_chat)[0][2] == "negotiation"


@pytest.mark.parametrize("said, lang, amount, close", [
    ("联想CRM那单 合同谈判 金额改成13萬 预计下周五签", "zh", 130000, "2026-12-04"),
    ("阿里那单 改到明年二季度", "zh", 80000, "2027-06-30"),
    ("lenovo crm deal pushed to q2 next year", None, 80000, "2027-06-30"),
])
def test_a_deals_fields_said_in_words_are_kept(team_chat, said, lang, amount, close):
    customer = "阿里巴巴" if "阿里" in said else "联想"
    assert team_chat.reply(f'deal +{customer} "CRM" proposal 80k', user="Bo").ok
    out = team_chat(said, user="Bo", lang=lang)
    assert _deals(team_chat)[0][3:5] == (amount, close), out


def test_a_deal_said_with_words_before_a_quarter_keeps_the_close_and_drops_the_words(team_chat):
    assert team_chat.reply('deal +阿里巴巴 "数据平台" contact 50k', user="Bo").ok
    reply = team_chat.reply("阿里那单客户说要等明年预算，先放一放吧，改到明年二季度", user="Bo", lang="zh")
    assert [b.command for b in reply.buttons] == ["商机 #1 预计 2027-06-30"], reply.text
    assert team_chat.reply("1", user="Bo", lang="zh").ok
    assert _deals(team_chat)[0][4] == "2027-06-30"


def test_a_deal_pointed_at_where_the_asker_has_none_is_said_so(team_chat):
    assert team_chat.reply("customer +华为", user="Ana").ok
    reply = team_chat.reply("华为那单推到商务谈判了 金额 120万", user="Ana", lang="zh")
    assert "你在华为没有进行中的商机，“那单”指不到任何商机" in reply.text, reply.text
    assert "那单" not in " ".join(b.command for b in reply.buttons)
    assert _deals(team_chat) == []


@pytest.mark.parametrize("said", ["海尔云服务 closed won 1.2m!! 🎉🎉", "haier 云服务 closed-won 1.2m!!"])
def test_closed_won_is_never_a_wins_reason(team_chat, said):
    assert team_chat.reply('deal +海尔 "云服务" contact 120k', user="Ana").ok
    reply = team_chat.reply(said, user="Ana")
    assert [b.command for b in reply.buttons][0].rstrip() in ("赢单 #1 1.2m", "won #1 1.2m"), reply.text
    assert _deals(team_chat)[0][2] == "contact"
