"""The language a message is written in: what a reply to it is in, whoever the member is.

One rule (docs/admin.md, "Which language the bot answers in"): the message's language wins when it
says one: Chinese (a Chinese command word, `进度`; Chinese words beyond the grammar's,
`拜访 海尔：PO已经发了`, `今天demo很顺利，CFO也在`), or English: English words and no Chinese
(`visit Acme: met the CTO`, `progress team`, `done 393`), one word alone too (`stalled`,
`progress @tom`: a Chinese manager typing English reads English). A message of no words (`1`,
`@bo`, `CRM`: a word in capitals is said alike in both) or a button says none: those answer in
the member's language (`语言 英文` · `language zh`), as scheduled posts and reminders do.

With Chinese beside them, English words say English when there are three or more beyond the
grammar's, outnumbering the Chinese (`vist 华为: met the purchasing team`, whose Chinese is a
customer's name); as much of one as of the other (`push 191 to 下周一`) says nothing.

>>> [written_in(said) for said in ("progress team", "拜访 海尔：PO已经发了", "stalled", "进度")]
['en', 'zh', 'en', 'zh']
>>> written_in("1"), written_in("@bo"), written_in("CRM")
(None, None, None)
"""
from __future__ import annotations

import re

from handlers.grammar.intents import KEYWORDS_EN, split_keyword
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern

_CJK = pattern(r"[\u3400-\u9fff]")
_MENTION = pattern(r"@\S+")
_ENGLISH_WORD = pattern(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")
#: A word in capitals (`CRM`, `KPI`, `ERP`): said alike in both languages, so it says neither
_ACRONYM = pattern(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")


#: The grammar's own words, which say nothing of a language (`progress team`, `进度 团队 本月`)
_GRAMMAR_EN = {"team", "me", "my", "mine", "all", "split", "this", "last", "next", "previous", "week", "wk",
               "month", "mo", "quarter", "qtr", "year", "yr", "revenue", "sales", "deals", "wins", "visits",
               "customers", "new", "percent", "share", "pct", "history", "delete", "remove", "reopen",
               "en", "zh", "english", "chinese", "today", "tomorrow", "close", "lead", "contact", "discovery",
               "qualification", "proposal", "negotiation", "amount", "stage"}


def _own_words(text: str) -> tuple[int, int]:
    """(English words that are not the grammar's own, Chinese characters) of `text`: Chinese says
    Chinese, whatever its words (`Bo下个月目标50万`)."""
    text = _MENTION.sub(" ", text)  # `进度 @Ana`: a person's name says nothing of a language
    english = [w for w in _ENGLISH_WORD.findall(text) if w.lower() not in _GRAMMAR_EN | KEYWORDS_EN.keys()]
    return len(english), len(_CJK.findall(text))


class AfterKeyword(str):
    """Text a platform wrote its own command word before (a Slack slash command: `/pipeline` sends
    `pipeline`, `/progress 团队` sends `progress 团队`): the person typed only what follows the
    word, so only that says a language (`/pipeline` from a Chinese member: Chinese).

    >>> written_in(AfterKeyword("pipeline", "")), written_in(AfterKeyword("progress team", "team"))
    (None, 'en')
    """

    typed: str

    def __new__(cls, text: str, typed: str) -> AfterKeyword:
        made = super().__new__(cls, text)
        made.typed = typed
        return made


def written_in(text: str) -> str | None:
    """`zh`, `en`, or None when the text does not say."""
    if isinstance(text, AfterKeyword):
        return written_in(text.typed) if text.typed.strip() else None
    intent, language, _rest = split_keyword(normalize(text))
    if language == "zh" and intent is not None:  # a Chinese command word: Chinese, as typed
        return "zh"
    english, chinese = _own_words(text)
    said = _ACRONYM.sub(" ", _MENTION.sub(" ", text))
    if chinese and _ENGLISH_WORD.search(said) and _names_only(said):  # `met 华为 today, they want a
        return "en"  # quote`, `京东 deal moved to negotiation`: the Chinese is a customer's name
    if not chinese and _ENGLISH_WORD.search(said):
        return "en"  # `progress team`, `done 393`, `stalled`, `progress @tom`: English, the grammar's
        # words or not, one word alone too; `1`, `@bo` say nothing
    if english >= 2 and not chinese or english >= 3 and english * 2 > chinese:
        return "en"
    return "zh" if intent is None and chinese > english * 2 else None  # an English command word:
    # the member's language for its Chinese notes (`visit 美的集团: 跟他们CFO过了一下KPI…`)


#: Chinese standing alone between English words (`met 华为 today`): a name, if no word of the grammar
_CJK_RUN = pattern(r"[\u3400-\u9fff]+")
_NOT_A_NAME = pattern(r"[了吗呢吧啊呀么]|跟进|拜访|客户|商机|任务|目标"
                      r"|今天|明天|昨天|后天|下周|上周|本周|月底")


def _names_only(said: str) -> bool:
    """Whether each run of Chinese in `said` stands alone as a name would (`met 华为 today`): six
    characters at most, a word of its own, no command word, day or particle in it."""
    for run in _CJK_RUN.finditer(said):
        before, after = said[run.start() - 1:run.start()], said[run.end():run.end() + 1]
        if len(run[0]) > 6 or _NOT_A_NAME.search(run[0]) or split_keyword(run[0])[0] is not None \
                or re.match(r"[A-Za-z0-9]", before + after) or re.search(r"[:：]\s*$", said[:run.start()]):
            return False  # `visit 华为：断网时`: notes after the colon, in Chinese
    return True


def answered_in(text: str, locale: str) -> str:
    """The language to answer text that is no command in: its own, English for any Latin
    without Chinese (`progres`, from anyone), else `locale` (`@bo`: a name says none)."""
    said = _ACRONYM.sub(" ", _MENTION.sub(" ", text))
    if written_in(text) == "en" or not _CJK.search(said) and re.search("[A-Za-z]", said):
        return "en"
    return locale
