"""Round 14 (issue #23): a listing asked for after a command word (`任务列表`, `拜访列表`, `task
list`) is the list, never a task titled "列表" nor a new customer named so; a task "titled" only a
number (`任务 15`, the tail of `done task 3 and task 4`) is never made."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal, Task, Visit
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _counts(session_factory):
    with session_factory() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Task, Visit, Customer))


@pytest.mark.parametrize(("said", "title"), [("任务列表", "待跟进"), ("任务 清单", "待跟进"),
                                             ("task list", "follow-ups"), ("拜访列表", "最近的拜访"),
                                             ("拜访 记录", "最近的拜访"), ("visit list", "Latest visits")])
def test_a_list_word_after_a_command_word_lists(team_chat, session_factory, said, title):
    team_chat("visit Globex: demo", user="Ana")
    before = _counts(session_factory)
    reply = team_chat.reply(said, user="Ana", lang="zh" if "任" in said or "拜" in said else "en")
    assert reply.ok and title in reply.text, reply.text
    assert _counts(session_factory) == before


@pytest.mark.parametrize("said", ["任务 15", "task #15", "done task 3 and task 4"])
def test_a_number_alone_is_never_a_tasks_title(team_chat, session_factory, said):
    team_chat("task call Globex", user="Ana")
    before = _counts(session_factory)
    with session_factory() as s:
        titles = set(s.scalars(select(Task.title)))
    reply = team_chat.reply(said, user="Ana")
    assert not reply.ok, reply.text
    assert _counts(session_factory) == before
    with session_factory() as s:
        assert set(s.scalars(select(Task.title))) == titles


def test_only_a_day_the_message_keeps_is_said_to_be_moved_off_a_day_off(team_chat, session_factory):
    team_chat.now = at("2026-12-06")  # a Sunday: `#N 周五` was once tried as `N周`, N weeks on (a Sunday)
    team_chat('deal Globex "pilot" proposal 20k', user="Ana")
    with session_factory() as s:
        deal = s.scalars(select(Deal.id)).one()
    reply = team_chat.reply(f"任务 商机 #{deal} 周五前发报价", user="Ana", lang="zh")
    assert reply.ok and "12月11日周五" in reply.text and "不是工作日" not in reply.text, reply.text
    moved = team_chat.reply("task call Globex in 2 weeks", user="Ana", lang="en")  # a kept day: said
    assert moved.text.count("not a working day") == 1, moved.text


def test_an_amount_of_wan_and_a_digit_is_offered_whole(team_chat):
    team_chat('商机 腾讯 "CRM" 方案 10万', user="Ana", lang="zh")
    reply = team_chat.reply("腾讯CRM那单 客户签了 八万五 价格有优势", user="Ana", lang="zh")
    assert not reply.ok and reply.buttons, reply.text
    assert all("八万五：价格有优势" in b.command for b in reply.buttons), [b.command for b in reply.buttons]


@pytest.mark.parametrize("said", ["任务 把任务{n}改到下周一", "task move task {n} to mon"])
def test_a_task_moved_after_the_task_word_moves_it(team_chat, session_factory, said):
    team_chat.now = at("2026-12-06")
    team_chat("task call Globex by fri", user="Ana")
    with session_factory() as s:
        number = s.scalars(select(Task.id)).one()
    reply = team_chat.reply(said.format(n=number), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert [(t.id, t.due_on.isoformat()) for t in s.scalars(select(Task))] == [(number, "2026-12-07")]


def test_a_message_of_its_own_naming_a_kind_is_no_answer_to_the_open_question(team_chat, session_factory):
    team_chat("visit 美的集团：聊了", user="Ana", lang="zh")
    asked = team_chat.reply("把美的那个单子的预计成交改到月底", user="Ana", lang="zh")  # "a visit?" open
    assert not asked.ok, asked.text
    team_chat.reply("华为明年预算那个 新建个商机 叫数字化转型 线索阶段 金额先写100万", user="Ana", lang="zh")
    with session_factory() as s:
        names = set(s.scalars(select(Customer.name)))
        titles = set(s.scalars(select(Deal.title)))
    assert not any(":" in n or "把" in n for n in names), names
    assert "月底" not in titles, titles


@pytest.mark.parametrize(("said", "title"), [
    ("任务 周五之前把Globex的报价做出来 跟商机#{n}挂上", "把Globex的报价做出来"),
    ("task send the quote by fri, link to deal #{n}", "send the quote"),
    ("task review deal #{n} numbers by fri", "review deal #{n} numbers"),
])
def test_a_deal_linked_in_a_tasks_words_is_its_deal(team_chat, session_factory, said, title):
    team_chat('deal Globex "pilot" proposal 20k', user="Ana")
    with session_factory() as s:
        deal = s.scalars(select(Deal.id)).one()
    reply = team_chat.reply(said.format(n=deal), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
    linked = "review" not in title  # `review deal #N numbers`: a title that names a deal, no link asked
    assert (task.title, task.deal_id) == (title.format(n=deal), deal if linked else None)
