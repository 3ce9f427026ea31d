"""Deal events carry the deal's owner, so team reports over recent events need no join.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deal_events") as batch:
        batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_deal_events_owner_id_members", "members", ["owner_id"], ["id"],
                                 ondelete="CASCADE")
        batch.drop_index("ix_deal_events_kind_at")
        batch.create_index("ix_deal_events_kind_at", ["kind", "at", "owner_id"])
    op.execute("UPDATE deal_events SET owner_id = "
               "(SELECT deals.owner_id FROM deals WHERE deals.id = deal_events.deal_id)")


def downgrade() -> None:
    with op.batch_alter_table("deal_events") as batch:
        batch.drop_index("ix_deal_events_kind_at")
        batch.create_index("ix_deal_events_kind_at", ["kind", "at"])
        batch.drop_constraint("fk_deal_events_owner_id_members", type_="foreignkey")
        batch.drop_column("owner_id")
