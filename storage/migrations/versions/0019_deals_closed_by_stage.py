"""Deals won or lost in a period, by owner and stage: one index range whatever the history.

With only (owner_id, closed_at), PostgreSQL met `stage = 'won'` by ANDing in the stage index, which
holds every deal ever won: a month's revenue took ten times longer with ten times the history.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deals_owner_stage_closed", "deals", ["owner_id", "stage", "closed_at"])
    op.drop_index("ix_deals_owner_closed", table_name="deals")


def downgrade() -> None:
    op.create_index("ix_deals_owner_closed", "deals", ["owner_id", "closed_at"])
    op.drop_index("ix_deals_owner_stage_closed", table_name="deals")
