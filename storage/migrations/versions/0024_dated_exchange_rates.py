"""Exchange rates have days: a currency's rate is a row per day it changed (`valid_from`), and a
row without a rate means none from that day (`rate USD off`). A closed deal converts at the rate
in force on its close day, so a new rate no longer rewrites closed months. Rates set before keep
holding for every day (from 0001-01-01), as they did.

The table is rebuilt (copy, drop, rename): its old unique key had no name to drop on SQLite.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def _table(name: str, dated: bool) -> None:
    columns = [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
    ]
    if dated:
        columns.append(sa.Column("valid_from", sa.Date(), nullable=False))
    columns += [
        sa.Column("rate", sa.Numeric(18, 6), nullable=dated),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["set_by"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "currency", "valid_from", name="uq_exchange_rates_day") if dated
        else sa.UniqueConstraint("tenant_id", "currency"),
    ]
    op.create_table(name, *columns, sqlite_autoincrement=True)  # numbers never reused (0022)


def upgrade() -> None:
    _table("exchange_rates_dated", dated=True)
    op.execute("INSERT INTO exchange_rates_dated (id, tenant_id, currency, valid_from, rate, set_by, set_at) "
               "SELECT id, tenant_id, currency, '0001-01-01', rate, set_by, set_at FROM exchange_rates")
    op.drop_table("exchange_rates")
    op.rename_table("exchange_rates_dated", "exchange_rates")
    if op.get_bind().dialect.name == "postgresql":  # ids go on after the copied ones
        op.execute("SELECT setval(pg_get_serial_sequence('exchange_rates', 'id'), "
                   "coalesce((SELECT max(id) FROM exchange_rates), 0) + 1, false)")


def downgrade() -> None:
    """Each currency keeps the rate in force at its latest row, where it has one."""
    _table("exchange_rates_undated", dated=False)
    op.execute("INSERT INTO exchange_rates_undated (id, tenant_id, currency, rate, set_by, set_at) "
               "SELECT r.id, r.tenant_id, r.currency, r.rate, r.set_by, r.set_at FROM exchange_rates r "
               "WHERE r.rate IS NOT NULL AND r.valid_from = (SELECT max(l.valid_from) FROM exchange_rates l "
               "WHERE l.tenant_id = r.tenant_id AND l.currency = r.currency)")
    op.drop_table("exchange_rates")
    op.rename_table("exchange_rates_undated", "exchange_rates")
