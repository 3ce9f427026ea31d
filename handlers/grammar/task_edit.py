"""A task line that only moves a day, with no title (`任务 改到周四`, `任务 明天 改成 后天`, `task move
to fri`, `task push it 2 days`): an edit verb and a day are never a task's title. It is task
`None` moved: the task the member just made or changed, or the one due on the day said first
(`明天 改成 后天`), else asked which (handlers/sales/task_meant.py). A task's number (`任务7 改到周四`)
is read by `task_moved.task_moved`; the words of moving a day are declared here, once."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.month_days import ZH_COUNT
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: The words of moving a day: a task's (`7 推到月底`, `改到周四`) and, said with no command word, a
#: follow-up's, a deal's close or a task's (`254 push to fri`: handlers/sales/unnamed.py)
MOVED_ZH = (r"(?:再|先|往后)?(?:推到|推迟到|延到|延后到|延期到|改到|改成|改为|挪到|移到|顺延到|推后到|"
            r"推迟|延后|延期|顺延|推后|挪后)|往后(?:推|挪|延|放)")
MOVED_EN = (r"(?:move[sd]?|push(?:ed)?|postpone[sd]?|delay(?:ed)?|reschedule[sd]?|snooze[sd]?|change[sd]?)"
            r"(?:\s+(?:back|out)(?=\s+(?:by\s+)?(?:\d|an?\s|one|two|three|four|five|six|seven)))?")

#: `改到周四` · `把它改成下周一` · `截止日期改为月底` · `明天的 改成 后天` · `推迟两天`
_ZH = pattern(r"^(?:把|将|请|麻烦)?\s*(?:它|这个|那个|这条|那条|刚才那个|刚才那条|刚才的|这个任务|那个任务)?"
              r"\s*"
              r"(?:(?P<was>.+?)\s*(?:的|那个|那条)?\s*)??(?:截止(?:日期|日|时间)?|期限|日期|时间)?\s*"
              rf"(?:{MOVED_ZH}|调到|调成|换到|提前到)\s*(?P<day>\S.*?)\s*(?:截止)?\s*(?:吧|了|去)?[!！。.~]*$")
#: `move to fri` · `change it to thursday` · `push the due date to next mon` · `push it 2 days` ·
#: `move the acme call to fri` (a task named by words of its title)
_EN = pattern(rf"^(?:(?:pls|please)\s+)?(?:{MOVED_EN}|shift(?:ed)?|bump(?:ed)?|set)"
              r"(?:\s+(?:it|that|this|the\s+task|(?:the\s+)?due(?:\s+date)?|(?:the\s+)?date|(?:the\s+)?deadline)"
              r"|\s+(?:the\s+)?(?P<named>\S.*?)(?:\s+task)?(?=\s+(?:to|until|till|til)\s))?"
              r"(?:\s+(?:back|out|over))?\s+(?:(?:to|until|till|til|for|on|by)\s+)?(?P<day>\S.*?)"
              r"(?:\s+(?:pls|please|thanks|thx))?[\s.!]*$", re.I)
#: An edit verb and nothing else (`任务 改到`, `task move`): which day, asked
_VERB_ALONE = pattern(rf"^(?:把它|把)?\s*(?:{MOVED_ZH}|调到|调成|换到|提前到|{MOVED_EN}(?:\s+(?:it|to))*)"
                      r"[\s!！。.~]*$", re.I)
#: Words before the verb that are a sentence of their own, not a task's name (`提醒客户把会议改到周四`)
_SENTENCE = pattern(r"把|将|让|叫|请|提醒|告诉|通知"
                    r"|(?<![A-Za-z])(?:remind|tell|ask|get|have|let)(?![A-Za-z])", re.I)


_NUMBERED = pattern(r"(?:任务|待办|task)\s*#?\d", re.I)  # `任务7`, `task 7`: a task by its number


def shift_said(said: str) -> tuple[int, bool] | None:
    """(days, whether they are working days) of a length of time with no `in`/`later`/`后` (`2
    days` · `3天`: working days of the team's calendar, a snooze is about work · `1 week` · `两周`:
    calendar days, 7 a week)."""
    if (shift := _SHIFT.match(said)) is None:
        return None
    count = int(shift[1]) if shift[1].isdigit() else ZH_COUNT.get(shift[1]) or _EN_COUNT[shift[1].lower()]
    weeks = shift[2].lower().startswith(("w", "周", "星", "个", "礼"))
    return count * (7 if weeks else 1), not weeks


#: `2 days` · `三天` · `back 3 days` · `out a week` · `一个礼拜` (r31zh #161: `397往后推三天`)
_SHIFT = pattern(r"^(?:(?:back|out)\s+)?(?:by\s+|for\s+|\+)?"
                 r"(\d{1,3}|[一二两三四五六七八九十]|an?|one|two|three|four|five|six|seven)\s*(d|days?|天|w|wks?|weeks?|周|个?星期|个?礼拜)(?:\s+(?:back|out))?$",
                 re.IGNORECASE)
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def task_edit_said(rest: str, today: dt.date) -> c.MoveTask | c.ParseError | None:
    """The move of a task with no number (`改到周四`, `明天 改成 后天`, `报价 改到周四`, `move to
    fri`), or None when what follows the verb is no day (a title: `move to the new office`)."""
    said = " ".join(view(rest).split())
    if _VERB_ALONE.match(said):
        return c.ParseError("task", "date", said)  # `任务 改到`: to which day?
    found = _ZH.match(said) or _EN.match(said)
    if found is None:
        return None
    day = found["day"].strip()
    shift = shift_said(day)
    if not shift and (when := parse_date(day, today)) is None:
        return None
    before = (found.groupdict().get("was") or found.groupdict().get("named") or "").strip()
    if re.fullmatch(r"#?\d{1,9}", before) or _NUMBERED.search(before):
        return None  # `任务 7 改到周四`, `把任务7改到下周一`: task #7 (task_moved.task_moved)
    was = parse_date(before, today, future=False) if before else None
    named = before if before and was is None else None  # `报价 改到周四`: the task titled so
    if named and (_SENTENCE.search(named) or len(named.split()) > 4
                  or len(re.findall(r"[\u3400-\u9fff]", named)) > 12):
        return None  # `提醒客户把会议改到周四`: a task of its own, its day at the end
    if shift:
        return c.MoveTask(None, None, *shift, was=was, named=named)
    return c.MoveTask(None, when, was=was, named=named)
