"""The schema: migrations own it, the app refuses a database that is behind, values round-trip."""
import datetime as dt
import json
import uuid
from decimal import Decimal

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from storage.db import (
    HEAD,
    MIGRATIONS,
    SchemaBehind,
    ensure_current,
    make_engine,
    make_session_factory,
    upgrade,
)
from storage.models.base import Base, name_key
from storage.models.sales import Customer, Deal
from storage.models.team import Team, TeamDestination, TeamMember
from storage.models.workspace import Member, Tenant


def test_head_constant_is_alembics_head():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_migrations_create_every_model_table_and_index(engine):
    inspector = inspect(engine)
    assert set(Base.metadata.tables) <= set(inspector.get_table_names())
    indexes = {i["name"] for i in inspector.get_indexes("visits")}
    assert {"ix_visits_member_at", "ix_visits_followups"} <= indexes
    assert "ix_deals_owner_stage_closed" in {i["name"] for i in inspector.get_indexes("deals")}


def test_a_database_that_is_behind_is_refused_with_the_fix(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    with pytest.raises(SchemaBehind, match="salesbot db upgrade"):
        ensure_current(engine)
    upgrade(engine)
    ensure_current(engine)


def test_money_is_decimal_and_times_are_utc(session_factory):
    when = dt.datetime(2026, 11, 23, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with session_factory.begin() as s:
        tenant = Tenant(platform="console", external_id="t", currency="CNY")
        s.add(tenant)
        s.flush()
        member = Member(tenant_id=tenant.id, display_name="Ana", name_key="ana")
        customer = Customer(tenant_id=tenant.id, name="Acme", name_key="acme")
        s.add_all([member, customer])
        s.flush()
        s.add(Deal(tenant_id=tenant.id, owner_id=member.id, customer_id=customer.id, title="x",
                   amount=Decimal("12345678.91"), stage_entered_at=when, created_at=when,
                   updated_at=when))
    with session_factory() as s:
        deal = s.scalar(select(Deal))
    assert deal.amount == Decimal("12345678.91") and isinstance(deal.amount, Decimal)
    assert deal.created_at == when and deal.created_at.utcoffset() == dt.timedelta(0)


def test_customer_names_are_unique_per_tenant_whatever_the_case_or_width(session_factory):
    assert name_key("ＡＣＭＥ  Corp") == name_key("acme corp")
    with session_factory.begin() as s:
        s.add_all([Tenant(platform="console", external_id="a"),
                   Tenant(platform="console", external_id="b")])
    with session_factory.begin() as s:
        s.add_all([Customer(tenant_id=1, name="Acme Corp", name_key=name_key("Acme Corp")),
                   Customer(tenant_id=2, name="ACME CORP", name_key=name_key("ACME CORP"))])
    with pytest.raises(IntegrityError):
        with session_factory.begin() as s:
            s.add(Customer(tenant_id=1, name="ＡＣＭＥ Corp", name_key=name_key("ＡＣＭＥ Corp")))


def test_upgrading_fills_the_owner_of_existing_deal_events(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0005")
    now = "2026-11-01 00:00:00.000000"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tenants (id, platform, external_id, name, currency, created_at) "
                          "VALUES (1, 'console', 'x', 'x', 'CNY', :now)"), {"now": now})
        conn.execute(text("INSERT INTO members (id, tenant_id, display_name, name_key, role, locale, "
                          "active, created_at) VALUES (7, 1, 'Ana', 'ana', 'rep', 'en', 1, :now)"),
                     {"now": now})
        conn.execute(text("INSERT INTO customers (id, tenant_id, name, name_key, lifecycle, created_at) "
                          "VALUES (1, 1, 'Acme', 'acme', 'potential', :now)"), {"now": now})
        conn.execute(text("INSERT INTO deals (id, tenant_id, owner_id, customer_id, title, stage, amount, "
                          "currency, probability, reason, furthest_rank, stage_entered_at, created_at, "
                          "updated_at) VALUES (1, 1, 7, 1, 'ERP', 'lead', 0, 'CNY', 10, '', 0, :now, "
                          ":now, :now)"), {"now": now})
        conn.execute(text("INSERT INTO deal_events (deal_id, actor_id, at, kind) "
                          "VALUES (1, 7, :now, 'created')"), {"now": now})
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT owner_id FROM deal_events")).scalar() == 7


def _downgrade(engine, revision: str) -> None:
    from alembic import command

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path):
    """An empty database of each kind, for migrating step by step."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from conftest import PG_ADMIN_URL

    request.getfixturevalue("postgres_url")  # skips or fails as the run says when no server answers
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"salesbot_migrate_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_upgrading_moves_team_channels_and_wecom_posts_to_destination_rows_and_back(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine, "0011")
    now = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    schedule = {"schedule": {"standup": {"time": "09:30"}}}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tenants (id, platform, external_id, name, currency, created_at) "
                          "VALUES (1, 'slack', 'T1', 'x', 'CNY', :now)"), {"now": now})
        for team_id, channel, settings in ((1, "#east", {**schedule, "wecom": {"webhook": "KEY"}}),
                                           (2, "", {"wecom": {"chat": "wrCHAT"}}), (3, "", {})):
            conn.execute(text("INSERT INTO teams (id, tenant_id, name, name_key, channel, timezone, "
                              "holiday_calendar, stall_days, settings, created_at) VALUES (:id, 1, :n, :n, "
                              ":channel, 'Asia/Shanghai', 'CN', 14, :settings, :now)"),
                         {"id": team_id, "n": f"team {team_id}", "channel": channel,
                          "settings": json.dumps(settings), "now": now})
        conn.execute(text("INSERT INTO members (id, tenant_id, display_name, name_key, role, locale, "
                          "active, created_at) VALUES (7, 1, 'Ana', 'ana', 'rep', 'en', true, :now)"),
                     {"now": now})
        conn.execute(text("INSERT INTO team_members (team_id, member_id, weight) VALUES (1, 7, 1)"))
    upgrade(engine)  # SQLite copies `teams` to drop a column: nothing that points at it may go
    with make_session_factory(engine)() as s:
        rows = s.execute(select(TeamDestination.team_id, TeamDestination.platform, TeamDestination.address)
                         .order_by(TeamDestination.team_id, TeamDestination.platform)).all()
        assert rows == [(1, "slack", "channel:#east"), (1, "wecom", "webhook:KEY"),
                        (2, "wecom", "chat:wrCHAT")]
        assert {t.id: t.settings for t in s.scalars(select(Team))} == {1: schedule, 2: {}, 3: {}}
        assert s.execute(select(TeamMember.team_id, TeamMember.member_id)).all() == [(1, 7)]
    _downgrade(engine, "0011")
    with engine.connect() as conn:
        back = conn.execute(text("SELECT id, channel, settings FROM teams ORDER BY id")).all()
    assert [(i, channel, json.loads(settings) if isinstance(settings, str) else settings)
            for i, channel, settings in back] == [
        (1, "#east", {**schedule, "wecom": {"webhook": "KEY"}}), (2, "", {"wecom": {"chat": "wrCHAT"}}),
        (3, "", {})]
    engine.dispose()


def test_upgrading_keeps_one_messages_changes_together_for_undo(empty_db_url):
    """Before 0032 the changes of one message were kept together by a key `m` in the first row's
    JSON; upgrading moves it to `changes.together_with` for changes `undo` can still reach, so a
    message's two changes still go back as one step (`journal.made_together`)."""
    from storage import journal
    from storage.models.sales import Change

    engine = make_engine(empty_db_url)
    upgrade(engine, "0031")
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tenants (id, platform, external_id, name, currency, created_at) "
                          "VALUES (1, 'console', 'x', 'x', 'CNY', :now)"), {"now": now})
        conn.execute(text("INSERT INTO members (id, tenant_id, display_name, name_key, role, locale, "
                          "active, created_at) VALUES (7, 1, 'Ana', 'ana', 'rep', 'en', true, :now)"),
                     {"now": now})
        for change_id, first in ((1, None), (2, 2), (3, 2), (4, None)):
            row = {"t": "tasks", "k": [change_id], "b": None, "a": {"id": change_id}}
            conn.execute(text("INSERT INTO changes (id, tenant_id, actor_id, at, kind, entity, entity_id, "
                              "label, rows, status) VALUES (:id, 1, 7, :now, 'task.add', 'tasks', :id, "
                              "'x', :rows, 'done')"),
                         {"id": change_id, "now": now,
                          "rows": json.dumps([{**row, "m": first} if first else row])})
    upgrade(engine)
    with make_session_factory(engine)() as s:
        assert [c.together_with for c in s.scalars(select(Change).order_by(Change.id))] == [None, 2, 2, None]
        assert [c.id for c in journal.made_together(s, s.get(Change, 3))] == [2, 3]
        assert [c.id for c in journal.made_together(s, s.get(Change, 4))] == [4]
    engine.dispose()
