"""Teams' side of a conversation with the running app: activities as the Bot Framework posts
them to `/api/messages` (with a signed bearer token), and what the app sent to the fake
connector."""
from __future__ import annotations

import itertools
import json
import urllib.error
import urllib.request

from fakes.teams_api import FakeBotFramework, channel_token
from support import web_and_worker

APP_ID = "6a1b5c2d-0000-4000-8000-00000000b07"
SECRET = "teams-secret"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT = f"28:{APP_ID}"
CHANNEL = "19:east-sales@thread.tacv2"


class TeamsDriver:
    def __init__(self, base_url: str, fake: FakeBotFramework, core):
        self.base_url, self.fake, self.core = base_url, fake, core
        self._ids = itertools.count(1_700_000_000_001)

    def post(self, activity: dict, token: str | None = "signed", **raw) -> int:
        """POST an activity; `token`: "signed" (a valid one), None (no header) or a token."""
        return self.exchange(activity, token, **raw)[0]

    def exchange(self, activity: dict, token: str | None = "signed", **raw) -> tuple[int, bytes]:
        """POST an activity: (HTTP status, the body the bot answered with)."""
        if token == "signed":
            token = channel_token(APP_ID, activity.get("serviceUrl", self.fake.service_url))
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = raw.get("body") or json.dumps(activity).encode()
        request = urllib.request.Request(f"{self.base_url}/api/messages", data=body, headers=headers,
                                         method="POST")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:  # bounds a failure only
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def activity(self, kind: str = "message", *, user: str = "29:ana", name: str = "Ana Li",
                 conversation: str | None = None, locale: str = "en-US", **fields) -> dict:
        """An activity in the person's chat with the bot, or in `conversation` (a channel)."""
        personal = conversation is None
        return {"type": kind, "id": str(next(self._ids)), "timestamp": "2026-12-03T10:00:00.000Z",
                "serviceUrl": self.fake.service_url, "channelId": "msteams",
                "from": {"id": user, "name": name, "aadObjectId": f"aad-{user}"},
                "conversation": {"conversationType": "personal" if personal else "channel",
                                 "tenantId": TENANT, "id": f"a:chat-{user}" if personal else conversation,
                                 **({} if personal else {"isGroup": True})},
                "recipient": {"id": BOT, "name": "salesbot"}, "locale": locale,
                "channelData": {"tenant": {"id": TENANT}}, **fields}

    def say(self, text: str, **kw) -> dict:
        """A message typed in the bot's chat (or, with `conversation`, with an @mention of the bot)."""
        mention = kw.get("conversation") is not None
        said = f"<at>salesbot</at> {text}" if mention else text
        entities = [mention_of(BOT, "salesbot")] if mention else []
        entities += kw.pop("entities", [])
        activity = self.activity(text=said, textFormat="plain", entities=entities, **kw)
        assert self.post(activity) == 200
        return activity

    def ask(self, text: str, user: str = "29:ana", **kw) -> str:
        """Say `text` in the person's chat with the bot; the answer that arrives there."""
        before = len(self.chat_of(user))
        self.say(text, user=user, **kw)
        return self.wait_chat(before + 1, user)[before]

    def press(self, button: dict, card=None, **kw) -> dict:
        """A card's Action.Submit as Teams sends it: a message with the action's data as value,
        in reply to the message that carried the card (`card`, a Posted) when given."""
        if card is not None:
            kw["replyToId"] = card.id
        activity = self.activity(value=button["data"], **kw)
        assert self.post(activity) == 200
        return activity

    def posted_to(self, conversation: str, count: int = 1) -> list:
        """What reached a conversation, once at least `count` messages have."""
        posted = self.fake.wait_for(lambda: len(self.fake.to(conversation)) >= count)
        return self.fake.to(conversation) if posted else []

    def chat_of(self, user: str = "29:ana") -> list[str]:
        """What reached the person's chat with the bot."""
        return [p.text for p in self.fake.to(f"a:chat-{user}")]

    def wait_chat(self, count: int, user: str = "29:ana") -> list[str]:
        self.fake.wait_for(lambda: len(self.fake.to(f"a:chat-{user}")) >= count)
        return self.chat_of(user)


def mention_of(user: str, name: str) -> dict:
    """The entity Teams sends with a message that @mentions someone (`<at>name</at>` in its text)."""
    return {"type": "mention", "mentioned": {"id": user, "name": name}, "text": f"<at>{name}</at>"}


def running(settings, fake):
    with web_and_worker(settings) as (url, app):
        driver = TeamsDriver(url, fake, app.core)
        driver.app, driver.web = app.routes["/api/messages"].app, app
        yield driver
