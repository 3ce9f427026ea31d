"""The changes one message made, kept together by a column (`changes.together_with`: the id of the
message's first change) instead of a key in the first row's JSON; `undo` takes them back together.
Changes `undo` can still reach (its 24 hours, with a margin) carry the old key over.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06
"""
import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("together_with", sa.Integer, nullable=True))
    changes = sa.table("changes", sa.column("id", sa.Integer), sa.column("at", sa.DateTime),
                       sa.column("rows", sa.JSON), sa.column("together_with", sa.Integer))
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)
    connection = op.get_bind()
    for change_id, rows in connection.execute(sa.select(changes.c.id, changes.c.rows).where(
            changes.c.at >= since)):
        rows = json.loads(rows) if isinstance(rows, str) else rows
        if rows and isinstance(rows[0], dict) and rows[0].get("m") is not None:
            connection.execute(changes.update().where(changes.c.id == change_id).values(
                together_with=rows[0]["m"]))


def downgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("together_with")
