"""What every command is made of: `Command`, whose numbers (`Scope`), which period (`Period`), which
deal (`DealRef`), and `ParseError` (text that is no command); `Help`."""
from __future__ import annotations

from dataclasses import dataclass


class Command:
    """What a message asks the core to do; `handlers.grammar.intents` declares who runs each kind."""

    __slots__ = ()


@dataclass(frozen=True)
class Scope:
    """Whose numbers: `me`, a `team` (by name, or the asker's own), or a `member` by name."""

    kind: str = "me"
    name: str | None = None


@dataclass(frozen=True)
class Period:
    """A period kind and an offset from the current one (-1 last, 0 this, 1 next)."""

    kind: str = "month"
    offset: int = 0


@dataclass(frozen=True)
class DealRef:
    """How a message names a deal: `#12`, or customer words and an optional title."""

    deal_id: int | None = None
    words: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True)
class Several:
    """The commands of one message of several lines, run in order as one (an answer to a question
    asked about one of them): each part a line's text, or the command an answer made of it,
    encoded (`command_json`). No `Command`: dispatch runs its parts, it has no handler."""

    parts: tuple[str, ...]


@dataclass(frozen=True)
class ParseError:
    """Text that is no command: `topic` is the intent it looked like (None: no keyword at all)."""

    topic: str | None
    problem: str = "usage"
    detail: str = ""
    fixed: str = ""  # the message as it was probably meant (`vist …` → `visit …`), to offer
    #: A question's one-tap answers, each (label key, the text it sends, the command it runs or
    #: None): readings of the message that keep all its words (`visit Acme: demo` and `deal Acme
    #: negotiation` as two lines).
    options: tuple[tuple[str, str, object], ...] = ()


@dataclass(frozen=True)
class Help(Command):
    topic: str | None = None
