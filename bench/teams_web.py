"""Teams web stack: message activities with signed bearer tokens through the web server (the
Procfile's web line) on SQLite, against the floor of the Agents SDK's own check of the same
activities on the same server (bench/bare_teams.py: token validation, the Activity model, 200).

Goals: ≥ 0.7× the floor's throughput; p99 < 100 ms at 50 concurrent; the web worker's memory
≤ 120 MB with all three platforms set up (Slack and WeCom too, against their fakes: a deployment
that serves them all carries all their code). Ours runs as deployed, beside the Procfile's worker
(see bench/slack_web.py); the answers go to a fake Bot Connector, the bot's token comes from a
fake Entra ID. Each message's note carries its number (`压测 #n`) and its answer repeats the note,
so an answer is counted once for the message it answers, when it reached the connector; what else
the bot posted (the admin told that a rep started using it) and a second answer to one message are
counted apart.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from bench.web_load import (
    ROOT,
    another_host,
    compared,
    drained,
    load,
    measure,
    web_server,
    worker,
    worker_rss_mb,
)

sys.path.insert(0, str(ROOT / "tests"))
_NOTE = re.compile(r"压测 #(\d+)")  # a message's note, repeated in its answer


def _activities(fake, token: str):
    ids, numbers = itertools.count(1_700_000_000_000), itertools.count(1)

    def request(n: int, i: int):
        user = f"29:rep{n % 50}"
        activity = {"type": "message", "id": str(next(ids)), "serviceUrl": fake.service_url,
                    "channelId": "msteams", "from": {"id": user, "name": f"Rep {n % 50}"},
                    "conversation": {"conversationType": "personal", "tenantId": "bench-tenant",
                                     "id": f"a:chat-{user}"},
                    "recipient": {"id": "28:bot", "name": "salesbot"}, "locale": "zh-CN",
                    "text": f"拜访 客户{i % 200:03}：压测 #{next(numbers)}", "textFormat": "plain",
                    "channelData": {"tenant": {"id": "bench-tenant"}}}
        return "POST", "/api/messages", json.dumps(activity).encode(), {
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    return request


def run(tmp_dir: Path, requests: int = 6000) -> list[str]:
    from fakes.slack_api import FakeSlack
    from fakes.teams_api import FakeBotFramework, channel_token
    from fakes.wecom_api import FakeWeCom
    from fakes.wecom_driver import AES_KEY, CORP, SECRET, TOKEN
    from storage.db import make_engine, upgrade

    app_id, secret = "bench-app-id", "bench-secret"
    fake = FakeBotFramework(app_id, secret)
    url = f"sqlite:///{tmp_dir / 'teams-bench.sqlite3'}"
    upgrade(make_engine(url))
    env = {**os.environ, "DATABASE_URL": url, "TEAMS_APP_ID": app_id, "TEAMS_APP_PASSWORD": secret,
           "TEAMS_OPENID_URL": fake.openid_url, "TEAMS_LOGIN_URL": fake.login_url,
           "TEAMS_SERVICE_URL": fake.service_url, "REQUESTS_CA_BUNDLE": fake.ca_file}
    slack, wecom = FakeSlack(), FakeWeCom(CORP, SECRET)  # set up beside Teams, sent nothing here
    env.update({"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench",
                "SLACK_API_URL": slack.api_url, "WECOM_CORP_ID": CORP, "WECOM_AGENT_ID": "1000002",
                "WECOM_SECRET": SECRET, "WECOM_TOKEN": TOKEN, "WECOM_ENCODING_AES_KEY": AES_KEY,
                "WECOM_API_URL": wecom.api_url})
    env.pop("SLACK_APP_TOKEN", None)
    request = _activities(fake, channel_token(app_id, fake.service_url))
    answers = _Answers(fake)
    results = {}
    with web_server("bench.bare_teams:create_asgi_app()", env) as (_pid, port):
        load(port, request, 200, 10)  # warm up
        results["floor"] = measure(port, request, requests)
    with web_server("bot.asgi:create_app()", env) as (pid, port):
        load(port, request, 1, 1)
        idle = worker_rss_mb(pid)  # started, one request served
        load(port, request, 200, 10)  # warm up (and register the reps)
        another_host(url, "teams")  # so the web process only acks, as it would beside one
        results["alone"] = measure(port, request, requests)
        with worker(env):
            drained(url)
            answers.wait(201 + requests)  # the earlier rounds' answers, all in
            started = time.monotonic()
            results["beside"] = measure(port, request, requests)
            answers.wait(201 + 2 * requests)
            results["e2e"] = requests / (time.monotonic() - started)
        rss = worker_rss_mb(pid)
    with fake.lock:
        answered, twice, other = answers.count(), answers.twice(), answers.other
    for each in (fake, slack, wecom):
        each.close()
    return [*compared("teams web · signed message activities", "the SDK's token check and Activity model",
                      requests, results, "goal ≥ 0.7, p99 < 100 ms"),
            f"  answered end to end (web when idle + 1 worker; counted when each answer reached the "
            f"connector): {results['e2e']:.0f} req/s; {answered:,} of {2 * requests + 201:,} messages "
            f"answered at the connector, {twice} twice, and {other} other posts; web RSS {idle:.0f} MB "
            f"started, {rss:.0f} MB after the run, with Slack, WeCom and Teams set up (goal ≤ 120 MB)"]


class _Answers:
    """The bench's messages answered at the fake connector, read from its posts as they come."""

    def __init__(self, fake):
        self.fake = fake
        self.seen: Counter[str] = Counter()  # message number → answers to it
        self.other = 0  # posts that answer none of the messages
        self._read = 0

    def count(self) -> int:
        """Messages answered so far (call with the fake's lock held)."""
        for posted in self.fake.posted[self._read:]:
            found = _NOTE.search(posted.text)
            if found:
                self.seen[found.group(1)] += 1
            else:
                self.other += 1
        self._read = len(self.fake.posted)
        return len(self.seen)

    def twice(self) -> int:
        return sum(n - 1 for n in self.seen.values())

    def wait(self, count: int, timeout: float = 600) -> None:
        """Until `count` messages are answered."""
        self.fake.wait_for(lambda: self.count() >= count, timeout)
