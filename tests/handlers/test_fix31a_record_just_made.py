"""r27en/r27zh, fix31a: corrections and references to the record just made, said as plain sentences.
`friday not thursday` after a visit with a Thursday follow-up moves the follow-up (the field whose
value is Thursday), asked where both could be meant; the follow-up of the visit just made said
plainly (`明天跟进`, `the 腾讯 follow up should be friday`, `418 明天跟进一下`); a visit's day said by its
customer (`the byd one was yesterday actually`); a pronoun (`它`, `这个客户`) never a customer's name.
Fed through the real dispatch; Mon, Dec 7, 2026 (Shanghai)."""
import datetime as dt

import pytest

from storage.models.sales import Customer
from support import customer_names, deal_rows, make_team_chat, records, rows_of, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
THU, FRI, NEXT_FRI = dt.date(2026, 12, 10), dt.date(2026, 12, 11), dt.date(2026, 12, 11)
LAST_FRI, TODAY = dt.date(2026, 12, 4), dt.date(2026, 12, 7)


def _chat(session_factory, *said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    for each in said:
        assert chat.reply(each, user="Ana").ok, each
    return chat


def _visits(chat):
    return visit_rows(chat.session_factory, "id", "customer", "visited_at", "follow_up_on")


def _day(value):
    return value.date() if isinstance(value, dt.datetime) else value


# 1. "X not Y": the field whose value is Y
@pytest.mark.parametrize("said", ["no wait it was friday not thursday", "it was fri not thu",
                                  "不对 是周五 不是周四", "oops it should be friday, not thursday"])
def test_not_the_follow_up_day_moves_the_follow_up(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo. follow up thursday")
    [(vid, _, visited, follow)] = _visits(chat)
    assert follow == THU
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    [(_, _, visited2, follow2)] = _visits(chat)
    assert (_day(visited2), follow2) == (_day(visited), FRI), reply.text


@pytest.mark.parametrize("said", ["no wait it was friday not monday", "不对 是上周五 不是周一"])
def test_not_the_visit_day_moves_the_visit(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo. follow up thursday")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    [(_, _, visited, follow)] = _visits(chat)
    assert (_day(visited), follow) == (LAST_FRI, THU), reply.text


@pytest.mark.parametrize("said", ["no wait it was friday not monday", "不对 是周五 不是周一"])
def test_both_fields_on_the_day_said_is_asked(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo. follow up next monday")
    chat.reply("visit #1 follow up 2026-12-14", user="Ana")
    before = (records(session_factory), _visits(chat))
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert (records(session_factory), _visits(chat)) == before


@pytest.mark.parametrize("said", ["no wait it was friday not thursday", "不对 是周五 不是周四"])
def test_no_visit_just_touched_offers_no_unrelated_visit(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo", "visit +Acme: demo", "my tasks")
    before = (records(session_factory), _visits(chat))
    reply = chat.reply(said, user="Ana")
    assert not reply.ok
    assert not [b for b in reply.buttons if "#1" in b.label or "#2" in b.label], reply.text
    assert (records(session_factory), _visits(chat)) == before


# 2. the follow-up of the record just made, said plainly
@pytest.mark.parametrize("said, day", [
    ("明天跟进", dt.date(2026, 12, 8)), ("跟进 明天", dt.date(2026, 12, 8)), ("周五再跟进", FRI),
    ("the globex follow up should be friday", FRI), ("follow up on that globex one friday", FRI),
    ("follow up friday", FRI), ("globex的跟进改到周五", FRI),
])
def test_the_follow_up_of_the_visit_just_made(session_factory, said, day):
    chat = _chat(session_factory, "visit +Globex: demo")
    tasks = task_rows(chat)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [row[3] for row in _visits(chat)] == [day], reply.text
    assert task_rows(chat) == tasks


@pytest.mark.parametrize("said", ["follow up on that globex one friday not thursday",
                                  "the globex follow up should be friday", "globex那个跟进改到周五"])
def test_a_follow_up_named_by_customer_is_moved(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo. follow up thursday")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [row[3] for row in _visits(chat)] == [FRI]


@pytest.mark.parametrize("said, day", [("1 明天跟进一下", dt.date(2026, 12, 8)),
                                       ("1 改到下周二跟进", dt.date(2026, 12, 15)),
                                       ("1 follow up tomorrow", dt.date(2026, 12, 8))])
def test_a_numbered_visit_follow_up_said_plainly(session_factory, said, day):
    chat = _chat(session_factory, "visit +Globex: demo", "my tasks")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [row[3] for row in _visits(chat)] == [day]


@pytest.mark.parametrize("said", ["不对 跟进改成周三", "no, follow up wednesday"])
def test_a_weekday_correcting_a_follow_up_just_set_is_the_nearest(session_factory, said):
    chat = _chat(session_factory, "visit +Globex: demo. follow up next monday")
    assert [row[3] for row in _visits(chat)] == [dt.date(2026, 12, 14)]
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [row[3] for row in _visits(chat)] == [dt.date(2026, 12, 16)]


# 3. a visit's day said by its customer or "that one"
@pytest.mark.parametrize("said", ["oh the byd one was yesterday actually", "the byd visit was yesterday",
                                  "比亚迪那次其实是昨天去的"])
def test_a_visit_day_said_by_its_customer(session_factory, said):
    chat = _chat(session_factory, "visit +华为: demo\nvisit +比亚迪: met cto")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    days = {row[1]: _day(row[2]) for row in _visits(chat)}
    assert days == {"华为": TODAY, "比亚迪": dt.date(2026, 12, 6)}, reply.text


@pytest.mark.parametrize("said, day", [("其实是上周五去的", LAST_FRI),
                                       ("其实是昨天去的", dt.date(2026, 12, 6)),
                                       ("oh it was last friday actually", LAST_FRI)])
def test_a_visit_day_said_after_the_visit(session_factory, said, day):
    chat = _chat(session_factory, "visit +比亚迪: met cto")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [_day(row[2]) for row in _visits(chat)] == [day]


# 4. pronouns are never customer names
@pytest.mark.parametrize("said", ["也给它开个商机 数据平台 40万", "给这个客户开个商机 数据平台 40万",
                                  "also open a deal for it, data platform 400k"])
def test_a_pronoun_in_a_deal_is_the_customer_just_visited(session_factory, said):
    chat = _chat(session_factory, "拜访 +腾讯：聊了数据平台")
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert customer_names(chat) == ["腾讯"]
    assert [row[0] for row in deal_rows(chat, "customer_id")] == [1]


@pytest.mark.parametrize("said", ["这个客户设成A类", "顺便 这个客户设成A类", "make this one tier A",
                                  "把它设成A类"])
def test_a_pronoun_in_a_tier_is_the_customer_just_visited(session_factory, said):
    chat = _chat(session_factory, "visit +Acme Corp: demo")
    reply = chat.reply(said, user="Ana")
    assert reply.ok and "Acme Corp" in reply.text, reply.text
    assert rows_of(chat, Customer, ("name", "tier")) == [("Acme Corp", "A")]


@pytest.mark.parametrize("said, customer", [
    ("宁德时代这家我明天再去一趟 提醒我带上合同", "宁德时代"),
    ("make 华为 tier A and remind me to visit them again in 2 weeks", "华为"),
])
def test_a_pronoun_after_a_named_customer_is_that_customer(session_factory, said, customer):
    chat = _chat(session_factory, "visit +Globex: demo", "customer +宁德时代", "customer +华为",
                 "visit globex: again")
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and reply.buttons, reply.text
    reply = chat.press(reply.buttons[0], user="Ana")
    assert reply.ok and customer in reply.text, reply.text
    assert [row[0] for row in task_rows(chat, "customer")] == [customer], reply.text
