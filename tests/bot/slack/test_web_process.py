"""The Procfile's `web` line, run as it is: Hypercorn serves /healthz and signed Slack requests."""
import collections
import os
import signal
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fakes.slack_api import _all_text
from fakes.slack_driver import SECRET, SlackDriver
from storage.db import make_engine, make_session_factory
from storage.models.messaging import Delivery, InboxItem
from storage.models.sales import Visit
from support import ROOT, WebProcess, count, eventually, procfile_command, wait_until_healthy

pytestmark = pytest.mark.slow  # real processes: run first (conftest.py)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_procfile_web_process_serves_slack(procfile_web):
    status, path = procfile_web.command("/visit", "Acme: demo from the web process")
    assert status == 200
    assert "Visit to Acme logged." in _all_text(procfile_web.answers(path)[0])


def answers(driver) -> bool:
    try:
        driver.get("/healthz")
    except OSError:
        return False
    return True


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_salesbot_start_with_credentials_runs_the_web_process_and_the_worker(db_url, fake_slack):
    env = {**os.environ, "DATABASE_URL": db_url, "WEB_CONCURRENCY": "1",
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake_slack.api_url}
    salesbot = [os.sys.executable, "-m", "bot.cli"]
    bot = WebProcess([*salesbot, "start"], env, cwd=ROOT, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        driver = SlackDriver(f"http://127.0.0.1:{bot.port}", fake_slack, core=None)
        wait_until_healthy(driver, bot)
        driver.command("/salesbot", "help", user="U1")  # Mia: admin
        driver.command("/salesbot", "help", user="U2")  # Ana: a rep
        queued = subprocess.run([*salesbot, "run-job", "standup", "--team", "Sales"], env=env,
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert "1 new message queued;" in queued.stdout
        [prompt] = fake_slack.wait_for(lambda: [c for c in fake_slack.called("chat.postMessage")
                                                if c.params.get("channel") == "U2"], timeout=60)
        assert "Standup, Ana" in _all_text(prompt.params)
    finally:
        bot.process.send_signal(signal.SIGTERM)  # as a process manager stops it: the children go too
        bot.process.wait(timeout=30)
    eventually(lambda: not answers(driver))  # the web process is gone with it (soon, on a loaded machine)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_web_and_two_worker_processes_store_and_answer_a_burst_once(db_url, fake_slack, tmp_path):
    """The Procfile's processes on one PostgreSQL, one worker killed mid-burst: every visit is
    stored once, every command answered, and at most the one in flight answered twice."""
    env = {**os.environ, "DATABASE_URL": db_url, "WEB_CONCURRENCY": "2",
           "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake_slack.api_url, "SALESBOT_DELIVERY_LEASE": "2",
           "PATH": f"{Path(os.sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    web = WebProcess(procfile_command("web"), env, cwd=ROOT, stdout=subprocess.DEVNULL,
                     start_new_session=True)
    workers = [subprocess.Popen(procfile_command("worker"), env=env, cwd=ROOT,
                                stdout=(tmp_path / f"worker{n}.log").open("w"),
                                stderr=subprocess.STDOUT) for n in range(2)]
    session_factory = make_session_factory(make_engine(db_url))
    users = ("U1", "U2", "U3", "U4")
    try:
        driver = SlackDriver(f"http://127.0.0.1:{web.port}", fake_slack, core=None)
        wait_until_healthy(driver, web)

        def visit(i: int):
            return driver.command("/visit", f"Client {i:03}: burst", user=users[i % 4])

        with ThreadPoolExecutor(16) as pool:
            sent = list(pool.map(visit, range(40)))
            workers[0].kill()  # SIGKILL, whatever it was doing
            sent += list(pool.map(visit, range(40, 80)))
        assert {status for status, _ in sent} == {200}
        eventually(lambda: count(session_factory, InboxItem, InboxItem.status == "pending") == 0
                   and count(session_factory, Delivery, Delivery.status == "pending") == 0, timeout=240)
        assert count(session_factory, Visit) == 80
        answers = collections.Counter(r["url"] for r in fake_slack.responses)
        # every answer is an outbox row queued with its visit: none lost; the one the killed
        # worker had in flight may have gone twice (taken by Slack, not yet marked sent)
        assert set(answers) == {path for _, path in sent}
        assert sum(answers.values()) - len(answers) <= 1
    finally:
        os.killpg(web.pid, signal.SIGTERM)
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        web.process.wait(timeout=20)
        for worker in workers:
            worker.wait(timeout=20)
        session_factory.kw["bind"].dispose()
