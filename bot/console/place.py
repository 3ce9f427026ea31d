"""The console's name, its one workspace, and its place for a team's posts: a room named after the
team, with no setting. Apart from `plugin.py`, so that the chat (which the plugin's commands run)
names the console without importing the plugin."""
from __future__ import annotations

from handlers.places import Place
from storage.address import Address, Kind

PLATFORM = "console"
TENANT = "local"  # the one workspace of the console

PLACE = Place(PLATFORM, frozenset(), ("console", "控制台"), ("", ""),
              room=lambda team: Address(PLATFORM, TENANT, Kind.CHANNEL, team), linked=False)
