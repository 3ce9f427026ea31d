"""The console's sender: the worker's posts for the console, printed (the demo chat, `salesbot
worker` run by hand)."""
from __future__ import annotations

from bot.render_text import render_text
from handlers.text.reply import Reply
from storage.address import Address, Kind


class ConsoleSender:
    """The scheduler's posts in the demo: printed into the console chat. In a chat (`chatting`
    says who is at the keyboard), only the team's channel posts and that person's own messages
    are shown, each followed by the prompt again, so that a post never buries it."""

    def __init__(self, write=print, chatting: dict | None = None):
        self.write = write
        self.chatting = chatting

    def send(self, to: Address, reply: Reply) -> None:
        if self.chatting is not None and to.kind is not Kind.CHANNEL and to.id != self.chatting["user"]:
            return  # someone else's message: `/user NAME` to be them
        head = f"📣 #{to.id}" if to.kind is Kind.CHANNEL else f"💬 → {to.id}"
        if reply.chart is not None and not reply.text:
            chart = reply.chart
            body = f"[{chart.title}] " + " · ".join(
                f"{label} {value:g}" for label, value in zip(chart.labels, chart.values, strict=True))
        else:
            body = render_text(reply, reply.locale)
        self.write(f"\n{head}\n{body}\n")
        if self.chatting is not None:
            self.write(f"{self.chatting['user']}> ", end="", flush=True)
