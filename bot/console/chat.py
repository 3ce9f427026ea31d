"""The console platform: the local demo chat, `salesbot say`, and the tests' chat backend.

It does what every adapter does: (user, text) → `handle_message` → the answer queued in the outbox
with what the message stored → taken from the outbox here at once, as a sender takes it, and
printed (`render_text`). What the message caused for the console's team
rooms (a won deal's celebration) is sent and printed with it.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.console.place import PLATFORM, TENANT
from bot.render_text import render_text
from bot.trouble import trouble_reply
from handlers.dispatch import reply_locale
from handlers.senders import Defaults, UserRef
from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from handlers.unit_of_work import AnswerTo, answer_key, handle_message
from storage.address import Address
from storage.models.base import utcnow
from storage.outbox import OutboxRepository

LEASE = dt.timedelta(seconds=30)
_ANNOUNCE = {"en": "📣 to the team channel", "zh": "📣 发到团队群"}


@dataclass(frozen=True)
class Exchange:
    """One message's answer as the outbox delivered it, and the team posts it caused here."""

    reply: Reply
    posts: tuple[Reply, ...] = ()


class ConsoleBot:
    """One local tenant whose users are named on the command line (`--user Ana`)."""

    def __init__(self, session_factory: sessionmaker[Session], defaults: Defaults = Defaults(),
                 tenant: str = TENANT, platform: str = PLATFORM):
        self.session_factory = session_factory
        self.defaults = defaults
        self.tenant = tenant
        self.platform = platform  # tests speak as another platform's users through the same core

    def exchange(self, user: str, text, *, lang: str | None = None,
                 now: dt.datetime | None = None) -> Exchange:
        """One message as `user` (text, or a command a button carries), answered through the
        outbox; a database that cannot be reached gets a friendly answer straight away."""
        ref = UserRef(self.platform, self.tenant, user, user, locale=lang)
        me = Address.user(self.platform, self.tenant, user)
        delivery = uuid.uuid4().hex
        try:
            reply = handle_message(self.session_factory, ref, text, defaults=self.defaults, now=now,
                                   answer_to=AnswerTo(delivery, self.tenant, me, announce=me))
            return self._delivered(answer_key(self.platform, delivery), reply, now)
        except OperationalError as error:
            return Exchange(trouble_reply(error, lang or reply_locale(text, "en"), "console"))

    def send(self, user: str, text, *, lang: str | None = None, now: dt.datetime | None = None) -> Reply:
        """The answer to one message as `user`."""
        return self.exchange(user, text, lang=lang, now=now).reply

    def say(self, user: str, text: str, *, lang: str | None = None,
            now: dt.datetime | None = None) -> str:
        """The answer as the console shows it, the team posts it caused after it."""
        said = self.exchange(user, text, lang=lang, now=now)
        return render(said.reply, said.posts)

    def _delivered(self, key: str, reply: Reply, now: dt.datetime | None) -> Exchange:
        """Take the message's answer and what it caused for the console from the outbox, as a
        sender does (claimed, its days worded as of now, marked sent), to print."""
        now = now or utcnow()
        with self.session_factory.begin() as session:
            outbox = OutboxRepository(session)
            mine = [d.key for d in outbox.of_message(key)
                    if d.key in (key, f"{key}:announce") or d.platform == PLATFORM]
            sent = {}
            for row in outbox.claim(now, len(mine), LEASE, keys=mine):
                sent[row.key] = as_sent(from_payload(row.payload), now)
                outbox.mark_sent(row.id, now)
        answer = sent.pop(key, reply)  # not there: another sender holds it, and sends it
        posts = []
        for post in sent.values():
            if post not in posts:  # one celebration, however many of the user's teams it reached
                posts.append(post)
        return Exchange(answer, tuple(posts))


def render(reply: Reply, posts: tuple[Reply, ...] = ()) -> str:
    out = render_text(reply, reply.locale)
    for post in posts:
        out += f"\n\n{_ANNOUNCE['zh' if reply.locale == 'zh' else 'en']}:\n"
        out += render_text(post, post.locale)
    return out


_CHAT_HELP = ("Type a message, e.g. `progress` or `进度`. /user NAME switches who you are, "
              "/lang en|zh sets the reply language, /quit leaves.\n"
              "输入消息，例如“进度”。/user 名字 切换身份，/lang zh|en 设置语言，/quit 退出。")


def run_chat(app, runtime, user: str, lang: str | None) -> None:
    """An interactive chat on the console, as `user`, with the worker `runtime` builds running
    beside it (`bot/runtime.py`)."""
    import logging

    for name in ("worker", "apscheduler"):  # the worker's log lines stay out of the chat
        logging.getLogger(name).setLevel(logging.ERROR)
    bot = ConsoleBot(app.session_factory, app.defaults)
    chatting = {"user": user}
    print(_CHAT_HELP)
    console = runtime.platform(PLATFORM)
    console.chatting = chatting  # the worker's posts appear in this chat, while it lasts
    worker = runtime.worker(app)
    worker.start()
    try:
        _chat_loop(bot, chatting, lang)
    finally:
        worker.stop()
        console.chatting = None


def _chat_loop(bot: ConsoleBot, chatting: dict, lang: str | None) -> None:
    while True:
        user = chatting["user"]
        try:
            text = input(f"{user}> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text in ("/quit", "/exit", "/q"):
            return
        if text.startswith("/user "):
            chatting["user"] = text.removeprefix("/user ").strip() or user
            continue
        if text.startswith("/lang "):
            lang = text.removeprefix("/lang ").strip() if text.endswith(("en", "zh")) else lang
            continue
        if text:
            print(bot.say(user, text, lang=lang), end="\n\n")
