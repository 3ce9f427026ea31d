"""Outbox rows keep their address as text (`target`): the forms written before addresses were typed
still go out, to the address they name, and a row of no known kind fails without a send."""
from sqlalchemy import select

from handlers.text.reply import Reply
from handlers.text.reply_json import to_payload
from storage.models.messaging import Delivery
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from support import NOW
from worker.delivery import DeliveryWorker

#: (platform, target) as the senders and the migrations have written them, colons and all
STORED = [
    ("slack", "user:U1"),
    ("slack", "channel:C1"),
    ("slack", "channel:#华东销售"),
    ("slack", "thread:C1:1700000000.000100"),
    ("slack", "respond:auto:U1:https://hooks.slack.com/actions/T1/1/x?a=b:c"),
    ("wecom", "user:张伟"),
    ("wecom", "chat:wrCHAT1"),
    ("wecom", "webhook:6c0a-robot-key"),
    ("wecom", "card:zhangwei"),
    ("teams", "user:29:1AbC-_x"),
    ("teams", "conv:19:abc@thread.tacv2;messageid=1700000000000"),
    ("teams", "conv:a:chat-29:ana"),
    ("console", "channel:华东 East"),
]


class Recording:
    def __init__(self):
        self.sent = []

    def send(self, to, reply):
        self.sent.append((to.platform, to.workspace, to.kind, to.id, to.target, reply.title))


def _enqueue(session_factory, rows):
    with session_factory.begin() as s:
        tenant = Tenant(platform="console", external_id="t")
        s.add(tenant)
        s.flush()
        for n, (platform, target) in enumerate(rows):
            OutboxRepository(s).enqueue(key=f"k{n}", tenant_id=tenant.id, platform=platform, workspace="W1",
                                        target=target, payload=to_payload(Reply(title=f"m{n}")), now=NOW)


def test_every_stored_form_is_sent_to_the_address_it_names(session_factory):
    _enqueue(session_factory, STORED)
    sender = Recording()
    DeliveryWorker(session_factory, sender, clock=lambda: NOW).run_once(limit=len(STORED))
    assert sorted((p, w, t, title) for p, w, _k, _i, t, title in sender.sent) == sorted(
        (platform, "W1", target, f"m{n}") for n, (platform, target) in enumerate(STORED))
    ids = {t: i for _p, _w, _k, i, t, _title in sender.sent}
    assert ids["thread:C1:1700000000.000100"] == "C1"
    assert ids["respond:auto:U1:https://hooks.slack.com/actions/T1/1/x?a=b:c"] == "U1"
    assert ids["user:29:1AbC-_x"] == "29:1AbC-_x"
    assert ids["conv:a:chat-29:ana"] == "a:chat-29:ana"
    with session_factory() as s:
        assert set(s.scalars(select(Delivery.status))) == {"sent"}


def test_a_row_of_no_known_kind_fails_at_once_and_says_why(session_factory):
    _enqueue(session_factory, [("gone", "room:#east"), ("slack", "user:U1")])
    sender = Recording()
    DeliveryWorker(session_factory, sender, clock=lambda: NOW).run_once()
    assert [s[4] for s in sender.sent] == ["user:U1"]
    with session_factory() as s:
        rows = {d.target: (d.status, d.last_error) for d in s.scalars(select(Delivery))}
    assert rows["room:#east"][0] == "failed" and "room" in rows["room:#east"][1]
    assert rows["user:U1"][0] == "sent"
