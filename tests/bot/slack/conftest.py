"""Slack fixtures: the fake Slack, and the running app in single-workspace or OAuth mode, in
process or as the Procfile's web process."""
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from bot.settings import Settings
from fakes.slack_api import FakeSlack
from fakes.slack_driver import SECRET, SlackDriver, running
from support import ROOT, WebProcess, procfile_command, wait_until_healthy


def _fake_slack():
    fake = FakeSlack()
    for user_id, name, locale in (("U1", "Mia", "en-US"), ("U2", "Ana", "en-US"), ("U3", "Bo", "en-US"),
                                  ("U4", "张伟", "zh-CN")):
        fake.add_user(user_id, name, locale=locale)
    return fake


@pytest.fixture
def fake_slack():
    fake = _fake_slack()
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


@pytest.fixture
def procfile_web(db_url, fake_slack):
    """The Procfile's `web` line run as it is (one process), answering Slack; yields its driver."""
    yield from _procfile_web(db_url, fake_slack)


@pytest.fixture(scope="module")
def shared_procfile_web(sqlite_template, tmp_path_factory):
    """One Procfile web process (SQLite) for a module's tests of the HTTP front itself (slow,
    stalled, chunked and oversized clients), which store nothing another test there reads."""
    path = tmp_path_factory.mktemp("front") / "salesbot.sqlite3"
    shutil.copy(sqlite_template, path)
    fake = _fake_slack()
    try:
        yield from _procfile_web(f"sqlite:///{path}", fake)
    finally:
        fake.close()


def _procfile_web(db_url, fake_slack):
    env = {**os.environ, "DATABASE_URL": db_url, "WEB_CONCURRENCY": "1",
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake_slack.api_url}
    command = procfile_command("web")
    command[0] = str(Path(os.sys.executable).parent / command[0])
    web = WebProcess(command, env, cwd=ROOT, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        driver = SlackDriver(f"http://127.0.0.1:{web.port}", fake_slack, core=None)
        driver.port = web.port
        wait_until_healthy(driver, web)
        yield driver
    finally:
        os.killpg(web.pid, signal.SIGTERM)
        web.process.wait(timeout=20)
