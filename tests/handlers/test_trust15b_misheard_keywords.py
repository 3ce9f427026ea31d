"""Round 15 (issue #23): a grammar word typed with one character of its sound (`任务列比` for 列表,
`改倒` for 改到, `推近到` for 推进到, `做万` for 做完, `书单` for 输单) or a letter slip (`task lsit`)
is read as the word, one tap away ("did you mean"), or asked about; never stored as a task's title,
a customer's name or a visit's notes. A character of another sound (`任务 记账`) is a title."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal, Task, Visit
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    with session_factory() as s:
        tasks = s.scalars(select(Task).order_by(Task.id))
        return ([(t.id, t.title, t.due_on, t.done_at is not None) for t in tasks],
                s.scalar(select(func.count()).select_from(Visit)),
                s.scalar(select(func.count()).select_from(Customer)),
                [(d.id, d.stage) for d in s.scalars(select(Deal).order_by(Deal.id))])


@pytest.fixture
def task_one(team_chat, session_factory):
    team_chat.now = at("2026-12-06")  # a Sunday: 下周一 is Dec 7
    assert team_chat.reply("task call Globex by fri", user="Ana").ok
    return team_chat


@pytest.mark.parametrize(("said", "slip", "fixed"), [
    ("任务列比", "列比", "任务列表"),
    ("任务 列标", "列标", "任务 列表"),
    ("拜访列比", "列比", "拜访列表"),
    ("任务 把任务1改倒下周一", "改倒", "任务 把任务1改到下周一"),
    ("任务 把任务1改道下周一", "改道", "任务 把任务1改到下周一"),
    ("任务1 做万了", "做万", "任务1 做完了"),
    ("撤小", "撤小", "撤销"),
    ("task lsit", "lsit", "task list"),
    ("visit lsit", "lsit", "visit list"),
])
def test_a_slip_of_a_grammar_word_is_asked_one_tap_away(task_one, session_factory, said, slip, fixed):
    before = _rows(session_factory)
    reply = task_one.reply(said, user="Ana")
    assert not reply.ok, reply.text
    assert slip in reply.text and [b.command for b in reply.buttons] == [fixed], reply.text
    assert _rows(session_factory) == before  # no task titled 列比, no customer 列比, task #1 unmoved


def test_the_tap_does_what_the_word_says(task_one, session_factory):
    reply = task_one.reply("任务 把任务1改倒下周一", user="Ana")
    assert reply.buttons[0].command == "任务 把任务1改到下周一"
    assert task_one.reply("好", user="Ana").ok
    tasks = _rows(session_factory)[0]
    assert [(t[0], t[2].isoformat()) for t in tasks] == [(1, "2026-12-07")]


@pytest.mark.parametrize(("said", "stage", "line"), [
    ("拜访 华为 技术评估通过了 商机推近到方案", "方案", "商机推近到方案"),
    ("拜访 华为：聊得不错 商机推尽到商务谈判", "商务谈判", "商机推尽到商务谈判"),
    ("visit Globex: good demo, deal moved to proposal", "proposal", "moved to proposal"),
])
def test_a_stage_move_slipped_into_a_visits_notes_is_asked(team_chat, session_factory, said, stage, line):
    team_chat.reply('商机 华为 "云迁移" 线索 50万', user="Ana", lang="zh")
    team_chat.reply('deal Globex "pilot" lead 20k', user="Ana", lang="en")
    before = _rows(session_factory)
    reply = team_chat.reply(said, user="Ana")
    assert not reply.ok and line in reply.text, reply.text
    assert len(reply.buttons) == 2 and reply.buttons[0].command.endswith(stage), reply.buttons
    assert _rows(session_factory) == before  # no visit stored with the move in its notes


@pytest.mark.parametrize(("said", "title"), [("任务 记账", "记账"), ("task call Lisa", "call Lisa"),
                                             ("任务 给万成集团打电话", "给万成集团打电话")])
def test_a_word_of_another_sound_is_a_title(team_chat, session_factory, said, title):
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert [t[1] for t in _rows(session_factory)[0]] == [title]
