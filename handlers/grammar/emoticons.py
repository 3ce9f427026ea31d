"""Emoticons typed on a phone (`:(`, `:)`, `:-(`, `:/`, `^_^`, `T_T`, `orz`): a mood, no word of any
field. They are taken out of a message before it is read, so none leaves a fragment in a reason,
a note or a title (`lost 格力 :( price too high` stored the reason `( price too high`, silently):
the same message as without them. Only a whole emoticon goes, standing apart from the words
around it (never the `:/` of `https://`, the `:D` of `note:Deal`, nor `(` `)` of a remark), and
the punctuation it leaves at an edge goes with it. Between two words it parts them as a comma
does (`met the CTO :) demo went well` → `met the CTO, demo went well`), so the words around it
are read as they are with a comma (`lost 格力, price too high`: the reason).

>>> without_emoticons("lost 格力 :( price too high")
'lost 格力, price too high'
>>> without_emoticons("输单 格力 :-( 价格太高")
'输单 格力，价格太高'
>>> without_emoticons("won wayne erp :) great team work")
'won wayne erp, great team work'
>>> without_emoticons("赢单 海尔 数据平台 ^_^ 关系好")
'赢单 海尔 数据平台，关系好'
>>> without_emoticons("输单 格力 orz 预算砍了")
'输单 格力，预算砍了'
>>> without_emoticons("lost 格力 price too high :/")
'lost 格力 price too high'
>>> without_emoticons("lost 格力:( price too high")
'lost 格力, price too high'
>>> without_emoticons("拜访 华为:D轮融资")
'拜访 华为:D轮融资'
>>> without_emoticons(":) won acme 50k")
'won acme 50k'
>>> without_emoticons("visit Acme: see https://acme.com (the deck)")
'visit Acme: see https://acme.com (the deck)'
>>> without_emoticons("lost 格力 :(, price too high")
'lost 格力, price too high'
>>> without_emoticons("lost 格力: :( price too high")
'lost 格力: price too high'
"""
from __future__ import annotations

from handlers.grammar.patterns import pattern

#: The emoticons read as a mood: Western ones (`:(` `:-)` `;)` `:/` `:'(` `:D` `:P` `=)` `XD`),
#: Eastern ones (`^_^` `^^` `T_T` `>_<` `-_-` `QAQ` `o_O`) and the kneeling man (`orz`, `OTZ`); one
#: ending in a letter never before Chinese (`华为:D轮融资` is no face)
_FACE = (r"(?:[:;=]['’]?-?[()\[\]/\\|*]|[:;=]-?[{}]|\^[_\-.]?\^|T_T|t_t|>_<|-_-|[oO]_[oO]"
         r"|(?:[:;=]['’]?-?[DPpOo3]|QAQ|qaq|[Xx]D|orz|Orz|ORZ|OTZ|otz)(?![\u3400-\u9fff]))")
#: An emoticon standing apart: not inside a word or an address (`https://`, `note:Deal`, `(a:b)`),
#: with a comma, dot or dash right after it (`:(,`) taken too
_EMOTICON = pattern(r"(?:(?<=^)|(?<=[\s,，.。!！?？;；:：\u3400-\u9fff]))" + _FACE
                    + r"+(?:\s*[,，;；.。!！-](?=\s|$))?(?=$|[\s,，.。!！?？;；\u3400-\u9fff])")
#: the one cheap test before the pattern: a character that can start an emoticon
_STARTS = frozenset(":;=^Tt>-oOQqXx")


def without_emoticons(text: str) -> str:
    """`text` without its emoticons (and the punctuation they leave at an edge); as it was when it
    has none."""
    if not any(char in _STARTS for char in text) or not _EMOTICON.search(text):
        return text
    cut = _EMOTICON.sub(lambda found: _apart(text, found), text)
    cut = _GLUE.sub("", cut)  # no space before the comma left, none after a full-width one
    lines = [" ".join(line.split()) for line in cut.split("\n")]
    return "\n".join(lines).strip()


_WORD_END = pattern(r"[\w\u3400-\u9fff%)）\]」”\"'][ \t]*\Z")
_WORD_START = pattern(r"^[ \t]*[\w\u3400-\u9fff#@¥$(（「“\"']")
_GLUE = pattern(r"[ \t]*\0[ \t]*")
_CJK = pattern(r"[\u3400-\u9fff]")


def _apart(text: str, found) -> str:
    """What an emoticon leaves: a comma between two words (full-width before Chinese), else a
    space (`\\0` marks where the spaces around it go)."""
    before, after = text[:found.start()], text[found.end():]
    if not _WORD_END.search(before) or not _WORD_START.match(after):
        return " "
    return "\0，\0" if _CJK.match(after.lstrip()[:1]) else "\0, "


#: Punctuation that cannot open free text (`( price too high`, `- price`, `, 价格太高`) or end it
#: (`price too high (`, `价格太高，`): a fragment of what was cut before or after it
_LEAD = " \t,，;；:：-–—·、)）]】」』/\\|"
_TAIL = " \t,，;；:：-–—~～·、(（[【「『/\\|"
#: A minus or a tilde before a number is the number's (`-20% asked`, `~50 users`)
_SIGNED = pattern(r"^[-–~～]\d")
_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】", "「": "」", "『": "』", "“": "”", '"': '"'}


def edges_clean(text: str) -> str:
    """Free text (a reason, notes, a title) without stray punctuation at its edges: an opening
    bracket never closed, a closing one never opened, a comma or dash left by a cut.

    >>> edges_clean("( price too high")
    'price too high'
    >>> edges_clean("- 价格太高，")
    '价格太高'
    >>> edges_clean("(price too high)")
    '(price too high)'
    >>> edges_clean("beat SAP (on price")
    'beat SAP on price'
    >>> edges_clean("-20% asked, ~50 users")
    '-20% asked, ~50 users'
    >>> edges_clean("price too high!!")
    'price too high!!'
    """
    cleaned = text.strip(" \t")
    while cleaned:
        before = cleaned
        while cleaned and cleaned[0] in _LEAD and not _SIGNED.match(cleaned):
            cleaned = cleaned[1:]
        cleaned = cleaned.rstrip(_TAIL)
        unmatched = _unmatched(cleaned)
        if unmatched:
            kept = "".join(" " if at in unmatched else char for at, char in enumerate(cleaned))
            cleaned = _SPACES.sub(" ", kept).strip(" \t")
        if cleaned == before:
            break
    return cleaned


_SPACES = pattern(r"[ \t]{2,}")
_CLOSING = {closing: opening for opening, closing in _PAIRS.items()}


def _unmatched(text: str) -> set[int]:
    """The places of the brackets and quotes in `text` that nothing pairs."""
    opened: list[tuple[str, int]] = []
    lone: set[int] = set()
    for at, char in enumerate(text):
        if char in _PAIRS and (char != _PAIRS[char] or not opened or opened[-1][0] != char):
            opened.append((char, at))
        elif char in _CLOSING:
            if opened and opened[-1][0] == _CLOSING[char]:
                opened.pop()
            else:
                lone.add(at)
    return lone | {at for _, at in opened}
