"""fix29b: words that are no field are asked about, never stored quietly.

- `visit tencent this week its overdue, add a task`: task words in a visit's notes are offered as
  visit + task or a task only; nothing stored until tapped.
- `给张伟开个商机 …`: a member's name is never made a new customer.
- `新线索 Globex 8万`, `new lead globex 80k`: a new deal (stage lead), as `new deal` phrasing is.
- `deal 46 to acme` by a rep: the deal's customer change offered, never "only a manager".
Fed through the real dispatch; Mon, Dec 7, 2026."""
import pytest

from support import MON, deal_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("visit +腾讯: intro", "visit +Acme Corp: intro", 'deal +Globex "CRM" 150k')
    return chat


def _visits_and_tasks(chat) -> tuple[list, list]:
    return [n for (n,) in visit_rows(chat, "notes")], [t for (t,) in task_rows(chat, "title")]


@pytest.mark.parametrize("said, words", [
    ("visit tencent this week its overdue, add a task", "add a task"),
    ("visit acme: demo went well, add a task to send pricing", "add a task"),
    ("visit acme: demo ok. create a reminder", "create a reminder"),
    ("拜访 腾讯 这周该去了 加个任务", "加个任务"),
    ("拜访 腾讯 见了张总 提醒我发报价", "提醒我"),
    ("拜访 腾讯：聊得不错，建个任务发方案", "建个任务"),
])
def test_task_words_in_a_visits_notes_are_offered_never_stored_as_notes(session_factory, said, words):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and f"“{words}”" in reply.text, reply.text
    assert len(reply.buttons) == 2
    assert records(session_factory) == before


@pytest.mark.parametrize("said, notes, task", [
    ("visit acme: demo went well, add a task to send pricing", "demo went well", "send pricing"),
    ("拜访 腾讯 见了张总 提醒我发报价", "见了张总", "发报价"),
])
def test_the_visit_and_its_task_tapped(session_factory, said, notes, task):
    chat = _chat(session_factory)
    assert not chat.reply(said, user="Ana").ok
    assert chat.reply("1", user="Ana").ok
    visits, tasks = _visits_and_tasks(chat)
    assert visits[-1] == notes and tasks == [task]


@pytest.mark.parametrize("said", ["visit tencent this week its overdue, add a task",
                                  "拜访 腾讯 这周该去了 加个任务"])
def test_only_the_task_tapped(session_factory, said):
    chat = _chat(session_factory)
    assert not chat.reply(said, user="Ana").ok
    visits = _visits_and_tasks(chat)[0]
    chat.reply("2", user="Ana")
    assert _visits_and_tasks(chat)[0] == visits  # no visit; the task's day may be asked first


@pytest.mark.parametrize("said, user, asked", [
    ("给张伟开个商机 腾讯 5万", "王芳", "张伟是团队成员，不是客户"),
    ("商机 张伟 5万", "王芳", "张伟是团队成员，不是客户"),
    ("new deal for Ana 50k", "王芳", "Ana is a member of the team, not a customer"),
    ("deal for Ana: globex 50k", "王芳", "Ana is a member of the team, not a customer"),
    ("visit 张伟: demo", "Ana", "张伟 is a member of the team, not a customer"),
])
def test_a_members_name_is_never_a_new_customer(session_factory, said, user, asked):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and asked in reply.text, reply.text
    assert records(session_factory) == before


@pytest.mark.parametrize("said", ["新线索 Initech 8万", "new lead initech 80k", "新线索：Initech 8万",
                                  "a new lead initech 80k"])
def test_a_new_lead_is_a_new_deal(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("visit +Initech: intro", user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok and ("已新建商机" in reply.text or "New deal created" in reply.text), reply.text
    assert deal_rows(chat)[-1][1:] == ("Initech", "lead", 80000)


@pytest.mark.parametrize("said", ["新线索 Globex 8万", "new lead globex 80k"])
def test_a_new_lead_beside_an_open_deal_is_asked(session_factory, said):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and "#1" in reply.text and len(reply.buttons) == 2, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert [r[1:] for r in deal_rows(chat)] == [("Globex", "lead", 150000), ("Globex", "lead", 80000)]


@pytest.mark.parametrize("said, asked", [("deal 1 to acme", "“acme” is a customer, not a member"),
                                         ("deal #1 to tencent", "is a customer, not a member"),
                                         ("1号单子转给腾讯", "“腾讯”是客户，不是成员")])
def test_a_deal_to_a_customer_offers_the_customer_change(session_factory, said, asked):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert deal_rows(chat)[0][1] in ("Acme Corp", "腾讯")


@pytest.mark.parametrize("said, asked", [("deal 1 to zzz", "a member to give deal #1 to, or its customer"),
                                         ("1号单子转给某某", "是要把商机 #1 转给的成员，还是它的客户")])
def test_a_deal_to_neither_is_asked(session_factory, said, asked):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text, reply.text
    assert records(session_factory) == before


@pytest.mark.parametrize("said, user, refused", [("deal 1 to 张伟", "Ana", "只有经理"),
                                                 ("deal 1 to 张伟", "王芳", "")])
def test_a_deal_to_a_member_is_the_handover(session_factory, said, user, refused):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    if refused:
        assert not reply.ok and ("only a manager" in reply.text or refused in reply.text), reply.text
        assert deal_rows(chat)[0][0] == 1
    else:
        assert reply.ok, reply.text
