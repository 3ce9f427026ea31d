"""The CRM first import at the issue's size: 50,000 accounts and 20,000 deals from the Zoho fake
(its page size, its limits off), into SQLite (and PostgreSQL), against the ≤ 2 min target. The fake
serves from this process, so the peak memory printed includes it (an upper bound for the worker)."""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

LIMIT_SECONDS = 120.0
ACCOUNTS, DEALS = 50_000, 20_000


def run(kinds: tuple[str, ...], scale: float, tmp: Path):
    for kind in kinds:
        url = _database(kind, tmp)
        if url is None:
            yield f"crm import [{kind}]: skipped (no PostgreSQL at PG_ADMIN_URL)"
            continue
        try:
            yield _one(kind, url, max(1, int(ACCOUNTS * scale)), max(1, int(DEALS * scale)))
        finally:
            drop(kind, url)


def _one(kind: str, url: str, accounts: int, deals: int) -> str:
    from bot.app import App
    from bot.settings import Settings
    from crm import first_import
    from crm.connect import CrmUrls, client_for, connect_zoho
    from fakes.zoho_api import FakeZoho
    from storage.crm import CrmRepository
    from storage.db import make_engine, upgrade
    from storage.people import PeopleRepository

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    zoho = FakeZoho()
    ana = zoho.add_user("Ana", "ana@corp.com")
    owner = {"id": ana["id"], "name": "Ana", "email": "ana@corp.com"}
    stamp = "2026-12-01T09:00:00+08:00"
    zoho.records["Accounts"] = [{"id": f"a{n}", "Account_Name": f"Account {n:06d}", "Owner": owner,
                                 "Modified_Time": stamp} for n in range(accounts)]
    zoho.records["Deals"] = [
        {"id": f"d{n}", "Deal_Name": f"Deal {n}", "Stage": "Qualification", "Amount": 1000 + n,
         "Probability": 10, "Owner": owner, "Modified_Time": stamp, "Created_Time": stamp,
         "Account_Name": {"id": f"a{n % accounts}", "name": f"Account {n % accounts:06d}"}}
        for n in range(deals)]
    app = App.build(Settings(database_url=url, zoho_accounts_url=zoho.accounts_url))
    with app.session_factory.begin() as s:
        people = PeopleRepository(s)
        tenant = people.add_tenant("console", "bench", "Bench", "CNY")
        people.add_member(tenant.id, "Ana", role="admin", identity=("console", "Ana"))
    connect_zoho(app, tenant, CrmUrls.of(app.settings), data_centre="us", client_id=zoho.client_id,
                 client_secret=zoho.client_secret, refresh_token=next(iter(zoho.refresh_tokens)))
    with app.session_factory() as s:
        connection = CrmRepository(s).connection(tenant.id)
    started = time.perf_counter()
    result = first_import.run(app, tenant, client_for(app, connection, CrmUrls.of(app.settings)))
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    zoho.close()
    app.engine.dispose()
    return (f"crm import [{kind}]: {result.accounts} accounts + {result.deals} deals in {took:.1f} s "
            f"(target ≤ {LIMIT_SECONDS:.0f} s at 50,000 + 20,000; ×{LIMIT_SECONDS / took:.1f} at this "
            f"size) · "
            f"peak memory {peak:.0f} MB with the fake in-process (target ≤ 200 MB)")


def _database(kind: str, tmp: Path) -> str | None:
    if kind == "sqlite":
        path = tmp / f"crm-bench-{os.getpid()}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    from sqlalchemy import create_engine, text

    admin_url = os.environ.get("PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    name = f"salesbot_crm_bench_{os.getpid()}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception:  # no server: the PostgreSQL half is skipped, said so
        return None
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def drop(kind: str, url: str) -> None:
    """The bench's database, gone (PostgreSQL is shared: nothing is left behind)."""
    if kind == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text

    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()
