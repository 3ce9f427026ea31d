"""Slack web stack: signed `/visit` requests through gunicorn (the Procfile's web line) on SQLite,
against the floor of a bare bolt app on the same server that only acks.

Goals: ≥ 0.7× the floor's throughput; p99 latency < 100 ms at 50 concurrent requests; the web
worker's resident memory after 10,000 requests ≤ 120 MB.
"""
from __future__ import annotations

import hashlib
import hmac
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

SECRET = "bench-secret"
ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(app: str, env: dict) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen([gunicorn, "--config", "python:bot.gunicorn_conf", app],
                               env={**env, "PORT": str(port), "WEB_CONCURRENCY": "1"}, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{app} did not start")


def _load(port: int, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """(seconds, latencies) for `requests` signed /visit posts over `concurrency` connections."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_worker = requests // concurrency

    def worker(n: int):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for i in range(per_worker):
            body = urlencode({"team_id": "T1", "channel_id": "C1", "channel_name": "sales",
                              "user_id": f"U{n % 50}", "command": "/visit",
                              "text": f"Customer {i % 200}: bench visit",
                              "response_url": f"{os.environ['BENCH_FAKE']}/response/{n}-{i}",
                              "trigger_id": "t", "api_app_id": "A1"})
            ts = str(int(time.time()))
            sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(),
                                   hashlib.sha256).hexdigest()
            start = time.perf_counter()
            conn.request("POST", "/slack/events", body, {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            assert response.status == 200, response.status
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


def _worker_rss_mb(master_pid: int) -> float:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    rss = 0
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = max(rss, int(line.split()[1]))
    return rss / 1024


def run(tmp_dir: Path, requests: int = 3000, memory_requests: int = 10_000) -> list[str]:
    from fakes.slack_api import FakeSlack
    from storage.db import make_engine, upgrade

    fake = FakeSlack()
    for i in range(50):
        fake.add_user(f"U{i}", f"Rep {i}")
    os.environ["BENCH_FAKE"] = fake.url
    url = f"sqlite:///{tmp_dir / 'slack-bench.sqlite3'}"
    upgrade(make_engine(url))
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url}
    results = {}
    for name, app in (("floor", "bench.bare_bolt:create_app()"), ("ours", "bot.web:create_app()")):
        process, port = _start(app, env)
        try:
            _load(port, 200, 10)  # warm up
            seconds, latencies = _load(port, requests, 50)
            results[name] = (requests / seconds, statistics.quantiles(latencies, n=100)[98] * 1000)
            if name == "ours":
                _load(port, memory_requests, 50)
                results["rss"] = _worker_rss_mb(process.pid)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    fake.close()
    floor_rps, floor_p99 = results["floor"]
    ours_rps, ours_p99 = results["ours"]
    return [f"slack web · signed /visit · gunicorn gthread, 1 worker × 8 threads · SQLite · "
            f"{requests} requests at 50 concurrent",
            f"  ours {ours_rps:7.0f} req/s  p99 {ours_p99:6.1f} ms   floor (bare bolt, ack only) "
            f"{floor_rps:7.0f} req/s  p99 {floor_p99:6.1f} ms",
            f"  throughput ratio {ours_rps / floor_rps:4.2f} (goal ≥ 0.7)   p99 {ours_p99:.1f} ms "
            f"(goal < 100 ms)   worker RSS after {memory_requests + requests + 200:,} requests "
            f"{results['rss']:.0f} MB (goal ≤ 120 MB)"]
