"""r26 (fix26c): an offer offers only what the member may do, and its tap text is a clean command
that keeps every word said. A new deal offered where a colleague's deal is open there is the
member's own (`new lead globex 80k`: never a tap refused as Bo's); a rep's task for someone else is
refused at once, never asked about; the task-period question's tap keeps the task's deal and the
words after the period; a loss said in words offers lines without the words that take it back
(`…, never mind`, `算了`). Fed through the real dispatch; today is Wed, Dec 9, 2026.

fix29b: `new lead globex 80k` is now a new deal as `new deal globex 80k` is (the member's own, made at
once where only a colleague's is open), so the offer is tested with `globex lead 80k`."""
import datetime as dt

import pytest

from support import Chat, deal_rows, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing

WED = dt.datetime(2026, 12, 9, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=WED, reps=("Ana", "Bo", "张伟"))


_DEALS = ("id", "owner_id", "stage", "amount", "reason")  # what the tests read


_TASKS = ("title", "due_on", "deal_id")  # what the tests read


@pytest.mark.parametrize("user, said, line", [
    ("Ana", "globex lead 80k", 'deal Globex "Globex" lead 80k'),
    ("张伟", "Globex 线索 8万", '商机 Globex "Globex" 线索 8万'),
])
def test_a_new_deal_where_a_colleagues_is_open_is_the_members_own(session_factory, user, said, line):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "ERP" 120k', user="Bo").ok
    before = deal_rows(session_factory, *_DEALS)
    asked = chat.reply(said, user=user)
    assert not asked.ok and asked.buttons[0].command == line, asked.text
    assert "“new”" not in asked.text, asked.text  # the new deal's own word, no words left
    assert deal_rows(session_factory, *_DEALS) == before
    typed = chat.reply(asked.buttons[0].command, user=user)  # typed as shown: never refused as Bo's
    assert typed.ok, typed.text
    after = deal_rows(session_factory, *_DEALS)
    assert after[0] == before[0] and len(after) == 2 and after[1][2] == "lead"


@pytest.mark.parametrize("said, refused", [
    ("task @Bo visit tencent this week its overdue", "Only managers give tasks to others"),
    ("任务 @Bo 本周拜访腾讯 已经逾期了", "只有经理可以给别人派任务"),
])
def test_a_reps_task_for_someone_else_is_refused_not_asked(session_factory, said, refused):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert refused in reply.text and not reply.buttons, reply.text
    assert task_rows(session_factory, *_TASKS) == []


@pytest.mark.parametrize("said, title", [
    ("task @Bo #{id} visit tencent this week, its overdue", "visit tencent, its overdue"),
    ("任务 @Bo #{id} 本周拜访腾讯 已经逾期了", "拜访腾讯 已经逾期了"),
])
def test_the_period_questions_tap_keeps_every_word(session_factory, said, title):
    chat = _chat(session_factory)
    assert chat.reply('deal +Tencent "Cloud" 50k', user="Bo").ok
    deal_id = deal_rows(session_factory, *_DEALS)[0][0]
    asked = chat.reply(said.format(id=deal_id), user="Mia")
    assert not asked.ok and f"#{deal_id}" in asked.buttons[0].command, asked.text
    assert task_rows(session_factory, *_TASKS) == []
    done = chat.reply(asked.buttons[0].command, user="Mia")  # typed as shown
    assert done.ok, done.text
    assert task_rows(session_factory, *_TASKS) == [(title, dt.date(2026, 12, 11), deal_id)]


@pytest.mark.parametrize("user, opened, said, words, line", [
    ("Ana", 'deal +Wayne "ERP" 50k', "wayne went with oracle, never mind", "never mind",
     "lost #{id}: went with oracle"),
    ("张伟", "商机 +京东 \"CRM\" 20万", "京东选了用友 算了", "算了", "输单 #{id}：选了用友"),
])
def test_a_loss_offered_without_the_words_that_take_it_back(session_factory, user, opened, said, words, line):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    before = deal_rows(session_factory, *_DEALS)
    asked = chat.reply(said, user=user)
    assert not asked.ok and f"“{words}”" in asked.text, asked.text
    assert [b.command for b in asked.buttons] == [line.format(id=before[0][0])], asked.text
    assert deal_rows(session_factory, *_DEALS) == before
    assert chat.press(asked.buttons[0], user=user).ok
    deal = deal_rows(session_factory, *_DEALS)[0]
    assert deal[2] == "lost" and words not in deal[4]
