"""An answer that says no to what it names (`不是任务`, `not a task`, `no not that`, `别`, `不要这个`):
never a yes, never the option whose words it names (r31zh #141: `不是任务` to "a task?" made the
task, its `不是` dropped as a picking word and `任务` matched the option's label).

>>> negated("不是任务"), negated("not a task"), negated("nope"), negated("不错"), negated("note it")
(True, True, True, False, False)
>>> negated_rest("不是任务"), negated_rest("no, not that one"), negated_rest("不要这个")
('任务', '', '')
>>> negated_rest("不是，记成拜访"), negated_rest("not as a task")
(None, 'task')
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: A no at the start of an answer (English: a whole word; Chinese: glued to what it denies)
_HEAD = pattern(r"^\s*(?:(?:(?:no+|nope|nah|naw|not|don'?t|do\s+not|never|wrong|isn'?t|it'?s\s+not|its\s+not"
                r"|that'?s\s+not|thats\s+not|it\s+is\s+not|neither)(?![A-Za-z'])"
                r"|不是|不要|不用|不对|不必|并不是|并非|别|不(?![错客])|错了?)[\s,，.。!！:：;；~]*)+", re.I)
#: Words after a no that say what is meant instead (`no its a visit`, `不是任务 是拜访`)
_AFFIRMED = pattern(r"(?<![A-Za-z])(?:it'?s|its|it\s+is|this\s+is|that'?s|i\s+meant|make\s+it|log\s+it)"
                    r"(?![A-Za-z])|是|记成|记为|作为|改成|当成", re.I)
#: Words after a no that name nothing (`no, not that one`, `不要这个`, `not as a task`)
_EMPTY = pattern(r"(?<![A-Za-z])(?:a|an|the|that|this|it|one|as|is|please|pls|thanks)(?![A-Za-z])"
                 r"|这个|那个|这条|那条|这一个|那一个|的|吧|啊|呀|哦|了|[\s,，.。!！:：;；~?？]", re.I)


def opens_with_no(text: str) -> bool:
    """Whether `text` opens with a no (`不是…`, `not …`, `nope`, `别`, `no its a visit`)."""
    return _HEAD.match(text) is not None and bool(_HEAD.match(text).group().strip())


def negated(text: str) -> bool:
    """Whether `text` is a no to what it names (`不是任务`, `not a task`), not a no then what is meant
    instead (`no its a visit`, `不是任务 是拜访`: the kind said after it)."""
    return opens_with_no(text) and not _AFFIRMED.search(text[_HEAD.match(text).end():])


def negated_rest(text: str) -> str | None:
    """What a negated answer denies, without the words that name nothing ("" for `no, not that`);
    None when `text` is no such no (`negated`)."""
    head = _HEAD.match(text)
    if not negated(text):
        return None
    return re.sub(r"\s+", " ", _EMPTY.sub(" ", text[head.end():])).strip()


#: What a no may deny and still only say no: a kind of record (`not a task`, `不是任务`)
_KIND_ONLY = pattern(r"(?:visits?|tasks?|deals?|tips?|notes?|拜访|任务|商机|经验|纪要)", re.I)
_KINDS = {"visit": "visit", "拜访": "visit", "task": "task", "任务": "task", "deal": "deal", "商机": "deal",
          "tip": "tip", "经验": "tip"}
#: A kind said to be not meant (`不是任务 是拜访`, `not a task, a visit`)
_KIND_DENIED = pattern(r"(?:(?<![A-Za-z])(?:not|no)\s+(?:(?:as\s+)?an?\s+|as\s+)?|不是|不要|别|不)"
                       r"(?:visits?|tasks?|deals?|tips?|notes?|拜访|任务|商机|经验|纪要)", re.I)


def declined(denied: str, kinds: list, label_pick: int | None) -> int | None:
    """0 (a no) where a negated answer denies nothing more than the one option (`not that`), the
    kind every option is of (`不是任务` to a task offered: `kinds` are the options') or the label of
    the one option (`label_pick`, its label picked by the denied words); None where it names anything
    else (`no, 80k`, `不是，记成拜访`) or picks among several options (asked again)."""
    if not denied:
        return 0 if len(kinds) == 1 else None
    if _KIND_ONLY.fullmatch(denied) and kinds and set(kinds) == {_KINDS[denied.lower().rstrip("s")]}:
        return 0
    return 0 if len(kinds) == 1 and label_pick == 1 else None


def kinds_undenied(text: str) -> str:
    """`text` without the kinds it says are not meant (`不是任务 是拜访` → ` 是拜访`)."""
    return _KIND_DENIED.sub(" ", text)


def denies_only(text: str) -> bool:
    """Whether `text` is a no and nothing else (`not a task`, `不是这个`, `not that one`)."""
    denied = negated_rest(text)
    return denied is not None and (not denied or _KIND_ONLY.fullmatch(denied) is not None)


#: A no followed by what it means (`nah keep it`, `no, leave it`, `no don't`), or a no that says what
#: is kept (`算了不删了`, `别删了`, `先留着吧`)
NO_KEEP = pattern(r"^(?:no+|nah|nope|naw|cancel|never\s?mind|nvm|wait|oh|oops)(?:[\s,.!]+(?:no+|nah|wait))*"
                  r"[\s,.!]+(?:(?:just|pls|please)\s+)?(?:keep(?:\s+(?:it|them|that|this|the deal|the task|"
                  r"the visit|it as is|it there))?|leave\s+(?:it|them|that)(?:\s+(?:as is|be|alone|there))?"
                  r"|don'?t(?:\s+delete(?:\s+(?:it|that|this|them))?)?"
                  r"|do not(?:\s+delete(?:\s+(?:it|that))?)?)"
                  r"(?:[\s,.!]+(?:pls|please|thanks|thx))*$"
                  r"|^(?:算了|不|不用|不要|别|哦|哎)?[\s,，。]*(?:不删了?|别删了?|不用删了?|不要删了?|先?留着吧?|"
                  r"保留吧?|还是留着吧?|先不删了?|不删除了?)[吧啊了]*$", re.I)
