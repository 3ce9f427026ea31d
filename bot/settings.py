"""One typed settings object, read once from the environment or `.env`, passed down."""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _env(default, variable: str):
    """A setting read from `variable` (fields can still be passed by name, as tests do)."""
    return Field(default, validation_alias=AliasChoices(variable))


class Settings(BaseSettings):
    """What an installation configures. Every field has a working default for the local demo."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = _env(Path("data"), "SALESBOT_DATA_DIR")
    database_url: str = _env("", "DATABASE_URL")
    timezone: str = _env("Asia/Shanghai", "SALESBOT_TIMEZONE")
    currency: str = _env("CNY", "SALESBOT_CURRENCY")
    holiday_calendar: str = _env("CN", "SALESBOT_CALENDAR")

    @property
    def db_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'salesbot.sqlite3').as_posix()}"
