"""What `salesbot` hands every command, the platforms' and the CRM's too: the app and the worker,
built at the top (`bot/cli.py` sets it as click's context object). A command reaches them through
`runtime()`, never by importing `bot.cli` or `bot.app`: those import the settings, which are made of
every platform's, so a platform importing them closes an import circle (`tests/test_layout.py`).
"""
from __future__ import annotations

from typing import Protocol

import click


class Runtime(Protocol):
    def app(self, check_schema: bool = True):
        """The app (`bot.app.App`) from the settings, its schema checked unless told not to."""

    def worker(self, app, **options):
        """The worker (`worker.service.Worker`) for the platforms the app's settings set up."""

    def platform(self, name: str):
        """The registered platform plugin of that name."""


def runtime() -> Runtime:
    """The running command's runtime (set by `bot.cli.main`)."""
    return click.get_current_context().find_root().obj
