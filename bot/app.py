"""The composition root: settings → engine → session factory → defaults. Built once per process."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from handlers.dispatch import Defaults
from storage.db import ensure_current, make_engine, make_session_factory


@dataclass
class App:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    defaults: Defaults
    #: set when the process winds down: background threads stop taking new work
    stopping: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def build(cls, settings: Settings | None = None, *, check_schema: bool = True,
              sqlite_cache_kib: int | None = None) -> App:
        """Connect to the configured database; refuse one whose schema is behind the code."""
        settings = settings or Settings()
        engine = make_engine(settings.db_url, sqlite_cache_kib=sqlite_cache_kib)
        if check_schema:
            ensure_current(engine)
        defaults = Defaults(settings.timezone, settings.holiday_calendar, settings.currency)
        return cls(settings, engine, make_session_factory(engine), defaults)

    def close(self) -> None:
        """Stop background work (App Home refreshes) and close the database's connections."""
        self.stopping.set()
        self.engine.dispose()
