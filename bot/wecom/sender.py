"""Delivers outbox messages to WeCom: `user:ID` through `message/send` (markdown parts, buttons as
a card; `card:ID` the card alone), `chat:ID` and `webhook:KEY` as team posts. Frequency errors
become RateLimited."""
from __future__ import annotations

from wechatpy.exceptions import WeChatClientException

from bot.wecom.client import FREQUENCY_ERRORS, WeComClient
from bot.wecom.posts import WeComPoster
from bot.wecom.render import render_markdown, template_card
from handlers.reply import Reply
from scheduler.delivery import RateLimited, Undeliverable

GONE = {60111, 60102, 81013, 86003, 93000}  # no such user / chat / robot
FREQUENCY_PAUSE = 10.0  # WeCom gives no Retry-After: wait this long before the next try


class WeComSender:
    def __init__(self, client: WeComClient):
        self.client = client
        self.poster = WeComPoster(client)

    def send(self, platform: str, workspace: str, target: str, reply: Reply) -> None:
        kind, _, ident = target.partition(":")
        try:
            if reply.chart is not None and not reply.text:
                self._send_chart(kind, ident, reply)
            elif kind == "card":  # the text went back passively: only the buttons are left
                card = template_card(reply)
                if card:
                    self._to_user(ident, card)
            elif kind == "user":
                for part in render_markdown(reply, reply.locale):
                    self._to_user(ident, {"msgtype": "markdown", "markdown": {"content": part}})
                card = template_card(reply)
                if card:
                    self._to_user(ident, card)
            else:
                self.poster.post(kind, ident, reply)
        except WeChatClientException as error:
            if error.errcode in FREQUENCY_ERRORS:
                raise RateLimited(FREQUENCY_PAUSE, f"WeCom frequency limit {error.errcode}") from None
            if error.errcode in GONE:
                raise Undeliverable(f"WeCom {error.errcode}: {error.errmsg}") from None
            raise

    def _send_chart(self, kind: str, ident: str, reply: Reply) -> None:
        """The chart as an image: uploaded as media for a member or an app chat; a group robot
        takes the picture inline (base64 + md5)."""
        import base64
        import hashlib
        import io

        from bot.chart import render_png

        png = render_png(reply.chart)
        if kind == "webhook":
            image = {"base64": base64.b64encode(png).decode(), "md5": hashlib.md5(png).hexdigest()}
            self.client.webhook_send(ident, {"msgtype": "image", "image": image})
            return
        media = self.client.media.upload("image", ("chart.png", io.BytesIO(png), "image/png"))
        msg = {"msgtype": "image", "image": {"media_id": media["media_id"]}}
        if kind == "user":
            self._to_user(ident, msg)
        else:
            self.client.post("appchat/send", data={"chatid": ident, **msg})

    def _to_user(self, user_id: str, msg: dict) -> None:
        self.client.message.send(self.client.agent_id, [user_id], msg=msg)
