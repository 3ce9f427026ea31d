"""One typed settings object, read once from the environment or `.env`, passed down."""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """What an installation configures. Every field has a working default for the local demo."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(Path("data"), validation_alias=AliasChoices("SALESBOT_DATA_DIR", "data_dir"))
    database_url: str = Field("", validation_alias=AliasChoices("DATABASE_URL", "database_url"))
    timezone: str = Field("Asia/Shanghai", validation_alias=AliasChoices("SALESBOT_TIMEZONE", "timezone"))
    currency: str = Field("CNY", validation_alias=AliasChoices("SALESBOT_CURRENCY", "currency"))
    holiday_calendar: str = Field("CN", validation_alias=AliasChoices("SALESBOT_CALENDAR", "holiday_calendar"))

    @property
    def db_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'salesbot.sqlite3').as_posix()}"
