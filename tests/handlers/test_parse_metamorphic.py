"""Metamorphic fuzz of the grammar: a few hundred canonical messages (both languages, every
command), each typed again the ways phones and people change it — punctuation swapped among
`, ， ; ； : ： . 。 -`, full-width forms, traditional characters, case, doubled spaces, emoji,
a one-letter typo in the command word, a follow-up clause moved. Every variant must give the
same command as the canonical message, or a question (a ParseError: nothing stored). Never a
third result. A failure is printed as the chat it would have been. Messages are read as dispatch
reads them (`reading.read`: every word accounted for), so a canonical message never becomes a
question about words the parser did not claim.

`SALESBOT_FUZZ_SEED` picks other variants (the default is fixed, so CI is repeatable).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import re
from decimal import Decimal

import opencc

from handlers.grammar.amounts import Money
from handlers.grammar.commands import Command, ParseError
from handlers.grammar.intents import KEYWORDS_EN
from handlers.grammar.normal import name_fold
from handlers.grammar.reading import read

TODAY = dt.date(2026, 11, 23)  # a Monday
SEED = int(os.environ.get("SALESBOT_FUZZ_SEED", "23"))
_to_traditional = opencc.OpenCC("s2t")

EN_CUSTOMERS = ("Acme Corp", "Globex", "Initech", "Wayne Enterprises", "Stark Industries", "Umbrella")
ZH_CUSTOMERS = ("华为", "腾讯", "阿里巴巴", "京东", "中国移动", "海尔")
ZH_TITLES = ("设备联网", "数据平台", "云服务续约", "网络设备采购")
EN_NOTES = ("met the CTO", "demo went well", "pricing talk with procurement", "CFO signed NDA",
            "they want a pilot")
ZH_NOTES = ("见了采购总监", "演示顺利", "谈了价格", "签了保密协议", "客户想先试用")
EN_FOLLOW = ("follow up fri", "follow up tomorrow", "follow up next tue", "follow up 12/20",
             "follow up eow", "follow-up: thu", "fu mon")
ZH_FOLLOW = ("跟进 周五", "跟进 明天", "跟进 下周二", "跟进 12月20日", "跟进 月底", "跟进：周四")
EN_REASONS = ("beat them on delivery time", "price too high", "lost to SAP on features", "great references")
ZH_REASONS = ("交付周期短", "价格太高", "功能不如对手", "客户关系好")


def canonical_messages() -> list[str]:
    out: list[str] = []
    for i, customer in enumerate(EN_CUSTOMERS):
        notes, follow = EN_NOTES[i % len(EN_NOTES)], EN_FOLLOW[i % len(EN_FOLLOW)]
        out += [f"visit {customer}: {notes}", f"visit {customer}: {notes}; {follow}",
                f"visit {customer}: {notes}, {EN_NOTES[(i + 1) % len(EN_NOTES)]}; {follow}",
                f"visit {customer}", f"visit {customer}; {follow}",
                f'deal {customer} "Cloud" proposal 50k close 12/20', f"deal {customer} negotiation",
                f'deal {customer} "Support" lead 1.2m', f"won {customer} 48k: {EN_REASONS[i % 4]}",
                f"lost {customer}: {EN_REASONS[(i + 1) % 4]}", f"won {customer}",
                f"customer {customer} tier A", f"customer {customer} intent",
                f"task call {customer} CFO by fri", f"task send the quote to {customer} by next tue",
                f"visits {customer}"]
    for i, customer in enumerate(ZH_CUSTOMERS):
        notes, follow = ZH_NOTES[i % len(ZH_NOTES)], ZH_FOLLOW[i % len(ZH_FOLLOW)]
        out += [f"拜访 {customer}：{notes}", f"拜访 {customer}：{notes}；{follow}",
                f"拜访 {customer}：{notes}，{ZH_NOTES[(i + 1) % len(ZH_NOTES)]}；{follow}",
                f"拜访 {customer}", f"拜访 {customer}；{follow}",
                f"商机 {customer} 方案呈现 5万 预计 12月20日", f"商机 {customer} 商务谈判",
                f"商机 {customer} {ZH_TITLES[i % len(ZH_TITLES)]} 商务谈判 30万",
                f'商机 {customer} "{ZH_TITLES[(i + 1) % len(ZH_TITLES)]}" 方案呈现',
                f"赢单 {customer} 4.8万：{ZH_REASONS[i % 4]}", f"输单 {customer}：{ZH_REASONS[(i + 1) % 4]}",
                f"客户 {customer} A类", f"客户 {customer} 意向", f"任务 周五前给{customer}发报价",
                f"拜访记录 {customer}"]
    out += ["progress", "progress team", "progress @ana quarter", "progress last month", "进度", "进度 团队",
            "进度 @张三 季度", "target @ana revenue 500k month", "target team revenue 2m quarter split",
            "目标 @张三 业绩 50万 本月", "目标 团队 业绩 200万 本季度 分解", "pipeline", "pipeline team",
            "漏斗", "stalled", "停滞", "leaderboard month", "leaderboard visits week", "排行榜 本月",
            "followups", "待跟进", "done 3", "done 3 4", "完成 3", "done task 7", "完成 任务 7", "tasks",
            "任务", "tasks @ana", "customers", "客户列表", "customers A", "team", "team add East @ana @bo",
            "团队 添加 华东 @张三", "role @ana manager", "角色 @张三 经理", "leave 12/24-12/31",
            "leave tomorrow", "请假 12月24日-12月31日", "help", "help deal", "帮助", "帮助 商机",
            "language zh", "语言 英文",
            "snooze 46 next week", "snooze 46 fri", "推迟 46 下周",
            "task 7 due fri", "task #7 to next mon", "任务 7 改到 周五", "snooze task 7 2 days",
            "tip pricing: bundle the service contract", "经验 报价：打包服务合同", "tips pricing",
            "like tip 3", "赞 经验 3", "contest", "竞赛",
            "due visits", "待回访", "deals", "我的商机", "undo", "撤销", "scorecard quarter", "绩效 本季度",
            "reasons quarter", "输赢分析 本季度", "deal #12 negotiation", "deal #12 60k", "商机 #12 商务谈判",
            "won #7", "lost #7: price", "visit #12 delete", "拜访 #12 删除", "deal #12 history",
            "rate USD 7.10", "汇率 美元 7.10", "link", "关联"]
    return out


# --- what a variant may change -------------------------------------------------------------

_PUNCT = [",", "，", ";", "；", ":", "：", ".", "。", " -"]
_SWAPPABLE = re.compile(r"[,，;；:：。]|\.(?=\s|$)|\s-(?=\s)")
_EMOJI = ("👍", "🎉", "🚀", "🙏", "😀")


def swap_punctuation(text: str, rng: random.Random) -> str | None:
    spots = list(_SWAPPABLE.finditer(text))
    if not spots:
        return None
    spot = rng.choice(spots)
    by = rng.choice([p for p in _PUNCT if p != spot[0]])
    if by in (".", " -") and not text[spot.end():spot.end() + 1].isspace():
        by += " "  # a full stop or dash breaks a sentence before a space, as typed
    return text[:spot.start()] + by + text[spot.end():]


def full_width(text: str, _rng) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else "\u3000" if ch == " " else ch
                   for ch in text)


def traditional(text: str, _rng) -> str | None:
    out = _to_traditional.convert(text)
    return out if out != text else None


def traditional_title(text: str, _rng) -> str | None:
    """Only a deal's title in traditional characters (`商机 海尔 設備聯網 商务谈判`): the same deal."""
    words = text.split(" ")
    if len(words) < 4 or words[0] != "商机":
        return None
    out = " ".join(words[:2] + [_to_traditional.convert(words[2])] + words[3:])
    return out if out != text else None


def case_changed(text: str, rng: random.Random) -> str:
    return rng.choice([text.upper(), text.lower(), text.title(), text.swapcase()])


def doubled_spaces(text: str, _rng) -> str | None:
    return text.replace(" ", "  ") if " " in text else None


def emoji(text: str, rng: random.Random) -> str:
    return f"{text} {rng.choice(_EMOJI)}"


def keyword_typo(text: str, rng: random.Random) -> str | None:
    first, sep, rest = text.partition(" ")
    if not first.isascii() or not first.isalpha() or len(first) < 4:
        return None
    i = rng.randrange(len(first))
    kind = rng.choice(("drop", "swap", "double", "wrong"))
    if kind == "drop":
        typo = first[:i] + first[i + 1:]
    elif kind == "swap" and i + 1 < len(first):
        typo = first[:i] + first[i + 1] + first[i] + first[i + 2:]
    elif kind == "double":
        typo = first[:i] + first[i] + first[i:]
    else:
        typo = first[:i] + rng.choice("aeiourstnl") + first[i + 1:]
    if typo.lower() == first.lower() or typo.lower() in KEYWORDS_EN:  # `visits` is a word of its own
        return None
    return typo + sep + rest


_FOLLOW = re.compile(r"[;；]\s*((?:follow up|follow-up:|fu|跟进)\s*[^;；]+)$")


def follow_up_moved(text: str, rng: random.Random) -> str | None:
    """The follow-up clause after another separator, or before the notes."""
    found = _FOLLOW.search(text)
    if not found or ":" not in text[:found.start()] and "：" not in text[:found.start()]:
        return None
    clause, head = found[1], text[:found.start()]
    customer, colon, notes = re.split(r"([:：])", head, maxsplit=1)
    zh = "：" == colon
    choices = [f"{head}{'，' if zh else ','} {clause}", f"{head}{'。' if zh else '.'} {clause}",
               f"{customer}{colon} {clause}{'；' if zh else ';'} {notes.strip()}"]
    if zh:
        day = clause.removeprefix("跟进").strip(" ：:")
        choices.append(f"{head}，{day}跟进")
    return rng.choice(choices)


_DAY_FORMS = {"12/20": ("20/12", "2026-12-20", "Dec 20", "20 Dec", "December 20th"),
              "12月20日": ("12月20号", "2026-12-20", "12/20")}


def day_written_otherwise(text: str, rng: random.Random) -> str | None:
    """The same day written another way (`12/20` → `20/12`, `Dec 20`, `2026-12-20`, `12月20号`):
    a day readable both ways, or only part of it read, must never be another day."""
    said = next((d for d in _DAY_FORMS if d in text), None)
    return text.replace(said, rng.choice(_DAY_FORMS[said]), 1) if said else None


_CN_AMOUNTS = {"5万": "五万", "4.8万": "四万八千", "50万": "五十万", "200万": "两百万", "48k": "四万八千"}


def chinese_numerals(text: str, rng: random.Random) -> str | None:
    """An amount in Chinese numerals (`5万` → `五万`, `4.8万` → `四万八千`): the same amount, never
    a reason or a name."""
    said = next((a for a in _CN_AMOUNTS if re.search(rf"(?<![\d.]){re.escape(a)}(?![\d万])", text)), None)
    if said is None or not re.search(r"[\u4e00-\u9fff]", text):
        return None
    return re.sub(rf"(?<![\d.]){re.escape(said)}(?![\d万])", _CN_AMOUNTS[said], text, count=1)


_COMMENTS = (", new lead from expo", " - fyi boss asked", "，展会新客户", "，老板特别关心", " 🙌 great news")
#: Commands that store and whose every word is a field: words added after them are a question,
#: never data. (Reports and targets read a team's name of any words: a name no team has is refused.)
_ALL_FIELDS = ("customer ", "客户 ", "deal ", "商机 ", "snooze ", "推迟 ", "role ", "角色 ")
# (`done 3, sent the quote`: what came of it, its note, since round 9; `leave 12/24-12/31, boss
# asked`: the leave's why, its note, since session 20)


def comment_after(text: str, rng: random.Random) -> str | None:
    """A comment after a command whose words are all fields (`customer Nexa tier C, new lead from
    expo`): the same command or a question, never a name or a title with the comment in it."""
    if not text.lower().startswith(_ALL_FIELDS) or "#" in text:
        return None
    return text + rng.choice(_COMMENTS)


VARIANTS = (swap_punctuation, full_width, traditional, traditional_title, case_changed, doubled_spaces, emoji,
            keyword_typo, follow_up_moved, day_written_otherwise, chinese_numerals, comment_after)


# --- the same command, or a question ------------------------------------------------------

def meaning(value):
    """A command as compared: free text and names by their folded form (case, width, script,
    punctuation and spacing aside), everything else as it is."""
    if isinstance(value, str):
        return name_fold(value)
    if isinstance(value, tuple):
        return name_fold(" ".join(map(str, value))) if all(isinstance(v, str) for v in value) \
            else tuple(meaning(v) for v in value)
    if isinstance(value, Money | Decimal | dt.date | int | bool) or value is None:
        return value
    if dataclasses.is_dataclass(value):  # `comma` can only make the handler ask, never store else
        return (type(value).__name__, tuple((f.name, meaning(getattr(value, f.name)))
                                            for f in dataclasses.fields(value) if f.name != "comma"))
    return value


def _read(message: str, today: dt.date):
    """What dispatch runs: the parse with every word accounted for (handlers/grammar/spans.py)."""
    return read(message, today).command


def transcript(canonical: str, first, variant: str, second, seed: int) -> str:
    return (f"\n(seed {seed})\nAna: {canonical}\nbot: {first}\nAna: {variant}\nbot: {second}\n"
            "→ a third result: neither the same command nor a question\n")


def variants_of(messages: list[str], rng: random.Random, per_message: int):
    for message in messages:
        for _ in range(per_message):
            change = rng.choice(VARIANTS)
            variant = change(message, rng)
            if variant is not None and variant != message:
                yield message, change.__name__, variant


def test_the_canonical_messages_are_commands_in_both_languages():
    messages = canonical_messages()
    assert len(messages) >= 200
    for message in messages:
        assert isinstance(_read(message, TODAY), Command), message
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", m)) for m in messages) >= 80
    used = {message.split()[0].lower() for message in messages}
    assert used & set(KEYWORDS_EN) >= {"visit", "deal", "won", "lost", "task", "tip", "progress", "target"}


def test_every_variant_gives_the_same_command_or_a_question():
    rng = random.Random(SEED)
    messages = canonical_messages()
    expected = {m: meaning(_read(m, TODAY)) for m in messages}
    checked, failures = 0, []
    for canonical, change, variant in variants_of(messages, rng, per_message=30):
        result = _read(variant, TODAY)
        checked += 1
        if isinstance(result, ParseError) or meaning(result) == expected[canonical]:
            continue
        failures.append(f"[{change}]" + transcript(canonical, _read(canonical, TODAY), variant, result, SEED))
    assert checked >= 3000
    assert not failures, f"{len(failures)} of {checked} variants:\n" + "\n".join(failures[:15])
