"""A busy web process's WeCom acks through the web front (bot/asgi.py): each sent once its
inbox row is committed, waited for on the front's event loop (tests/bot/test_deferred_acks.py)."""
from urllib.parse import urlencode

import xmltodict

from bot.asgi import asgi
from storage.models.messaging import InboxItem
from storage.models.sales import Visit
from support import count, eventually, front_request


def test_a_busy_web_process_acks_a_wecom_message_through_the_front_once_it_is_recorded(wecom):
    """The whole web app behind the front: a message behind another in flight gets its empty
    200 once its row is in the inbox, a redelivery adds nothing, and a worker answers it once."""
    front = asgi(wecom.web, threads=4)
    inner = xmltodict.unparse({"xml": {"ToUserName": wecom.corp_id, "FromUserName": "zhangwei",
                                       "CreateTime": "1796600000", "MsgType": "text",
                                       "Content": "拜访 华为：见面", "MsgId": "4242", "AgentID": "1"}},
                              full_document=False)
    query, body = wecom.seal(inner)
    with wecom.web.handoff.serving():  # another callback is being served: this one is handed on
        for _ in range(2):  # WeCom's redelivery
            assert front_request(front, body, "/wecom/callback", urlencode(query)) == (200, b"")
            assert count(wecom.core.session_factory, InboxItem) == 1
    eventually(lambda: wecom.sent_to("zhangwei"))
    [answer] = wecom.sent_to("zhangwei")
    assert "已记录拜访：华为。" in answer
    assert count(wecom.core.session_factory, Visit) == 1
