"""The floor for the Slack web benchmark: a bolt app on the same server that only acks `/visit`,
in the request's own thread as ours does (bolt's default acks on a pool and polls for the ack
every 10 ms, a slower floor)."""
import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult


def create_app():
    app = App(signing_secret=os.environ["SLACK_SIGNING_SECRET"], process_before_response=True,
              authorize=lambda **kw: AuthorizeResult(enterprise_id=None, team_id=kw.get("team_id"),
                                                     bot_token="xoxb-bench", bot_user_id="UBOT"))
    app.command("/visit")(lambda ack: ack())
    return SlackRequestHandler(app)


def create_asgi_app():
    """Served as ours is: `bot/asgi.py` in front (the same server, limits and thread pool)."""
    from bot.asgi import asgi

    return asgi(create_app())
