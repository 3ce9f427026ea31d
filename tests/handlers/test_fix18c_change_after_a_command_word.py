"""Round 18 (zh): a command word followed by a change (`拜访跟进改成周五`, `拜访改成45次`, `visit change
to yesterday`) was read as a new record for a new customer named after the change. Now the words
after the command word are read as the change alone (a correction of the member's last change),
and no customer's name may begin with a change: such a name is refused with advice."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    return chat


def _count(session_factory, model) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def _names(session_factory) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(Customer.name)))


@pytest.mark.parametrize("said", ["拜访跟进改成周五", "拜访 跟进改成周五", "拜访跟进推到周五",
                                  "拜访：跟进改成周五"])
def test_a_visit_word_then_a_follow_up_change_moves_the_last_visits_follow_up(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +海尔：介绍了新产品线 跟进 周三", user="张伟").ok
    visits = _count(session_factory, Visit)
    reply = chat.reply(said, user="张伟")
    assert "已新建客户" not in reply.text, reply.text
    assert _count(session_factory, Visit) == visits
    assert _names(session_factory) == ["海尔"]
    with session_factory() as s:
        visit = s.scalars(select(Visit)).one()
        assert reply.ok, reply.text
        assert visit.follow_up_on.weekday() == 4, reply.text  # Friday


@pytest.mark.parametrize("said, user", [
    ("拜访时间改成昨天", "张伟"), ("拜访纪要改成 见了采购 聊了续约", "张伟"), ("拜访改成45次", "张伟"),
    ("商机金额改成15万", "张伟"), ("客户等级改回A", "张伟"), ("拜访日期改为昨天", "张伟"),
    ("visit change to yesterday", "Ana"), ("deal make it 50k", "Ana"), ("visit change it to friday", "Ana"),
])
def test_a_command_word_then_a_change_never_makes_a_customer_or_a_record(session_factory, said, user):
    chat = _chat(session_factory)
    first = "拜访 +海尔：送合同 顺便见了财务" if user == "张伟" else "visit +Acme: sent the contract"
    assert chat.reply(first, user=user).ok
    visits, names = _count(session_factory, Visit), _names(session_factory)
    reply = chat.reply(said, user=user)
    assert "已新建客户" not in reply.text and "New customer" not in reply.text, reply.text
    assert _count(session_factory, Visit) == visits, reply.text
    assert _names(session_factory) == names, reply.text


def test_a_visits_target_corrected_after_the_command_word(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 拜访 40次 本月", user="王芳").ok
    reply = chat.reply("拜访改成45次", user="王芳")
    assert reply.ok, reply.text
    assert "45" in reply.text and "40" in reply.text, reply.text  # old → new
    assert _count(session_factory, Visit) == 0
    assert _count(session_factory, Customer) == 0


@pytest.mark.parametrize("name", ["+改成45次", "+时间改成昨天", "+跟进改成周五", "+纪要改成"])
def test_a_name_beginning_with_a_change_is_refused_with_advice(session_factory, name):
    chat = _chat(session_factory)
    reply = chat.reply(f"拜访 {name}：见了采购", user="张伟")
    assert not reply.ok, reply.text
    assert "不是客户名称" in reply.text and "跟进改成周五" in reply.text, reply.text
    assert _count(session_factory, Customer) == 0 and _count(session_factory, Visit) == 0


def test_a_name_beginning_with_a_change_is_refused_in_english(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("customer +change to friday", user="Ana")
    assert not reply.ok and "says a change, not a customer's name" in reply.text, reply.text
    assert _count(session_factory, Customer) == 0


@pytest.mark.parametrize("said", ["拜访 Change Healthcare：intro", "deal +Make It Happen 50k"])
def test_names_that_only_look_like_a_change_are_kept(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert "says a change" not in reply.text, reply.text


@pytest.mark.parametrize("said, user, shown", [
    ("拜访时间改成昨天", "张伟", "“时间改成昨天”是对刚才那条的修改"),
    ("visit change to yesterday", "Ana", "“change to yesterday” reads as a change of what you just did"),
])
def test_a_change_that_cannot_be_made_says_so_and_how(session_factory, said, user, shown):
    chat = _chat(session_factory)
    first = "拜访 +海尔：送合同 顺便见了财务" if user == "张伟" else "visit +Acme: sent the contract"
    assert chat.reply(first, user=user).ok
    reply = chat.reply(said, user=user)
    assert not reply.ok and shown in reply.text, reply.text
    assert _count(session_factory, Visit) == 1 and _count(session_factory, Customer) == 1
