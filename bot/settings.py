"""One typed settings object, read once from the environment or `.env`, passed down."""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import core_settings
from bot.core_settings import CHECKOUT, DATA_DIR, ENV_FILES, FIELDS
from bot.platforms import PLATFORMS

__all__ = ["CHECKOUT", "DATA_DIR", "Settings"]


def _core(field: str):
    """One of the settings every installation has (`bot/core_settings.py`, which reads them
    without pydantic for `salesbot say`)."""
    variable, default = FIELDS[field]
    return _env(default, variable)


def _env(default, variable: str):
    """A setting read from `variable` (fields can still be passed by name, as tests do)."""
    return Field(default, validation_alias=AliasChoices(variable))


class Settings(*(platform.settings for platform in PLATFORMS if platform.settings), BaseSettings):
    """What an installation configures: the fields below and each platform's (`bot/<platform>/
    settings.py`). Every field has a working default for the local demo."""

    model_config = SettingsConfigDict(env_file=ENV_FILES, extra="ignore", populate_by_name=True)

    data_dir: Path = _core("data_dir")
    database_url: str = _core("database_url")
    timezone: str = _core("timezone")
    currency: str = _core("currency")
    holiday_calendar: str = _core("holiday_calendar")

    redis_url: str = _env("", "REDIS_URL")  # shared by web and worker processes (WeCom's token)

    # CRM base URLs (docs/crm.md); empty: the data centre's own (Zoho's API host comes with its token)
    zoho_accounts_url: str = _env("", "ZOHO_ACCOUNTS_URL")
    zoho_api_url: str = _env("", "ZOHO_API_URL")
    fxiaoke_api_url: str = _env("https://open.fxiaoke.com", "FXIAOKE_API_URL")
    # Where the CRM reaches this installation (Zoho's notifications: {url}/crm/zoho/notify);
    # empty: no notifications, the worker polls Zoho as it polls 纷享
    crm_public_url: str = _env("", "SALESBOT_PUBLIC_URL")
    # The Fernet key(s) CRM secrets are encrypted with (crm/secrets.py); comma-separated while
    # rotating (the first encrypts). Empty: a key file in the data directory (the local demo).
    crm_secret_key: str = Field("", validation_alias=AliasChoices("SALESBOT_SECRET_KEY"), repr=False)

    # Worker: how long a claimed outbox message or inbox request is reserved (a killed worker's
    # claims expire).
    delivery_lease_seconds: float = _env(60.0, "SALESBOT_DELIVERY_LEASE")
    # Worker: how far it lowers its CPU priority (nice), so on a host it shares with web
    # processes, acks go first and the worker takes the CPU they leave; 0 keeps it level.
    worker_nice: int = _env(19, "SALESBOT_WORKER_NICE")

    @property
    def db_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data directory."""
        return core_settings.db_url(self)
