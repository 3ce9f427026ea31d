"""r31zh #141: a negated answer (`不是任务`, `not a task`, `no not that`, `不要`, `别`) to the bot's
offer is a no, never a yes: `不是任务` made the task it declined (its `不是` was dropped as a picking
word and `任务` matched the option's label). A no that then says what is meant
(`不是，记成拜访`, `no, log it as a visit`, `不是任务 是拜访`) still takes that kind, asked in turn."""
import pytest

from support import MON, Chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _asked(session_factory, said: str, user: str) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "Bo", "张伟"))
    chat.now = MON
    assert chat.reply("客户 +小米 B类", user="张伟").ok
    reply = chat.reply(said, user=user)
    assert not reply.ok and reply.buttons, reply.text  # offered, nothing stored yet
    return chat


@pytest.mark.parametrize("answer, shown", [
    ("不是任务", "未保存"), ("不是任务！", "未保存"), ("不是这个任务", "未保存"), ("不要", "未保存"),
    ("别", "未保存"), ("不对", "未保存"), ("不是 任务", "未保存"), ("not a task", "未保存"),
    ("no not that", "未保存"),  # (in the question's language)
])
def test_a_negated_answer_to_a_zh_task_offer_stores_nothing(session_factory, answer, shown):
    chat = _asked(session_factory, "周五前整理一下报销单", "王芳")  # (r31zh #140 is a target now)
    before = records(session_factory)
    reply = chat.reply(answer, user="王芳")
    assert shown in reply.text, reply.text
    assert "#" not in reply.text, reply.text
    assert records(session_factory) == before and task_rows(chat) == []


@pytest.mark.parametrize("answer", [
    "not a task", "no, not a task", "nope not a task", "no not that", "nope", "no thanks, not as a task",
    "NOT A TASK!", "not that"])
def test_a_negated_answer_to_an_en_task_offer_stores_nothing(session_factory, answer):
    chat = _asked(session_factory, "call Ms Li back next tuesday about the pilot", "Ana")
    before = records(session_factory)
    reply = chat.reply(answer)
    assert "nothing was saved" in reply.text, reply.text
    assert records(session_factory) == before and task_rows(chat) == []


@pytest.mark.parametrize("answer", ["不是，记成拜访", "不是任务 是拜访", "不是任务，记为拜访"])
def test_a_no_then_the_kind_meant_asks_that_kind(session_factory, answer):
    chat = _asked(session_factory, "明天给小米发报价", "张伟")
    before = records(session_factory)
    reply = chat.reply(answer, user="张伟")
    assert "跟进日期" in reply.text, reply.text  # the visit, its follow-up day asked in turn
    assert records(session_factory) == before
    assert chat.reply("2", user="张伟").ok
    assert task_rows(chat) == [] and visit_rows(chat, "customer", "notes") == [("小米", "明天给小米发报价")]
    assert chat.reply("撤销", user="张伟").ok and visit_rows(chat) == []  # undo takes back that visit


def test_a_negated_answer_among_several_options_picks_none(session_factory):
    chat = _asked(session_factory, "明天给小米发报价", "张伟")
    before = records(session_factory)
    reply = chat.reply("不是小米", user="张伟")
    assert not reply.ok and records(session_factory) == before, reply.text
    assert task_rows(chat) == [] and visit_rows(chat) == []
