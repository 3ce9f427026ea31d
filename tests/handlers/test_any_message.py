"""Any message, through the whole stack (identify, parse, authorise, store, reply), never crashes."""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.senders import UserRef
from handlers.text.reply import Reply
from handlers.unit_of_work import handle_message
from storage.models.sales import Visit
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from support import Chat, count, records

WORDS = ["visit", "deal", "won", "lost", "progress", "target", "pipeline", "stalled", "leaderboard",
         "followups", "done", "customer", "customers", "team", "role", "leave", "help", "拜访", "商机",
         "赢单", "输单", "进度", "目标", "漏斗", "排行榜", "完成", "客户", "团队", "角色", "请假",
         "Acme", "华为", "@Ana", "@Bo", "@Zed", "#1", "#99", "5万", "50k", "$5", "明天", "下周二",
         "12/20", "2/30", ":", "；", "\"ERP\"", "split", "分解", "close", "team", "add", "create",
         "East", "manager", "rep", "A", "month", "本季度", "visits", "revenue", "1", "3"]


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(messages=st.lists(st.tuples(st.sampled_from(["Mia", "Ana", "Bo"]),
                                   st.lists(st.sampled_from(WORDS), min_size=1, max_size=7)),
                         min_size=1, max_size=4))
def test_any_sequence_of_messages_gets_replies(session_factory, messages):
    chat = Chat(session_factory, tenant="fuzz")
    chat.team()
    for user, words in messages:
        reply = chat.reply(" ".join(words), user=user)
        assert isinstance(reply, Reply) and (reply.title or reply.lines)


def test_a_new_workspace_messaging_from_many_processes_at_once_is_registered_once(session_factory):
    """The first messages of a new workspace, several people at once (as several web and worker
    processes run them): one tenant, one default team, one member each, every visit stored."""
    people = [UserRef("slack", "T9", f"U{n}", f"Rep {n}") for n in range(4)]

    def visit(i: int):
        return handle_message(session_factory, people[i % 4], f"visit Client {i:02}: first week")

    barrier = threading.Barrier(8)

    def together(i: int):
        barrier.wait(timeout=10)
        return visit(i)

    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(together, range(8)))
    assert all(reply.ok for reply in replies)
    assert count(session_factory, Tenant) == 1
    assert count(session_factory, Team) == 1
    assert count(session_factory, Member) == 4
    assert count(session_factory, Visit) == 8


@pytest.mark.parametrize("text", [
    "team add Sales " + " ".join(f"@P{n}" for n in range(400)),  # a Teams message naming hundreds
    "改成70万 " + "客户又砍了一刀 " * 300,  # a correction then pages of why: each word a cut to try
])
def test_a_message_too_long_for_one_command_is_told_so_and_stores_nothing(team_chat, text):
    before = records(team_chat.session_factory)
    answer = team_chat.reply(text, user="Mia")
    assert not answer.ok and answer.lines == (
        "That message is too long for one command. Please split it up." if text.isascii()
        else "这条消息太长了，请分成几条发送。",)
    assert records(team_chat.session_factory) == before
