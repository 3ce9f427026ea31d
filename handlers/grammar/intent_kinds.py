"""What an intent is made of (`handlers.grammar.intents` declares every one): its words, its
parser, the commands it makes, and its slash command; and how a command is run and by whom
(`Handles`, in `handlers/use_cases.py`)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from handlers.grammar import commands as c

Parser = Callable[[str, dt.date], c.Command | c.ParseError]


@dataclass(frozen=True)
class Handles:
    """A command an intent makes, who may run it, and the function that runs it."""

    command: type
    run: Callable
    role: str = "rep"  # the least role: rep, manager or admin
    when: Callable[[c.Command], bool] | None = None  # the role applies only when this holds

    def needs(self, command: c.Command) -> str:
        return self.role if self.when is None or self.when(command) else "rep"


@dataclass(frozen=True)
class Slash:
    """A command people type with a slash (Slack) or pick from the bot's command list."""

    name: str
    description: tuple[str, str]  # English, Chinese
    hint: str = ""


@dataclass(frozen=True)
class Intent:
    name: str
    en: tuple[str, ...]  # keywords; Chinese ones may be glued to what follows (`拜访华为：…`)
    zh: tuple[str, ...]
    parser: Parser
    usage: tuple[tuple[str, ...], tuple[str, ...]]  # examples (English, Chinese); the first is help's
    makes: tuple[type, ...] = ()  # the commands its parser makes (handlers/use_cases.py runs them)
    slash: Slash | None = None
    free_text: bool = False  # reads what follows as typed (notes, reasons), not folded
    whole: bool = False  # its parser reads the keyword too (`A类 每7天回访`: the tier is in it)
    #: more examples, from what is registered when asked (the platforms' places: `team set`)
    more: Callable[[str], tuple[str, ...]] | None = None

    def examples(self, locale: str) -> tuple[str, ...]:
        """Its usage examples in `locale`, the first help's."""
        return self.usage[locale == "zh"] + (self.more(locale) if self.more else ())
