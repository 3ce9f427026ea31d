"""The words of the grammar, in English and Chinese, mapped to their canonical values."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from handlers.grammar.commands import Period
from handlers.grammar.patterns import pattern
from storage import pipelines

DAY_KIND_WORDS = {
    "workday": True, "working": True, "work": True, "上班": True, "工作日": True, "补班": True,
    "holiday": False, "off": False, "dayoff": False, "放假": False, "休息": False, "假日": False,
    "reset": None, "clear": None, "恢复": None, "清除": None,
}
OFFICIAL_WORDS = {"official", "官方", "已公布"}  # `calendar 2027 official`: the year is entered in full
LANGUAGE_WORDS = {"en": "en", "english": "en", "英文": "en", "英语": "en",
                  "zh": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh"}

#: The current workspace's stage words (its own pipeline's, else the default seven's): see
#: storage/pipelines.py.
STAGE_WORDS = pipelines.CurrentTable("words")

SHARE_WORDS = {"%", "percent", "share", "pct", "完成率", "百分比"}  # a leaderboard by share of target
METRIC_WORDS = {
    "revenue": "revenue", "sales": "revenue", "业绩": "revenue", "销售额": "revenue",
    "营收": "revenue", "收入": "revenue",
    "deals": "deals_won", "deals_won": "deals_won", "wins": "deals_won", "赢单数": "deals_won",
    "成交数": "deals_won", "单数": "deals_won",
    "new_customers": "new_customers", "customers": "new_customers", "new": "new_customers",
    "新客户": "new_customers", "新客户数": "new_customers", "新客": "new_customers",
    "visits": "visits", "visit": "visits", "拜访": "visits", "拜访量": "visits", "拜访数": "visits",
}
ROLE_WORDS = {
    "rep": "rep", "sales": "rep", "销售": "rep", "代表": "rep", "销售代表": "rep",
    "manager": "manager", "经理": "manager", "销售经理": "manager", "主管": "manager",
    "admin": "admin", "管理员": "admin",
    # not a role: the member left (off rosters, reports and prompts; their data stays)
    "inactive": "inactive", "deactivated": "inactive", "left": "inactive", "停用": "inactive",
    "离职": "inactive",
}
LIFECYCLE_WORDS = {
    "potential": "potential", "prospect": "potential", "潜在": "potential", "潜在客户": "potential",
    "intent": "intent", "interested": "intent", "意向": "intent", "意向客户": "intent",
    "customer": "customer", "client": "customer", "成交客户": "customer", "老客户": "customer",
}
TEAM_WORDS = {"team", "团队", "全组", "我们"}
ME_WORDS = {"me", "my", "mine", "我", "我的"}
SPLIT_WORDS = {"split", "分解", "拆分", "分配", "平分", "均分", "平均分配", "均摊"}
#: How a split is said to be even (`split evenly`, `平均分配`): the same share for each rep
EVEN_WORDS = {"evenly", "equally", "even", "equal", "平均", "平分", "均分", "平均分配", "均摊"}
ALL_WORDS = {"all", "全部", "所有", "全员"}
#: A deal's close day's label in Chinese (`预计`, `成交日期`, `预计成交日`, `签约时间`), longest first:
#: `成交` alone is a win, `成交日期` a day
_SIGNED_ZH = ("成交", "签约", "签单")
CLOSE_LABELS_ZH = tuple(sorted({"预计", *(f"预计{w}" for w in _SIGNED_ZH),
                                *(f"{before}{w}{when}" for before in ("", "预计") for w in _SIGNED_ZH
                                  for when in ("日期", "日", "时间"))}, key=len, reverse=True))
CLOSE_WORDS = {"close", "closing", "by", *CLOSE_LABELS_ZH}

_PERIOD_KINDS = {
    "week": "week", "wk": "week", "weekly": "week", "周": "week", "星期": "week",
    "month": "month", "monthly": "month", "月": "month", "个月": "month",
    "quarter": "quarter", "quarterly": "quarter", "qtr": "quarter", "季度": "quarter",
    "季": "quarter",
    "year": "year", "yearly": "year", "年": "year", "年度": "year",
}
_ZH_PERIOD = pattern(r"^(本|这个?|今|上个?|下个?|明|去)?(周|星期|月|个月|季度|季|年度|年)$")
_EN_PREFIX = {"this": 0, "last": -1, "previous": -1, "next": 1}
_ZH_PREFIX = {"本": 0, "这": 0, "这个": 0, "今": 0, "上": -1, "上个": -1, "下": 1, "下个": 1,
              "明": 1, "去": -1}  # `明年`, `去年`
_TIER = pattern(r"^([abc])(?:类|级|档)?$", re.IGNORECASE)


def period_of(tokens: list[str], i: int) -> tuple[Period, int] | None:
    """A period at tokens[i] (`month`, `last month`, `本月`, `上季度`): (Period, tokens used). Its words
    typed with a slip (`thsi month`, `nxt week`, `this weeek`, `last wk`, `本週`) are the period too
    (fix34b): a slip of both words at once is read only where the two say a period together."""
    word = tokens[i].lower()
    if i + 1 < len(tokens) and (prefix := _slip(word, _EN_PREFIX, swapped_only=True)) is not None \
            and (kind := _slip(tokens[i + 1].lower(), _PERIOD_KINDS)) is not None:
        return Period(_PERIOD_KINDS[kind], _EN_PREFIX[prefix]), 2
    if word in _PERIOD_KINDS:
        return Period(_PERIOD_KINDS[word]), 1
    match = _ZH_PERIOD.match(word.translate(_TRADITIONAL))
    if match:
        return Period(_PERIOD_KINDS[match[2]], _ZH_PREFIX.get(match[1] or "", 0)), 1
    return None


#: The traditional characters of a Chinese period (`本週`, `這個月`)
_TRADITIONAL = str.maketrans("週這個", "周这个")
#: Short forms of a period's English words (`nxt`, `wk`, `mth`, `yr`)
_SHORT = {"nxt": "next", "lst": "last", "prev": "previous", "wks": "week", "weeks": "week", "mnth": "month",
          "mth": "month", "mo": "month", "months": "month", "yr": "year", "yrs": "year", "years": "year",
          "qtr": "quarter", "qrtr": "quarter", "quarters": "quarter"}

#: Words of their own a period's word is one letter off from (`list`, `lost`, `text`): never a slip
OWN_WORDS = {"list", "lost", "lust", "lest", "text", "nest", "thus", "than", "then", "them", "team", "term"}


def _slip(word: str, words, swapped_only: bool = False) -> str | None:
    """`word` itself where it is one of `words`, else the one English word of `words` it is a short
    form of or one letter off from (one added, dropped, changed or two swapped: `thsi`, `weeek`);
    with `swapped_only`, never one letter changed (`east` is no `last`, a team's name)."""
    if word in words:
        return word
    if word in _SHORT and _SHORT[word] in words:
        return _SHORT[word]
    if len(word) < 3 or not word.isascii() or not word.isalpha() or word in OWN_WORDS:
        return None
    near = [w for w in words if w.isascii() and len(w) >= 4 and one_off(word, w)
            and not (swapped_only and len(w) == len(word) and sorted(w) != sorted(word))]
    return near[0] if len(near) == 1 else None


def one_off(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter added, dropped or changed, or two next ones swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 \
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def tier_of(word: str) -> str | None:
    match = _TIER.match(word)
    return match[1].upper() if match else None


HISTORY_WORDS = {"history", "log", "历史", "记录"}
CUSTOMER_WORDS = {"customer", "client", "account", "客户"}
DEAL_WORDS = {"deal", "opportunity", "商机"}
TASK_WORDS = {"task", "tasks", "任务", "待办"}
#: The English words that name a deal's amount (`amount 135k`, `amt: 1.2m`, `value 60k`): every pattern
#: that reads the label of an amount is built from this one list.
AMOUNT_LABELS_EN = ("amount", "amt", "value")
AMOUNT_LABEL_EN = "|".join(AMOUNT_LABELS_EN)
#: Labels people put before a field (`deal #46 amount 60k` · `商机 #46 金额 6万` · `stage proposal`).
FIELD_LABELS = {**dict.fromkeys(AMOUNT_LABELS_EN, "amount"), "金额": "amount",
                "stage": "stage", "阶段": "stage"}
#: A listing asked for after a command word (`任务列表`, `拜访记录`, `visit list`): the list, never a
#: task titled "列表" nor a customer named so
LIST_WORDS = {"list", "lists", "all", "列表", "清单", "记录", "全部", "所有", "一览"}
#: A deal a task is about, linked in its words (`跟商机#48挂上`, `关联商机 #48`, `, link to deal #48`):
#: a word of linking before or after it (`review deal #48 numbers` is a title)
DEAL_LINKED = pattern(r"[,，]?\s*(?:(?:跟|和|与|关联到?|挂到|挂在|(?:link(?:ed)?|attach(?:ed)?)\s+"
                      r"(?:it\s+)?to\s+)(?:商机|deal)\s*#(?P<id>\d{1,9})\s*(?:挂上|挂钩|关联上?|绑定|上)?"
                      r"|(?:商机|deal)\s*#(?P<id2>\d{1,9})\s*(?:挂上|挂钩|关联上?|绑定))"
                      r"(?=$|[\s,，。;；])", re.I)
DELETE_WORDS = {"delete", "remove", "删除", "删掉"}
CRM_MAP_WORDS = {"map", "对应", "映射"}  # `crm map @ana ana@corp.com` · `CRM 对应 @张三 …`
OFF_WORDS = {"off", "none", "clear", "关闭", "关", "清除"}
HERE_WORDS = {"here", "这里", "此处", "本群", "本频道"}  # the channel a command is said in
CANCEL_WORDS = {"cancel", "取消", "撤回"}
CUSTOMER_FIXES = {"merge": "merge", "合并到": "merge", "合并": "merge", "rename": "rename",
                  "改名": "rename", "改名为": "rename", "owner": "owner", "负责人": "owner"}
REOPEN_WORDS = {"reopen", "重开", "重新打开"}
NOTES_WORDS = {"notes", "note", "纪要", "备注"}
CURRENCY_WORDS = {
    "usd": "USD", "dollar": "USD", "dollars": "USD", "美元": "USD", "美金": "USD", "$": "USD",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY", "块": "CNY", "人民币": "CNY", "¥": "CNY",
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR", "€": "EUR",
    "hkd": "HKD", "港币": "HKD", "港元": "HKD",
    "jpy": "JPY", "yen": "JPY", "日元": "JPY",
    "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "英镑": "GBP", "£": "GBP",
}
_CJK_WORD = pattern(r"[\u3400-\u9fff]")


def stage_prefix(word: str) -> tuple[str, str] | None:
    """(stage, its word) of a word that starts the words of one open stage only (`nego`, `neg`,
    `prop`, `qual`): the stage said short; None for any other word (`con`tact or `con`tract? both
    are one stage here, but `lo` is too short to say, and won and lost are never said short)."""
    lower = word.lower()
    if len(lower) < 3 or not lower.isascii() or not lower.isalpha() or lower in STAGE_WORDS:
        return None
    said = sorted((w for w in STAGE_WORDS if w.isascii() and " " not in w and w.startswith(lower)), key=len)
    stages = {STAGE_WORDS[w] for w in said}
    if len(stages) != 1 or stages & {"won", "lost"}:
        return None
    [stage] = stages
    return stage, stage if stage in said else said[0]


def near_word(word: str, words, *, cutoff: float = 0.8) -> str | None:
    """The one of `words` that `word` is a typo of (`propsal` → proposal, `商务谈叛` → 商务谈判), or
    None. Chinese: the same length, one character different, at least three long."""
    lower = word.lower()
    if lower in words:
        return None
    if _CJK_WORD.search(lower):
        same = [w for w in words if len(w) == len(lower) >= 3
                and sum(a != b for a, b in zip(w, lower, strict=True)) == 1]
        return same[0] if len(same) == 1 else None
    if len(lower) < 4:
        return None
    return _near_latin(lower, _latin(words), cutoff)


def near_short(word: str, words) -> str | None:
    """The one two-character Chinese word of `words` that `word` is one character off (`完城` →
    完成, `推吃` → 推迟), or None: only where the context says a word of `words` is meant."""
    same = [w for w in words if len(w) == len(word) == 2 and w != word
            and sum(a != b for a, b in zip(w, word, strict=True)) == 1]
    return same[0] if len(same) == 1 else None


#: id of a collection of the grammar's words → (the collection, its Latin words of 4 letters or
#: more): worked out once per collection, not per word looked up (the parse bench's p99 is 1 ms)
_LATIN: dict[int, tuple[object, tuple[str, ...]]] = {}


def _latin(words) -> tuple[str, ...]:
    cached = _LATIN.get(id(words))
    if cached is None or cached[0] is not words:  # the entry holds `words`: its id is not reused
        cached = (words, tuple(sorted(w for w in words if len(w) >= 4 and w.isascii())))
        if len(_LATIN) < 512:
            _LATIN[id(words)] = cached
    return cached[1]


@lru_cache(maxsize=8192)
def _near_latin(lower: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    """difflib's closest match, after dropping the candidates whose length alone puts them under
    `cutoff` (difflib's ratio is at most 2·min(a, b) / (a + b)): the same answer, less work."""
    swapped = [w for w in candidates if _swapped(lower, w)]  # `dael` → deal, `taks` → task (not tasks)
    if len(swapped) == 1:
        return swapped[0]
    size = len(lower)
    fit = [w for w in candidates if 2 * min(size, len(w)) >= cutoff * (size + len(w))]
    found = difflib.get_close_matches(lower, fit, n=1, cutoff=cutoff)
    return found[0] if found else None


def _swapped(typed: str, word: str) -> bool:
    """`typed` is `word` with two neighbouring letters swapped, the commonest slip on a phone."""
    if len(typed) != len(word):
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and typed[differ[0]] == word[differ[1]] and typed[differ[1]] == word[differ[0]])
