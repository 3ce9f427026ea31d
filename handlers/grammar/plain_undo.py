"""Undo and restore said in everyday words: `撤回刚才那条`, `刚才那条撤销吧`, `undo that` (offered
as `撤销`, one tap away: it says what it reverses); `删错了 恢复一下`, `恢复刚才删的` (the bin, each
item a tap from being restored)."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

#: Words before an undo that say a mistake was made (`不对 撤销`, `搞错了，撤回一下`)
_OOPS_ZH = (r"(?:(?:不对|错了|搞错了|弄错了|记错了|写错了|哎呀|等等|等一下|不好意思|抱歉|算了|哦|啊)"
            r"[\s，,。!！]{0,3})*")
_UNDO = pattern(r"^" + _OOPS_ZH
                + r"(?:(?:帮我|请)?(?:撤回|撤销|撤掉|取消)(?:一下)?(?:刚才|刚刚|上一?条|最后一条)?"
                r"(?:的|那一?条|那个|这条)*|(?:刚才|刚刚|上一?条)(?:那一?条|那个|的)?(?:撤回|撤销|不要了|作废)(?:一下)?)[吧啊了\s。.!！]*$"
                r"|^(?:undo|revert|take back)\s+"
                r"(?:that|this|the last one|my last (?:one|change|message)|it)[\s.!]*$"
                r"|^(?:(?:oops|whoops|oh no|oh wait|oh|ugh|sorry|my bad|my mistake|wait|no+|wrong(?: one)?|"
                r"(?:that'?s|that was|thats) (?:wrong|a mistake|not right))[\s,.!]+)*(?:(?:pls|please)\s+)?"
                r"(?:bring (?:it|that|them) back|put (?:it|that|them) back|"
                r"take (?:that|it) back|"
                r"i didn'?t mean (?:that|to(?: do that| delete (?:that|it))?)|wrong one|didn'?t mean to)"
                r"(?:[\s,.!]+(?:pls|please|sorry))*[\s.!]*$", re.I)
#: Words before an undo that only say a mistake was made (`oops wrong,`, `my mistake -`)
_OOPS = (r"oops|whoops|actually|sorry|wait|no+|nope|hmm+|ugh|my bad|my mistake|mistake|oh(?: no| wait)?|ah+"
         r"|wrong(?: one)?|(?:that'?s|that was|thats) (?:wrong|a mistake|not right)|-")
#: `oops, undo that`, `Undo!`, `actually undo the delete`, `undo that merge pls`: the undo, with
#: words around it that say nothing more (which change it reverses is said in its reply)
_UNDO_SAID = pattern(r"^(?:(?:" + _OOPS + r")[\s,.!]+)*(?:(?:pls|please|can you|could you|just)\s+)?"
                     r"(?:undo|revert)"
                     r"(?:\s+(?:that|this|it|the last one|my last(?: one| change| message)?|"
                     r"(?:the|that|this|my)\s+(?:last\s+)?(?:delete|deletion|merge|win|loss|change|visit|deal|"
                     r"task|reassign(?:ment)?|one|rename|move)))?"
                     r"(?:[\s,.!]+(?:pls|please|plz|thx|thanks|sorry))*[\s.!?]*$", re.I)
#: `oops undo that`: the undo with a word left out, offered as such by handlers/grammar/inner.py
_ASIDE = pattern(r"^\w+\s+undo\s+(?:that|this|it)$", re.I)
_RESTORE = pattern(r"^(?:删错了|误删了?|不小心删了)?[\s，,。]*(?:帮我|请)?(?:恢复|还原|找回)(?:一下)?"
                   r"(?:刚才|刚刚)?(?:删的|删掉的|删除的)?(?:那一?条|那个)?[吧啊\s。.!！]*$"
                   r"|^(?:删错了|误删了?)[\s。.!！]*$"
                   r"|^(?:undelete|restore)\s+(?:that|it|the last one|what i deleted)[\s.!]*$", re.I)


#: A change named by its kind in an undo (`undo that snooze`, `撤销刚才的推迟`): the kinds of
#: change (the journal's, a command's name) it may be; words of each language
KINDS = {"snooze": ("SnoozeFollowup", "MoveTask"), "done": ("DoneFollowups", "DoneTask"),
         "visit": ("LogVisit",), "close": ("CloseDeal",), "reopen": ("ChangeDeal",),
         "task": ("AddTask",), "deal": ("UpsertDeal",), "stage": ("UpsertDeal", "ChangeDeal")}
_KIND_WORDS = {"snooze": "snooze", "snoozes": "snooze", "postpone": "snooze", "move": "snooze",
               "推迟": "snooze", "延后": "snooze", "改期": "snooze", "延期": "snooze",
               "done": "done", "完成": "done", "visit": "visit", "拜访": "visit", "win": "close",
               "won": "close", "loss": "close", "lost": "close", "赢单": "close", "输单": "close",
               "task": "task", "任务": "task", "deal": "deal", "商机": "deal", "reopen": "reopen",
               "reopening": "reopen", "重开": "reopen", "重新打开": "reopen", "推进": "stage",
               "stage": "stage", "阶段": "stage"}  # `撤销刚才的推进`: a stage move, never a typo of 推迟
_KIND_EN = pattern(r"^(?:(?:" + _OOPS + r")[\s,.!]+)*(?:(?:pls|please|just)\s+)?"
                   r"(?:undo|revert|take back)\s+(?:(?:that|this|the|my)\s+)?(?:(?:last|latest|previous)\s+)?"
                   r"(?P<kind>[a-z]+)(?:[\s,.!]+(?:pls|please|plz|thx|thanks))*[\s.!?]*$", re.I)
_KIND_ZH = pattern(r"^" + _OOPS_ZH
                   + r"(?:把|请|帮我)?(?:撤销|撤消|撤回)?(?:一下)?"
                   r"(?:刚才|刚刚|上一?次|最后一次)?(?:的|那次|那个)?"
                   r"(?P<kind>推迟|延后|改期|延期|推进|阶段|完成|拜访|赢单|输单|任务|商机|重开|重新打开)"
                   r"(?:撤销|撤消|撤回)?(?:一下)?[吧啊了\s。.!！]*$")


def sure(locale: str) -> str:
    """The undo a button of the bot's runs (`undo confirm` · `撤销 确认`): its offer named what it
    takes back, so it is not asked about again (handlers/sales/undo.py)."""
    return "撤销 确认" if locale == "zh" else "undo confirm"


def kind_meant(text: str) -> c.Undo | None:
    """`undo that snooze` · `undo my last visit` · `撤销刚才的推迟` · `把刚才的推迟撤销`: the undo
    of the last change, said to be of that kind; None for any other text."""
    said = " ".join(text.split())
    found = _KIND_EN.match(said) or ((found_zh := _KIND_ZH.match(said)) and "撤" in said and found_zh)
    kind = _KIND_WORDS.get(found["kind"].lower()) if found else None
    return c.Undo(kind) if kind else None


def kind_typo(text: str) -> tuple[str, str] | None:
    """(the word, the message as probably meant) when an undo names its kind misspelt (`undo that
    snoze`, `undo my last vist`): asked with a one-tap "did you mean", never the last change undone."""
    from handlers.grammar.vocabulary import near_short, near_word

    said = " ".join(text.split())
    found = _KIND_EN.match(said) or _KIND_TYPO_ZH.match(said)
    if found is None or found["kind"].lower() in _KIND_WORDS:
        return None
    kind = near_word(found["kind"], _KIND_EN_WORDS, cutoff=0.7) if found["kind"].isascii() \
        else near_short(found["kind"], _TYPO_KINDS)
    return (found["kind"], said[:found.start("kind")] + kind + said[found.end("kind"):]) if kind else None


_KIND_EN_WORDS = frozenset(w for w in _KIND_WORDS if w.isascii())
#: The kinds a slip is read as (`推吃`: 推迟, as before 推进 was a kind of its own)
_TYPO_KINDS = {word: kind for word, kind in _KIND_WORDS.items() if kind != "stage"}
#: `撤销刚才的推吃`: the undo word first, then a word of two characters where a kind is said
_KIND_TYPO_ZH = pattern(r"^(?:把|请|帮我)?(?:撤销|撤回)(?:一下)?(?:刚才|刚刚|上一?次|最后一次)"
                        r"(?:的|那次|那个)?(?P<kind>[\u4e00-\u9fff]{2})[吧啊了\s。.!！]*$")


#: The undo word itself, alone but for words of a mistake before it and of courtesy after it
#: (`oops wrong one, undo`, `pls undo`, `Undo!`, `不对 撤销`, `搞错了，撤回一下`): the command `undo`, done
#: at once as it is (no word points at a change, as `that` may at one the member saw: offered first)
_BARE = pattern(r"^(?:(?:" + _OOPS + r")[\s,.!]+)*(?:(?:pls|please|just)\s+)?(?:undo|revert)"
                r"(?:[\s,.!]+(?:pls|please|plz|thx|thanks|sorry))*[\s.!]*$"
                r"|^" + _OOPS_ZH + r"(?:帮我|请)?(?:撤回|撤销)(?:一下)?[吧啊\s。.!！]*$", re.I)


def bare(text: str) -> bool:
    """Whether `text` is the undo word alone, but for words of a mistake or courtesy."""
    return bool(_BARE.match(" ".join(text.split())))


#: `actually undo that, they called back and want to negotiate again` · `撤销，客户又回来谈了`: the undo,
#: then why (after a comma, a dash, `because`): words that only explain it
_EXPLAINED = pattern(r"^(?:(?:" + _OOPS + r")[\s,.!]+)*(?:(?:pls|please|just)\s+)?(?:undo|revert)"
                     r"(?:\s+(?:that|this|it|the last one|my last(?: one| change)?))?"
                     r"(?:\s*[,;:—–-]+\s*|\s+(?=because|since|coz|cause|as)|\s*[.!]+\s+)(?P<why>\S.*?)[\s.!]*$"
                     r"|^" + _OOPS_ZH + r"(?:撤销|撤回)(?:一下)?(?:刚才|刚刚|上一?条)?(?:那一?条|那个|的)?"
                     r"[\s，,；;：:。！!]+(?P<why_zh>\S.*?)[\s。！!]*$", re.I)


def explained(text: str) -> str | None:
    """The words after an undo that say why (`they called back and want to negotiate again`), when
    the message is an undo and those words; None otherwise. (Whether the words hold a second
    command, a day or an amount is the caller's to check.)"""
    found = _EXPLAINED.match(" ".join(text.split()))
    why = found and (found["why"] or found["why_zh"])
    if not why or meant(text) is not None or _POINTING.match(why):  # `撤销 刚才那条`: which, not why
        return None
    return why


#: Words that only say what was wrong in the change undone (`wrong customer`, `the date was wrong`,
#: `客户错了`, `日期不对`, `选错客户了`): a reason, though `wrong`/`不对` elsewhere put something right
_FIELD = (r"customer|client|company|account|deal|task|visit|day|date|amount|price|number|person|rep|"
          r"one|stage|title|name|time")
_FIELD_ZH = r"客户|公司|商机|单子|任务|拜访|日期|日子|时间|金额|数字|人|阶段|标题|名字"
_MISTAKE = pattern(r"^(?:(?:the|that|a)\s+)?wrong\s+(?:" + _FIELD + r")(?:\s+again)?[\s.!]*$"
                   r"|^(?:(?:the|that)\s+)?(?:" + _FIELD + r")\s+(?:was|is|'s)\s+"
                   r"(?:wrong|a mistake|off)[\s.!]*$"
                   r"|^(?:" + _FIELD_ZH + r")(?:错了|不对|搞错了|写错了|记错了|弄错了|选错了)"
                   r"[了吧啊\s。!！]*$"
                   r"|^(?:搞错|写错|记错|弄错|选错|填错)了?(?:" + _FIELD_ZH + r")了?[吧啊\s。!！]*$", re.I)


def mistake_only(words: str) -> bool:
    """Whether `words` (said after an undo) only say which part was wrong, naming no new value."""
    return bool(_MISTAKE.match(" ".join(words.split())))


#: Words that only point at the change (`刚才那条`, `the last one`): no reason
_POINTING = pattern(r"^(?:刚才|刚刚|上一?条|那一?条|那个|这条|这个|的|一下|the|last|one|that|this|it|again|"
                    r"pls|please|[\s,，.。!！])+$", re.I)


#: `undo the umbrella move`, `revert my xiaomi deal change`: the undo naming what it is about
_NAMED_EN = pattern(r"^(?:(?:" + _OOPS + r")[\s,.!]+)*(?:(?:pls|please|just|can you|could you)\s+)?"
                    r"(?:undo|revert|take back|roll back)\s+(?:(?:the|that|my)\s+)?(?:(?:last|latest)\s+)?"
                    r"(?P<name>(?!(?:that|this|it|one|last)\b)[^\s,.!?]+(?:\s+[^\s,.!?]+){0,2}?)"
                    r"(?:\s+(?P<kind>move|moved|change|update|edit|stage|deal|visit|task|snooze|win|loss|one))?"
                    r"(?:[\s,.!]+(?:pls|please|plz|thx|thanks))*[\s.!?]*$", re.I)
_NAMED_ZH = pattern(r"^" + _OOPS_ZH + r"(?:把|请|帮我)?(?:撤销|撤消|撤回)?(?:一下)?"
                    r"(?:刚才|刚刚|上一?次|最后一次)?的?"
                    r"(?P<name>[^\s的那，,。：:；;！!？?、]{2,12}?)(?:那单的|那个的|的|那个|那单|那次|那条)?"
                    r"(?P<kind>推进|阶段|修改|改动|拜访|任务|商机|赢单|输单|推迟)?(?:撤销|撤回)(?:一下)?"
                    r"[吧啊了\s。.!！]*$"
                    r"|^" + _OOPS_ZH + r"(?:撤销|撤回)(?:一下)?(?:刚才|刚刚|上一?次|最后一次)?的?"
                    r"(?P<name2>[^\s的那，,。：:；;！!？?、]{2,12}?)(?:那单的|那个的|的|那个|那单|那次|那条)?"
                    r"(?P<kind2>推进|阶段|修改|改动|拜访|任务|商机|赢单|输单|推迟)?[吧啊了\s。.!！]*$")
#: With a name, `move` is a deal's stage moved (`undo the umbrella move`), never a snooze
_NAMED_KINDS = {"move": "deal", "moved": "deal", "stage": "deal", "推进": "deal", "阶段": "deal"}


def named_meant(said: str) -> c.Undo | None:
    """`undo the umbrella move` · `撤销刚才华为那单的推进`: the undo of the last change, only if it
    is about what is named (handlers/sales/undo.py); None for any other text."""
    found = _NAMED_EN.match(said) or (("撤" in said) and _NAMED_ZH.match(said)) or None
    if found is None:
        return None
    parts = found.groupdict()
    name, kind = parts["name"] or parts.get("name2"), parts["kind"] or parts.get("kind2")
    if name.lower() in _KIND_WORDS or name in ("刚才", "刚刚", "一下") or kind_typo(said):
        return None  # `undo the snooze`: a kind, read by kind_meant; `undo that snoze`: asked
    word = (kind or "").lower()
    return c.Undo(_NAMED_KINDS.get(word) or _KIND_WORDS.get(word, ""), named=name)


#: Where an undo may end and its why start: a pause, or (in Chinese) any character
_CUT = pattern(r"[\s,，;；:：。.!！—–-]+|(?<=[\u3400-\u9fff])(?=[\u3400-\u9fffA-Za-z0-9])")


def undo_then(text: str) -> tuple[c.Undo, str, str] | None:
    """(the undo, its words, the words after it) of an undo said with more words after it
    (`撤销刚才的推迟，globex还是今天跟`, `撤销 刚才那个任务建错了`, `算了 撤销吧 还是下周五`,
    `undo the snooze, globex is still today`): the longest start that is an undo (`撤销刚才那个任务`:
    of a task); None where no start is, or nothing but pointing words follow it (r31zh #42, #80, #143)."""
    said = " ".join(text.split())
    if meant(said) is not None or kind_typo(said) is not None:
        return None  # `撤销刚才的推迟`: the undo whole; `undo that snoze`: a slip asked about
    for cut in sorted((found.start() for found in _CUT.finditer(said) if found.start() > 0), reverse=True):
        head, rest = said[:cut], said[cut:].strip(" ,，;；:：。.!！—–-")
        if not rest or _POINTING.match(rest):
            continue
        chinese = re.search(r"[\u3400-\u9fff]", head) is not None
        for words in dict.fromkeys((head, head.replace(" ", "") if chinese else head)):
            undo = kind_meant(words) or (c.Undo() if _UNDO.match(words) or _UNDO_SAID.match(words)
                                         and not _ASIDE.match(words) else None)  # never a name guessed
            if undo is not None and not undo.kind and explained(said) is not None:
                return None  # `actually undo that, they called back`: read by `explained`
            if undo is not None:
                return undo, head, rest
    return None


def meant(text: str) -> c.Command | None:
    """The undo or the bin a sentence asks for, or None."""
    said = " ".join(text.split())
    if (kind := kind_meant(said)) is not None:
        return kind
    if _UNDO.match(said) or (_UNDO_SAID.match(said) and not _ASIDE.match(said)):
        return c.Undo()
    if (named := named_meant(said)) is not None:
        return named
    if _RESTORE.match(said):
        return c.ShowTrash()
    return None
