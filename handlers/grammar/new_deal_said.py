"""A new deal said with its title in words: `新建个商机 叫数字化转型 100万`, `再开一个单子 名叫数据中台`,
`new deal for acme called data platform 50k`, `another opp titled "edge AI"`. The word that names
the title (`叫`, `名叫`, `called`, `titled`; the fillers before a title, `for the`, `about`, `re:`,
`关于`, and after it, `的那个`, `的项目`, are none of its words) claims it: the title is the
words after it, up to a field (an amount, a stage, a day) or a mark, read as if typed in quotes,
never left for a question about the deal there is (`update deal #46 without these words`)."""
from __future__ import annotations

import re

from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.money_said import amounts_said
from handlers.grammar.patterns import pattern

#: A new deal said in words (`新建个商机`, `再开一个单子`, `new deal`, `another opportunity`)
NEW_DEAL = pattern(r"(?:新建|新开|再建|再开|另建|另开|新增|新立|创建|重新建|建|开|加)\s*(?:一?个|一下)?\s*"
                   r"(?:新的?)?\s*(?:商机|单子|项目|线索|单(?![位据价号]))"
                   r"|(?<![A-Za-z])(?:new|another|create|add|open)\s+(?:(?:a|an)\s+)?(?:new\s+|another\s+)?"
                   r"(?:deal|opp|opportunity|lead)(?![A-Za-z])", re.I)
#: A new deal said plainly, with no verb of making it (`小米有个新商机`, `新单子：京东`, `xiaomi has a new
#: deal`): untitled, for the customer it names
NEW_PLAIN = pattern(r"(?:有个|有一个|有了个|来了个|来了一个|又有个|又来了个|多了个|多了一个|出了个|一个|个)?"
                    r"新的?(?:商机|单子|项目|订单|线索)"
                    r"|(?<![A-Za-z])(?:has|have|got|there'?s|a)\s+(?:a\s+)?(?:new|another)\s+(?:deal|opp|opportunity|lead)"
                    r"(?![A-Za-z])|^(?:new|another)\s+(?:deal|opp|opportunity|lead)(?![A-Za-z])", re.I)
#: The word naming a title and the title after it (`叫数字化转型`, `名叫 "数据中台"`, `called data platform`)
TITLED = pattern(r"(?:(?<=[\s个机子目,，:：])|^)(?:名叫|叫做|名为|名字叫|名称是|标题是|标题为|叫|关于|有关"
                 r"|针对)\s*[:：]?\s*(?P<zh>\"[^\"]+\"|“[^”]+”|「[^」]+」|《[^》]+》|[^\s,，。;；!！\"“]+)"
                 r"|(?:(?<![A-Za-z])(?:called|titled|named|(?P<filler>for\s+the|about(?:\s+the)?"
                 r"|regarding(?:\s+the)?|re(?=\s*:)|on\s+the)(?![A-Za-z])))\s*[:：]?\s+"
                 r"(?P<en>\"[^\"]+\"|“[^”]+”|[^\s,，;；!\"“]+(?:\s+[^\s,，;；!\"“]+)*)", re.I)
#: Words that end a title said in English: a word of another field (`for acme`, `close jan 15`, `at 50k`)
_AFTER_TITLE = {"for", "with", "at", "in", "by", "close", "closing", "stage", "worth", "and",
                "of", "expected", "to", *V.AMOUNT_LABELS_EN}


def title_said(text: str) -> tuple[str, int, int] | None:
    """(the title, where its words start and end, the word naming it included) or None."""
    found = TITLED.search(text)
    if found is None:
        return None
    quoted = found["zh"] if found["zh"] is not None else found["en"]
    start = found.start("zh") if found["zh"] is not None else found.start("en")
    if quoted[0] in "\"“「《":
        return quoted[1:-1].strip(), found.start(), found.end()
    if found["zh"] is not None:  # `叫数字化转型100万`: the amount glued to it is the amount's
        title = next((quoted[:i] for i in range(1, len(quoted)) if quoted[i].isdigit()
                      and not quoted[i - 1].isdigit() and parse_amount(quoted[i:])), quoted)
        for word in sorted(V.STAGE_WORDS, key=len, reverse=True):  # `叫数字化转型线索阶段`
            if len(word) > 1 and title.endswith(word) and len(title) > len(word):
                title = title[:-len(word)]
                break
        title = re.sub(r"(?:的那个|的那单|的项目|那个|的|吧|了)$", "", title)  # `关于智能工厂的项目`
        return (title, found.start(), start + len(title)) if title else None
    words, end = [], start
    for word in re.finditer(r"\S+", quoted):
        lower = word[0].lower()
        if lower in _AFTER_TITLE or lower in V.STAGE_WORDS or amounts_said(word[0]):  # `platform 2` a title's
            break
        words.append(word[0].rstrip("."))  # `called crm 2.0.`: the full stop no title's
        end = start + word.start() + len(words[-1])
        if word[0].endswith("."):
            break
    if words and found["filler"] and _day_said(" ".join(words)):
        return None  # `close about jan 15`: a day, never a title
    return (" ".join(words), found.start(), end) if words else None


def _day_said(words: str) -> bool:
    """Whether `words` are a day (`jan 15`, `next week`)."""
    import datetime as dt

    from handlers.grammar.spans import date_in

    return date_in(words, dt.date.today()) is not None


#: A Chinese title's `the one` (`智能工厂的那个 30万`): no word of the title
_THAT_ONE = pattern(r"(?<=[\u3400-\u9fffA-Za-z0-9])(?:的那个|的那一个|的那单)(?=[\s,，]|$)")


def quote_title(text: str) -> str:
    """A deal's line with its title named in words (`deal acme called data platform 50k`) as the
    grammar says it (`deal acme "data platform" 50k`); any other line as it is."""
    text = _THAT_ONE.sub("", text)  # `智能工厂的那个`: the title, never `的那个`
    said = title_said(text)
    found = TITLED.search(text)
    if said is None or re.search(r'["“”「」《》]', text) and (found["zh"] or found["en"])[0] not in "\"“「《":
        return text  # a title in quotes already, no word naming it (`deal acme "x" named …`): as typed
    title, start, end = said
    return f'{text[:start].rstrip()} "{title}" {text[end:].lstrip()}'.strip()
