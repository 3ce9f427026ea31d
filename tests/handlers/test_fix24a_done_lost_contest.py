"""Round 22 (r22en), WRONG answers:

1. `done 29 and 46 both dead leads`, `258 and 271 done, sent both the pilot proposal`, `done 258, 271 sent
   the pilot proposal to both`, `完成 29和46 都没戏了`: every number is a follow-up done, the words after
   them what came of each (handlers/grammar/parse_done.py).
2. `umbrella renewal is dead they signed w oracle, close it lost`, `华为签了别家，这单黄了`: a rival's signing
   and `dead` are words of a loss; never offered as a win (handlers/grammar/closed_words.py).
3. `actually start it jan 5 not 4, 4th is still new yr hangover lol` after a contest: the contest's start
   (the day it was and the why dropped, the why said back), never a deal's amount."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from storage.models.team import Contest
from support import Chat, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory, manager: str = "Mia") -> Chat:
    return make_team_chat(session_factory, manager=manager, reps=("Ana", "Bo", "张伟"))


_FOLLOW_UPS = ("id", "follow_up_done", "outcome")  # what the tests read


@pytest.mark.parametrize("user, said, note", [
    ("Ana", "done {a} and {b} both dead leads", "both dead leads"),
    ("Ana", "done {a} & {b} both dead leads", "both dead leads"),
    ("Ana", "done {a}, {b} sent the pilot proposal to both", "sent the pilot proposal to both"),
    ("Ana", "done {a} {b} sent proposal", "sent proposal"),
    ("Ana", "{a} and {b} done, sent both the pilot proposal", "sent both the pilot proposal"),
    ("张伟", "完成 {a}和{b} 都没戏了", "都没戏了"),
    ("张伟", "{a}跟{b}都搞定了，报价已发", "报价已发"),
])
def test_several_follow_ups_done_with_what_came_of_them(session_factory, user, said, note):
    chat = _chat(session_factory)
    zh = user == "张伟"
    for visit in (("拜访 +小米：聊了报价 跟进 明天", "拜访 +格力：见了采购 跟进 明天") if zh else
                  ("visit +Acme: pricing; follow up tomorrow", "visit +Globex: met cto; follow up tomorrow")):
        assert chat.reply(visit, user=user).ok
    a, b = (v for v, _done, _note in visit_rows(session_factory, *_FOLLOW_UPS))
    reply = chat.reply(said.format(a=a, b=b), user=user)
    assert reply.ok and ("2 follow-ups" in reply.text or "2" in reply.text), reply.text
    assert note in reply.text, reply.text
    stored = [(done, outcome) for _v, done, outcome in visit_rows(session_factory, *_FOLLOW_UPS)]
    assert stored == [(True, note), (True, note)]


def test_done_of_one_number_keeps_its_note(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit +Acme: pricing; follow up tomorrow").ok
    [(a, _d, _o)] = visit_rows(session_factory, *_FOLLOW_UPS)
    reply = chat.reply(f"done {a} sent the quote")
    assert reply.ok and "sent the quote" in reply.text, reply.text
    assert visit_rows(session_factory, *_FOLLOW_UPS) == [(a, True, "sent the quote")]


@pytest.mark.parametrize("user, made, said, reason", [
    ("Ana", "deal +Umbrella \"renewal\" 200k", "umbrella renewal is dead they signed w oracle, close it lost",
     "they signed w oracle"),
    ("Ana", "deal +Umbrella \"renewal\" 200k", "umbrella went with oracle, dead", "went with oracle"),
    ("Ana", "deal +Umbrella \"renewal\" 200k", "umbrella signed with sap instead", "signed with sap"),
    ("张伟", "商机 +华为 \"续约\" 20万", "华为签了别家，这单黄了", "签了别家"),
    ("张伟", "商机 +华为 \"续约\" 20万", "华为那单 客户选了SAP", "选了SAP"),
])
def test_a_rival_signing_is_offered_as_a_loss(session_factory, user, made, said, reason):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert not reply.ok and reply.buttons, reply.text
    lines = " ".join(str(b) for b in reply.buttons)
    assert ("lost" in lines or "输单" in lines) and "won" not in lines and "赢单" not in lines, lines
    assert reason in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() not in ("won", "lost")  # nothing saved yet
    assert chat.press(reply.buttons[0], user=user).ok
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() == "lost"


def test_signed_with_us_is_still_a_win(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("deal +Umbrella \"renewal\" 200k").ok
    reply = chat.reply("umbrella renewal signed with us today 200k")
    lines = " ".join(str(b) for b in reply.buttons)
    assert not reply.ok and "won" in lines and "lost" not in lines, reply.text


@pytest.mark.parametrize("manager, made, said, days, shown", [
    ("Mia", "contest visits feb 22-mar 12", "actually start it feb 23 not 22",
     (dt.date(2027, 2, 23), dt.date(2027, 3, 12)), "Feb 23"),
    ("Mia", "contest visits feb 22-mar 12", "make it end mar 14 not 12",
     (dt.date(2027, 2, 22), dt.date(2027, 3, 14)), "Mar 14"),
    ("王芳", "竞赛 成交数 1月4日-1月29日", "其实1月5号开始 不是4号",
     (dt.date(2027, 1, 5), dt.date(2027, 1, 29)), "1月5日"),
])
def test_a_contests_start_said_with_the_day_it_was(session_factory, manager, made, said, days, shown):
    chat = _contest(session_factory, manager, made)
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    assert "deal" not in reply.text.lower() and "商机" not in reply.text, reply.text
    assert _contest_rows(session_factory) == (days, [50000, 70000])


@pytest.mark.parametrize("manager, made, said, why", [
    ("Mia", "contest revenue jan 4-jan 29", "actually start it jan 5 not 4, 4th is still new yr hangover lol",
     "4th is still new yr hangover lol"),
    ("王芳", "竞赛 成交数 1月4日-1月29日", "其实1月5号开始 不是4号，4号大家还在放假", "4号大家还在放假"),
])
def test_a_contests_start_with_why_is_offered(session_factory, manager, made, said, why):
    chat = _contest(session_factory, manager, made)
    before = _contest_rows(session_factory)
    reply = chat.reply(said, user=manager)
    assert not reply.ok and why in reply.text and len(reply.buttons) == 1, reply.text
    assert "deal" not in str(reply.buttons[0]) and "商机" not in str(reply.buttons[0]), reply.buttons
    assert _contest_rows(session_factory) == before  # not yet
    assert chat.press(reply.buttons[0], user=manager).ok
    assert _contest_rows(session_factory) == (((dt.date(2027, 1, 5), dt.date(2027, 1, 29))), [50000, 70000])


def _contest(session_factory, manager: str, made: str) -> Chat:
    chat = _chat(session_factory, manager)
    assert chat.reply("deal +Globex 50k", user="Bo").ok  # a rep's deal, never touched by the manager
    assert chat.reply("deal +Initech 70k", user=manager).ok  # the manager's own, changed before
    assert chat.reply(made, user=manager).ok
    return chat


def _contest_rows(session_factory) -> tuple:
    with session_factory() as s:
        contest = s.scalars(select(Contest)).one()
        return ((contest.starts_on, contest.ends_on),
                [int(a) for a in s.scalars(select(Deal.amount).order_by(Deal.id))])


@pytest.mark.parametrize("said", ["5", "oops 23 not 22"])
def test_a_bare_number_after_a_contest_never_goes_to_an_older_deal(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("deal +Initech 70k", user="Mia").ok
    assert chat.reply("contest revenue jan 4-jan 29", user="Mia").ok
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and "Initech" not in reply.text, reply.text
    assert all("deal #" not in str(b) for b in reply.buttons), reply.buttons
    with session_factory() as s:
        assert int(s.scalars(select(Deal.amount)).one()) == 70000


@pytest.mark.parametrize("user, said", [
    ("Ana", "done task {a} and {b} both sent"),
    ("张伟", "完成 任务{a}和{b} 都发了"),
])
def test_several_tasks_done_with_words_after(session_factory, user, said):
    from storage.models.sales import Task

    chat = _chat(session_factory)
    for title in ("call acme", "call globex"):
        assert chat.reply(f"task {title} by fri" if user == "Ana" else f"任务 周五前{title}", user=user).ok
    with session_factory() as s:
        a, b = s.scalars(select(Task.id).order_by(Task.id))
    reply = chat.reply(said.format(a=a, b=b), user=user)
    assert reply.ok and f"#{a}" in reply.text and f"#{b}" in reply.text, reply.text
    with session_factory() as s:
        assert all(t.done_at is not None for t in s.scalars(select(Task).order_by(Task.id)))
