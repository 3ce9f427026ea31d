"""Whether a customer name is probably another one already known: the same company but for legal
suffixes, case, spacing or punctuation, a typo away, the same name in the other script (by its
pinyin), or a known name with words added (`格力电器` beside 格力). Pure functions of names; the
database is read by `handlers/lookup.py`, which asks the person instead of creating a near-twin.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from handlers.grammar import vocabulary as V
from handlers.grammar.brands import brand_aliases, brand_of
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.rules.readings import readings as character_readings
from storage.models.base import name_key

_CJK = pattern(r"[\u3400-\u9fff]")

#: Words that do not tell companies apart (`华为技术有限公司` is 华为; `Acme Inc` is Acme).
_SUFFIXES = pattern(r"(?:股份有限公司|有限责任公司|有限公司|集团|科技|技术|公司|"
                    r"\b(?:inc|ltd|llc|corp|corporation|co|company|limited|gmbh|group|grp|holdings?|tech|technology|"
                    r"technologies)"
                    r"\b\.?)\s*$")
_NOT_WORD = pattern(r"[\W_]+")
_DIGITS = pattern(r"\d+")


def core_name(name: str) -> str:
    """A company name without legal suffixes, case, spaces or punctuation: what tells it apart."""
    key = name_key(name)
    while (stripped := _SUFFIXES.sub("", key).strip()) != key and stripped:
        key = stripped
    return _NOT_WORD.sub("", key)


def same_company(one: str, other: str) -> bool:
    """Whether two names are one company: the same but for suffixes, case, a possessive and its own
    team (`腾讯自研团队`, `Acme's in-house team`), or the same brand in the other script (`BYD's` is 比亚迪).

    >>> same_company("BYD's", "比亚迪"), same_company("Acme corp", "ACME"), same_company("SAP", "比亚迪")
    (True, True, False)
    >>> same_company("腾讯自研团队", "腾讯"), same_company("华为云", "华为")
    (True, False)
    """
    cores = [core_name(_POSSESSIVE.sub("", _OWN_TEAM.sub("", name.strip()))) for name in (one, other)]
    brands = [brand_of(core) for core in cores]
    return cores[0] == cores[1] or brands[0] is not None and brands[0] == brands[1]


_POSSESSIVE = pattern(r"['’]s?$")
#: The company's own people (`自研团队`, `in-house team`): the company itself, no competitor
_OWN_TEAM = pattern(r"(?:的?(?:自研|内部|自有|自己的?|本身的?)(?:团队|部门|IT|研发)?|"
                    r"\s+(?:in-?house|internal|own)(?:\s+(?:team|it|dev|devs|build|solution))?)$", re.I)


def suffixed(name: str) -> bool:
    """A name with a legal suffix to it (`alibaba grp`, `Tencent Holdings`): no bare brand."""
    return _NOT_WORD.sub("", name_key(name)) != core_name(name)


def similar_customers(names: list[tuple[int, str]], name: str, limit: int = 3) -> list[str]:
    """Existing customers' names `name` is probably meant to be: the same but for suffixes, case
    or spacing, or a typo away (`Acme Crop` → Acme Corp)."""
    core, words = core_name(name), name_key(name).split()
    if not core:
        return []
    scored = []
    for _id, other in names:
        theirs, their_words = core_name(other), name_key(other).split()
        if bool(_CJK.search(core)) != bool(_CJK.search(theirs)):  # `Huawei` and 华为: by sound
            latin, chinese = (core, theirs) if _CJK.search(theirs) else (theirs, core)
            sounds, aliases = _sounds(chinese), brand_aliases(chinese)
            if latin in aliases or any(_a_typo_apart(latin, alias) for alias in aliases):
                scored.append((1.9 if latin in aliases else 0.95, other))  # `alibaba grp`, `tencnet`
            elif latin in sounds or any(_a_typo_apart(latin, sound) for sound in sounds):
                scored.append((1.8 if latin in sounds else 0.9, other))
            elif latin_short_form(latin, chinese, aliases):
                scored.append((0.85, other))  # `ali` for 阿里巴巴, `hw` for 华为: asked, never a twin
        elif theirs == core:
            scored.append((2.0, other))
        elif _CJK.search(core) and len(core) == len(theirs) and _sounds(core) & _sounds(theirs):
            scored.append((1.2, other))  # `华伟` for 华为: a homophone, the input method's slip
        elif words[:len(their_words)] == their_words:  # `Acme Corp owner Bo`: a name and more
            scored.append((1.5, other))
        elif _a_typo_apart(core, theirs) or _a_typo_apart(_NOT_WORD.sub("", name_key(name)),
                                                           _NOT_WORD.sub("", name_key(other))):
            scored.append((1.0, other))
    return [other for _score, other in sorted(scored, key=lambda s: -s[0])[:limit]]


def latin_short_form(latin: str, chinese: str, aliases: tuple[str, ...] = ()) -> bool:
    """Whether Latin letters may be a short form of a Chinese name: the first letters of its
    characters' readings, all of them (`hw` 华为, `jd` 京东, `albb` 阿里巴巴), the readings of its first
    two characters or more, whole syllables (`ali` 阿里巴巴, `zhongxing` 中兴: a Chinese company is
    shortened to its first characters, while one syllable is as often a surname or a word: `Jing`,
    `Hua`), or the start of an English brand that is not its pinyin, three letters or more (`tenc`
    for Tencent's 腾讯; `jing` of Jingdong is one syllable of 京东's pinyin, not asked).
    Only ever a reason to ask.

    >>> latin_short_form("ali", "阿里巴巴"), latin_short_form("hw", "华为"), latin_short_form("hua", "华为")
    (True, True, False)
    >>> [latin_short_form(said, "阿里巴巴") for said in ("alib", "albb", "ab")]
    [False, True, False]
    """
    if len(latin) < 2 or not (latin.isascii() and latin.isalpha()) or not _CJK.fullmatch(chinese[:1] or " "):
        return False
    readings = [character_readings(c) or [c] for c in chinese]
    if len(latin) == len(chinese) and all(any(r.startswith(letter) for r in each)
                                          for letter, each in zip(latin, readings, strict=True)):
        return True
    if len(latin) < 3:
        return False
    sounds = _sounds(chinese)
    return any(alias.startswith(latin) for alias in aliases if alias not in sounds) \
        or any(latin in _sounds(chinese[:size]) for size in range(2, len(chinese)))


def sounds_like(latin: str, chinese: str) -> bool:
    """Whether Latin letters are how a Chinese name is typed in pinyin, spaces and case aside
    (`li na`, `Lina` for 李娜; `zhang wei` for 张伟), any reading of each character.

    >>> sounds_like("Li Na", "李娜"), sounds_like("lin", "李娜")
    (True, False)
    """
    typed = _NOT_WORD.sub("", latin.casefold())
    return bool(typed) and typed.isascii() and bool(_CJK.search(chinese)) and typed in _sounds(chinese)


#: readings of one name looked at, at most (a name of many characters with several readings each)
SOUNDS_LIMIT = 64


@lru_cache(maxsize=4096)
def _sounds(name: str) -> frozenset[str]:
    """`华为` → {huawei}, `重庆` → {zhongqing, chongqing, …}: how a Chinese name may be typed on a
    Latin keyboard, each character by any of its readings (an input method lists 重 under both
    zhong and chong). Read character by character (`handlers/rules/readings.py`, pypinyin's
    table without pypinyin): its phrase tables, which pick one reading by the words of running
    text, are ~45 MB in every process that meets a name, and a company name is no running text."""
    readings = [dict.fromkeys(character_readings(c) or [c.lower()]) for c in name]
    return frozenset("".join(sound) for sound in itertools.islice(itertools.product(*readings), SOUNDS_LIMIT))


def _a_typo_apart(one: str, other: str) -> bool:
    """One slip of a finger (two in a long name, or at the end of one of six letters or more:
    `initek` for Initech, never `Acme West` for Acme East): a letter
    missed, doubled, swapped or wrong. Names that differ in their numbers (`Client 01`, `Client
    02`) are different on purpose."""
    if min(len(one), len(other)) < 4 or _DIGITS.findall(one) != _DIGITS.findall(other):
        return False
    shorter = min(len(one), len(other))
    same_start = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), shorter)
    return _edits(one, other, 2) <= (2 if shorter >= 10 or shorter >= 6 and same_start >= shorter - 2 else 1)


def _edits(a: str, b: str, most: int) -> int:
    """Optimal string alignment distance (Levenshtein with swaps of neighbours), capped."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous2, previous = [], list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = row[j - 1] + 1, previous[j] + 1, previous[j - 1] + (x != y)
            best = min(cost)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                best = min(best, previous2[j - 2] + 1)
            row.append(best)
        previous2, previous = previous, row
    return previous[-1]


def extended_customers(names: list[tuple[int, str]], name: str, limit: int = 3) -> list[str]:
    """Existing customers whose name `name` starts with, or whose name starts with the leading
    words of `name`: `格力电器` → 格力, `wayne closed` → Wayne Enterprises, `tencent cloud` →
    Tencent; a Chinese name holding a known one after a place (`深圳比亚迪` → 比亚迪). A new
    name that only adds words to a known one is asked about, never created."""
    key = name_fold(name)
    keys = [(name_fold(other), other) for _id, other in names]
    words = key.split()
    if len(words) > 1:  # `Acme West` beside Acme East is a company of its own; `wayne closed won`
        for size in range(len(words) - 1, 0, -1):  # (words of the grammar after it) is not
            lead = " ".join(words[:size])
            if len(lead) >= 3 and any(_is_grammar_word(w) for w in words[size:]):
                found = [other for theirs, other in keys
                         if theirs == lead or theirs.startswith(lead + " ")]
                if found:
                    return found[:limit]
    elif _CJK.fullmatch(key[:1] or " "):
        for size in range(len(key) - 1, 1, -1):
            found = [other for theirs, other in keys if theirs == key[:size]]
            if found:
                return found[:limit]
        core = core_name(key)  # `深圳比亚迪`, `北京小米` beside 比亚迪, 小米: a place before a known name
        found = [other for theirs, other in keys if len(c := core_name(theirs)) >= 2 and _CJK.search(c)
                 and core != c and core.endswith(c)]
        if found:
            return found[:limit]
        return shortened_chinese(keys, core)[:limit]
    return []


def shortened_chinese(keys: list[tuple[str, str]], core: str) -> list[str]:
    """Known Chinese names `core` abbreviates the way Chinese names are cut short: some of their
    characters, in order, from the first (`招行深圳` for 招商银行深圳分行, `中石化` for 中国石油化工,
    `北大` for 北京大学, `工行` for 中国工商银行: 中国 may go unsaid); legal suffixes aside (`美团` is no
    美的集团). `keys`: (folded, as stored)."""
    if len(core) < 2 or not _CJK.fullmatch(core[0]):
        return []
    found = []
    for theirs, other in keys:
        full = core_name(theirs)
        if core not in full and any(len(f) > len(core) and f[0] == core[0] and _in_order(core, f)
                                    for f in {full, full.removeprefix("中国")}):
            found.append(other)
    return found


def _in_order(short: str, full: str) -> bool:
    """Whether every character of `short` is in `full`, in the same order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


#: Words a company name may end with that name no company (`Stark Industries, Inc.`)
_LEGAL = frozenset("inc ltd llc co corp corporation company limited gmbh plc group grp holding holdings"
                   .split())


def abbreviated_customers(names: list[tuple[int, str]], name: str) -> list[str]:
    """Existing customers whose words `name` shortens word by word, punctuation aside: `Wayne
    Ent.` → Wayne Enterprises, `Stark Ind.` → Stark Industries, `Init.` → Initech, `Acme Corp.`
    → Acme Corporation. A shortened name is that customer (or asked about), never a new one."""
    typed = name_fold(name).split()
    if not typed or max(map(len, typed)) < 3 or _CJK.search("".join(typed)):
        return []
    found = []
    for _id, other in names:
        theirs, mine = name_fold(other).split(), list(typed)
        while len(theirs) > len(mine) and theirs[-1] in _LEGAL:
            theirs.pop()
        while len(mine) > len(theirs) and mine[-1] in _LEGAL:  # `Umb. Corp` for Umbrella, but
            mine.pop()  # `Globex Inc.` (nothing shortened) is asked about by similar_customers
        pairs = list(zip(mine, theirs, strict=False))
        if len(theirs) == len(mine) and all(t.startswith(m) for m, t in pairs) \
                and any(m != t for m, t in pairs):
            found.append(other)
    return found


def _is_grammar_word(word: str) -> bool:
    """A stage, tier, lifecycle or closing word (`closed`, `proposal`, `A类`) inside a name."""
    closing = ("closed", "won", "lost", "stage", "tier")
    return (word in V.STAGE_WORDS or word in V.LIFECYCLE_WORDS or word in V.CLOSE_WORDS
            or word in closing or V.tier_of(word) is not None
            or (len(word) >= 4 and V.near_word(word, closing) is not None))  # `clsoed`
