"""Where an outgoing message goes, typed: one `Address` instead of a string split by hand.

The outbox keeps an address as its `target` text, in the form it has always had (`user:U1`,
`channel:C1`, `thread:C1:TS`, `respond:MODE:U1:URL`, `chat:ID`, `webhook:KEY`, `conv:ID`,
`card:U1`), so rows written before read the same; `Address.parse` reads it, `target` writes it,
and senders match on `kind` instead of partitioning strings.

The kinds of the platforms shipped are `Kind`; a platform added as a plugin brings its own with
`declare_kinds` (`bot.platforms.register` does it from the plugin's `kinds`), so its addresses
are read and written here like any other.
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


#: every kind an address may have: `Kind`, and those platforms declared
_SHIPPED = frozenset(kind.value for kind in Kind)
_KINDS: set[str] = set(_SHIPPED)


def declare_kinds(*words: str) -> None:
    """More kinds of address, a platform's own (`room` for a platform's rooms)."""
    for word in words:
        if not word or ":" in word:
            raise ValueError(f"not a kind of address: {word!r}")
    _KINDS.update(words)


def forget_kinds(*words: str) -> None:
    """Kinds of a platform gone (never `Kind`'s own)."""
    _KINDS.difference_update(set(words) - _SHIPPED)


@dataclass(frozen=True)
class Address:
    """One place on one platform: `platform` and `workspace` say whose, `kind` and `id` where."""

    platform: str
    workspace: str
    kind: str  # a `Kind`, or a kind a platform declared
    id: str
    thread: str = ""  # THREAD: the thread's ts
    mode: str = ""  # RESPOND: private | public | auto
    url: str = ""  # RESPOND: the response_url

    def __post_init__(self):
        if self.kind not in _KINDS:
            raise ValueError(f"no kind of address: {self.kind!r}")
        if self.kind in _SHIPPED:  # one of `Kind`'s: as a member of it (`to.kind is Kind.USER`)
            object.__setattr__(self, "kind", Kind(self.kind))

    @property
    def target(self) -> str:
        """The stored form (the outbox's `target` column)."""
        if self.kind == Kind.THREAD:
            return f"thread:{self.id}:{self.thread}"
        if self.kind == Kind.RESPOND:
            return f"respond:{self.mode}:{self.id}:{self.url}"
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, platform: str, workspace: str, target: str) -> Address:
        """The address a stored target stands for; ValueError for one of no known kind."""
        kind, _, rest = target.partition(":")
        if kind == Kind.THREAD:
            channel, _, ts = rest.partition(":")
            return cls(platform, workspace, kind, channel, thread=ts)
        if kind == Kind.RESPOND:
            mode, user, url = (rest.split(":", 2) + ["", ""])[:3]
            return cls(platform, workspace, kind, user, mode=mode, url=url)
        return cls(platform, workspace, kind, rest)

    @classmethod
    def user(cls, platform: str, workspace: str, user_id: str) -> Address:
        return cls(platform, workspace, Kind.USER, user_id)


def kind_of(target: str) -> str | None:
    """The kind of a stored target, None for text of no known kind."""
    kind = target.partition(":")[0]
    return kind if kind in _KINDS else None
