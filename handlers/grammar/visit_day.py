"""The day a visit took place, said in its notes: `上周五去的`, `昨天去的`, `12月4日 跟采购确认了…`
(a day right after the customer), `went there yesterday`, `was there on mon`. It is the visit's day;
the notes keep the words as typed.

>>> import datetime as dt
>>> went_on("上周五去的 签约后回访 客户满意", dt.date(2026, 12, 6))
('上周五去的', (datetime.date(2026, 12, 4), datetime.date(2026, 11, 27)))
>>> went_on("met Tom, went there yesterday", dt.date(2026, 12, 6))
('went there yesterday', (datetime.date(2026, 12, 5),))
>>> went_on("下周五去 签合同", dt.date(2026, 12, 6)) is None
True
>>> went_on("met IT head mr liu yesterday, they want a demo", dt.date(2026, 12, 6))
('met IT head mr liu yesterday', (datetime.date(2026, 12, 5),))
>>> went_on("met the cfo, demo on fri", dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern

#: Every word the date grammar reads as a day gone by (handlers/grammar/dates.py `past_day`), in
#: the simplified, folded `view` of what was typed (`週五`, `上禮拜五` are matched as `周五`, `上礼拜五`):
#: one list for a visit's day wherever it is said (after the customer, or as when one went)
DAY_GONE_ZH = (r"大前天|前天|昨天|昨日|今天|上个?(?:周|星期|礼拜)[一二三四五六日天]"
               r"|(?:周|星期|礼拜)[一二三四五六日天]"
               r"|\d{4}-\d{1,2}-\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]?|\d{1,2}[日号]")
DAY_GONE_EN = (r"yesterday|yday|yest|yda|ytd|today|last\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
               r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?"
               r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_WENT_ZH = pattern(rf"(?:^|(?<=[\s，,。;；:：]))(?P<day>{DAY_GONE_ZH})(?:上午|下午|晚上|中午|早上)?\s*"
                   r"(?:去的|去了|过去的|过去了|上门的|上门了|拜访的|见的面?|见了|去拜访的|去拜访了|那天去的)")
#: `昨天去小米见了李经理`, `上周五到华为开会`: a day that can only be gone by, then going there
_WENT_TO_ZH = pattern(r"(?:^|(?<=[\s，,。;；:：]))"
                      r"(?P<day>大前天|前天|昨天|昨日|上个?(?:周|星期|礼拜)[一二三四五六日天])"
                      r"(?:上午|下午|晚上|中午|早上)?\s*(?:又)?(?:去|到|跑了?一?趟)(?=\S)")
#: `went to 比亚迪 on friday`, `drove over to acme yesterday`: going there told in the past, its day
_WENT_TO_EN = pattern(r"(?<![A-Za-z])(?:went|wnet|wen|wnt|drove|dropped\s+by|stopped\s+by|popped\s+over)"
                      r"\s+(?:over\s+)?"
                      r"(?:to|at)\s+[^.,;!?]{1,40}?\s(?:on\s+)?(?P<day>yesterday|yday|yest|"
                      r"last\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)(?![A-Za-z])",
                      re.I)
_WENT_EN = pattern(r"(?<![A-Za-z])(?:went|was|were|been|visited|dropped\s+by|stopped\s+by)"
                   r"(?:\s+(?:there|over|by|in\s+person|on\s*site))?\s+(?:on\s+)?"
                   rf"(?P<day>{DAY_GONE_EN})(?![A-Za-z])", re.I)
#: `met IT head mr liu yesterday`, `saw their CTO last fri`: a meeting told with a day that can only
#: be gone by, in the same clause (a bare weekday there may be one to come: not read)
_MET_EN = pattern(r"(?<![A-Za-z])(?:met|saw|talked\s+to|spoke\s+(?:to|with)|had\s+(?:a\s+)?(?:call|meeting|"
                  r"lunch|dinner|coffee)\s+with)(?![A-Za-z])[^.,;!?]{0,40}?\s(?:on\s+)?"
                  r"(?P<day>yesterday|yday|yest|last\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)(?![A-Za-z])",
                  re.I)
#: a day gone by right at the start of what follows the customer (`12月4日 跟采购确认了…`)
#: (a bare weekday is not one there: `周五 再去一趟` is a day to come)
DAY_FIRST_ZH = (r"大前天|前天|昨天|昨日|上个?(?:周|星期|礼拜)[一二三四五六日天]"
                r"|\d{4}-\d{1,2}-\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]?")
_FIRST_ZH = pattern(rf"^(?P<day>{DAY_FIRST_ZH})(?=\s)")
#: a day gone by said first as the day one forgot to log (`forgot to log fri - saw wayne`, `忘了记 周五 去了
#:华为`, `yesterday - saw acme`, `昨天：见了采购`): the visit's day (r23 W3)
_FORGOT_EN = pattern(r"^(?:(?:oops|oh|ah|actually|btw|also)[\s,]+)*(?:i\s+)?"
                     r"(?:forgot|forget|didn'?t\s+get)\s+to\s+(?:log|add|enter|record|put\s+in|file)"
                     r"(?:\s+(?:this|that|it|one|my\s+visit|a\s+visit|the\s+visit))?"
                     rf"\s+(?:from\s+|on\s+|for\s+)?(?P<day>{DAY_GONE_EN})(?![A-Za-z0-9])"
                     r"|^(?P<first>yesterday|yday|yest|last\s+(?:mon|tue|wed|thu|fri)[a-z]*)"
                     r"\s*(?:[-–—:]|,\s)", re.I)
_FORGOT_ZH = pattern(r"^(?:哦|啊|对了|其实)?[\s,，]*我?(?:忘了|忘记|漏了)(?:记|录|登记|记录|写|填)?"
                     r"(?:了|一下)?\s*"
                     rf"(?P<day>{DAY_GONE_ZH})"
                     rf"|^(?P<first>{DAY_FIRST_ZH})\s*[-–—:：，,]")


def went_on(notes: str, today: dt.date) -> tuple[str, tuple[dt.date, ...]] | None:
    """(the words, the days they may be: `days_of`) where the notes say on which day gone by the
    visit took place; None where they say none (a day to come is never one)."""
    seen = view(notes)
    found = _FORGOT_EN.match(seen.strip()) or _FORGOT_ZH.match(seen.strip())
    if found:  # `forgot to log fri - …`: the day said first
        at = len(seen) - len(seen.lstrip())
        days = days_of(found["day"] or found["first"], today)
        return (notes[at:at + found.end()], days) if days else None
    found = _WENT_ZH.search(seen) or _WENT_EN.search(seen) or _MET_EN.search(seen) \
        or _WENT_TO_ZH.search(seen) or _WENT_TO_EN.search(seen)
    days = days_of(found["day"], today) if found else ()
    return (notes[found.start():found.end()], days) if found and days else None


def days_of(said: str, today: dt.date) -> tuple[dt.date, ...]:
    """The days `said` (a day gone by) may be. The one place that decides "ambiguous on a
    weekend": `上周五` / `last fri` said on a Saturday or Sunday, when this week's Friday is gone
    too, is either the Friday just gone or the one before (asked: a visit's day, a win's, a
    task's); any other, the one `past_day` reads.

    >>> days_of("上周五", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 4), datetime.date(2026, 11, 27))
    >>> days_of("last fri", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 4), datetime.date(2026, 11, 27))
    >>> days_of("上周五", dt.date(2026, 12, 9))
    (datetime.date(2026, 12, 4),)
    """
    day = past_day(" ".join(said.split()), today)
    if day is None:
        return ()
    return (weekend_last(said, today) or (day,)) if today.weekday() >= 5 else (day,)


def weekend_last(said: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(the weekday just gone, the one a week before) where `said` is `上周X` / `last X` (X a working
    day) and today is a Saturday or Sunday; else None."""
    found = _LAST_WEEK.match(" ".join(view(said).split()))
    if found is None or today.weekday() < 5:
        return None
    index = "一二三四五六日天".index(found[1]) if found[1] else _EN_DAYS.index(found[2][:3].lower())
    if index >= 5:
        return None
    this_week = today - dt.timedelta(days=today.weekday() - index)
    return this_week, this_week - dt.timedelta(weeks=1)


_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LAST_WEEK = pattern(r"^(?:上个?(?:周|星期|礼拜)([一二三四五六日天])"
                     r"|last\s+((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?)$", re.I)


def first_day(notes: str, today: dt.date) -> tuple[str, tuple[dt.date, ...]] | None:
    """`12月4日 跟采购确认了续约细节` (after the customer, no colon): the day gone by said first, and
    the day; None where the notes start with none."""
    typed = notes.strip()
    found = _FIRST_ZH.match(view(typed))
    days = days_of(found["day"], today) if found else ()
    return (typed[:found.end()], days) if found and days else None





def ahead_asked(customer: str, notes: str, today: dt.date, command: c.LogVisit) -> c.ParseError | None:
    """`拜访 比亚迪 12月5日 见了采购 跟进 12月20日` said before Dec 5: a date right after the customer
    is where a visit's day goes, but one still to come cannot be it: asked (a visit planned as a
    task, or a visit today with those words kept in its notes), never dropped into the notes
    unsaid; None where the notes start with no such date."""
    typed = notes.strip()
    found = _FIRST_ZH.match(view(typed))
    if found is None or days_of(found["day"], today):
        return None
    said, rest = typed[:found.end()], typed[found.end():].strip()
    plan = f"\n任务 拜访 {customer}" + (f"：{rest}" if rest else "") + f" {said}"
    day = parse_date(found["day"], today)
    follow_up = (("as_follow_up", "", replace(command, follow_up=day)),) \
        if day and not command.follow_up else ()
    return c.ParseError("visit", "visit_day_ahead", said, options=(
        ("plan_visit", plan, None), *follow_up, ("visit_today", "", command)))


#: a day gone by alone, as said right after the customer's name (`Globex yday …`, `华为 前天 …`)
DAY_ALONE = pattern(rf"^(?:(?:on\s+)?(?:tod|{DAY_GONE_EN})|今天|{DAY_FIRST_ZH})$", re.I)


def leading_day(notes: str, today: dt.date) -> tuple[str, tuple[dt.date, ...]] | None:
    """(the words, the days they may be: `days_of`) where `notes` (what followed the customer's
    name with no mark between) start with a day gone by: `yday met cfo`, `thurs, demo went ok`,
    `11/20 met cfo`; else None.

    >>> leading_day("yday met cfo", dt.date(2026, 11, 25))
    ('yday', (datetime.date(2026, 11, 24),))
    >>> leading_day("next fri demo", dt.date(2026, 11, 25)) is None
    True
    """
    ends = [word.end() for word in re.finditer(r"\S+", notes)][:3]
    for end in reversed(ends):
        said = notes[:end].rstrip(" ,，:：;；")
        if DAY_ALONE.match(view(said.strip())) and (
                days := days_of(view(said).strip().removeprefix("on ").strip(), today)):
            return said.strip(), days
    return None


def blanked(notes: str, words: str) -> str:
    """`notes` with `words` blanked out (places kept), so no other reading takes that day again."""
    at = notes.find(words)
    return notes if at < 0 else notes[:at] + " " * len(words) + notes[at + len(words):]


def which_day(said: tuple[str, tuple[dt.date, ...]], typed: str) -> c.ParseError:
    """`上周五去的`, said on a weekend: which Friday, each a tap sending the message with its day."""
    return c.ParseError("visit", "visit_day_which", said[0], options=tuple(
        ("visit_on", typed.replace("{day}", day.isoformat()), None) for day in said[1]) if typed else ())


def day_inside(head: str, today: dt.date) -> tuple[str, dt.date, str] | None:
    """`Acme Corp 12月4日 meeting` → (`Acme Corp`, Dec 4, `meeting`): a day gone by (one day, said
    in Chinese or with its digits: `12/4`) after a name and before more words ends the name."""
    words = head.split()
    if head.lstrip().startswith("+"):
        return None  # a new name, as typed
    for at in range(1, len(words) - 1):
        tail = " ".join(words[at:])
        if (said := first_day(tail, today)) and len(said[1]) == 1 and said[1][0] <= today \
                and (more := tail.strip()[len(said[0]):].strip()):
            return " ".join(words[:at]), said[1][0], more
        for size in (2, 1):
            phrase = view(" ".join(words[at:at + size])).strip(" ,，")
            if at + size < len(words) and re.search(r"\d", phrase) and DAY_ALONE.match(phrase) \
                    and (day := past_day(phrase, today)) is not None:
                return " ".join(words[:at]), day, " ".join(words[at + size:])
    return None


def name_day(text: str, customer: str, body: str, today: dt.date) -> tuple[str, str, dt.date | None]:
    """(the customer, the notes, the visit's day) where a day gone by ends the customer's words
    (`Globex yesterday`) or comes inside them (`Acme Corp 12月4日 meeting`: the words after it are
    the notes', as typed in `text`); else as given, no day."""
    if inside := day_inside(customer, today):
        customer, day, more = inside
        at = text.find(more, len(customer))
        return customer, (text[at:].strip() if at >= 0 else f"{more} {body}".strip()), day
    customer, day = _day_at_end(customer, today)
    return customer, body, day


#: The words of a day a visit took place on, at the end of its customer's words
_TODAY_SAID = pattern(r"^(?:today|this (?:morning|afternoon)|just now|今天(?:上午|下午)?|今早|刚才|刚刚)$",
                      re.I)


def _day_at_end(head: str, today: dt.date) -> tuple[str, dt.date | None]:
    """`Globex yesterday` → (`Globex`, yesterday): a day gone by (or today) said after the
    customer's name is the visit's day, never part of the name."""
    words = head.split()
    for size in (3, 2, 1):
        if len(words) > size:
            said = view(" ".join(words[-size:])).strip(" ,，")
            if _TODAY_SAID.match(said):
                return " ".join(words[:-size]), today
            if DAY_ALONE.match(said) and (day := past_day(said.removeprefix("on ").strip(), today)):
                return " ".join(words[:-size]), day
    return head, None
