"""The chat platforms, as plugins. A platform is a package under `bot/` whose `plugin.py` holds
an object with this shape; the web app, the worker, the settings and the CLI go through the list
below and name no platform themselves. Adding one is a `register(Plugin())` line below; the
`Platform` protocol says what it has:

- `name`: the platform's word in the database (identities, tenants, outbox rows, destinations)
- `prefix`, `body_limit`: the web routes it serves and the largest body they take
- `settings`: a pydantic settings class with its fields; `enabled(settings)` says if it is set up
- `web(core, handoff)`: the WSGI app that verifies and receives its requests
- `serves_over_web(settings)`, `standalone(settings)`: whether `salesbot start` runs the web
  process for it, and the CLI command it runs instead or beside (Slack's Socket Mode)
- `sender(core)`: the outbox's sender for its addresses, `send(to: Address, reply)` (owns its
  retries and rate limits)
- `inbox_runner(core)`: how a worker runs its requests left in the inbox
- `commands()`: its `salesbot` subcommands (set-up: `salesbot slack manifest`)
- `place`: where a team's posts go on it, as `team set` reads (into an `Address`) and `teams`
  shows it (`handlers/places.py`)
- `kinds` (optional): its own kinds of address beyond `storage.address.Kind` (`room`), which
  its place and its sender then read and write as `Address`es like any other

The console (`salesbot say`/`chat`, the demo) is one too: no web route (`web` gives None), no
credentials, a sender that prints, and a room for every team with no setting (`Place.room`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

import click

from bot.console.plugin import Console
from bot.slack.plugin import Slack
from bot.teams.plugin import Teams
from bot.wecom.plugin import WeCom
from handlers import places
from storage import address

if TYPE_CHECKING:  # the outbox's worker is no part of a `salesbot say`'s start
    from worker.delivery import Sender


@runtime_checkable
class Platform(Protocol):
    """What a platform plugin is (see above); `tests/bot/test_platforms.py` adds one."""

    name: str
    prefix: str
    body_limit: int
    settings: type | None
    place: places.Place

    def enabled(self, settings) -> bool: ...
    def serves_over_web(self, settings) -> bool: ...
    def standalone(self, settings) -> tuple[str, ...]: ...
    def web(self, core, handoff): ...  # None: it serves no route
    def sender(self, core) -> Sender: ...
    def inbox_runner(self, core): ...  # None: nothing of it waits in the inbox
    def commands(self) -> list[click.Command]: ...


PLATFORMS: tuple[Platform, ...] = ()


def register(platform: Platform) -> None:
    """Serve, send to and set up one more platform; its place for team posts joins the grammar,
    its kinds of address the addresses."""
    global PLATFORMS
    PLATFORMS = (*PLATFORMS, platform)
    address.declare_kinds(*getattr(platform, "kinds", ()))
    places.declare(platform.place)


for _platform in (Slack(), WeCom(), Teams(), Console()):
    register(_platform)


def named(name: str) -> Platform:
    """The registered platform of that name."""
    return next(platform for platform in PLATFORMS if platform.name == name)


def enabled(settings) -> list[Platform]:
    """The platforms these settings set up."""
    return [platform for platform in PLATFORMS if platform.enabled(settings)]
