"""Words after a win's or a loss's amount or deal number that plainly say why (`won umbrella 190k
beat oracle on price`, `lost #48 they backed out`): taken as the reason, said so, never a colon
asked for (r18). Plainly: two words or more, letters only (no number, amount or day), and no word
of a field or of another command (`close`, `follow up`, `task`, `also`, a stage's word); any other
words are asked about as before (`Put a colon before it`). An emoji says nothing, and a Chinese name
among the words is a word (`price was right 👍`, `went with 用友 cheaper`: r24), unless it is a field's
word or a day (`跟进`, `下周`).

>>> TODAY = dt.date(2026, 12, 6)
>>> plain_reason("beat oracle on price", TODAY), plain_reason("they backed out", TODAY)
(True, True)
>>> plain_reason("went with sap, too pricey", TODAY)
True
>>> plain_reason("renewal", TODAY), plain_reason("beat oracle, follow up fri", TODAY)
(False, False)
>>> plain_reason("on price, also snooze 389 to mon", TODAY), plain_reason("check back next month", TODAY)
(False, False)
>>> plain_reason("moved to negotiation", TODAY), plain_reason("globex deal", TODAY)
(False, False)
>>> plain_reason("price was right 👍", TODAY), plain_reason("went with 用友 cheaper", TODAY)
(True, True)
>>> plain_reason("went with 用友 下周跟进", TODAY), plain_reason("👍 👍", TODAY)
(False, False)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern

_EMOJI = pattern(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")
_CJK_WORD = pattern(r"[\u3400-\u9fff]+")
#: Chinese words of a field, a day or another command (never a plain reason's)
_FIELD_ZH = pattern(r"跟进|回访|任务|拜访|商机|金额|阶段|成交|预计|截止|提醒|今天|明天|后天|昨天|"
                    r"下周|本周|这周|下个?月|月底|周[一二三四五六日天]|星期|礼拜|[0-9一二三四五六七八九十]+[号日]|另外|还有|然后|顺便|撤销|撤回")
_LETTERS = pattern(r"^[A-Za-z][A-Za-z'’ ,.!&/-]*$")
_FIELD = pattern(r"(?<![A-Za-z])(?:close[sd]?|closing|follow(?:ing)?[\s-]*up|followup|fu|f/u|task|todo|"
                 r"remind(?:er)?|snooze|stage|amount|value|prob(?:ability)?|deal|visit|title|customer|"
                 r"also|then|next\s+step|due|tmrw|tomorrow|today|tonight|week|month|quarter|eod|eow|eom|"
                 r"eoq|asap|later|soon|again|revisit|check\s+back|circle\s+back|ping)(?![A-Za-z])", re.I)


def plain_reason(words: str, today: dt.date) -> bool:
    """Whether `words` (after a closed deal's amount or number) can only be its reason."""
    from handlers.grammar.spans import date_in

    said = " ".join(_EMOJI.sub(" ", words).split())
    if _FIELD_ZH.search(said):
        return False
    said = _CJK_WORD.sub("x", said)  # `went with 用友 cheaper`: the name a word like any
    if len(said.split()) < 2 or not _LETTERS.match(said) or _FIELD.search(said) \
            or date_in(said, today) is not None:
        return False
    return not any(word.lower() in V.STAGE_WORDS and V.STAGE_WORDS[word.lower()] not in ("won", "lost")
                   or word.lower() in V.CURRENCY_WORDS for word in re.findall(r"[A-Za-z]+", said))
