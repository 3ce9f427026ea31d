"""A member's last message kept with whether it was refused (not understood, asked about, not
allowed): a plain `undo` after one asks which change it means (handlers/sales/undo.py).

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("last_messages") as batch:
        batch.add_column(sa.Column("refused", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("last_messages") as batch:
        batch.drop_column("refused")
