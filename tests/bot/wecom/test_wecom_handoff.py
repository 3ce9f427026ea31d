"""WeCom messages a busy web process hands to a worker through the inbox (bot/handoff.py): an
empty 200 at once, the answer through message/send, once, and nothing stored twice."""
import re
from concurrent.futures import ThreadPoolExecutor

from storage.models import InboxItem, Visit
from support import count, eventually


def statuses(core) -> list[str]:
    with core.session_factory() as s:
        return [item.status for item in s.query(InboxItem).order_by(InboxItem.id)]


def test_while_another_request_is_in_flight_the_answer_comes_through_message_send(wecom):
    with wecom.web.handoff.serving():  # another callback is being served: this one is handed on
        assert wecom.text("拜访 华为：见面", msg_id=901) == (200, None)
        assert wecom.text("拜访 华为：见面", msg_id=901) == (200, None)  # WeCom's redelivery
    eventually(lambda: statuses(wecom.core) == ["done"] and wecom.sent_to("zhangwei"))
    [answer] = wecom.sent_to("zhangwei")  # queued in the outbox with the visit: sent once
    assert "已记录拜访：华为。" in answer
    assert count(wecom.core.session_factory, Visit) == 1


def test_a_burst_of_messages_is_stored_and_answered_exactly_once(wecom):
    users = ("zhangwei", "lina", "wangfang", "tom")

    def send(i: int):
        return wecom.text(f"拜访 客户{i:02}：见面", user=users[i % 4], msg_id=10_000 + i)

    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(send, range(32)))
    assert {status for status, _ in answers} == {200}
    passive = [reply for _, reply in answers if reply]

    def logged() -> list[str]:  # passively when this process ran it, else by the outbox's message/send
        by_api = [text for user in users for text in wecom.sent_to(user)]
        return sorted(found for text in passive + by_api
                      for found in re.findall(r"已记录拜访：客户\d\d", text))
    eventually(lambda: statuses(wecom.core) == ["done"] * 32 and len(logged()) >= 32)
    assert logged() == [f"已记录拜访：客户{i:02}" for i in range(32)]  # each answered once
    assert count(wecom.core.session_factory, Visit) == 32
