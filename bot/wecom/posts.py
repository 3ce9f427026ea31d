"""Team posts on WeCom: to an app chat (`appchat/send`) or a group robot (`webhook/send?key=…`), a
team's destination set with `team set NAME wecom chat:ID` / `webhook:KEY`. The outbox's WeCom
sender posts through `post`.
"""
from __future__ import annotations

import logging

from bot.wecom.client import WeComClient, with_backoff
from bot.wecom.render import render_markdown
from handlers.reply import Reply

log = logging.getLogger(__name__)
ROBOT_LIMIT = 4096  # bytes of markdown a group robot takes; app chats take 2048


class WeComPoster:
    def __init__(self, client: WeComClient):
        self.client = client

    def post(self, kind: str, target: str, reply: Reply) -> None:
        """Post a reply to an app chat (`chat`) or a group robot (`webhook`). A frequency limit on
        the first part is the outbox's to wait out (nothing was sent); on a later part it is
        waited out here, so that the parts already posted are not posted again."""
        parts = render_markdown(reply, reply.locale, ROBOT_LIMIT if kind == "webhook" else 2048)
        for n, part in enumerate(parts):
            msg = {"msgtype": "markdown", "markdown": {"content": part}}

            def send(msg=msg) -> dict:
                if kind == "webhook":
                    return self.client.webhook_send(target, msg)
                return self.client.post("appchat/send", data={"chatid": target, **msg})
            if n:
                with_backoff(send)
            else:
                send()
