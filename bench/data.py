"""Bulk history for benchmarks, generated inside the database (fast, no Python row loop).

One tenant, one team of 50 reps, 5,000 customers; `months` of history at a fixed activity per month
(visits and deals spread evenly), written in time order as a real team's history is. Deals are
won or lost a month after they were opened, so the open pipeline stays the same size however long
the history is. PostgreSQL is vacuumed after the load, as autovacuum would have done, and
checkpointed (else the timings share the machine with the load's writes being flushed).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text

REPS = 50
CUSTOMERS = 5_000
VISITS_PER_MONTH = 1_000_000 // 12
DEALS_PER_MONTH = 200_000 // 12
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.timezone.utc)
CLOSE_AFTER = 30 * 86400  # a deal is won or lost a month after it was opened

_SQLITE_SERIES = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n) "


def _ts(engine: Engine, seconds_ago: str) -> str:
    """SQL for the UTC timestamp `seconds_ago` seconds before NOW, in the column's stored form."""
    if engine.dialect.name == "sqlite":
        return f"printf('%s.000000', datetime('2026-11-23 02:00:00', '-' || ({seconds_ago}) || ' seconds'))"
    return f"(TIMESTAMPTZ '2026-11-23 02:00:00+00' - ({seconds_ago}) * INTERVAL '1 second')"


def _rand(engine: Engine, modulo: int | str) -> str:
    if engine.dialect.name == "sqlite":
        return f"(abs(random()) % ({modulo}))"
    return f"floor(random() * ({modulo}))::bigint"


def _series(engine: Engine, select_sql: str, insert: str, n: int) -> str:
    if engine.dialect.name == "sqlite":
        return f"{_SQLITE_SERIES}{insert} {select_sql} FROM s"
    return f"{insert} {select_sql} FROM generate_series(1, :n) AS s(i)"


def _age(n: int, span: int) -> str:
    """Seconds before NOW of row i of n: the oldest first, so ids follow time."""
    return f"({span} - i * {span / n!r})"


def load(engine: Engine, months: int) -> dict:
    """Create the tenant, team, reps and `months` of history; returns ids the benchmark needs."""
    span = months * 30 * 86400
    recent = CLOSE_AFTER
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":  # load speed only: 4 GB of page cache, no fsync
            conn.exec_driver_sql("PRAGMA cache_size=-4000000")
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.execute(text("INSERT INTO tenants (platform, external_id, name, currency, created_at) "
                          "VALUES ('console', 'bench', 'bench', 'CNY', :now)"), {"now": NOW})
        conn.execute(text("INSERT INTO teams (tenant_id, name, name_key, timezone, "
                          "holiday_calendar, stall_days, settings, created_at) VALUES "
                          "(1, 'Bench', 'bench', 'Asia/Shanghai', 'CN', 14, '{}', :now)"),
                     {"now": NOW})
        conn.execute(text("INSERT INTO members (tenant_id, display_name, name_key, role, locale, "
                          "active, created_at) VALUES (1, 'Boss', 'boss', 'admin', 'en', true, :now)"),
                     {"now": NOW})
        conn.execute(text("INSERT INTO identities (tenant_id, member_id, platform, external_user_id) "
                          "VALUES (1, 1, 'console', 'Boss')"))
        for i in range(REPS):
            conn.execute(text("INSERT INTO members (tenant_id, display_name, name_key, role, locale, "
                              "active, created_at) VALUES (1, :n, :n, 'rep', 'en', true, :now)"),
                         {"n": f"rep{i:02d}", "now": NOW})
        conn.execute(text("INSERT INTO team_members (team_id, member_id, weight) "
                          "SELECT 1, id, 1 FROM members"))
        rep = f"2 + {_rand(engine, REPS)}"
        conn.execute(text(_series(
            engine, f"SELECT 1, 'Customer ' || i, 'customer ' || i, 'potential', {rep}, "
                    f"{_ts(engine, _age(CUSTOMERS, span))}",
            "INSERT INTO customers (tenant_id, name, name_key, lifecycle, owner_id, created_at)",
            CUSTOMERS)), {"n": CUSTOMERS})
        visits = VISITS_PER_MONTH * months
        conn.execute(text(_series(
            engine, f"SELECT 1, {rep}, 1 + {_rand(engine, CUSTOMERS)}, "
                    f"{_ts(engine, _age(visits, span))}, '', '', '', false",
            "INSERT INTO visits (tenant_id, member_id, customer_id, visited_at, notes, outcome, "
            "next_step, follow_up_done)", VISITS_PER_MONTH * months)),
            {"n": VISITS_PER_MONTH * months})
        _deals(conn, engine, months, span, recent, rep)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
            conn.execute(text("CHECKPOINT"))  # not timing the flush of the load's gigabytes
    else:
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    return {"manager": "Boss", "tenant": "bench"}


def _deals(conn, engine, months, span, recent, rep) -> None:
    """Deals: recent ones open in every stage, older ones won or lost, each with its events."""
    n = DEALS_PER_MONTH * months
    age = _age(n, span)
    stage_of = (f"CASE WHEN age < {recent} THEN (CASE {_rand(engine, 5)} WHEN 0 THEN 'lead' "
                "WHEN 1 THEN 'contact' WHEN 2 THEN 'discovery' WHEN 3 THEN 'proposal' "
                "ELSE 'negotiation' END) WHEN i % 3 = 0 THEN 'won' ELSE 'lost' END")
    inner = (f"SELECT i, {age} AS age FROM s" if engine.dialect.name == "sqlite"
             else f"SELECT i, {age} AS age FROM generate_series(1, :n) AS s(i)")
    body = (f"SELECT 1, {rep}, 1 + {_rand(engine, CUSTOMERS)}, 'Deal ' || i, stage, "
            f"10000 + {_rand(engine, 990000)}, 'CNY', 50, '', 3, {_ts(engine, 'age')}, "
            f"CASE WHEN stage IN ('won', 'lost') THEN {_ts(engine, f'age - {CLOSE_AFTER}')} END, "
            f"{_ts(engine, 'age')}, {_ts(engine, 'age - 86400')} "
            f"FROM (SELECT i, age, {stage_of} AS stage FROM ({inner}) AS a) AS b")
    prefix = _SQLITE_SERIES if engine.dialect.name == "sqlite" else ""
    conn.execute(text(
        f"{prefix}INSERT INTO deals (tenant_id, owner_id, customer_id, title, stage, amount, currency, "
        "probability, reason, furthest_rank, stage_entered_at, closed_at, created_at, updated_at) "
        f"{body}"), {"n": n})
    conn.execute(text(
        "INSERT INTO deal_events (deal_id, owner_id, actor_id, at, kind, to_stage, new_amount) "
        "SELECT id, owner_id, owner_id, created_at, 'created', 'lead', amount FROM deals"))
    conn.execute(text(
        "INSERT INTO deal_events (deal_id, owner_id, actor_id, at, kind, from_stage, to_stage, "
        "seconds_in_from_stage) SELECT id, owner_id, owner_id, updated_at, 'stage', 'proposal', stage, "
        "86400 * (1 + id % 20) FROM deals"))
