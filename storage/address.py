"""Where an outgoing message goes, typed: one `Address` instead of a string split by hand.

The outbox keeps an address as its `target` text, in the form it has always had (`user:U1`,
`channel:C1`, `thread:C1:TS`, `respond:MODE:U1:URL`, `chat:ID`, `webhook:KEY`, `conv:ID`,
`card:U1`), so rows written before read the same; `Address.parse` reads it, `target` writes it,
and senders match on `kind` instead of partitioning strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    USER = "user"  # a person's direct messages (Slack, WeCom, Teams; the console's user)
    CHANNEL = "channel"  # a Slack channel (id or #name); the console's team room
    THREAD = "thread"  # a reply in a Slack thread: `id` is the channel, `thread` its ts
    RESPOND = "respond"  # a Slack request's response_url: `id` is the user, with `mode` and `url`
    CHAT = "chat"  # a WeCom app chat
    WEBHOOK = "webhook"  # a WeCom group robot (its key)
    CONV = "conv"  # a Teams conversation: a channel, its thread or a group chat
    CARD = "card"  # the buttons' card of an answer whose text went back in the request (WeCom)


@dataclass(frozen=True)
class Address:
    """One place on one platform: `platform` and `workspace` say whose, `kind` and `id` where."""

    platform: str
    workspace: str
    kind: Kind
    id: str
    thread: str = ""  # THREAD: the thread's ts
    mode: str = ""  # RESPOND: private | public | auto
    url: str = ""  # RESPOND: the response_url

    @property
    def target(self) -> str:
        """The stored form (the outbox's `target` column)."""
        if self.kind is Kind.THREAD:
            return f"thread:{self.id}:{self.thread}"
        if self.kind is Kind.RESPOND:
            return f"respond:{self.mode}:{self.id}:{self.url}"
        return f"{self.kind.value}:{self.id}"

    @classmethod
    def parse(cls, platform: str, workspace: str, target: str) -> Address:
        """The address a stored target stands for; ValueError for one of no known kind."""
        word, _, rest = target.partition(":")
        kind = Kind(word)
        if kind is Kind.THREAD:
            channel, _, ts = rest.partition(":")
            return cls(platform, workspace, kind, channel, thread=ts)
        if kind is Kind.RESPOND:
            mode, user, url = (rest.split(":", 2) + ["", ""])[:3]
            return cls(platform, workspace, kind, user, mode=mode, url=url)
        return cls(platform, workspace, kind, rest)

    @classmethod
    def user(cls, platform: str, workspace: str, user_id: str) -> Address:
        return cls(platform, workspace, Kind.USER, user_id)


def kind_of(target: str) -> Kind | None:
    """The kind of a stored target, None for text of no known kind."""
    try:
        return Kind(target.partition(":")[0])
    except ValueError:
        return None
