"""Tip votes: who found a tip useful, so the best come first.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tip_votes",
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tips.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tip_id", "member_id"),
    )
    op.create_index("ix_tip_votes_tenant_id", "tip_votes", ["tenant_id"])


def downgrade() -> None:
    op.drop_index("ix_tip_votes_tenant_id", table_name="tip_votes")
    op.drop_table("tip_votes")
