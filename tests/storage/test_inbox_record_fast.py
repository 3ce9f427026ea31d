"""Recording inbox rows before the ack (`storage.inbox.record`, SQL of our own on the driver's
cursor) stores exactly what SQLAlchemy's own insert stored, on SQLite and PostgreSQL: a key once,
the ids in order, errors raised as SQLAlchemy raises them, a dropped connection reconnected."""
import datetime as dt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from storage.inbox import AT_ONCE, record
from storage.models.messaging import InboxItem
from support import NOW

HOLD = dt.timedelta(seconds=60)
PAYLOADS = [{"v": 2, "message": "拜访 客户001：压测", "mentioned": ["U1", "小王"], "pressed": False},
            {"v": 2, "message": 'quotes " and \\ and \n newline', "locale": None, "n": 3.5},
            {"v": 2, "message": "😀 emoji", "nested": {"a": [1, {"b": True}]}}]

COLUMNS = "key, platform, payload, status, attempts, claimed_until, last_error, created_at, done_at"


def stored(engine, key: str) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT {COLUMNS} FROM inbox WHERE key = :key"),
                                  {"key": key}).one())


def test_rows_are_stored_as_sqlalchemys_own_insert_stores_them(engine, session_factory):
    for n, payload in enumerate(PAYLOADS):
        for held_for in (None, HOLD):
            ours, theirs = f"ours:{n}:{bool(held_for)}", f"theirs:{n}:{bool(held_for)}"
            with engine.begin() as conn:
                [item_id] = record(conn, [(ours, "wecom", payload, held_for)], NOW)
            with session_factory.begin() as s:  # the ORM's insert of the same row
                s.add(InboxItem(key=theirs, platform="wecom", payload=payload, status="pending",
                                attempts=1 if held_for else 0, last_error="", created_at=NOW,
                                claimed_until=NOW + held_for if held_for else None))
            assert item_id is not None
            assert stored(engine, ours)[1:] == stored(engine, theirs)[1:]  # the same text, byte for byte
            with session_factory() as s:
                row = s.get(InboxItem, item_id)
                assert (row.key, row.payload, row.status, row.created_at) == (ours, payload, "pending", NOW)
                assert (row.attempts, row.claimed_until) == ((1, NOW + HOLD) if held_for else (0, None))


def test_a_key_recorded_before_or_twice_in_one_group_is_recorded_once(engine, session_factory):
    with engine.begin() as conn:
        [first] = record(conn, [("wecom:msg:1", "wecom", {"n": 1}, None)], NOW)
    rows = [("wecom:msg:2", "wecom", {"n": 2}, None), ("wecom:msg:1", "wecom", {"n": "retry"}, None),
            ("wecom:msg:3", "wecom", {"n": 3}, HOLD), ("wecom:msg:2", "wecom", {"n": "again"}, None)]
    with engine.begin() as conn:
        ids = record(conn, rows, NOW)
    assert ids[1] is None and ids[3] is None  # WeCom's retries: nothing new
    assert first < ids[0] < ids[2]
    with session_factory() as s:
        assert {i.key: (i.id, i.payload) for i in s.query(InboxItem)} == {
            "wecom:msg:1": (first, {"n": 1}), "wecom:msg:2": (ids[0], {"n": 2}),
            "wecom:msg:3": (ids[2], {"n": 3})}


def test_more_rows_than_one_statement_carries_are_all_recorded_in_order(engine, session_factory):
    keys = [f"slack:Ev{i}" for i in range(2 * AT_ONCE + 7)]
    keys.insert(AT_ONCE + 3, keys[5])  # a retry in the second statement of one in the first
    with engine.begin() as conn:
        ids = record(conn, [(key, "slack", {"k": key}, None) for key in keys], NOW)
    assert ids[AT_ONCE + 3] is None
    new = [item_id for item_id in ids if item_id is not None]
    assert len(new) == 2 * AT_ONCE + 7 and new == sorted(new)
    with session_factory() as s:
        assert {i.id: i.payload["k"] for i in s.query(InboxItem)} == {
            item_id: key for key, item_id in zip(keys, ids, strict=True) if item_id is not None}


def test_a_key_longer_than_the_column_is_cut_as_before(engine, session_factory):
    key = "teams:" + "x" * 300
    with engine.begin() as conn:
        assert record(conn, [(key, "teams", {}, None)], NOW)[0] is not None
        assert record(conn, [(key, "teams", {}, None)], NOW) == [None]
    with session_factory() as s:
        assert [i.key for i in s.query(InboxItem)] == [key[:200]]


def test_a_locked_sqlite_database_raises_sqlalchemys_operational_error(tmp_path, sqlite_template):
    import shutil

    from storage.db import make_engine

    path = tmp_path / "locked.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}", busy_timeout_ms=0)
    holder = create_engine(f"sqlite:///{path}")
    with holder.connect() as other:
        other.exec_driver_sql("BEGIN IMMEDIATE")  # another process's write in progress
        with pytest.raises(OperationalError, match="locked"), engine.begin() as conn:
            record(conn, [("wecom:msg:9", "wecom", {}, None)], NOW)
        other.rollback()
    with engine.begin() as conn:  # the lock gone: the same connection records it
        assert record(conn, [("wecom:msg:9", "wecom", {}, None)], NOW)[0] is not None
    engine.dispose()
    holder.dispose()


def test_a_connection_the_server_dropped_is_invalidated_and_reconnects(postgres_url):
    from storage.db import make_engine

    engine = make_engine(postgres_url)
    try:
        conn = engine.connect()
        with conn.begin():
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with engine.begin() as admin:
            admin.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
        with pytest.raises(DBAPIError) as raised, conn.begin():
            record(conn, [("wecom:msg:dropped", "wecom", {}, None)], NOW)
        assert raised.value.connection_invalidated
        with conn.begin():  # the next group commit reconnects
            assert record(conn, [("wecom:msg:dropped", "wecom", {}, None)], NOW)[0] is not None
        conn.close()
        with engine.connect() as check:
            assert check.exec_driver_sql(
                "SELECT count(*) FROM inbox WHERE key = 'wecom:msg:dropped'").scalar() == 1
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM inbox WHERE key = 'wecom:msg:dropped'")
        engine.dispose()
