"""The journal of changes (undo, the bin), posts that remember their platform id and fact, and
record numbers never reused on SQLite (AUTOINCREMENT: a deleted deal #46 is never a new #46).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

from storage.models.base import UTCDateTime

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

#: Tables whose numbers people see or that `undo` and `restore` bring back with their own id.
NUMBERED = ("customers", "visits", "deals", "deal_events", "tasks", "tips", "contests", "targets",
            "leaves", "exchange_rates")


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["members.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_changes_actor", "changes", ["actor_id", "status", "id"])
    op.create_index("ix_changes_tenant_kind", "changes", ["tenant_id", "kind", "at"])
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.add_column(sa.Column("fact", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("message_id", sa.String(length=200), nullable=True))
        batch_op.create_index("ix_deliveries_fact", ["fact"])
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL's sequences never go back
        for table in NUMBERED:
            with op.batch_alter_table(table, recreate="always",
                                      table_kwargs={"sqlite_autoincrement": True}):
                pass


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch_op:
        batch_op.drop_index("ix_deliveries_fact")
        batch_op.drop_column("message_id")
        batch_op.drop_column("fact")
    op.drop_index("ix_changes_tenant_kind", table_name="changes")
    op.drop_index("ix_changes_actor", table_name="changes")
    op.drop_table("changes")
