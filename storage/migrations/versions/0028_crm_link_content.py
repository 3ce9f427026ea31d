"""What the CRM holds of a linked deal, as of our last write or read (`crm_links.content`): a change
read back is our own write's echo when its fields equal these, whatever its modified time says
(Zoho's has whole seconds, so a person's edit in the same second as our write has the same time).

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crm_links") as batch:
        batch.add_column(sa.Column("content", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("crm_links") as batch:
        batch.drop_column("content")
