"""An option of the bot's question named by its place (`the first one`, `第一个`, `选第1个吧`, `2nd`,
`#1`): r31zh #22, `第一个` to "which deal?" was refused though the README lists it.

>>> ordinal("第一个"), ordinal("选第2个吧"), ordinal("the second one"), ordinal("第六个")
(1, 2, 2, None)
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: Words around a place that say nothing more (`选第一个吧`, `就第二项`)
_PICK_SAID = pattern(r"^(?:选|要|就|就选|就要|我选|我要|用)|(?:个|项|条|种|行|那个)?(?:吧|的|啊|呀)?$")
#: `the first one`, `第一个`, `#2`, `2nd`: an option by its place
_ORDINALS = {word: place for place, words in enumerate((
    ("first", "1st", "#1", "第一", "头一", "1."), ("second", "2nd", "#2", "第二", "2."),
    ("third", "3rd", "#3", "第三", "3."), ("fourth", "4th", "#4", "第四", "4."),
    ("fifth", "5th", "#5", "第五", "5.")), 1) for word in words}


def ordinal(word: str) -> int | None:
    """The place an answer names (`the first one`, `第一个`, `选第1个吧`, `2nd`), else None."""
    said = _PICK_SAID.sub("", word.lower().strip(" .!。！~")).removeprefix("the ").removesuffix(" one")
    return _ORDINALS.get(said) or (int(said[1]) if re.fullmatch(r"第[1-5]", said) else None)
