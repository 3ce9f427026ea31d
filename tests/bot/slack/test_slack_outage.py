"""The database goes away mid-run and comes back: friendly answers, then normal service."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.settings import Settings
from fakes.slack_api import _all_text
from fakes.slack_driver import SECRET, running
from fakes.tcp_proxy import TcpProxy
from storage.models.sales import Visit
from support import eventually


@pytest.fixture
def proxied_slack(db_url, fake_slack):
    url = make_url(db_url)
    if url.get_backend_name() != "postgresql":
        pytest.skip("an outage is a network event: PostgreSQL only")
    proxy = TcpProxy(url.host, url.port or 5432)
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    settings = Settings(database_url=through_proxy, slack_bot_token="xoxb-test",
                        slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url)
    for driver in running(settings, fake_slack):
        driver.proxy = proxy
        yield driver
    proxy.close()


def visits(core):
    with core.session_factory() as s:
        return s.scalar(select(func.count()).select_from(Visit))


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_database_cut_and_restored_mid_run(proxied_slack):
    slack = proxied_slack
    assert "Visit to Acme logged." in slack.say("/visit", "Acme: before")
    slack.proxy.cut()
    status, path = slack.command("/visit", "Acme: during")
    assert status == 200  # acked at once, whatever the database does
    assert "Please try again in a minute." in _all_text(slack.answers(path)[0])
    status, body = slack.get("/healthz")
    assert status == 503 and "unreachable" in body
    status, path = slack.command("/visit", "华为：断网时", user="U4")
    assert "请稍后再试" in _all_text(slack.answers(path)[0])
    slack.proxy.restore()
    eventually(lambda: slack.get("/healthz")[0] == 200)  # (a loaded machine takes a while to reconnect)
    assert "Visit to Acme logged." in slack.say("/visit", "Acme: after")
    assert visits(slack.core) == 2


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_command_while_another_writer_holds_sqlites_lock_is_answered_busy(slack, db_url, caplog):
    """SQLite's lock held past the busy timeout: acked, answered "busy, send it again", nothing
    stored, and no traceback in the log."""
    import sqlite3

    from hostile import tracebacks

    assert "Visit to Acme logged." in slack.say("/visit", "Acme: before")
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer (a long import) holds the lock
    try:
        caplog.clear()
        status, path = slack.command("/visit", "Acme: during")
        assert status == 200
        answer = _all_text(slack.answers(path)[0])
    finally:
        other.close()
    assert "busy" in answer and "send it again" in answer
    assert not tracebacks(caplog)
    assert visits(slack.core) == 1
