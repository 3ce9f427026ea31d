"""One typed settings object, read once from the environment or `.env`, passed down."""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The source checkout this runs from (`make demo` installs it in place), or None when installed.
CHECKOUT = Path(__file__).resolve().parents[1]
CHECKOUT = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else None
#: The demo's database is found from any folder: the checkout's `data/`, else the current folder's.
DATA_DIR = CHECKOUT / "data" if CHECKOUT else Path("data")


def _env(default, variable: str):
    """A setting read from `variable` (fields can still be passed by name, as tests do)."""
    return Field(default, validation_alias=AliasChoices(variable))


class Settings(BaseSettings):
    """What an installation configures. Every field has a working default for the local demo."""

    model_config = SettingsConfigDict(env_file=(*([CHECKOUT / ".env"] if CHECKOUT else []), ".env"),
                                      extra="ignore", populate_by_name=True)

    data_dir: Path = _env(DATA_DIR, "SALESBOT_DATA_DIR")
    database_url: str = _env("", "DATABASE_URL")
    timezone: str = _env("Asia/Shanghai", "SALESBOT_TIMEZONE")
    currency: str = _env("CNY", "SALESBOT_CURRENCY")
    holiday_calendar: str = _env("CN", "SALESBOT_CALENDAR")

    # Slack: a bot token for one workspace, or client id/secret for installs through OAuth.
    slack_bot_token: str = _env("", "SLACK_BOT_TOKEN")
    slack_signing_secret: str = _env("", "SLACK_SIGNING_SECRET")
    slack_app_token: str = _env("", "SLACK_APP_TOKEN")
    slack_client_id: str = _env("", "SLACK_CLIENT_ID")
    slack_client_secret: str = _env("", "SLACK_CLIENT_SECRET")
    slack_api_url: str = _env("https://slack.com/api/", "SLACK_API_URL")

    # WeCom (企业微信) self-built app.
    wecom_corp_id: str = _env("", "WECOM_CORP_ID")
    wecom_agent_id: int = _env(0, "WECOM_AGENT_ID")
    wecom_secret: str = _env("", "WECOM_SECRET")
    wecom_token: str = _env("", "WECOM_TOKEN")
    wecom_encoding_aes_key: str = _env("", "WECOM_ENCODING_AES_KEY")
    wecom_api_url: str = _env("https://qyapi.weixin.qq.com/cgi-bin/", "WECOM_API_URL")
    redis_url: str = _env("", "REDIS_URL")

    # Worker: how long a claimed outbox message or inbox request is reserved (a killed worker's
    # claims expire).
    delivery_lease_seconds: float = _env(60.0, "SALESBOT_DELIVERY_LEASE")
    # Worker: how far it lowers its CPU priority (nice), so on a host it shares with web
    # processes, acks go first and the worker takes the CPU they leave; 0 keeps it level.
    worker_nice: int = _env(19, "SALESBOT_WORKER_NICE")

    @property
    def wecom_enabled(self) -> bool:
        return bool(self.wecom_corp_id and self.wecom_token and self.wecom_encoding_aes_key)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_signing_secret and (self.slack_bot_token or self.slack_client_id))

    @property
    def db_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'salesbot.sqlite3').as_posix()}"
