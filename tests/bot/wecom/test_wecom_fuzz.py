"""A signed, encrypted fuzz of WeCom's callback: messages and events shaped as WeCom sends them
(`<xml>` inside the ciphertext, for our corp) with a few fields changed: never a 500, never a
traceback in the web process or the worker. `SALESBOT_FUZZ_EXAMPLES` sets how many."""
import itertools
import logging
from collections import Counter
from urllib.parse import urlencode

import pytest
import xmltodict
from hostile import fuzz_settings, mutations, settled, tracebacks
from hypothesis import assume, given
from hypothesis import strategies as st

from fakes.wecom_driver import AGENT, CORP
from support import call

_IDS = itertools.count(1)
TEXT = {"ToUserName": CORP, "FromUserName": "zhangwei", "CreateTime": "1700000000", "MsgType": "text",
        "Content": "拜访 华为：见面", "MsgId": "1", "AgentID": str(AGENT)}
EVENT = {"ToUserName": CORP, "FromUserName": "lina", "CreateTime": "1700000000", "MsgType": "event",
         "Event": "template_card_event", "EventKey": "进度", "TaskId": "t1", "AgentID": str(AGENT)}
PATHS = [(key,) for key in ("ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId",
                            "Event", "EventKey", "TaskId", "AgentID", "PicUrl")]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_signed_wecom_messages_never_get_a_500_or_a_traceback(wecom, caplog):
    caplog.set_level(logging.WARNING)
    assert "我的进度" in wecom.text("进度")[1]
    seen = []

    @fuzz_settings()
    @given(fields=st.one_of(mutations(TEXT, PATHS), mutations(EVENT, PATHS)))
    def check(fields):
        if fields.get("MsgId") == "1":
            fields["MsgId"] = str(next(_IDS))
        try:
            inner = xmltodict.unparse({"xml": fields}, full_document=False)
            params, body = wecom.seal(inner, nonce=f"n{next(_IDS)}")
        except (ValueError, UnicodeError):  # what no XML writer can write: WeCom cannot send it
            assume(False)
        status = call(wecom.web, "/wecom/callback", body, {}, query=urlencode(params))
        seen.append(status)
        assert status < 500
    check()
    settled(wecom.core.session_factory)
    assert not tracebacks(caplog)
    print(f"wecom fuzz: {len(seen)} requests, statuses {dict(Counter(seen))}")
    assert seen.count(200) >= len(seen) // 20  # a twentieth at least were read as WeCom's
