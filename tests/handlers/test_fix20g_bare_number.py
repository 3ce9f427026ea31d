"""r20: `7搞定了 小米说预算下周批下来` was first read as the follow-up of visit #7, another rep's, and
asked about its day. Rule: a rep's bare number refers only to what that rep may touch (an open
follow-up of their own visit, an open task of theirs); where the words name a customer, the record
about it. Today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit

pytestmark = pytest.mark.phrasing


def _state(chat):
    with chat.session_factory() as s:
        return ([(v.id, v.follow_up_done) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("said", ["1搞定了 小米说预算下周批下来", "1搞定了，小米说预算批了",
                                  "1 done - 小米 says budget next week"])
def test_a_bare_number_of_a_colleagues_visit_is_the_reps_own_task(zh_chat, said):
    zh_chat("拜访 +海尔：聊了MES；跟进 周五", user="Ana")  # visit #1: Ana's
    zh_chat("任务 明天给小米打电话确认预算", user="张伟")  # task #1: 张伟's
    out = zh_chat(said, user="张伟")
    assert "任务 #1" in out or "task #1" in out, out
    assert "跟进结果" not in out and "follow up again" not in out
    assert _state(zh_chat) == ([(1, False)], [(1, False)])
    zh_chat("好", user="张伟")
    assert _state(zh_chat) == ([(1, False)], [(1, True)])


@pytest.mark.parametrize("said", ["1搞定了 海尔说预算下周批下来", "1 done - 海尔 says budget next week"])
def test_a_bare_number_of_a_colleagues_visit_and_no_task_is_said_not_the_reps(zh_chat, said):
    zh_chat("拜访 +海尔：聊了MES；跟进 周五", user="Ana")
    out = zh_chat(said, user="张伟")
    assert "#1" in out and ("没有编号为 #1 的待跟进事项" in out or "No open follow-up" in out
                            or "no follow-up" in out.lower()), out
    assert _state(zh_chat) == ([(1, False)], [])


def test_both_the_reps_own_the_customer_named_decides(zh_chat):
    zh_chat("拜访 +海尔：聊了MES；跟进 周五", user="张伟")  # visit #1, about 海尔
    zh_chat("拜访 +小米：初次见面", user="Ana")  # visit #2 (no follow-up): 小米 known
    zh_chat("任务 明天给小米打电话确认预算", user="张伟")  # task #1, about 小米
    with zh_chat.session_factory() as s:
        assert s.get(Task, 1).customer_id is not None
    out = zh_chat("1搞定了，小米说预算批了", user="张伟")
    assert "任务 #1" in out, out
    assert _state(zh_chat) == ([(1, False), (2, False)], [(1, False)])
    zh_chat("不", user="张伟")
    out = zh_chat("1搞定了，海尔说预算批了", user="张伟")
    assert _state(zh_chat) == ([(1, True), (2, False)], [(1, False)]), out
