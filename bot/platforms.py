"""The chat platforms, as plugins. A platform is a package under `bot/` whose `plugin.py` holds
an object with this shape; the web app, the worker, the settings and the CLI go through the list
below and name no platform themselves. Adding one is a line in `PLATFORMS`.

- `name`: the platform's word in the database (identities, tenants, outbox rows, destinations)
- `prefix`, `body_limit`: the web routes it serves and the largest body they take
- `settings`: a pydantic settings class with its fields; `enabled(settings)` says if it is set up
- `web(core, handoff)`: the WSGI app that verifies and receives its requests
- `serves_over_web(settings)`, `standalone(settings)`: whether `salesbot start` runs the web
  process for it, and the CLI command it runs instead or beside (Slack's Socket Mode)
- `sender(core)`: the outbox's sender for its addresses (owns its retries and rate limits)
- `inbox_runner(core)`: how a worker runs its requests left in the inbox
- `commands()`: its `salesbot` subcommands (set-up: `salesbot slack manifest`)

The console (`salesbot say`/`chat`, the demo) is no plugin: it has no web route or credentials.
"""
from __future__ import annotations

from bot.slack.plugin import Slack
from bot.teams.plugin import Teams
from bot.wecom.plugin import WeCom

PLATFORMS = (Slack(), WeCom(), Teams())


def enabled(settings) -> list:
    """The platforms these settings set up."""
    return [platform for platform in PLATFORMS if platform.enabled(settings)]
