"""Teams fixtures: the fake Bot Framework (keys, Entra ID, connector) and the running app."""
import pytest

from bot.settings import Settings
from fakes.teams_api import FakeBotFramework
from fakes.teams_driver import APP_ID, SECRET, running


@pytest.fixture
def fake_teams(monkeypatch):
    fake = FakeBotFramework(APP_ID, SECRET)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", fake.ca_file)  # MSAL (requests) trusts the fake Entra ID
    yield fake
    fake.close()


@pytest.fixture
def teams_settings(db_url, fake_teams):
    return Settings(database_url=db_url, teams_app_id=APP_ID, teams_app_password=SECRET,
                    teams_openid_url=fake_teams.openid_url, teams_login_url=fake_teams.login_url,
                    teams_service_url=fake_teams.service_url)


@pytest.fixture
def teams(teams_settings, fake_teams):
    yield from running(teams_settings, fake_teams)
