"""Where the web process's Python memory grows under the Teams bench's load (not a benchmark: a
look). `PYTHONPATH=. python -m bench.teams_heap [requests]` builds the web app in this process,
with Slack, WeCom and Teams set up against their fakes as bench/teams_web.py does, runs its
messages through the WSGI app from 50 threads onto a 64-thread pool as bot/asgi.py does (no
HTTP), first with no worker (the app runs them itself after 10 s), then beside the Procfile's
worker, and prints what grew between the app's first request and the end, by file and line
(tracemalloc snapshots taken after a full collection; the fakes' own records, and JSON decoding,
which they do in this process too, are left out)."""
from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.web_load import ROOT, drained

sys.path.insert(0, str(ROOT / "tests"))


def main(requests: int = 3000) -> None:
    tracemalloc.start()
    from bench import teams_web
    from fakes.slack_api import FakeSlack
    from fakes.teams_api import FakeBotFramework, channel_token
    from fakes.wecom_api import FakeWeCom
    from fakes.wecom_driver import AES_KEY, CORP, SECRET, TOKEN
    from storage.db import make_engine, upgrade

    app_id, secret = "bench-app-id", "bench-secret"
    fake, slack, wecom = FakeBotFramework(app_id, secret), FakeSlack(), FakeWeCom(CORP, SECRET)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'teams-heap.sqlite3'}"
    upgrade(make_engine(url))
    os.environ.update({
        "DATABASE_URL": url, "TEAMS_APP_ID": app_id, "TEAMS_APP_PASSWORD": secret,
        "TEAMS_OPENID_URL": fake.openid_url, "TEAMS_LOGIN_URL": fake.login_url,
        "TEAMS_SERVICE_URL": fake.service_url, "REQUESTS_CA_BUNDLE": fake.ca_file,
        "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench", "SLACK_API_URL": slack.api_url,
        "WECOM_CORP_ID": CORP, "WECOM_AGENT_ID": "1000002", "WECOM_SECRET": SECRET, "WECOM_TOKEN": TOKEN,
        "WECOM_ENCODING_AES_KEY": AES_KEY, "WECOM_API_URL": wecom.api_url})
    os.environ.pop("SLACK_APP_TOKEN", None)
    from bot import asgi
    from bot.web import create_app

    request = teams_web._activities(fake, channel_token(app_id, fake.service_url))
    answers = teams_web._Answers(fake)
    wsgi = create_app()
    pool = ThreadPoolExecutor(asgi.THREADS, thread_name_prefix="web")

    def load(count: int, concurrency: int) -> None:
        def client(n: int) -> None:
            for i in range(count // concurrency):
                method, path, body, headers = request(n, i)
                scope = {"method": method, "path": path, "query_string": b"",
                         "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
                pool.submit(asgi._call, wsgi, asgi._environ(scope, body)).result()
        clients = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
        for each in clients:
            each.start()
        for each in clients:
            each.join()

    load(1, 1)
    start = _snapshot()
    load(200, 10)
    load(requests, 50)
    worker = subprocess.Popen([str(Path(sys.executable).parent / "salesbot"), "worker"],
                              env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        drained(url)
        answers.wait(201 + requests)
        load(requests, 50)
        answers.wait(201 + 2 * requests)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(60)
    time.sleep(1)
    after = _snapshot()
    print(f"traced: {_total(start):.1f} MB after the first request, {_total(after):.1f} MB after the run")
    for stat in after.compare_to(start, "lineno")[:25]:
        print(f"{stat.size_diff / 1e6:+7.2f} MB {stat.count_diff:+8d} objects  {stat.traceback}")
    os._exit(0)  # the fakes' and the handoff's threads


def _snapshot() -> tracemalloc.Snapshot:
    gc.collect()
    left_out = (tracemalloc.__file__, "<frozen importlib._bootstrap*", str(ROOT / "tests" / "fakes" / "*"),
                "*/json/decoder.py", str(ROOT / "bench" / "*"))  # the fakes' records decode JSON here too
    return tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, name) for name in left_out])


def _total(snapshot: tracemalloc.Snapshot) -> float:
    return sum(stat.size for stat in snapshot.statistics("filename")) / 1e6


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
