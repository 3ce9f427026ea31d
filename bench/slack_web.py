"""Slack web stack: signed `/visit` requests through the web server (the Procfile's web line) on SQLite,
against the floor of a bare bolt app on the same server that only acks.

Goals: ≥ 0.7× the floor's throughput; p99 latency < 100 ms at 50 concurrent requests; the web
worker's resident memory after 10,000 requests ≤ 120 MB. Ours runs as deployed: the web process
beside the Procfile's worker, which runs what the busy web process hands on (bot/handoff.py); the
end-to-end rate (every visit stored and answered) is reported next to the ack rate.
"""
from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

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

SECRET = "bench-secret"
sys.path.insert(0, str(ROOT / "tests"))


def _visit(fake_url: str):
    ids = itertools.count(1)  # one trigger and response_url per request, as Slack gives

    def request(n: int, i: int):
        k = next(ids)
        body = urlencode({"team_id": "T1", "channel_id": "C1", "channel_name": "sales",
                          "user_id": f"U{n % 50}", "command": "/visit",
                          "text": f"Customer {i % 200:03}: bench visit",
                          "response_url": f"{fake_url}/response/{k}", "trigger_id": f"{k}.{n}.{i}",
                          "api_app_id": "A1"})
        stamp = str(int(time.time()))
        signature = "v0=" + hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(),
                                     hashlib.sha256).hexdigest()
        return "POST", "/slack/events", body.encode(), {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
    return request


def run(tmp_dir: Path, requests: int = 6000, memory_requests: int = 10_000) -> list[str]:
    from fakes.slack_api import FakeSlack
    from storage.db import make_engine, upgrade

    fake = FakeSlack()
    for i in range(50):
        fake.add_user(f"U{i}", f"Rep {i}")
    url = f"sqlite:///{tmp_dir / 'slack-bench.sqlite3'}"
    upgrade(make_engine(url))
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url}
    request, results = _visit(fake.url), {}
    with web_server("bench.bare_bolt:create_asgi_app()", env) as (_pid, port):
        load(port, request, 200, 10)  # warm up
        results["floor"] = measure(port, request, requests)
    fake.responses.clear()
    with web_server("bot.asgi:create_app()", env) as (pid, port):
        load(port, request, 200, 10)  # warm up (and register the reps)
        # the worker on another host: the web process alone on this one
        another_host(url, "slack")  # so the web process only acks, as it would beside one
        results["alone"] = measure(port, request, requests)
        with worker(env):  # then beside it, sharing the two cores with the web and the load
            fake.wait_for(lambda: len(fake.responses) >= 200 + requests, timeout=600)
            drained(url)
            started = time.monotonic()
            results["beside"] = measure(port, request, requests)
            # every acked /visit stored and answered: how long until the last answer arrived
            fake.wait_for(lambda: len(fake.responses) >= 200 + 2 * requests, timeout=600)
            results["e2e"] = requests / (max(drained(url), time.monotonic()) - started)
            load(port, request, memory_requests, 50)
            results["rss"] = worker_rss_mb(pid)
            total = 200 + 2 * requests + memory_requests
            fake.wait_for(lambda: len(fake.responses) >= total, timeout=600)
        answers = Counter(r["url"] for r in fake.responses)
        results["answers"] = (len(answers), sum(n - 1 for n in answers.values()), total)
    fake.close()
    answered, repeated, total = results["answers"]
    return [
        *compared("slack web · signed /visit", "bare bolt, ack only", requests, results,
                  "goal ≥ 0.7, p99 < 100 ms"),
        f"  stored and answered end to end (web when idle + 1 worker): {results['e2e']:.0f} req/s; "
        f"{answered:,} of {total:,} answered, {repeated} twice",
        f"  web RSS after {total:,} requests {results['rss']:.0f} MB (goal ≤ 120 MB)"]
