"""The scheduler's part of the grammar: `schedule standup 09:30 mon-fri`, `设置 周报 周五 17:00`,
`schedule reminders off`, `schedule standup questions A | B | C`, and standup answers."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.rules.schedules import DAY_NAMES, JOB_WORDS, WORKDAYS, ZH_DAY_NAMES

_ON = {"on": True, "enable": True, "开启": True, "打开": True, "开": True, "启用": True, "开着": True,
       "off": False, "disable": False, "关闭": False, "关": False, "停用": False, "关掉": False,
       "关了": False, "停掉": False, "暂停": False, "關閉": False, "關掉": False, "開啟": True}
_QUESTIONS = {"questions", "question", "问题"}
_TIME = re.compile(r"^(\d{1,2})(?:[:：](\d{2}))?\s*(am|pm)?$|^(\d{1,2})点(半|(\d{1,2})分?)?$", re.I)
_EVERY_DAY = {"daily", "everyday", "每天", "每日"}
_WORKDAY_WORDS = {"workdays", "weekdays", "mon-fri", "工作日", "周一至周五", "周一到周五", "周一-周五",
                  "星期一至星期五"}
_EN_DAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$")
_ZH_DAY = re.compile(r"^(?:周|星期|礼拜)([一二三四五六日天])$")


#: A part of the day before a Chinese time (`下午5点`, `早上九点半`): whether it is after noon
_DAYPART = re.compile(r"^(早上|早晨|清晨|上午|凌晨|早|中午|下午|傍晚|晚上|晚)")
_AFTERNOON = ("中午", "下午", "傍晚", "晚上", "晚")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+")


def _arabic(text: str) -> str:
    """`九点半` → `9点半`, `十七点三十` → `17点30`: Chinese numbers below 100 as digits."""
    def number(found: re.Match) -> str:
        said = found[0]
        if "十" not in said:
            return "".join(str(_CN_DIGITS[ch]) for ch in said)
        tens, _, ones = said.partition("十")
        return str((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0))
    return _CN_NUMBER.sub(number, text)


def parse_time(word: str) -> dt.time | None:
    """`09:30`, `9am`, `5:30pm`, `9点`, `9点半`, `17点30`, `下午5点`, `早上九点半`, `十点一刻` as a
    time of day."""
    word = word.strip()
    part = _DAYPART.match(word)
    if part:
        word = word[part.end():]
    word = _arabic(word.replace("一刻", "15").replace("三刻", "45").replace("點", "点").replace("钟", ""))
    match = _TIME.match(word)
    if not match or part and match[3]:
        return None
    time = _clock(match)
    if time is not None and part and part[1] in _AFTERNOON and time.hour < 12 \
            and not (part[1] == "中午" and time.hour >= 11):
        time = time.replace(hour=time.hour + 12)
    return time


def _clock(match: re.Match) -> dt.time | None:
    if match[4] is not None:
        hour, minute = int(match[4]), 30 if match[5] == "半" else int(match[6] or 0)
    else:
        hour, minute = int(match[1]), int(match[2] or 0)
        if match[3]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if match[3].lower() == "pm" else 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def parse_days(word: str) -> str | None:
    """`mon-fri`/`工作日` → workdays; `fri`, `mon,wed`, `周一、周三`, `daily`/`每天` → weekday digits."""
    lower = word.lower()
    if lower in _WORKDAY_WORDS:
        return WORKDAYS
    if lower in _EVERY_DAY:
        return "0123456"
    numbers = set()
    for part in re.split(r"[,，、/]", lower):
        if match := _EN_DAY.match(part):
            numbers.add(DAY_NAMES.index(match[1]))
        elif match := _ZH_DAY.match(part):
            numbers.add(ZH_DAY_NAMES.index(match[1].replace("天", "日")))
        else:
            return None
    return "".join(str(n) for n in sorted(numbers)) or None


def parse_schedule(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`rest` comes as typed (questions are kept so); its other words are read folded."""
    from handlers.grammar.parse import fold

    words = fold(rest).split()
    team = None
    if words and words[0].lower() not in JOB_WORDS:
        team, words = words[0], words[1:]
    if not words:
        return c.ShowSchedule(team)
    kind = JOB_WORDS.get(words[0].lower())
    if kind is None:
        return c.ParseError("schedule")
    if len(words) > 1 and words[1].lower() in _QUESTIONS:
        if kind != "standup" or len(words) < 3:
            return c.ParseError("schedule")
        typed = rest.split(None, 2 if team is None else 3)[-1]
        asked = [q.strip() for q in re.split(r"[|｜]", typed) if q.strip()]
        return c.ConfigureSchedule(kind, team, questions=tuple(asked)) if asked else \
            c.ParseError("schedule")
    time = days = on = None
    for word in words[1:]:
        if word.lower() in _ON and on is None:
            on = _ON[word.lower()]
        elif time is None and (found := parse_time(word)):
            time = found
        elif days is None and (found_days := parse_days(word)):
            days = found_days
        else:
            return c.ParseError("schedule", "schedule_word", word)
    if time is None and days is None and on is None:
        return c.ShowSchedule(team)
    return c.ConfigureSchedule(kind, team, time, days, True if on is None else on)


def parse_standup(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    return c.AnswerStandup(rest.strip()) if rest.strip() else c.ParseError("standup")
