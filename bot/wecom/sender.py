"""Delivers outbox messages to WeCom: `user:ID` through `message/send` (markdown parts, buttons as
a card; `card:ID` the card alone), `chat:ID` and `webhook:KEY` as team posts. Frequency errors
become RateLimited, saying how many parts of the message went out before."""
from __future__ import annotations

from wechatpy.exceptions import WeChatClientException

from bot.wecom.client import FREQUENCY_ERRORS, WeComClient
from bot.wecom.posts import WeComPoster
from bot.wecom.render import render_markdown, template_card
from handlers.text.reply import Reply
from storage.address import Address, Kind
from worker.delivery import RateLimited, Undeliverable

GONE = {60111, 60102, 81013, 86003, 93000}  # no such user / chat / robot
FREQUENCY_PAUSE = 10.0  # WeCom gives no Retry-After: wait this long before the next try


class WeComSender:
    def __init__(self, client: WeComClient):
        self.client = client
        self.poster = WeComPoster(client)
        self._msgids: list[str] = []

    def send(self, to: Address, reply: Reply, parts_sent: int = 0, sent_ids: str | None = None) -> str | None:
        """A message in parts (markdown of at most 2048 bytes each, then the buttons' card) goes
        part by part; a frequency limit after some of them says how many went out, and the next
        try (`parts_sent`) starts after them: no part is sent twice. A message to a person returns
        its msgids (comma-separated), which `fix` can recall, those of the parts sent by earlier
        tries (`sent_ids`, as the frequency limit gave them) included; group posts (`appchat/send`,
        a group robot) have none: WeCom cannot recall them."""
        kind, ident = to.kind, to.id
        self._msgids: list[str] = [m for m in (sent_ids or "").split(",") if m]
        if reply.chart is not None and not reply.text:
            parts = [lambda: self._send_chart(kind, ident, reply)]
        elif kind in (Kind.CARD, Kind.USER):  # card: the text went back passively, only the buttons are left
            texts = render_markdown(reply, reply.locale) if kind is Kind.USER else []
            card = template_card(reply)
            parts = [lambda part=part: self._to_user(ident, {"msgtype": "markdown",
                                                             "markdown": {"content": part}})
                     for part in texts] + ([lambda: self._to_user(ident, card)] if card else [])
        else:
            parts = self.poster.parts(kind, ident, reply)
        done = parts_sent
        try:
            for send in parts[parts_sent:]:
                send()
                done += 1
        except WeChatClientException as error:
            if error.errcode in FREQUENCY_ERRORS:
                raise RateLimited(FREQUENCY_PAUSE, f"WeCom frequency limit {error.errcode}"
                                  + (f" after {done} of {len(parts)} parts" if done else ""),
                                  parts_sent=done, sent_ids=",".join(self._msgids) or None) from None
            if error.errcode in GONE:
                raise Undeliverable(f"WeCom {error.errcode}: {error.errmsg}") from None
            raise
        return ",".join(self._msgids) or None

    def fix(self, to: Address, message_id: str, reply: Reply | None) -> bool:
        """Recall a message to a person (`message/recall`, within 24 hours); WeCom cannot edit
        one, and cannot recall a group post: False, so a short correction follows instead."""
        if reply is not None or to.kind is not Kind.USER:
            return False
        try:
            for msgid in message_id.split(","):
                self.client.post("message/recall", data={"msgid": msgid})
        except WeChatClientException as error:
            if error.errcode in FREQUENCY_ERRORS:
                raise RateLimited(FREQUENCY_PAUSE, f"WeCom frequency limit {error.errcode}") from None
            return False
        return True

    def _send_chart(self, kind: str, ident: str, reply: Reply) -> None:
        """The chart as an image: uploaded as media for a member or an app chat; a group robot
        takes the picture inline (base64 + md5)."""
        import base64
        import hashlib
        import io

        from bot.chart import render_png

        png = render_png(reply.chart)
        if kind is Kind.WEBHOOK:
            image = {"base64": base64.b64encode(png).decode(), "md5": hashlib.md5(png).hexdigest()}
            self.client.webhook_send(ident, {"msgtype": "image", "image": image})
            return
        media = self.client.media.upload("image", ("chart.png", io.BytesIO(png), "image/png"))
        msg = {"msgtype": "image", "image": {"media_id": media["media_id"]}}
        if kind is Kind.USER:
            self._to_user(ident, msg)
        else:
            self.client.post("appchat/send", data={"chatid": ident, **msg})

    def _to_user(self, user_id: str, msg: dict) -> None:
        sent = self.client.message.send(self.client.agent_id, [user_id], msg=msg)
        if isinstance(sent, dict) and sent.get("msgid"):
            self._msgids.append(sent["msgid"])
