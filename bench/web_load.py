"""Shared by the web benchmarks: run an app as the Procfile's web line runs ours (Hypercorn, its
config, `bot/asgi.py` in front of the WSGI app) with the Procfile's worker beside it, load it from
many keep-alive connections, and read the web process's memory."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).parents[1]
Request = Callable[[int, int], tuple[str, str, bytes, dict]]  # (worker, i) -> method, path, body, headers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_server(app: str, env: dict):
    """`app` (an ASGI factory) served by one web worker with the web process's config; yields
    (pid, port)."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "hypercorn"), "--config", "python:bot.hypercorn_conf", app]
    process = subprocess.Popen(command, env={**env, "PORT": str(port), "WEB_CONCURRENCY": "1"},
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{app} did not start") from None
                time.sleep(0.1)
        yield process.pid, port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:  # still draining queued work: the numbers are taken
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def another_host(url: str, platform: str) -> None:
    """A worker on another host, as the web process sees it: its word that it runs `platform`'s
    requests (it takes them in the phase after, when one starts here), so the web process only
    acks and never runs the work left for it itself (bot/handoff.py `LATE_AFTER`)."""
    import datetime as dt

    from sqlalchemy.orm import Session

    from storage.db import make_engine
    from storage.inbox import InboxRepository
    from storage.models.base import utcnow

    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            InboxRepository(session).running((platform,), utcnow() + dt.timedelta(hours=1))
    finally:
        engine.dispose()


@contextmanager
def worker(env: dict):
    """The Procfile's `worker` beside the web process: it runs what a busy web process hands on."""
    process = subprocess.Popen([str(Path(sys.executable).parent / "salesbot"), "worker"], env=env,
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        yield process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def drained(url: str, timeout: float = 600) -> float:
    """Wait until no request waits in the inbox; returns when (time.monotonic())."""
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                if not conn.execute(text("SELECT count(*) FROM inbox WHERE status = 'pending'")).scalar():
                    return time.monotonic()
            time.sleep(0.05)
        raise RuntimeError("the inbox was not drained")
    finally:
        engine.dispose()


def load(port: int, request: Request, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """(seconds, latencies) for `requests` requests over `concurrency` keep-alive connections."""
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(n: int):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for i in range(requests // concurrency):
            method, path, body, headers = request(n, i)
            start = time.perf_counter()
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies


def p99_ms(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=100)[98] * 1000


def worker_rss_mb(master_pid: int) -> float:
    """Resident memory of the web worker (the largest of the server's children)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    rss = 0
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = max(rss, int(line.split()[1]))
    return rss / 1024


def measure(port: int, request: Request, requests: int) -> tuple[float, float, float]:
    """(requests/s, p99 ms, slowest s) of `requests` at 50 concurrent."""
    seconds, latencies = load(port, request, requests, 50)
    return requests / seconds, p99_ms(latencies), max(latencies)


def compared(what: str, floor: str, requests: int, results: dict, goal: str) -> list[str]:
    """The setting and the floor, then ours alone and beside the worker against it."""
    floor_rps, floor_p99, _ = results["floor"]
    from bot import asgi, hypercorn_conf

    threads = os.environ.get("WEB_THREADS", asgi.THREADS)
    lines = [f"{what} · Hypercorn {hypercorn_conf.worker_class}, 1 web worker × {threads} threads · SQLite · "
             f"{requests} requests at 50 concurrent · floor ({floor}) {floor_rps:6.0f} req/s "
             f"p99 {floor_p99:5.1f} ms"]
    for name, where in (("alone", "the worker on another host"),
                        ("beside", "the worker on these 2 cores too")):
        rps, p99, slowest = results[name]
        lines.append(f"  ours, {where:31} {rps:6.0f} req/s p99 {p99:5.1f} ms slowest {slowest:4.2f} s"
                     f"   ratio {rps / floor_rps:4.2f} ({goal})")
    return lines
