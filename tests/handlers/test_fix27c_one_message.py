"""r24en WRONG A–D: what one message says stays one message's.

A. A visit's notes never keep a command said after `also`/`另外`/`顺便` (`…, also move #1 to
   proposal`, `…，顺便把商机 #1 推进到方案`, `…, also open a deal for them, renewal 60k`): it runs as
   a line of its own; prose stays notes.
B. `这家`/`them` after a visit in the same message is that visit's customer, never the previous
   message's.
C. `no wait i meant visits 35 not revenue` right after a revenue target: asked, one tap undoes the
   revenue target (its old value back, or none) and sets visits; never ¥35 of revenue.
D. `undo` after one message that made several changes takes all of them back, and says each.
Fed through the real dispatch."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Target
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, reps=("Ana", "张伟"))
    for line, user in (("customer +Acme", "Ana"), ("customer +Initech", "Ana"), ("客户 +小米", "张伟"),
                       ("客户 +腾讯", "张伟"), ("客户 +京东", "张伟")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _visits(chat) -> list[tuple]:
    with chat.session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.notes, v.follow_up_on is not None)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _deals(chat) -> list[tuple]:
    with chat.session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.title, d.stage, int(d.amount or 0))
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _targets(chat) -> list[tuple]:
    with chat.session_factory() as s:
        return sorted((t.metric, int(t.amount)) for t in s.scalars(select(Target)))


# --- A. a command after also/另外/顺便 in a visit ---------------------------------------------------

@pytest.mark.parametrize("user, deal, said, notes, shown", [
    ("Ana", 'deal Acme "pilot" 50k', "visit acme: demo went well 👍 f/u fri, also move #1 to proposal",
     "demo went well 👍", "Moved Lead → Proposal"),
    ("张伟", "商机 小米 \"CRM\" 20万", "拜访 小米：聊了二期 跟进 周五，顺便把商机 #1 推进到方案",
     "聊了二期", "方案"),
])
def test_a_deal_moved_after_a_visit_is_moved_never_kept_as_notes(session_factory, user, deal, said, notes,
                                                                  shown):
    chat = _chat(session_factory)
    assert chat.reply(deal, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert [(v[1], v[2]) for v in _visits(chat)] == [(notes, True)]
    assert _deals(chat)[0][2] == "proposal"


def test_a_deal_opened_for_them_after_a_visit_is_that_customers(session_factory):
    chat = _chat(session_factory)
    said = "visit initech: talked about next yr, also open a deal for them, renewal 60k"
    reply = chat.reply(said, user="Ana")
    assert reply.ok and "the customer named earlier in this message" in reply.text, reply.text
    assert _visits(chat) == [("Initech", "talked about next yr", False)]
    assert _deals(chat) == [("Initech", "renewal", "lead", 60_000)]


def test_prose_after_also_stays_the_visits_notes(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("visit acme: demo went well, also cfo joined", user="Ana")
    assert reply.ok, reply.text
    assert _visits(chat) == [("Acme", "demo went well, also cfo joined", False)] and _deals(chat) == []


# --- B. 这家 names this message's customer ------------------------------------------------------

def test_this_customer_after_a_visit_in_the_same_message_is_that_visits(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 腾讯：聊了续约", user="张伟").ok
    reply = chat.reply("拜访 京东：聊了新项目 跟进 周五 另外给这家开个商机 新项目 30万", user="张伟")
    assert reply.ok and "这条消息前面提到的客户：京东" in reply.text, reply.text
    assert _deals(chat) == [("京东", "新项目", "lead", 300_000)]


# --- C. a target's metric said wrong ------------------------------------------------------------

def test_visits_not_revenue_asks_then_undoes_the_revenue_target_and_sets_visits(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target @ana revenue 45万 this month", user="Mia").ok
    asked = chat.reply("no wait i meant visits 35 not revenue", user="Mia")
    assert not asked.ok and "it was new: removed" in asked.text and "visits 35" in asked.text, asked.text
    assert _targets(chat) == [("revenue", 450_000)]  # nothing changed yet, never ¥35
    done = chat.reply("1", user="Mia")
    assert done.ok and "Visits 35" in done.text, done.text
    assert _targets(chat) == [("visits", 35)]


def test_zh_visits_not_revenue_puts_the_old_revenue_back(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 业绩 50万 本月", user="Mia", lang="zh").ok
    assert chat.reply("目标 @张伟 业绩 60万 本月", user="Mia", lang="zh").ok
    asked = chat.reply("不对 是拜访35次 不是业绩", user="Mia", lang="zh")
    assert not asked.ok and "恢复为 ¥50万" in asked.text, asked.text
    assert _targets(chat) == [("revenue", 600_000)]
    assert chat.reply("好", user="Mia", lang="zh").ok
    assert _targets(chat) == [("revenue", 500_000), ("visits", 35)]


# --- D. one message, one undo -------------------------------------------------------------------

def test_undo_takes_back_both_targets_of_one_message(session_factory):
    chat = _chat(session_factory)
    set_ = chat.reply("Ana target jan new customers 3 and visits 40", user="Mia")
    assert set_.ok and _targets(chat) == [("new_customers", 3), ("visits", 40)], set_.text
    undone = chat.reply("undo", user="Mia")
    assert undone.ok and "all 2 changes of that message" in undone.text, undone.text
    assert "new customers 3" in undone.text and "visits 40" in undone.text
    assert _targets(chat) == []


def test_zh_undo_after_one_task_each_deletes_both(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("任务 @Ana @张伟 周五前准备QBR材料", user="Mia", lang="zh").buttons
    assert chat.reply("1", user="Mia", lang="zh").ok
    with chat.session_factory() as s:
        assert len(s.scalars(select(Task)).all()) == 2
    undone = chat.reply("撤销", user="Mia", lang="zh")
    assert undone.ok and "全部 2 项" in undone.text, undone.text
    assert undone.text.count("删除了新建的任务") == 2
    with chat.session_factory() as s:
        assert s.scalars(select(Task)).all() == []


@pytest.mark.parametrize("lang, done, named", [
    ("en", "done 1, also snooze 2 next month", "undo that snooze"),
    ("zh", "完成 1，另外2推迟到下个月", "撤销刚才的推迟"),
])
def test_an_undo_that_names_a_part_of_the_message_takes_back_only_that(session_factory, lang, done, named):
    chat = _chat(session_factory)
    for said in ("visit acme: demo; follow up fri", "visit initech: call; follow up fri"):
        assert chat.reply(said, user="Ana").ok
    assert chat.reply(done, user="Ana", lang=lang).ok
    undone = chat.reply(named, user="Ana", lang=lang)
    assert undone.ok and "#2" in undone.text and "#1" not in undone.text, undone.text
    with chat.session_factory() as s:
        first, second = s.scalars(select(Visit).order_by(Visit.id)).all()
        assert first.follow_up_done and not second.follow_up_done
        moved_back = second.follow_up_on
    assert chat.reply("undo", user="Ana", lang=lang).ok  # then the rest of that message
    with chat.session_factory() as s:
        first, second = s.scalars(select(Visit).order_by(Visit.id)).all()
        assert not first.follow_up_done and second.follow_up_on == moved_back
