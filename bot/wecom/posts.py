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
        """Post a reply to an app chat (`chat`) or a group robot (`webhook`)."""
        for part in render_markdown(reply, reply.locale, ROBOT_LIMIT if kind == "webhook" else 2048):
            msg = {"msgtype": "markdown", "markdown": {"content": part}}
            if kind == "webhook":
                with_backoff(lambda msg=msg: self.client.webhook_send(target, msg))
            else:
                with_backoff(lambda msg=msg: self.client.post("appchat/send",
                                                              data={"chatid": target, **msg}))
