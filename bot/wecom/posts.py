"""Team posts on WeCom: each team may have a destination, an app chat (`appchat/send`) or a group
robot (`webhook/send?key=…`), set with `team set NAME wecom chat:ID` / `webhook:KEY`. The
scheduler posts through `post_to_team` too.
"""
from __future__ import annotations

import logging

from bot.wecom.client import WeComClient, with_backoff
from bot.wecom.render import render_markdown
from handlers.reply import Reply
from storage.people import PeopleRepository

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

    def announce(self, core, user_id: str, reply: Reply) -> bool:
        """A celebration caused by `user_id`: to the WeCom destination of their home team."""
        with core.session_factory() as session:
            people = PeopleRepository(session)
            tenant = people.tenant("wecom", core.settings.wecom_corp_id)
            member = tenant and people.by_identity(tenant.id, "wecom", user_id)
            teams = people.teams_of(member.id) if member else []
            settings = dict(teams[0].settings or {}) if teams else {}
        return self.post_to_team(settings, reply)
