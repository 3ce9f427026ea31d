"""Slack fixtures: the fake Slack, and the running app in single-workspace or OAuth mode."""
import pytest

from bot.settings import Settings
from fakes.slack_api import FakeSlack
from fakes.slack_driver import SECRET, running


@pytest.fixture
def fake_slack():
    fake = FakeSlack()
    for user_id, name, locale in (("U1", "Mia", "en-US"), ("U2", "Ana", "en-US"), ("U3", "Bo", "en-US"),
                                  ("U4", "张伟", "zh-CN")):
        fake.add_user(user_id, name, locale=locale)
    yield fake
    fake.close()


@pytest.fixture
def slack_settings(db_url, fake_slack):
    return Settings(database_url=db_url, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                    slack_api_url=fake_slack.api_url)


@pytest.fixture
def slack(slack_settings, fake_slack):
    yield from running(slack_settings, fake_slack)


@pytest.fixture
def oauth_slack(db_url, fake_slack):
    """Multi-workspace mode: installs through OAuth, tokens from the installation store."""
    fake_slack.add_user("U9", "Rita")
    settings = Settings(database_url=db_url, slack_signing_secret=SECRET, slack_client_id="111.222",
                        slack_client_secret="client-secret", slack_api_url=fake_slack.api_url)
    yield from running(settings, fake_slack)
