"""What every model shares: the declarative `Base`, UTC datetimes, money, the name key."""

import datetime as dt
import unicodedata

from sqlalchemy import DateTime, Numeric, TypeDecorator
from sqlalchemy.orm import DeclarativeBase


def name_key(name: str) -> str:
    """Case- and width-insensitive key for a name: `ＡＣＭＥ  corp` and `Acme Corp` are one customer."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class UTCDateTime(TypeDecorator):
    """Timezone-aware datetimes stored as UTC; SQLite gives naive values back, this makes them aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime: store aware UTC datetimes")
            value = value.astimezone(dt.timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


Money = Numeric(18, 2)


class Base(DeclarativeBase):
    pass
