"""r26en/r26zh, fix30b: a sentence naming a customer, no command word first, whose words are another
command's (`acme corp tier A pls`, `小米 赢单 25万 价格有优势`, `give 腾讯 deal 37 to ana`,
`华为那个任务给Bo吧，周五前搞定`, `帮我看下美的的拜访记录`,
`万科 新商机 智慧园区 50万 线索`) was offered as "a visit, all of it
as the notes" (a tap stored a visit that never was, by a manager even). It is offered as THAT command,
one tap building exactly it (a list asked for is answered), or answered with those commands' usage;
never a visit. Fed through the real dispatch; Mon, Dec 7, 2026."""
import pytest

from storage.models.sales import Customer
from support import MON, deal_rows, make_team_chat, records, rows_of, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    chat.said_ok(("customer +Acme Corp tier B", "Ana"), ('deal +腾讯 "数据平台" proposal 200k', "Ana"),
                 ('商机 +小米 "CRM" 方案呈现 30万', "张伟"), ('商机 +格力 "二期" 需求挖掘 80万', "张伟"),
                 ("客户 +华为 B类", "张伟"), ("任务 客户 华为：把合同走完 周四", "张伟"),
                 ("customer +美的 tier B", "Ana"))
    return chat


def _visits(session_factory) -> int:
    return len(visit_rows(session_factory, "id"))


def _deals_of(session_factory, customer: str, *fields: str) -> list:
    """The `fields` of every deal of `customer`, oldest first."""
    return [row[1:] for row in deal_rows(session_factory, "customer", *fields) if row[0] == customer]


@pytest.mark.parametrize("said, user", [
    ("acme corp should be tier A now, they're our biggest account", "Ana"),
    ("acme corp tier A pls", "Ana"),
    ("Acme Corp 等级改成A吧 体量大", "Ana"),
])
def test_a_tier_said_after_the_name_is_the_tier_offered(session_factory, said, user):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and "visit" not in reply.text.lower() and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert rows_of(session_factory, Customer, ("tier",), Customer.name == "Acme Corp") == [("A",)]
    assert _visits(session_factory) == 0


@pytest.mark.parametrize("said, stage, amount", [
    ("小米 赢单 25万 价格有优势", "won", 250000),
    ("小米 输单 客户选了别家", "lost", 300000),
])
def test_a_win_said_after_the_name_is_that_win_offered(session_factory, said, stage, amount):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    chat.reply("1", user="张伟")
    deals = _deals_of(session_factory, "小米", "stage", "amount")
    assert [(st, int(am)) for st, am in deals] == [(stage, amount)]
    assert _visits(session_factory) == 0


@pytest.mark.parametrize("said, offered", [
    ("give 腾讯 deal 1 to bo, ana's overloaded", "give deal 1 to Bo"),
    ("Ana的腾讯数据平台转给Bo跟", "1号单子转给Bo"),
])
def test_a_deal_given_by_a_manager_is_that_handover_offered(session_factory, said, offered):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and offered in reply.text and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert dict(deal_rows(session_factory, "id", "owner"))[1] == "Bo"
    assert _visits(session_factory) == 0


def test_a_task_handed_over_with_a_day_is_that_task_offered(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("华为那个任务给Bo吧，周五前搞定", user="王芳")
    assert not reply.ok and "任务 1 给Bo" in reply.text and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    chat.reply("1", user="王芳")
    assert dict(task_rows(session_factory, "id", "assignee"))[1] == "Bo"
    assert _visits(session_factory) == 0


@pytest.mark.parametrize("said, words", [
    ("帮我看下美的的拜访记录", "美的"),
    ("show me the visits for acme corp", "Acme Corp"),
])
def test_a_list_asked_is_answered_never_offered_as_a_visit(session_factory, said, words):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert words in reply.text and "all of it as the notes" not in reply.text \
        and "全文作为纪要" not in reply.text, reply.text
    assert records(session_factory) == before


def test_a_stage_pushed_on_is_the_next_stage_offered(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("格力那个商机阶段往前推一步", user="张伟")
    assert not reply.ok and "拜访" not in reply.text, reply.text
    assert records(session_factory) == before
    chat.reply("1", user="张伟")
    assert _deals_of(session_factory, "格力", "stage") == [("proposal",)]


def test_a_new_deal_keeps_its_title_words(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("格力 新商机 智慧园区 50万 线索", user="张伟")
    assert not reply.ok and '"智慧园区"' in reply.text, reply.text
    assert records(session_factory) == before
    chat.reply("1", user="张伟")
    assert ("智慧园区",) in _deals_of(session_factory, "格力", "title")


@pytest.mark.parametrize("said, user", [
    ("哦不对 小米是24万", "张伟"),
    ("acme corp tier pls", "Ana"),
])
def test_other_words_that_build_nothing_get_usage_never_a_visit(session_factory, said, user):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and not reply.buttons, reply.text
    assert "all of it as the notes" not in reply.text and "全文作为纪要" not in reply.text
    assert records(session_factory) == before


def test_a_visit_told_is_still_offered_as_a_visit(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("Acme Corp - quick call w/ procurement, they want a quote", user="Ana")
    assert "visit" in reply.text.lower(), reply.text
