"""A grammar word typed with one character of the same sound (`任务列比` for 列表, `改倒下周一` for 改到,
`推近到方案` for 推进到, `撤消`, `书单`), or one Latin letter slip (`task lsit`): the word the
grammar knows, written in. A pinyin keyboard offers the wrong character of the right sound, so the
slip is a character that sounds like the keyword's, never any character (`任务 记账` is a title).

`with_keywords` writes the words in; handlers/grammar/reading.py reads the message both ways and
asks ("did you mean …") where the grammar word makes it another command, or a question of its own,
so the slip is never stored as a task's title or a visit's notes."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern

#: The grammar's Chinese words a slip is read back to: lists, moves, stages moved, done, undo, closing
_KEYWORDS_ZH = ("列表", "清单", "改到", "改成", "改为", "推到", "推进到", "推进", "推迟", "延到",
                "跟进", "完成", "搞定", "做完", "撤销", "撤回", "赢单", "输单", "拜访", "任务",
                "商机", "删除", "重开")
#: The characters a pinyin keyboard offers for a keyword's own (same sound, common first choices).
#: Left out where the slip makes an everyday word a message says on purpose (`该到` for 改到, `更进`,
#: `跟今天`, `跟金额`, `赢但是`, `生意清淡`, `从开始`).
_SOUNDS = {
    "列": "烈裂猎劣", "表": "标彪裱比", "清": "青轻倾请情", "单": "担丹蛋旦胆", "改": "盖概钙",
    "到": "倒道导稻盗", "成": "城程称诚承乘呈", "为": "位未味维围", "推": "腿忒", "进": "近尽斤劲仅禁",
    "迟": "持吃池尺驰", "延": "沿言严盐研颜", "跟": "根", "完": "玩晚碗丸万", "搞": "稿告", "定": "订顶丁",
    "做": "作坐座", "撤": "彻扯", "销": "消小肖宵削萧", "回": "会汇灰挥", "赢": "营应迎盈影",
    "输": "书舒熟殊叔", "拜": "败摆百白", "访": "方放房仿芳防", "任": "认人仁忍", "务": "物误无午舞屋",
    "商": "伤上尚", "机": "鸡及级即几击基", "删": "山闪衫珊", "除": "出处初储", "重": "虫", "开": "凯慨",
}
#: Latin words a slip is read back to (4 letters or more: `lsit`, `dnoe`, `udno`)
_KEYWORDS_EN = ("list", "done", "undo", "finished", "completed", "postpone")
_QUOTED = pattern(r'("[^"]*"|“[^”]*”|「[^」]*」|《[^》]*》)')
_LATIN = pattern(r"[A-Za-z]{4,}")


@lru_cache(maxsize=1)
def _slips() -> dict[str, str]:
    """Each slip of a keyword (one character of the same sound in place of its own) → the keyword."""
    slips: dict[str, str] = {}
    for word in _KEYWORDS_ZH:
        for i, char in enumerate(word):
            for like in _SOUNDS.get(char, ""):
                slip = word[:i] + like + word[i + 1:]
                if slip not in _KEYWORDS_ZH:
                    slips.setdefault(slip, word)
    return slips


@lru_cache(maxsize=1)
def _slip_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, _slips()), key=len, reverse=True)))


def with_keywords(text: str) -> tuple[str, str, str] | None:
    """(the text with each slip written as its keyword, the first slip, its keyword), or None
    where no word outside quotes is a slip of one."""
    first: list[tuple[str, str]] = []

    def fix_zh(found: re.Match) -> str:
        first.append((found[0], _slips()[found[0]]))
        return _slips()[found[0]]

    def fix_en(found: re.Match) -> str:
        word = found[0]
        if word.lower() in _KEYWORDS_EN or (meant := V.near_word(word, _KEYWORDS_EN)) is None:
            return word
        first.append((word, meant))
        return meant

    parts = _QUOTED.split(text)
    fixed = "".join(part if i % 2 else _LATIN.sub(fix_en, _slip_pattern().sub(fix_zh, part))
                    for i, part in enumerate(parts))
    return (fixed, *first[0]) if first else None
