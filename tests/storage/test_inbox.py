"""The inbox table on SQLite and PostgreSQL: a key once, leases, holds of a process that died."""
import datetime as dt

from sqlalchemy import select

from storage.inbox import InboxRepository
from storage.models.base import utcnow
from storage.models.messaging import CachedToken, Delivery, InboxItem
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from storage.retention import purge
from support import NOW

LEASE = dt.timedelta(seconds=60)


def put(session_factory, key, platform="slack", held_for=None, now=NOW):
    with session_factory.begin() as s:
        return InboxRepository(s).put(key=key, platform=platform, payload={"k": key}, now=now,
                                      held_for=held_for)


def claim(session_factory, now=NOW, platforms=("slack", "wecom"), limit=10):
    with session_factory.begin() as s:
        return [(item.key, item.attempts) for item in
                InboxRepository(s).claim(now, limit, LEASE, platforms)]


def test_a_key_is_recorded_once(session_factory):
    first = put(session_factory, "slack:Ev1:direct_message")
    assert first is not None
    assert put(session_factory, "slack:Ev1:direct_message") is None  # Slack's retry
    with session_factory() as s:
        assert [i.payload for i in s.query(InboxItem)] == [{"k": "slack:Ev1:direct_message"}]


def test_claims_are_oldest_first_and_not_taken_twice_within_a_lease(session_factory):
    for key in ("a", "b", "c"):
        put(session_factory, key)
    assert claim(session_factory, limit=2) == [("a", 1), ("b", 1)]
    assert claim(session_factory) == [("c", 1)]  # a second worker gets the rest
    assert claim(session_factory, now=NOW + dt.timedelta(seconds=30)) == []
    # the leases ran out (their worker died): taken over, a second attempt
    assert claim(session_factory, now=NOW + LEASE + dt.timedelta(seconds=1)) == [
        ("a", 2), ("b", 2), ("c", 2)]


def test_a_row_held_by_the_web_process_is_taken_over_only_when_its_hold_is_over(session_factory):
    put(session_factory, "held", held_for=dt.timedelta(seconds=60))
    assert claim(session_factory, now=NOW + dt.timedelta(seconds=59)) == []
    assert claim(session_factory, now=NOW + dt.timedelta(seconds=61)) == [("held", 2)]


def test_a_worker_takes_only_the_platforms_it_runs(session_factory):
    put(session_factory, "s1", platform="slack")
    put(session_factory, "w1", platform="wecom")
    assert claim(session_factory, platforms=("wecom",)) == [("w1", 1)]


def test_done_rows_are_not_run_again_and_are_purged_on_schedule(session_factory):
    done_id = put(session_factory, "old")
    put(session_factory, "waiting")
    failed_id = put(session_factory, "broken")
    with session_factory.begin() as s:
        repo = InboxRepository(s)
        repo.done(done_id, NOW)
        repo.fail(failed_id, "RuntimeError('boom')")
        assert repo.waiting() == (1, NOW)
        assert [item.key for item in repo.failed()] == ["broken"]
    assert claim(session_factory) == [("waiting", 1)]
    with session_factory.begin() as s:
        tenant = Tenant(platform="slack", external_id="T1")
        s.add(tenant)
        s.flush()
        keys = ("answer:slack:Ev1", "answer:slack:Ev2", "standup:1")
        OutboxRepository(s).enqueue_many([{"key": key, "tenant_id": tenant.id, "platform": "slack",
                                           "workspace": "T1", "target": "user:U1", "payload": {}}
                                          for key in keys], NOW)
        for key in ("answer:slack:Ev1", "standup:1"):
            OutboxRepository(s).fill(key, {}, "user:U1", sent=NOW)
        s.add(CachedToken(key="link:12345678", value="1:slack", expires_at=NOW + dt.timedelta(days=1)))
    with session_factory.begin() as s:
        assert set(purge(s, NOW + dt.timedelta(hours=23)).values()) == {0}  # not a day old yet
    with session_factory.begin() as s:
        assert purge(s, NOW + dt.timedelta(days=1, seconds=1)) == {
            "inbox done": 1, "inbox failed": 0, "answers sent": 0, "expired credentials": 1,
            "cards kept": 0, "changes past undo": 0, "bin": 0}
    with session_factory() as s:
        assert sorted(i.key for i in s.query(InboxItem)) == ["broken", "waiting"]
    with session_factory.begin() as s:
        assert purge(s, NOW + dt.timedelta(days=7, seconds=1)) == {
            "inbox done": 0, "inbox failed": 1, "answers sent": 1, "expired credentials": 0,
            "cards kept": 0, "changes past undo": 0, "bin": 0}
    with session_factory() as s:
        assert [i.key for i in s.query(InboxItem)] == ["waiting"]
        # an answer not sent yet stays, and so do other messages (their keys make posts once a year)
        assert sorted(s.scalars(select(Delivery.key))) == ["answer:slack:Ev2", "standup:1"]


def test_teams_cards_kept_to_update_go_after_30_days_other_references_stay(session_factory):
    from storage import conversations

    with session_factory.begin() as s:
        conversations.save(s, "teams", "T1", "card:1:reply-1", {"target": "user:29:a", "reply": {}})
        conversations.save(s, "teams", "T1", "user:29:a", {"conversationId": "a:1"})
    with session_factory.begin() as s:
        assert purge(s, utcnow() + dt.timedelta(days=29))["cards kept"] == 0
    with session_factory.begin() as s:
        assert purge(s, utcnow() + dt.timedelta(days=31))["cards kept"] == 1
    with session_factory() as s:
        assert conversations.find(s, "teams", "T1", "card:1:reply-1") is None
        assert conversations.find(s, "teams", "T1", "user:29:a") == {"conversationId": "a:1"}
