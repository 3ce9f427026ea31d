"""A reply that only says thanks (`thanks a lot!`, `谢谢🙏`, `cool`): no reason told, no answer."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern


def acknowledged(text: str) -> bool:
    """Whether `text` only says thanks (`thanks a lot!`, `谢谢🙏`, `cool`): no reason told."""
    words = re.findall(r"[a-z']+", text.lower())
    chinese = _ACK_ZH.sub("", "".join(re.findall(r"[\u3400-\u9fff]+", text)))
    return not chinese and all(word in _ACK_EN for word in words)


_ACK_EN = {"thanks", "thank", "you", "thx", "ty", "a", "lot", "so", "much", "great", "cool", "nice",
           "awesome", "ok", "okay", "got", "it", "yay", "woohoo", "yes", "finally", "lol", "haha", "wow"}
_ACK_ZH = pattern(r"谢谢|谢了|多谢|收到|好的|太好了|好|棒|哈+|嗯+|耶|终于")
