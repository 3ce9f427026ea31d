"""r29en D / r29zh: the words that ask for a task (`pls`, `for me:`, `remind me to`, `each`, `, remind
me`, `by eod` once the day is read; `麻烦`, `帮我`, `记一下`, `提醒我`) stayed in its title, once
silently (`task for me: prep QBR deck for 海尔 by thu eod` → "for me: prep QBR deck for 海尔 by eod").
They are cut from every title, by one reader (handlers/grammar/task_filler.py). Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana", "Bo"))
    for said in ("customer +海尔", "customer +腾讯", "customer +华为", "customer +美的", "customer +Globex"):
        assert chat.reply(said, user="王芳").ok, said
    return chat


@pytest.mark.parametrize("said, user, title, due", [
    ("task for me: prep QBR deck for 海尔 by thu eod", "Ana", "prep QBR deck for 海尔",
     dt.date(2026, 12, 10)),
    ("task pls call globex cfo tmrw", "Bo", "call globex cfo", dt.date(2026, 12, 8)),
    ("task please send 腾讯 the deck by mon, thx", "Bo", "send 腾讯 the deck", dt.date(2026, 12, 14)),
    ("task for me - renew the 华为 NDA by fri eod", "Ana", "renew the 华为 NDA", dt.date(2026, 12, 11)),
    ("任务 明天给华为发报价 记一下", "张伟", "给华为发报价", dt.date(2026, 12, 8)),
    ("任务 麻烦帮我 周五前给美的发合同", "张伟", "给美的发合同", dt.date(2026, 12, 11)),
    ("任务 帮我 后天给海尔打电话，别忘了", "张伟", "给海尔打电话", dt.date(2026, 12, 9)),
])
def test_asking_words_are_never_the_task_title(session_factory, said, user, title, due):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and title in reply.text, reply.text
    assert task_rows(session_factory) == [(title, due)]


@pytest.mark.parametrize("said, title", [
    ("task call globex to remind them about the NDA by fri", "call globex to remind them about the NDA"),
    ("任务 周五前请客户吃饭", "请客户吃饭"),
])
def test_the_same_words_inside_a_title_are_kept(session_factory, said, title):
    chat = _chat(session_factory)
    assert chat.reply(said, user="Bo").ok
    assert task_rows(session_factory, "title") == [(title,)]


@pytest.mark.parametrize("said, user, line, title", [
    ("pls remind me fri to chase 腾讯 legal on the MSA", "Ana", "task chase 腾讯 legal on the MSA by fri",
     "chase 腾讯 legal on the MSA"),
    ("please remind me mon to send globex the contract", "Bo", "task send globex the contract by mon",
     "send globex the contract"),
    ("美的那边周五去一趟 提醒我带上合同", "张伟", "带上合同", "美的那边去一趟 带上合同"),
])
def test_a_reminder_said_in_a_sentence_is_offered_without_its_asking_words(session_factory, said, user,
                                                                             line, title):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and line in reply.text, reply.text
    for word in ("pls", "please", "remind me", "提醒我"):
        assert word not in reply.text.split("\n", 1)[1], reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert [t for (t,) in task_rows(session_factory, "title")] == [title]


@pytest.mark.parametrize("said, lines", [
    ("task @Ana @Bo each send me your Q1 pipeline forecast by 12/15",
     ("task @Ana send me your Q1 pipeline forecast by 12/15",
      "task @Bo send me your Q1 pipeline forecast by 12/15")),
    ("任务 @张伟 @Bo 各自 周五前把Q1预测发我", None),
])
def test_each_is_no_part_of_one_task_per_person(session_factory, said, lines):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok, reply.text
    for line in lines or ():
        assert line in reply.text, reply.text
    assert chat.reply("1", user="王芳").ok
    titles = [t for (t,) in task_rows(session_factory, "title")]
    assert len(titles) == 2 and not any(t.startswith(("each", "各自")) for t in titles), titles


def test_a_reminder_word_at_the_end_is_in_no_title_of_the_task_offered(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("明天 call 华为 CIO re the data platform, remind me", user="Ana")
    assert not reply.ok and any(b.command.startswith("task ") for b in reply.buttons), reply.text
    assert chat.press(next(b for b in reply.buttons if b.command.startswith("task ")), user="Ana").ok
    assert task_rows(session_factory) == [("call 华为 CIO re the data platform", dt.date(2026, 12, 8))]
