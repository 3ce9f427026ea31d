"""Case review: a closed deal's reason gets its category and the competitor named in it; tips
(lessons kept by topic). Reasons given before are read into categories when a report reads them.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deals") as batch:
        batch.add_column(sa.Column("reason_category", sa.String(length=20), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("competitor", sa.String(length=200), nullable=False,
                                   server_default=""))
    op.create_table(
        "tips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["members.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tips_tenant_id", "tips", ["tenant_id"])


def downgrade() -> None:
    op.drop_index("ix_tips_tenant_id", table_name="tips")
    op.drop_table("tips")
    with op.batch_alter_table("deals") as batch:
        batch.drop_column("competitor")
        batch.drop_column("reason_category")
