"""Client garbage at /wecom/callback, outside and inside the ciphertext: never a 500, never a stored
row; and a fuzz of bodies, plaintexts and query strings."""
import logging
from urllib.parse import urlencode

import pytest
import xmltodict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakes.wecom_driver import AES_KEY, AGENT, CORP, SECRET, TOKEN
from storage.models.messaging import InboxItem
from support import call, count, refused_quietly, stored


# WeCom ---------------------------------------------------------------------------------------------
def _inner(**fields) -> str:
    base = {"ToUserName": CORP, "FromUserName": "zhangwei", "CreateTime": "1700000000",
            "MsgType": "text", "Content": "进度", "MsgId": "123", "AgentID": str(AGENT)}
    base.update(fields)
    return "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in base.items() if v is not None) + "</xml>"


BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><xml><ToUserName>' + CORP + '</ToUserName>'
        '<FromUserName>zhangwei</FromUserName><MsgType>text</MsgType><Content>&lol3;</Content>'
        '<MsgId>1</MsgId></xml>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><ToUserName>'
            + CORP + '</ToUserName><FromUserName>zhangwei</FromUserName><MsgType>text</MsgType>'
            '<Content>&e;</Content><MsgId>2</MsgId></xml>')
INSIDE = [("entity bomb", BOMB), ("external entity", EXTERNAL), ("not XML", "进度 please"),
          ("wrong root", _inner().replace("xml>", "message>")),
          ("no FromUserName", _inner(FromUserName=None)), ("empty FromUserName", _inner(FromUserName="")),
          ("no MsgId", _inner(MsgId=None)), ("MsgType holding an element", _inner(MsgType="<a>text</a>")),
          ("a sender id longer than WeCom's", _inner(FromUserName="u" * 200)),
          ("deeply nested", "<xml>" + "<a>" * 5000 + "</a>" * 5000 + "</xml>"),
          ("repeated sender", _inner().replace(
              "<FromUserName>zhangwei</FromUserName>",
              "<FromUserName>a</FromUserName><FromUserName>b</FromUserName>"))]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("what, inner", INSIDE, ids=[i[0] for i in INSIDE])
def test_wecom_garbage_inside_the_ciphertext_is_400(wecom, caplog, what, inner):
    before = stored(wecom.core.session_factory)
    query, body = wecom.seal(inner)
    status, _ = wecom.request("POST", query, body)
    assert status == 400
    refused_quietly(caplog, status)
    assert stored(wecom.core.session_factory) == before
    assert not wecom.fake.called("user/get")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("what, encrypt", [("empty", ""), ("garbage", "not-base64!!"),
                                           ("truncated", "QUJD"), ("short block", "A" * 24)])
def test_wecom_bad_ciphertext_with_a_good_signature_is_refused(wecom, caplog, what, encrypt):
    query, body = wecom.signed_body(encrypt)
    status, _ = wecom.request("POST", query, body)
    assert status in (400, 403)
    refused_quietly(caplog, status)
    assert count(wecom.core.session_factory, InboxItem) == 0


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("body", [b"", b"hello", b"<xml><Encrypt>", b"\xff\xfe<xml/>", b"<other/>",
                                  b"<xml><Encrypt><a>1</a></Encrypt></xml>"])
def test_wecom_outer_garbage_is_400(wecom, caplog, body):
    status, _ = wecom.request("POST", {"msg_signature": "x", "timestamp": "1", "nonce": "n"}, body)
    assert status == 400
    refused_quietly(caplog, status)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_wecom_body_over_its_limit_is_413(wecom):
    status = call(wecom.web, "/wecom/callback", b"x" * (10 * 1024 * 1024), {},
                  query="msg_signature=x&timestamp=1&nonce=n")
    assert status == 413


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_wecom_callbacks_never_get_a_500(wecom):
    app = wecom.web
    inner = st.one_of(st.text(max_size=60), st.dictionaries(
        st.sampled_from(["ToUserName", "FromUserName", "MsgType", "Content", "MsgId", "Event", "EventKey"]),
        st.text(alphabet="abc<>&;1 ", max_size=8), max_size=6).map(
        lambda d: "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in d.items()) + "</xml>"))

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plain=inner, raw=st.binary(max_size=120), sealed=st.booleans(), query=st.text(max_size=30))
    def check(plain, raw, sealed, query):
        if sealed:
            params, body = wecom.seal(plain)
            query = urlencode(params)
        else:
            body = raw
        status = call(app, "/wecom/callback", body, {}, query=query)
        assert status < 500
    before = stored(wecom.core.session_factory)
    check()
    assert stored(wecom.core.session_factory) == before  # none of it was for our corp
    assert call(app, "/healthz", b"", {}, "GET") == 200




def test_no_secret_token_or_ciphertext_reaches_the_log(wecom, caplog):
    caplog.set_level(logging.INFO)
    query, body = wecom.seal(_inner(Content="拜访 华为：见面", MsgId="77"))
    assert wecom.request("POST", query, body)[0] == 200
    assert wecom.request("POST", {**query, "msg_signature": "0" * 40}, body)[0] == 403  # forged
    wecom.fake.token = "tok-rotated"  # the next call finds its token expired and refreshes it
    wecom.text("进度", user="lina")
    encrypt = xmltodict.parse(body)["xml"]["Encrypt"]
    for secret in (TOKEN, AES_KEY, SECRET, "tok-rotated", encrypt, encrypt[:40]):
        assert secret not in caplog.text
