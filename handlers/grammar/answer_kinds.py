"""What kind of message an answer to the bot's question is, by its words alone: an undo (`undo`,
`撤回刚才那条`), the undo button's own command, a cancel (`算了`), one short word that can only be
an answer, a command of its own, an option's command typed word for word, a day or an amount first."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import plain_undo
from handlers.grammar.amounts import parse_amount
from handlers.grammar.intents import split_keyword
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern


def typed_answer(text: str, answers: list[str]) -> int | None:
    """The number of the option whose command `text` is, word for word (`leave next friday, dentist`
    after "take this leave?"): that option taken, not another message ending the question."""
    said = " ".join(text.split()).casefold()
    return next((i for i, answer in enumerate(answers, 1)
                 if answer and " ".join(answer.split()).casefold() == said), None)


def is_undo(text: str) -> bool:
    """Whether `text` asks to undo (`undo`, `撤销`, `undo that`, `撤回刚才那条`), and only that (not
    `undo that, and move deal #1 to 50k`)."""
    said = " ".join(text.split())
    keyword, _language, rest = split_keyword(normalize(said))
    return keyword == "undo" and not rest.strip() or isinstance(plain_undo.meant(said), c.Undo)


def undo_confirmed(text: str) -> bool:
    """Whether `text` is the undo button's own command (`undo confirm`, `撤销 确认`)."""
    keyword, _language, rest = split_keyword(normalize(" ".join(text.split())))
    return keyword == "undo" and rest.strip().lower() in ("confirm", "确认")


def is_cancel(text: str) -> bool:
    """Whether a no says "cancel" (`cancel`, `算了`, `never mind`), not only "no" to what was asked."""
    return " ".join(text.split()).strip(" .!。！~").lower() in _CANCEL


_CANCEL = {"cancel", "取消", "算了", "算了吧", "never mind", "nevermind", "nvm", "forget it", "cancel that"}


def answer_like(text: str) -> bool:
    """Whether `text` could only be meant as an answer (`asdf`, `好吧嗯`, `4`), not a message of
    its own (`#46 close date the 15th pls`, `oh and its cny not usd sorry`, `小米的单子今天签了`):
    one short word."""
    said = text.strip()
    return len(said.split()) == 1 and len(said) <= (4 if _HAN.search(said) else 12)


_HAN = pattern(r"[\u3400-\u9fff]")


def a_command(text: str) -> bool:
    return split_keyword(normalize(" ".join(text.split())))[0] is not None


def day_first(text: str, today: dt.date) -> bool:
    """Whether `text` is a day (`12号`, `fri`, `next tue`), give or take the words after it."""
    from handlers.grammar.dates import parse_date

    words = normalize(text).split()
    return any(parse_date(" ".join(words[:size]), today) is not None for size in (3, 2, 1))


def amount_first(text: str) -> bool:
    """Whether `text` starts with an amount (`80k`, `8万：关系好`): the answer to "how much?"."""
    first = re.split(r"[\s:：,，;；]", normalize(text).strip(), maxsplit=1)[0]
    return bool(first) and parse_amount(first) is not None
