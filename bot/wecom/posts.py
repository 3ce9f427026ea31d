"""Team posts on WeCom: to an app chat (`appchat/send`) or a group robot (`webhook/send?key=…`), a
team's destination set with `team set NAME wecom chat:ID` / `webhook:KEY`. The outbox's WeCom
sender posts through `post`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from bot.wecom.client import WeComClient
from bot.wecom.render import render_markdown
from handlers.text.reply import Reply

log = logging.getLogger(__name__)
ROBOT_LIMIT = 4096  # bytes of markdown a group robot takes; app chats take 2048


class WeComPoster:
    def __init__(self, client: WeComClient):
        self.client = client

    def post(self, kind: str, target: str, reply: Reply) -> None:
        """Post a reply to an app chat (`chat`) or a group robot (`webhook`), part by part."""
        for send in self.parts(kind, target, reply):
            send()

    def parts(self, kind: str, target: str, reply: Reply) -> list[Callable[[], dict]]:
        """The calls that post a reply, one per part (a frequency limit between two parts is the
        outbox's to wait out: `WeComSender` starts the next try after the parts that went out)."""
        def send(part: str) -> dict:
            msg = {"msgtype": "markdown", "markdown": {"content": part}}
            if kind == "webhook":
                return self.client.webhook_send(target, msg)
            return self.client.post("appchat/send", data={"chatid": target, **msg})
        return [lambda part=part: send(part)
                for part in render_markdown(reply, reply.locale, ROBOT_LIMIT if kind == "webhook" else 2048)]
