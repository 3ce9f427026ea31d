"""The composition root: settings → engine → session factory → defaults. Built once per process."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from handlers.senders import Defaults
from storage.db import ensure_current, make_engine, make_session_factory

if TYPE_CHECKING:  # imported when made: `salesbot say` is built from the core settings alone
    from bot.core_settings import CoreSettings
    from bot.settings import Settings


@dataclass
class App:
    #: `Settings`, or for a command that speaks to no platform `CoreSettings` (`salesbot say`)
    settings: Settings | CoreSettings
    engine: Engine
    session_factory: sessionmaker[Session]
    defaults: Defaults
    #: set when the process winds down: background threads stop taking new work
    stopping: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def build(cls, settings: Settings | CoreSettings | None = None, *, check_schema: bool = True,
              sqlite_cache_kib: int | None = None) -> App:
        """Connect to the configured database; refuse one whose schema is behind the code."""
        if settings is None:
            from bot.settings import Settings

            settings = Settings()
        engine = make_engine(settings.db_url, sqlite_cache_kib=sqlite_cache_kib)
        if check_schema:
            ensure_current(engine)
        defaults = Defaults(settings.timezone, settings.holiday_calendar, settings.currency)
        return cls(settings, engine, make_session_factory(engine), defaults)

    def close(self) -> None:
        """Stop background work (App Home refreshes) and close the database's connections."""
        self.stopping.set()
        self.engine.dispose()
