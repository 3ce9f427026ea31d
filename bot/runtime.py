"""What `salesbot` hands every command, the platforms' and the CRM's too: the app and the worker,
built at the top (`bot/cli.py` sets it as click's context object). A command reaches them through
`runtime()`, never by importing `bot.cli` or `bot.app`: those import the settings, which are made of
every platform's, so a platform importing them closes an import circle (`tests/test_layout.py`).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Protocol

import click


class Runtime(Protocol):
    def app(self, check_schema: bool = True, *, platforms: bool = True):
        """The app (`bot.app.App`) from the settings, its schema checked unless told not to;
        `platforms=False`: from the settings every installation has (`bot/core_settings.py`), for
        a command that speaks to no platform (no pydantic to import: `salesbot say`)."""

    def worker(self, app, **options):
        """The worker (`worker.service.Worker`) for the platforms the app's settings set up."""

    def platform(self, name: str):
        """The registered platform plugin of that name."""


def runtime() -> Runtime:
    """The running command's runtime (set by `bot.cli.main`)."""
    return click.get_current_context().find_root().obj


@contextmanager
def uncollected():
    """Imports with Python's garbage collector off, what they made frozen out of its way after.

    A command's process makes ~100,000 objects as it starts (the imports) and frees almost none:
    the collector walking them again and again while they are made, and once more as the process
    ends, was ~0.15 s of a `salesbot say` (issue #25's cold start). Frozen, they are left alone,
    as the web process leaves its own (`bot/asgi.py`); later objects are collected as usual, and
    at exit frozen too (`bot/cli.py`: the process is over, nothing needs freeing). A command
    imports what only it needs inside this too (`salesbot say`: the dispatcher, the ORM)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
