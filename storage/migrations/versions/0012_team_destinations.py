"""A team's destinations are rows (team, platform, address), not a Slack column and a WeCom entry
in the settings JSON: a team can post to several places on several platforms, and a new platform
needs no column. Existing channels and WeCom chats/robots are moved over.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_teams = sa.table("teams", sa.column("id", sa.Integer()), sa.column("channel", sa.String()),
                  sa.column("settings", sa.JSON()), sa.column("created_at", sa.DateTime(timezone=True)))
_destinations = sa.table("team_destinations", sa.column("id", sa.Integer()), sa.column("team_id", sa.Integer()),
                         sa.column("platform", sa.String()), sa.column("address", sa.String()),
                         sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    op.create_table(
        "team_destinations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "platform", "address"),
    )
    conn = op.get_bind()
    rows = []
    for team_id, channel, settings, created in conn.execute(
            sa.select(_teams.c.id, _teams.c.channel, _teams.c.settings, _teams.c.created_at)).all():
        if channel:
            rows.append({"team_id": team_id, "platform": "slack", "address": f"channel:{channel}",
                         "created_at": created})
        wecom = (settings or {}).get("wecom") or {}
        rows += [{"team_id": team_id, "platform": "wecom", "address": f"{kind}:{wecom[kind]}",
                  "created_at": created} for kind in ("chat", "webhook") if wecom.get(kind)][:1]
        if "wecom" in (settings or {}):
            rest = {k: v for k, v in settings.items() if k != "wecom"}
            conn.execute(_teams.update().where(_teams.c.id == team_id).values(settings=rest))
    if rows:
        conn.execute(_destinations.insert(), rows)
    with op.batch_alter_table("teams") as batch:
        batch.drop_column("channel")


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch:
        batch.add_column(sa.Column("channel", sa.String(length=200), nullable=False, server_default=""))
    conn = op.get_bind()
    for team_id, platform, address in conn.execute(sa.select(
            _destinations.c.team_id, _destinations.c.platform, _destinations.c.address)
            .order_by(_destinations.c.id)).all():
        kind, _, target = address.partition(":")
        if platform == "slack":
            conn.execute(_teams.update().where(_teams.c.id == team_id).values(channel=target))
        elif platform == "wecom":
            settings = conn.execute(sa.select(_teams.c.settings).where(_teams.c.id == team_id)).scalar()
            conn.execute(_teams.update().where(_teams.c.id == team_id)
                         .values(settings={**(settings or {}), "wecom": {kind: target}}))
    op.drop_table("team_destinations")
