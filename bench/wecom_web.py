"""WeCom web stack: encrypted text-message callbacks through the web server on SQLite, against the floor
of a bare endpoint that only decrypts and answers empty.

Goals: ≥ 0.7× the floor's throughput; no callback anywhere near WeCom's 5 s at 50 concurrent.
Ours runs as deployed, beside the Procfile's worker (see bench/slack_web.py).
"""
from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.web_load import ROOT, another_host, compared, drained, load, measure, web_server, worker

sys.path.insert(0, str(ROOT / "tests"))


def _callbacks(crypto, corp_id: str):
    import xmltodict

    ids = itertools.count(1)

    def request(n: int, i: int):
        msg_id = next(ids)
        inner = xmltodict.unparse({"xml": {
            "ToUserName": corp_id, "FromUserName": f"rep{n % 50}", "CreateTime": str(int(time.time())),
            "MsgType": "text", "Content": f"拜访 客户{i % 200:03}：压测", "MsgId": str(msg_id),
            "AgentID": "1000002"}}, full_document=False)
        stamp, nonce = str(int(time.time())), f"n{msg_id}"
        sealed = xmltodict.parse(crypto.encrypt_message(inner, nonce, stamp))["xml"]
        body = xmltodict.unparse({"xml": {"ToUserName": corp_id, "Encrypt": sealed["Encrypt"]}},
                                 full_document=False).encode()
        query = urlencode({"msg_signature": sealed["MsgSignature"], "timestamp": stamp,
                           "nonce": nonce})
        return "POST", f"/wecom/callback?{query}", body, {"Content-Type": "text/xml"}
    return request


def run(tmp_dir: Path, requests: int = 6000) -> list[str]:
    from wechatpy.enterprise.crypto import WeChatCrypto

    from fakes.wecom_api import FakeWeCom
    from fakes.wecom_driver import AES_KEY, CORP, SECRET, TOKEN
    from storage.db import make_engine, upgrade

    fake = FakeWeCom(CORP, SECRET)
    fake.users.update({f"rep{i}": f"销售{i}" for i in range(50)})
    url = f"sqlite:///{tmp_dir / 'wecom-bench.sqlite3'}"
    upgrade(make_engine(url))
    env = {**os.environ, "DATABASE_URL": url, "WECOM_CORP_ID": CORP, "WECOM_AGENT_ID": "1000002",
           "WECOM_SECRET": SECRET, "WECOM_TOKEN": TOKEN, "WECOM_ENCODING_AES_KEY": AES_KEY,
           "WECOM_API_URL": fake.api_url}
    for key in [k for k in env if k.startswith("SLACK_")]:
        del env[key]
    request = _callbacks(WeChatCrypto(TOKEN, AES_KEY, CORP), CORP)
    results = {}
    with web_server("bench.bare_wecom:create_asgi_app()", env) as (_pid, port):
        load(port, request, 200, 10)  # warm up
        results["floor"] = measure(port, request, requests)
    with web_server("bot.asgi:create_app()", env) as (_pid, port):
        load(port, request, 200, 10)  # warm up (and register the reps)
        # the worker on another host: the web process alone on this one
        another_host(url, "wecom")  # so the web process only acks, as it would beside one
        results["alone"] = measure(port, request, requests)
        with worker(env):  # then beside it, sharing the two cores with the web and the load
            drained(url)
            started = time.monotonic()
            results["beside"] = measure(port, request, requests)
            results["e2e"] = requests / (drained(url) - started)
    visits = _count(url, "SELECT count(*) FROM visits")
    fake.close()
    return [*compared("wecom web · encrypted text callbacks", "decrypt, answer empty", requests,
                      results, "goal ≥ 0.7, none near 5 s"),
            f"  stored end to end (web when idle + 1 worker): {results['e2e']:.0f} req/s; "
            f"{visits:,} of {2 * requests + 200:,} visits stored"]


def _count(url: str, sql: str) -> int:
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text(sql)).scalar()
    engine.dispose()
    return value
