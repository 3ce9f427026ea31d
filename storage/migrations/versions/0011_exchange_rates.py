"""Exchange rates per tenant: what one unit of another currency is worth in the base currency, as
an admin set it from chat (`rate USD 7.10`); reports convert with them and never add currencies.
A deal's history keeps the currency of each amount, and title and customer changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(18, 6), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["set_by"], ["members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "currency"),
    )
    with op.batch_alter_table("deal_events") as batch:
        batch.add_column(sa.Column("old_currency", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("new_currency", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("old_text", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("new_text", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deal_events") as batch:
        for column in ("new_text", "old_text", "new_currency", "old_currency"):
            batch.drop_column(column)
    op.drop_table("exchange_rates")
