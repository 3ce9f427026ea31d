"""Each member's last message in each conversation (`last_messages`), refused ones too: a
correction made at once (`no make it 12/30`, `不对 改成12月30`) corrects only what the member's
previous message in that conversation did; after a refused one there it corrects nothing older,
while one refused in another conversation (a DM) leaves it alone. It replaces
`members.last_said_at` (0029), which counted only messages not refused, in any conversation.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "last_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), sa.ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
        sa.Column("conversation", sa.String(200), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changes_before", sa.Integer(), nullable=False),
        sa.Column("changes_after", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("member_id", "conversation"),
    )
    with op.batch_alter_table("members") as batch:
        batch.drop_column("last_said_at")


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("last_said_at", sa.DateTime(timezone=True), nullable=True))
    op.drop_table("last_messages")
