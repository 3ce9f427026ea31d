"""Report latency: `progress team`, `pipeline team`, `leaderboard month` and `scorecard team
month` for a 50-rep team,
through the whole message path (identify, parse, authorise, SQL, format), against the floor of the
same aggregates written by hand in SQL and run through the bare driver. Then the same with ten
times more history (more months at the same activity per month): both databases are loaded first
and timed in turns, so that the ratio compares the history, not the moment.

Goals: ours ≤ 2× the floor on SQLite and PostgreSQL; 10× history ≤ 1.5× the time.
"""
from __future__ import annotations

import datetime as dt
import statistics
import time
import uuid
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import data
from handlers.senders import UserRef
from handlers.unit_of_work import handle_message
from storage.db import make_engine, make_session_factory, upgrade

REPORTS = ("progress team", "pipeline team", "leaderboard month", "scorecard team month")
WARM_ROUNDS = 3
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@contextmanager
def database(kind: str, tmp_dir):
    if kind == "sqlite":
        path = tmp_dir / f"bench-{uuid.uuid4().hex[:8]}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
        path.unlink()
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"salesbot_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_ADMIN).set(database=name).render_as_string(False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _medians_ms(fns, repeat: int) -> list[float]:
    """The median time of each function, run in turns (one round runs each once), so that what
    the machine does meanwhile weighs on all of them alike."""
    for _ in range(WARM_ROUNDS):  # caches, the connection pools, and a database just loaded settling
        for fn in fns:
            fn()
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, kept in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            kept.append(time.perf_counter() - start)
    return [statistics.median(kept) * 1000 for kept in times]


def _floor_statements(engine) -> dict[str, list[tuple[str, dict]]]:
    """The hand-written SQL for each report: the same aggregates our code computes."""
    zone = ZoneInfo("Asia/Shanghai")
    start = dt.datetime(2026, 11, 1, tzinfo=zone).astimezone(dt.timezone.utc)
    end = dt.datetime(2026, 12, 1, tzinfo=zone).astimezone(dt.timezone.utc)
    since = data.NOW - dt.timedelta(days=182)
    if engine.dialect.name == "sqlite":
        fmt = lambda t: t.strftime("%Y-%m-%d %H:%M:%S.%f")  # noqa: E731
        start, end, since = fmt(start), fmt(end), fmt(since)
    reps = "SELECT member_id FROM team_members WHERE team_id = 1"
    window = {"start": start, "end": end}
    won = (f"SELECT owner_id, sum(amount), count(*) FROM deals WHERE owner_id IN ({reps}) "
           "AND stage = 'won' AND closed_at >= :start AND closed_at < :end GROUP BY owner_id")
    return {
        "progress team": [
            (won, window),
            (f"SELECT owner_id, count(*) FROM customers WHERE owner_id IN ({reps}) "
             "AND created_at >= :start AND created_at < :end GROUP BY owner_id", window),
            (f"SELECT member_id, count(*) FROM visits WHERE member_id IN ({reps}) "
             "AND visited_at >= :start AND visited_at < :end GROUP BY member_id", window)],
        "pipeline team": [
            (f"SELECT stage, count(*), sum(amount) FROM deals WHERE owner_id IN ({reps}) AND stage "
             "IN ('lead','contact','discovery','proposal','negotiation') GROUP BY stage", {}),
            (f"SELECT furthest_rank, count(*) FROM deals WHERE owner_id IN ({reps}) "
             "AND created_at >= :since GROUP BY furthest_rank", {"since": since}),
            ("SELECT from_stage, avg(seconds_in_from_stage) FROM deal_events WHERE kind = 'stage' "
             f"AND at >= :since AND owner_id IN ({reps}) GROUP BY from_stage", {"since": since})],
        "leaderboard month": [(won, window)],
        "scorecard team month": [
            (won, window),
            (f"SELECT owner_id, count(*) FROM customers WHERE owner_id IN ({reps}) "
             "AND created_at >= :start AND created_at < :end GROUP BY owner_id", window),
            (f"SELECT member_id, count(*) FROM visits WHERE member_id IN ({reps}) "
             "AND visited_at >= :start AND visited_at < :end GROUP BY member_id", window),
            (f"SELECT owner_id, count(*) FROM deals WHERE owner_id IN ({reps}) AND stage = 'lost' "
             "AND closed_at >= :start AND closed_at < :end GROUP BY owner_id", window),
            (f"SELECT owner_id, count(*) FROM deals WHERE owner_id IN ({reps}) "
             "AND created_at >= :start AND created_at < :end GROUP BY owner_id", window),
            (f"SELECT owner_id, created_at, closed_at FROM deals WHERE owner_id IN ({reps}) "
             "AND stage = 'won' AND closed_at >= :start AND closed_at < :end", window),
            (f"SELECT owner_id, currency, sum(amount) FROM deals WHERE owner_id IN ({reps}) AND stage "
             "IN ('lead','contact','discovery','proposal','negotiation') GROUP BY owner_id, currency", {}),
            (f"SELECT member_id, metric, amount FROM targets WHERE member_id IN ({reps}) "
             "AND period_kind = 'month'", {})],
    }


def _ours(engine, report: str):
    factory = make_session_factory(engine)
    boss = UserRef("console", "bench", "Boss", "Boss")

    def ours():
        reply = handle_message(factory, boss, report, now=data.NOW)
        assert reply.ok, reply.text
    return ours


def _floor(engine, report: str):
    statements = _floor_statements(engine)[report]

    def floor():
        with engine.connect() as conn:
            for sql, params in statements:
                conn.execute(text(sql), params).all()
    return floor


def measure(kind: str, tmp_dir, repeat: int) -> dict[str, tuple[float, float, float]]:
    """{report: (ours ms, floor ms, ours ms with ×10 history)}: two fresh databases, 12 and 120
    months of history, both loaded before anything is timed, then timed in turns."""
    with database(kind, tmp_dir) as small, database(kind, tmp_dir) as large:
        for engine, months in ((small, 12), (large, 120)):
            upgrade(engine)
            data.load(engine, months)
        return {report: tuple(_medians_ms((_ours(small, report), _floor(small, report),
                                           _ours(large, report)), repeat))
                for report in REPORTS}


def run(kinds: tuple[str, ...], scale: float, tmp_dir, repeat: int = 15) -> list[str]:
    lines = []
    data.VISITS_PER_MONTH = int(1_000_000 * scale) // 12
    data.DEALS_PER_MONTH = int(200_000 * scale) // 12
    for kind in kinds:
        results = measure(kind, tmp_dir, repeat)
        lines.append(f"report latency · {kind} · 50 reps · {int(1_000_000 * scale):,} visits, "
                     f"{int(200_000 * scale):,} deals (12 months) and ×10 (120 months)")
        for report in REPORTS:
            ours, floor, ours_large = results[report]
            lines.append(f"  {report:20} ours {ours:7.2f} ms  floor {floor:7.2f} ms  "
                         f"ratio {ours / floor:4.2f} (goal ≤ 2.0)  ×10 history "
                         f"{ours_large:7.2f} ms  ratio {ours_large / ours:4.2f} (goal ≤ 1.5)")
        total = sum(v[0] for v in results.values()), sum(v[1] for v in results.values())
        total_large = sum(v[2] for v in results.values())
        lines.append(f"  {'all four':20} ours {total[0]:7.2f} ms  floor {total[1]:7.2f} ms  "
                     f"ratio {total[0] / total[1]:4.2f} (goal ≤ 2.0)  ×10 history "
                     f"{total_large:7.2f} ms  ratio {total_large / total[0]:4.2f} (goal ≤ 1.5)")
    return lines
