"""r20 W2: `阿里巴巴那单拿下了 52万，客户认可我们的服务响应，另外明天给阿里巴巴发个感谢信 建个任务` became ONE
task titled with the whole sentence, and no win. Rule: a joining word (另外, 还有, 然后, 顺便, also,
and also, plus) splits a message into clauses, each read on its own; where two are commands, both
run in order and are answered together, or the one that needs it asks (one tap runs both); a
win is never folded into a task's title. Today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from support import task_rows

pytestmark = pytest.mark.phrasing


def _deal(chat, deal_id):
    with chat.session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.reason


@pytest.mark.parametrize("said", [
    "阿里巴巴那单拿下了 52万，客户认可我们的服务响应，另外明天给阿里巴巴发个感谢信 建个任务",
    "阿里巴巴那单拿下了 52万，客户认可我们的服务响应 顺便 明天给阿里巴巴发个感谢信 建个任务",
    "阿里巴巴那单拿下了 52万，客户认可我们的服务响应，还有 建个任务 明天给阿里巴巴发个感谢信",
])
def test_zh_a_win_in_words_and_a_task_are_both_made_never_one_task(zh_chat, said):
    zh_chat("商机 阿里巴巴 ERP 商务谈判 50万", user="张伟")
    [deal_id] = zh_chat.session_factory().scalars(select(Deal.id)).all()
    out = zh_chat(said, user="张伟")
    assert "（第1条）" in out and "赢单" in out and "尚未保存" in out, out
    assert task_rows(zh_chat) == [] and _deal(zh_chat, deal_id)[0] == "negotiation"
    out = zh_chat("好", user="张伟")
    assert "1. 🎉 商机" in out and "2. 任务" in out and "给阿里巴巴发个感谢信" in out, out
    stage, amount, reason = _deal(zh_chat, deal_id)
    assert (stage, amount, reason) == ("won", 520000, "客户认可我们的服务响应")
    [(title, due)] = task_rows(zh_chat)
    assert title == "给阿里巴巴发个感谢信" and due.isoformat() == "2026-11-24"


@pytest.mark.parametrize("said", [
    "won #{id} 52k: they loved our support, also task send them a thank-you note tmrw",
    "won #{id} 52k: they loved our support and also task send them a thank-you note tmrw",
    "won #{id} 52k: they loved our support; plus task send them a thank-you note tmrw",
])
def test_en_a_win_and_a_task_joined_run_both(zh_chat, said):
    zh_chat("deal Globex pilot negotiation 50k", user="Ana")
    [deal_id] = zh_chat.session_factory().scalars(select(Deal.id)).all()
    out = zh_chat(said.format(id=deal_id), user="Ana")
    assert "1. 🎉 Deal" in out and "2. Task" in out, out
    assert _deal(zh_chat, deal_id) == ("won", 52000, "they loved our support")
    assert task_rows(zh_chat)[0][0] == "send them a thank-you note"


@pytest.mark.parametrize("said", ["设置 周报 周五 18:00 另外 站会改到9点",
                                  "设置 周报 周五 18:00，还有站会 9点",
                                  "schedule digest fri 18:00, also standup 9:00"])
def test_two_schedules_joined_are_both_set(zh_chat, said):
    from storage.models.team import Team

    out = zh_chat(said, user="王芳")
    assert out.startswith("1. ") and "\n2. " in out, out
    with zh_chat.session_factory() as s:
        team = s.scalars(select(Team)).first()
        assert "18:00" in str(team.settings) and "09:00" in str(team.settings), team.settings


def test_a_done_with_words_then_a_snooze_asks_and_keeps_the_snooze(zh_chat):
    zh_chat("任务 明天给华为打电话", user="张伟")
    zh_chat("拜访 华为：聊了预算；跟进 周三", user="张伟")
    [task_id] = zh_chat.session_factory().scalars(select(Task.id)).all()
    from storage.models.sales import Visit
    [visit_id] = zh_chat.session_factory().scalars(select(Visit.id)).all()
    out = zh_chat(f"任务{task_id}搞定了 跟采购总监吃完饭了 人挺好的，另外{visit_id}推迟到下周五", user="张伟")
    # fix27a (r24zh): the done with words is plain (its words said not kept), so both run at once
    assert "1. " in out and "2. " in out and "12月4日周五" in out and "未保存" in out, out
    with zh_chat.session_factory() as s:
        assert s.get(Task, task_id).done_at is not None
        assert s.get(Visit, visit_id).follow_up_on.isoformat() == "2026-12-04"


@pytest.mark.parametrize("said", ["拜访 华为：聊了预算，另外他们想要demo",
                                  "拜访 华为：见了总监，然后去了工厂",
                                  "visit Globex: met the CFO, also the budget is approved"])
def test_prose_after_a_joining_word_stays_in_the_notes(zh_chat, said):
    out = zh_chat(said, user="张伟")
    assert "1. " not in out, out
    from storage.models.sales import Visit
    with zh_chat.session_factory() as s:
        [visit] = s.scalars(select(Visit)).all()
        assert visit.notes.endswith(said.split("，" if "，" in said else ", ")[-1])
