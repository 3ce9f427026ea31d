"""App Home: a rep's pace this period, open deals by stage and follow-ups due; a manager also sees
their team. Published when the tab opens and again after the user changes data.
"""
from __future__ import annotations

import logging

from slack_bolt import App as BoltApp
from slack_sdk.errors import SlackApiError

from bot.slack.render import render_slack
from handlers.reply import Reply

log = logging.getLogger(__name__)
REP_VIEWS = ("progress", "pipeline", "followups")
MANAGER_VIEWS = ("progress team", "pipeline team")
MAX_BLOCKS = 100


def home_blocks(runner, client, context, user_id: str) -> list[dict]:
    """The home tab's blocks, built from the same commands a user could type."""
    replies: list[Reply] = []
    for text in REP_VIEWS:
        reply = runner.run(client, context, user_id, text)
        replies.append(reply)
        if not reply.ok:  # the database is away: say so once
            break
    else:
        for text in MANAGER_VIEWS:
            reply = runner.run(client, context, user_id, text)
            if reply.ok:  # reps are refused team views: they simply do not see them
                replies.append(reply)
    blocks: list[dict] = []
    for reply in replies:
        section = render_slack(reply, reply.locale)
        if len(blocks) + len(section) + 1 > MAX_BLOCKS:
            break
        if blocks:
            blocks.append({"type": "divider"})
        blocks.extend(section)
    return blocks


def refresh(runner, client, context, user_id: str) -> None:
    try:
        client.views_publish(user_id=user_id, view={
            "type": "home", "blocks": home_blocks(runner, client, context, user_id)})
    except SlackApiError:
        log.warning("views.publish failed for %s", user_id, exc_info=True)


def register(bolt: BoltApp, runner) -> None:
    def opened(event, client, context):
        if event.get("tab", "home") == "home":
            refresh(runner, client, context, event["user"])

    bolt.event("app_home_opened")(ack=lambda ack: ack(), lazy=[opened])
