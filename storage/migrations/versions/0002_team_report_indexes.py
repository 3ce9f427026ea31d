"""Indexes for team-wide reports: open deals by stage, deals by creation, recent stage changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deals_stage_owner", "deals", ["stage", "owner_id"])
    op.create_index("ix_deals_created", "deals", ["created_at"])
    op.create_index("ix_deal_events_kind_at", "deal_events", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_deal_events_kind_at", table_name="deal_events")
    op.drop_index("ix_deals_created", table_name="deals")
    op.drop_index("ix_deals_stage_owner", table_name="deals")
