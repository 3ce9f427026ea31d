"""A leave's note (`leaves.note`): why, as said after the days (`leave fri, dentist`, `请假 周五 看牙`),
kept with the leave instead of being asked to be dropped.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leaves") as batch:
        batch.add_column(sa.Column("note", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("leaves") as batch:
        batch.drop_column("note")
