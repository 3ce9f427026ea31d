"""r26: short follow-ons naming the record just made or touched by "it", "that one", "that visit",
"这个单子" or nothing at all. `move it to discovery` right after Bo's deal moved another customer's
deal (Initech: "it" was read as a name). Now "it" is the record the member's previous message made
or touched, said back with its number; with none, asked one tap per record, nothing stored. Fed
through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, records, target_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo"))
    chat.said_ok('deal +Initech "renewal" 80k contact', 'deal +小米 "CRM phase 2" 120k', "customer +比亚迪",
                 "customer +美的集团", user="Bo")
    return chat


def _deals(session_factory):
    return deal_rows(session_factory, "id", "title", "stage")


def _visits(session_factory):
    return [(id_, customer, visited_at.date(), follow_up) for id_, customer, visited_at, follow_up
            in visit_rows(session_factory, "id", "customer", "visited_at", "follow_up_on")]


@pytest.mark.parametrize("said, back", [
    ("move it to discovery", "deal #2 Discovery"),
    ("and move it to discovery", "deal #2 Discovery"),
    ("ok move it to discovery now", "deal #2 Discovery"),
    ("stage discovery", "deal #2 Discovery"),
    ("pls move that deal to discovery", "deal #2 Discovery"),
    ("把它推到需求挖掘", "商机 #2 需求挖掘"),
    ("这个单子推到需求挖掘吧", "商机 #2 需求挖掘"),
])
def test_it_after_a_deal_is_that_deal_never_another_customers(session_factory, said, back):
    chat = _chat(session_factory)
    assert chat.reply("deal #2 contact", user="Bo").ok
    reply = chat.reply(said, user="Bo")
    assert reply.ok and back in reply.text, reply.text
    assert _deals(session_factory) == [(1, "renewal", "contact"), (2, "CRM phase 2", "discovery")]


def test_it_after_a_deal_said_again_unchanged_is_that_deal(session_factory):
    """`deal #2 contact` of a deal at Contact changes nothing, but names deal #2: "it" is it."""
    chat = _chat(session_factory)
    assert chat.reply("deal #2 contact", user="Bo").ok
    assert chat.reply("deal #2 contact", user="Bo").ok
    reply = chat.reply("move it to discovery", user="Bo")
    assert reply.ok and "deal #2 Discovery" in reply.text, reply.text
    assert _deals(session_factory)[0] == (1, "renewal", "contact")


@pytest.mark.parametrize("said", ["move it to discovery", "把它推到需求挖掘"])
def test_it_with_no_record_just_touched_is_asked(session_factory, said):
    chat = _chat(session_factory)
    chat("progress", user="Bo")
    before, deals = records(session_factory), _deals(session_factory)
    reply = chat.reply(said, user="Bo")
    assert not reply.ok and {b.label for b in reply.buttons} >= {"#1 Initech · renewal"}, reply.text
    assert records(session_factory) == before and _deals(session_factory) == deals


@pytest.mark.parametrize("said, title", [
    ("and rename it 250 seat license", "250 seat license"),
    ('call it "phase 2"', "phase 2"),
    ("标题改成二期", "二期"),
])
def test_a_deal_renamed_by_it(session_factory, said, title):
    chat = _chat(session_factory)
    assert chat.reply("deal #2 contact", user="Bo").ok
    reply = chat.reply(said, user="Bo")
    assert reply.ok and "#2" in reply.text, reply.text
    assert _deals(session_factory)[1] == (2, title, "contact")


@pytest.mark.parametrize("visit, said, want", [
    ("visit 比亚迪: quick check-in", "oh and it was yesterday not today",
     ("比亚迪", dt.date(2026, 12, 6), None)),
    ("拜访 比亚迪：简单沟通", "其实是昨天去的", ("比亚迪", dt.date(2026, 12, 6), None)),
    ("visit 比亚迪: quick check-in", "no wait, follow up on that one next monday",
     ("比亚迪", dt.date(2026, 12, 7), dt.date(2026, 12, 14))),
    ("拜访 比亚迪：简单沟通", "那个下周一跟进", ("比亚迪", dt.date(2026, 12, 7), dt.date(2026, 12, 14))),
    ("visit 比亚迪: quick check-in", "scratch that, wrong customer, it was 美的",
     ("美的集团", dt.date(2026, 12, 7), None)),
    ("visit 比亚迪: quick check-in", "no wait, that visit was 美的 not 比亚迪",
     ("美的集团", dt.date(2026, 12, 7), None)),
    ("拜访 比亚迪：简单沟通", "不对 那次拜访是美的 不是比亚迪", ("美的集团", dt.date(2026, 12, 7), None)),
])
def test_a_visit_just_logged_changed_by_that_visit(session_factory, visit, said, want):
    chat = _chat(session_factory)
    assert chat.reply(visit, user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok and "#1" in reply.text, reply.text
    assert _visits(session_factory) == [(1, *want)]


@pytest.mark.parametrize("said, tap", [
    ("undo that follow up, no f/u needed", "done 1"),
    ("visit #1 no follow up", "done 1"),
    ("不用跟进了", "完成 1"),
])
def test_a_follow_up_cleared_is_offered_as_done(session_factory, said, tap):
    chat = _chat(session_factory)
    assert chat.reply("visit 比亚迪: quick check-in, follow up fri", user="Ana").ok
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and [b.label for b in reply.buttons] == [tap], reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert dict(visit_rows(session_factory, "id", "follow_up_done"))[1]


@pytest.mark.parametrize("said", ["哦不对 新客户是4个", "新客户改成4个"])
def test_new_customers_of_the_target_just_set_corrected(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("Ana一月份业绩目标50万 新客户3个", user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok and "新客户 4" in reply.text, reply.text
    targets = target_rows(session_factory, "metric", "amount")
    assert sorted((metric, int(amount)) for metric, amount in targets) == [
        ("new_customers", 4), ("revenue", 500000)]
