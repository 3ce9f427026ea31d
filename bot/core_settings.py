"""The settings every installation has (where its data is, its time zone, currency and calendar),
read without pydantic, for a command that speaks to no platform: `salesbot say`.

`bot.settings.Settings` reads these and every platform's with pydantic-settings, whose import is
~70 ms of CPU (pydantic, its core, their dependencies) — an eighth of a `salesbot say`, a fresh
process for one message (issue #25's cold start). The fields here are `Settings`' own (it
declares them from `FIELDS`), read from the same places in the same order: a value passed by
name, else the environment variable, else the `.env` files (the checkout's, then the current
folder's, the later winning), else the default; variable names in any case, as pydantic-settings
reads them (`tests/bot/test_core_settings.py` holds the two to the same answers).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The source checkout this runs from (`make demo` installs it in place), or None when installed.
CHECKOUT = Path(__file__).resolve().parents[1]
CHECKOUT = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else None
#: The demo's database is found from any folder: the checkout's `data/`, else the current folder's.
DATA_DIR = CHECKOUT / "data" if CHECKOUT else Path("data")
#: The `.env` files read, the later winning.
ENV_FILES = (*([CHECKOUT / ".env"] if CHECKOUT else []), Path(".env"))
#: field -> (its environment variable, its default)
FIELDS = {
    "data_dir": ("SALESBOT_DATA_DIR", DATA_DIR),
    "database_url": ("DATABASE_URL", ""),
    "timezone": ("SALESBOT_TIMEZONE", "Asia/Shanghai"),
    "currency": ("SALESBOT_CURRENCY", "CNY"),
    "holiday_calendar": ("SALESBOT_CALENDAR", "CN"),
}


@dataclass(frozen=True)
class CoreSettings:
    data_dir: Path = FIELDS["data_dir"][1]
    database_url: str = FIELDS["database_url"][1]
    timezone: str = FIELDS["timezone"][1]
    currency: str = FIELDS["currency"][1]
    holiday_calendar: str = FIELDS["holiday_calendar"][1]

    @classmethod
    def read(cls, **given) -> CoreSettings:
        """From the fields `given`, the environment and the `.env` files, as `Settings()` reads them."""
        found: dict[str, str] = {}
        for path in ENV_FILES:
            found.update(_dotenv(path))
        found.update({name.lower(): value for name, value in os.environ.items()})
        values = {field: found[variable.lower()] for field, (variable, _default) in FIELDS.items()
                  if variable.lower() in found}
        values.update(given)
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])
        return cls(**values)

    @property
    def db_url(self) -> str:
        """`DATABASE_URL`, or a SQLite file in the data directory."""
        return db_url(self)


def db_url(settings) -> str:
    """`settings`' `DATABASE_URL`, or a SQLite file in its data directory."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{(settings.data_dir / 'salesbot.sqlite3').as_posix()}"


def _dotenv(path: Path) -> dict[str, str]:
    """A `.env` file's variables, names in lower case (none where there is no file)."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    values = dotenv_values(path, encoding="utf-8")
    return {name.lower(): value for name, value in values.items() if value is not None}
