"""WeCom messages a busy web process hands to a worker through the inbox (bot/handoff.py): an
empty 200 at once, the answer through message/send, once, and nothing stored twice."""
import logging
import re
from concurrent.futures import ThreadPoolExecutor

from storage.models.messaging import InboxItem
from storage.models.sales import Visit
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


def test_a_burst_of_messages_is_stored_and_answered_exactly_once(wecom, caplog):
    """Each message is recorded in the inbox, or, where the inbox could not be written in time
    (SQLite's write lock held past `LOCKED_FOR` on a loaded machine), run at once without a row
    (bot/handoff.py says so in a warning): either way stored and answered once."""
    caplog.set_level(logging.WARNING, logger="bot.handoff")
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
    unrecorded = len([r for r in caplog.records if r.getMessage().startswith("inbox unreachable")])
    # every row done: one held by a run that could not mark it done is run again by a worker when
    # its hold is over (60 s), so the check below also sees what that second run sent
    eventually(lambda: statuses(wecom.core) == ["done"] * (32 - unrecorded) and len(logged()) >= 32,
               timeout=300)
    assert logged() == [f"已记录拜访：客户{i:02}" for i in range(32)]  # each answered once
    assert count(wecom.core.session_factory, Visit) == 32


def test_with_no_worker_running_a_message_left_for_one_is_still_answered(wecom_settings, fake_wecom):
    """The web process acked and left the message for a worker, and none runs: after a short
    while it runs the message itself; the answer comes through message/send, once."""
    from bot.web import create_app
    from fakes.wecom_driver import WeComDriver
    from support import serve

    app = create_app(wecom_settings)  # a web process alone: no worker beside it
    app.handoff.late_after = 0.2
    server = serve(app)
    try:
        driver = WeComDriver(f"http://127.0.0.1:{server.server_address[1]}", fake_wecom, app.core)
        with app.handoff.serving():  # busy: the message is left for a worker
            assert driver.text("拜访 华为：见面", msg_id=902) == (200, None)
        eventually(lambda: statuses(app.core) == ["done"] and driver.sent_to("zhangwei"))
        assert ["已记录拜访：华为。" in text for text in driver.sent_to("zhangwei")] == [True]
        assert count(app.core.session_factory, Visit) == 1
    finally:
        server.shutdown()
        server.server_close()
        app.core.close()
