"""Team posts on WeCom: each team may have a destination, an app chat (`appchat/send`) or a group
robot (`webhook/send?key=…`), set with `team set NAME wecom chat:ID` / `webhook:KEY`. The
outbox's WeCom sender posts through `post_to_team`.
"""
from __future__ import annotations

import logging

from bot.wecom.client import WeComClient, with_backoff
from bot.wecom.render import render_markdown
from handlers.reply import Reply

log = logging.getLogger(__name__)
ROBOT_LIMIT = 4096  # bytes of markdown a group robot takes; app chats take 2048


def destination(settings: dict) -> tuple[str, str] | None:
    """("chat", chat id) or ("webhook", robot key) from a team's settings, if it has one."""
    wecom = (settings or {}).get("wecom") or {}
    for kind in ("chat", "webhook"):
        if wecom.get(kind):
            return kind, wecom[kind]
    return None


class WeComPoster:
    def __init__(self, client: WeComClient):
        self.client = client

    def post_to_team(self, team_settings: dict, reply: Reply) -> bool:
        """Post a reply to the team's WeCom destination; False when the team has none."""
        where = destination(team_settings)
        if where is None:
            return False
        kind, target = where
        for part in render_markdown(reply, reply.locale, ROBOT_LIMIT if kind == "webhook" else 2048):
            msg = {"msgtype": "markdown", "markdown": {"content": part}}
            if kind == "webhook":
                with_backoff(lambda msg=msg: self.client.webhook_send(target, msg))
            else:
                with_backoff(lambda msg=msg: self.client.post("appchat/send",
                                                              data={"chatid": target, **msg}))
        return True
