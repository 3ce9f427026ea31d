"""A web process set up for several platforms builds each platform's app, and imports its SDK,
when that platform's first request comes (`bot/web.py`'s `OnFirstRequest`): a process that only
Teams speaks to carries neither slack-bolt nor wechatpy."""
import json
import os
import subprocess
import sys

import pytest

_WEB = """
import io, json, sys
from bot.web import create_app

app = create_app()
loaded = lambda: sorted(m for m in ("slack_bolt", "wechatpy", "microsoft_agents") if m in sys.modules)
before = loaded()
statuses = []
for path in sys.argv[1:]:  # an unsigned URL check: refused, after the platform's app is built
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "echostr=x",
               "wsgi.input": io.BytesIO(b""), "CONTENT_LENGTH": "0"}
    app(environ, lambda status, headers, exc_info=None: statuses.append(status.split()[0]))
print(json.dumps({"before": before, "after": loaded(), "statuses": statuses}))
app.close()
"""


def _web(db_url: str, *paths: str) -> dict:
    env = {**os.environ, "DATABASE_URL": db_url, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
           "WECOM_CORP_ID": "ww1", "WECOM_AGENT_ID": "1000002", "WECOM_SECRET": "s", "WECOM_TOKEN": "t",
           "WECOM_ENCODING_AES_KEY": "a" * 43, "TEAMS_APP_ID": "00000000-0000-0000-0000-000000000001",
           "TEAMS_APP_PASSWORD": "p"}
    env.pop("SLACK_APP_TOKEN", None)
    done = subprocess.run([sys.executable, "-c", _WEB, *paths], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_platforms_sdk_is_imported_with_its_first_request_only(db_url):
    started = _web(db_url)
    assert started["before"] == started["after"] == []
    wecom = _web(db_url, "/wecom/callback")
    assert wecom["statuses"] == ["403"]  # the URL check's signature is checked by the built app
    assert wecom["after"] == ["wechatpy"]
