"""No separate store of handled deliveries: a message from a platform takes its answer's outbox
key (`answer:{platform}:{delivery}`) in the transaction that stores what it did, and a retry
finds it there. `inbound_events` goes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_inbound_events_at", table_name="inbound_events")
    op.drop_table("inbound_events")


def downgrade() -> None:
    op.create_table(
        "inbound_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform", "key"),
    )
    op.create_index("ix_inbound_events_at", "inbound_events", ["at"])
