"""English words for the words of deals' titles kept in Chinese (`renewal` of 续约): a sentence
(`格力 renewal 推到下月`) or a win or loss (`won gree renewal 540k`, r23 W4) naming the deal in
English names that deal, never a new one titled "renewal"."""
from __future__ import annotations

from collections.abc import Callable

from handlers.grammar.commands import CloseDeal

#: the English word → the Chinese word of the title
TITLE_WORDS = {"renewal": "续约", "renew": "续约", "cloud": "云", "data": "数据", "platform": "平台",
               "pilot": "试点", "maintenance": "维保", "smart": "智能", "factory": "工厂"}


def as_titled(command: object, deals: Callable[[], list], rest: str) -> str:
    """The title of the one open deal (of `deals()`) that the words after the customer in a win or
    loss name in English (`renewal` of 续约), every word of them a title word; else `rest`."""
    words = rest.lower().replace(",", " ").split()
    if not isinstance(command, CloseDeal) or not words or any(w not in TITLE_WORDS for w in words):
        return rest
    fits = [d.title for d in deals() if d.title and all(TITLE_WORDS[w] in d.title for w in words)]
    return fits[0] if len(fits) == 1 else rest
