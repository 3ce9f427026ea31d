"""`bot/core_settings.py` reads the settings every installation has as `Settings` reads them
(pydantic-settings), without importing pydantic: `salesbot say` is built from it."""
from pathlib import Path

import pytest

from bot.core_settings import FIELDS, CoreSettings
from bot.settings import Settings

VARIABLES = [variable for variable, _default in FIELDS.values()]


def _both(**given) -> tuple[dict, dict]:
    core, full = CoreSettings.read(**given), Settings(**given)
    return ({field: getattr(core, field) for field in FIELDS},
            {field: getattr(full, field) for field in FIELDS})


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """No setting in the environment, in a folder of its own (its `.env` is read)."""
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)
        monkeypatch.delenv(variable.lower(), raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_defaults_are_the_settings_defaults(elsewhere):
    core, full = _both()
    assert core == full
    assert core["timezone"] == "Asia/Shanghai" and core["database_url"] == ""
    assert CoreSettings.read().db_url == Settings().db_url


def test_the_environment_is_read_in_any_case(elsewhere, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    monkeypatch.setenv("salesbot_timezone", "Europe/Berlin")
    monkeypatch.setenv("SALESBOT_DATA_DIR", str(elsewhere / "data"))
    core, full = _both()
    assert core == full
    assert (core["database_url"], core["timezone"]) == ("sqlite:////tmp/x.sqlite3", "Europe/Berlin")
    assert core["data_dir"] == elsewhere / "data" and isinstance(core["data_dir"], Path)


def test_a_dotenv_file_is_read_and_the_environment_wins_over_it(elsewhere, monkeypatch):
    (elsewhere / ".env").write_text("SALESBOT_CURRENCY=USD\nsalesbot_calendar='US'\n"
                                    "DATABASE_URL=sqlite:////tmp/from-file.sqlite3\n# a comment\n")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/from-env.sqlite3")
    core, full = _both()
    assert core == full
    assert (core["currency"], core["holiday_calendar"]) == ("USD", "US")
    assert core["database_url"] == "sqlite:////tmp/from-env.sqlite3"


def test_a_field_given_by_name_wins(elsewhere, monkeypatch):
    monkeypatch.setenv("SALESBOT_TIMEZONE", "Asia/Tokyo")
    core, full = _both(timezone="UTC", data_dir=elsewhere)
    assert core == full and core["timezone"] == "UTC"
    assert CoreSettings.read(data_dir=elsewhere).db_url == Settings(data_dir=elsewhere).db_url
