"""The console platform: the local demo chat, `salesbot say`, and the tests' chat backend.

It does what every adapter does: (user, text) → `handle_message` → Reply → `render_text`.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.render_text import render_text
from bot.trouble import trouble_reply
from handlers.dispatch import Defaults, UserRef, handle_message, reply_locale
from handlers.text.reply import Reply

PLATFORM = "console"
TENANT = "local"
_ANNOUNCE = {"en": "📣 to the team channel", "zh": "📣 发到团队群"}


class ConsoleBot:
    """One local tenant whose users are named on the command line (`--user Ana`)."""

    def __init__(self, session_factory: sessionmaker[Session], defaults: Defaults = Defaults(),
                 tenant: str = TENANT, platform: str = PLATFORM):
        self.session_factory = session_factory
        self.defaults = defaults
        self.tenant = tenant
        self.platform = platform  # tests speak as another platform's users through the same core

    def send(self, user: str, text: str, *, lang: str | None = None,
             now: dt.datetime | None = None) -> Reply:
        """One message as `user`; a database that cannot be reached gets a friendly answer."""
        ref = UserRef(self.platform, self.tenant, user, user, locale=lang)
        try:
            return handle_message(self.session_factory, ref, text, defaults=self.defaults, now=now)
        except OperationalError as error:
            return trouble_reply(error, lang or reply_locale(text, "en"), "console")

    def say(self, user: str, text: str, *, lang: str | None = None,
            now: dt.datetime | None = None) -> str:
        """The reply as the console shows it, announcements included."""
        return render(self.send(user, text, lang=lang, now=now))


def render(reply: Reply) -> str:
    out = render_text(reply, reply.locale)
    if reply.announcement:
        out += f"\n\n{_ANNOUNCE['zh' if reply.locale == 'zh' else 'en']}:\n"
        out += render_text(reply.announcement, reply.locale)
    return out


class ConsoleSender:
    """The scheduler's posts in the demo: printed into the console chat. In a chat (`chatting`
    says who is at the keyboard), only the team's channel posts and that person's own messages
    are shown, each followed by the prompt again, so that a post never buries it."""

    def __init__(self, write=print, chatting: dict | None = None):
        self.write = write
        self.chatting = chatting

    def send(self, platform: str, workspace: str, target: str, reply: Reply) -> None:
        kind, _, name = target.partition(":")
        if self.chatting is not None and kind != "channel" and name != self.chatting["user"]:
            return  # someone else's message: `/user NAME` to be them
        head = f"📣 #{name}" if kind == "channel" else f"💬 → {name}"
        if reply.chart is not None and not reply.text:
            chart = reply.chart
            body = f"[{chart.title}] " + " · ".join(
                f"{label} {value:g}" for label, value in zip(chart.labels, chart.values, strict=True))
        else:
            body = render_text(reply, reply.locale)
        self.write(f"\n{head}\n{body}\n")
        if self.chatting is not None:
            self.write(f"{self.chatting['user']}> ", end="", flush=True)


_CHAT_HELP = ("Type a message, e.g. `progress` or `进度`. /user NAME switches who you are, "
              "/lang en|zh sets the reply language, /quit leaves.\n"
              "输入消息，例如“进度”。/user 名字 切换身份，/lang zh|en 设置语言，/quit 退出。")


def run_chat(app, user: str, lang: str | None) -> None:
    """An interactive chat on the console, as `user`."""
    import logging

    from bot.worker import build_worker

    for name in ("worker", "apscheduler"):  # the worker's log lines stay out of the chat
        logging.getLogger(name).setLevel(logging.ERROR)
    bot = ConsoleBot(app.session_factory, app.defaults)
    chatting = {"user": user}
    print(_CHAT_HELP)
    worker = build_worker(app, ConsoleSender(chatting=chatting))  # its posts appear in this chat
    worker.start()
    try:
        _chat_loop(bot, chatting, lang)
    finally:
        worker.stop()


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
