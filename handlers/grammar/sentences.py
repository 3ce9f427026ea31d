"""Messages said as sentences instead of commands: `今天去了华为见了张总`, `went to see Globex
today, met CFO`, `提醒我明天给京东打电话`, `remind me to call Acme tmrw`, `推进到商务谈判了`.

None of them is stored as it stands: each is a question whose one-tap answer is the command it
reads as (`visit Globex: met CFO`, `task call Acme tmrw`), shown in full, so what is stored is
what the person saw and chose (a visit told to a known customer is logged as read at once:
`unsaid._told`). A stage said in a sentence needs the person's deals to know which
deal it means: `stage_said` reads it, handlers/sales/said_again.py asks about it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.normal import view
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern
from handlers.grammar.went_day import name_then_day

_CJK = pattern(r"[\u3400-\u9fff]")
_DAY_EN = r"today|yesterday|this morning|this afternoon|earlier today|last (?:mon|tue|wed|thu|fri)[a-z]*"
_VISIT_EN = pattern(
    rf"^(?:(?P<d1>{_DAY_EN})[,\s]+)?(?:i\s+|we\s+)?(?:just\s+)?"
    r"(?:went (?:to see|to visit|to meet|over to|to)|visited|dropped by|stopped by|called on|was at|"
    r"were at|paid a visit to|had a meeting (?:with|at)|"
    r"had a visit (?:with|at)|(?:did|gave|ran) (?:a |the )?demo (?:at|for))\s+"
    rf"(?P<customer>[^,;:.!]+?)(?:\s+(?P<d2>{_DAY_EN}))?(?:\s*(?:[,;:.!]|\s-\s)\s*(?P<notes>.*))?$", re.I)
_VISIT_ZH = pattern(
    r"^(?P<d1>今天|昨天|前天|上午|下午|今早|刚才|刚刚)?[，,\s]*(?:我们?)?(?:刚)?"
    r"(?:去了|去|拜访了|拜访|到了|跑了一趟)\s*(?:了)?(?:一?趟|一下|一次|下)?\s*"  # `去了趟格力`: 趟 no name's
    r"(?P<customer>[^，,。；;：:\s]+?)(?:[，,。；;：:\s]+|(?=见了|见到|见|和|跟|聊了|聊|谈了|谈|开了|拜访|"
    r"做了|演示|开会|沟通|交流|汇报))(?P<notes>.+)$")
_REMIND_EN = pattern(r"^(?:please\s+)?(?:remind me(?: to)?|don'?t (?:let me )?forget(?: to)?|"
                     r"note to self:?|i need to|need to)\s+(?P<what>.+)$", re.I)
_REMIND_ZH = pattern(r"^(?:请)?(?:提醒我?|提醒一下|别忘了|记得)(?P<what>.+)$")


def sentence(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    """The question about a message with no command word that reads as a visit or a reminder
    (`raw` as typed, `text` its folded view), or None."""
    from handlers.grammar.leave_said import leave_said

    return _visit(raw, text, today) or _reminder(raw, text, today) or _assigned(raw, text, today) \
        or leave_said(raw, today) or _leave(raw, text, today) or _leave_why(raw, text, today) \
        or team_target(raw, today) or _member_target(raw)


#: The words after a leave said in a sentence, saying why (`下周四周五请两天假 家里有事`)
_WHY_AFTER = pattern(r"^(?P<head>\S.*?(?:假|请假\S{0,3}|off|ooo|leave|pto)\S*?)[\s,，;；。!！]+"
                     r"(?P<why>\D+?)[\s。.!！]*$", re.I)


def _leave_why(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    """`下周四周五请两天假 家里有事` · `off next fri, dentist`: the leave without the words after it,
    asked (a leave keeps no reason); None where the words before them are no leave."""
    said, seen = " ".join(raw.split()), " ".join(text.split())
    found, folded = _WHY_AFTER.match(said), _WHY_AFTER.match(seen)
    if found is None or folded is None:
        return None
    leave = _leave(found["head"], folded["head"], today)
    if leave is not None and leave.problem == "leave_part_of_day":  # `下周三下午要请半天假 去医院`: the
        whole = _with_why(raw, leave.options[0][1], found["why"], today)  # whole day asked, its why kept
        return replace(leave, options=((leave.options[0][0], whole.options[0][1], None),)) \
            if whole.problem == "sentence_leave" else leave
    if leave is None or leave.problem != "sentence_leave" or len(leave.options) != 1:
        return None
    return _with_why(raw, leave.options[0][1], found["why"], today)


def _with_why(raw: str, line: str, why: str, today: dt.date) -> c.ParseError:
    """The leave offered with its why kept as its note, as `请假 下周三-下周四，孩子开家长会` keeps it;
    a why that names a day (`for xmas`) is offered dropped, asked about in its own words (as a leave's
    note naming a day is never kept unasked: handlers/workspace/leave_note_day.py)."""
    from handlers.grammar.spans import date_in

    if date_in(why, today) is not None:
        return c.ParseError("leave", "leave_reason", why, options=(("leave_without", line, None),))
    sep = "，" if re.search(r"[\u4e00-\u9fff]", line) else ", "
    return c.ParseError(None, "sentence_leave", raw,
                        options=(("as_leave", f"{line}{sep}{why.strip()}", None),))


def _member_target(raw: str) -> c.ParseError | None:
    """`tom new customers 3 this month`: a member's target with no target word, offered."""
    from handlers.grammar.target_said import bare_target

    found = bare_target(raw)
    return c.ParseError(None, "sentence_target", raw, options=(("as_target", found[0], None),)) \
        if found else None


def _visit(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    found = _VISIT_EN.match(text) or _VISIT_ZH.match(text)
    if found is None:
        return None
    zh = _VISIT_ZH.made(found)
    customer = raw[found.start("customer"):found.end("customer")].strip()
    notes = raw[found.start("notes"):found.end("notes")].strip() if found["notes"] else ""
    if not customer or len(customer.split()) > 4 or (zh and len(customer) > 12):
        return None  # a sentence too long to tell the customer: no guess, the usual answer
    said_day = found["d1"] or (found.groupdict().get("d2"))
    day = _day(said_day, today) if said_day else None
    group = "d1" if found["d1"] else "d2"
    when = f" {raw[found.start(group):found.end(group)]}" if day and day != today else ""
    if not zh and not said_day and (
            dated := name_then_day(raw, found.start("customer"), found.end("customer"), today)):
        customer, when, notes = dated[0], f" {dated[1]}", dated[2]  # `went to huawei fri actually, …`
    if zh:
        line = f"拜访 {customer}{when}" + (f"：{notes}" if notes else "")
    else:
        line = f"visit {customer}{when}" + (f": {notes}" if notes else "")
    return c.ParseError(None, "sentence_visit", raw, options=(("visit_line", line, None),))


#: `下季度团队业绩目标定600万，按人分解` · `set the team target to 6m next quarter, split it`
_TEAM_TARGET_ZH = pattern(r"^(?=.*(?:团队|全组|我们|大家))(?=.*目标)(?P<said>.+)$")
_TEAM_TARGET_EN = pattern(r"^(?=.*\bteam\b)(?=.*\b(?:target|quota|goal)\b)(?P<said>.+)$", re.I)
_TARGET_PERIOD = pattern(r"(?:本|这个?|今|下个?|明)(?:月|个月|季度|季|年)|[一二三四]季度|\d{1,2}月"
                         r"|(?:this|next)\s+(?:month|quarter|year)|\bq[1-4]\b", re.I)
_TARGET_AMOUNT = pattern(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?\s*(?:万|千|亿|[kmw](?![a-z]))?"
                         r"|[一二两三四五六七八九十百千]+(?:万|亿)", re.I)  # `六百万` (r31zh #72)
_TARGET_METRIC = {"业绩": "业绩", "销售额": "业绩", "拜访": "拜访", "新客户": "新客户", "revenue": "revenue",
                  "sales": "revenue", "visits": "visits", "new customers": "new_customers"}
_TARGET_SPLIT = pattern(r"分解|拆分|分到每个人|分给每个人|按人分|按人头分|分下去|平均分|均分|平分|均摊"
                        r"|分给大家|\bsplit\b|\bper\s+(?:rep|person)\b|\bevenly\b", re.I)


def team_target(raw: str, today: dt.date) -> c.ParseError | None:
    """A team's target said in a sentence (a manager's): offered as the `target team …` line."""
    from handlers.grammar.amounts import parse_amount
    from handlers.grammar.parse_targets import parse_target

    said = " ".join(raw.split())
    zh = bool(_TEAM_TARGET_ZH.match(said))
    if not zh and not _TEAM_TARGET_EN.match(said):
        return None
    amounts = [a[0] for a in _TARGET_AMOUNT.finditer(said) if parse_amount(a[0].replace(" ", ""))]
    periods = [p[0] for p in _TARGET_PERIOD.finditer(said)]
    metrics = {v for k, v in _TARGET_METRIC.items() if k in said.lower()}
    if len(amounts) != 1 or len(periods) > 1 or len(metrics) > 1:
        return None
    words = ["团队" if zh else "team", *metrics, amounts[0].replace(" ", ""), *periods,
             *(("分解" if zh else "split",) if _TARGET_SPLIT.search(said) else ())]
    if not isinstance(parse_target(" ".join(words), today), c.SetTarget):
        return None
    line = f"{'目标' if zh else 'target'} {' '.join(words)}"
    return c.ParseError(None, "sentence_target", raw, options=(("as_target", line, None),))


def _day(said: str, today: dt.date) -> dt.date | None:
    plain = said.lower()
    if plain in ("today", "this morning", "this afternoon", "earlier today", "今天", "上午", "下午", "今早",
                 "刚才", "刚刚"):
        return today
    return past_day(plain, today)


def _reminder(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    found = _REMIND_EN.match(text) or _REMIND_ZH.match(text)
    if found is None:
        return None
    from handlers.grammar.parse_tasks import parse_task

    what = raw[found.start("what"):].strip(" ,，:：")
    task = parse_task(what, today)
    if not isinstance(task, c.AddTask) or task.assignee:
        return None
    keyword = "任务" if _REMIND_ZH.made(found) else "task"
    return c.ParseError(None, "sentence_task", raw, options=(("as_task", f"{keyword} {what}", None),))


def _assigned(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    """`@李娜 明天下午给小米打个电话`: a task for that person, on that day?"""
    if not text.startswith("@"):
        return None
    from handlers.grammar.parse_tasks import parse_task

    task = parse_task(raw, today)
    if not isinstance(task, c.AddTask) or not task.assignee or task.due is None:
        return None
    keyword = "任务" if _CJK.search(raw) else "task"
    return c.ParseError(None, "sentence_task", raw, options=(("as_task", f"{keyword} {raw}", None),))


_TWO_WEEKDAYS = pattern(r"(?P<week>(?:下下?|这|本)?(?:周|星期|礼拜))(?P<a>[一二三四五六日天])"
                        r"(?P<sep>[、和,，到至~-]?)"
                        r"(?:(?P<week2>(?:下下?|这|本)(?:周|星期|礼拜))|周|星期|礼拜)?(?P<b>[一二三四五六日天])")
#: `下周三下周四请假两天` · `下周四周五请两天假`: the days counted said too, checked against the days
_LEAVE_ZH = pattern(r"^(?:我)?(?P<day>.+?)\s*(?:要|想|得)?"
                    r"(?:请(?P<half>半天)?(?P<n1>一|两|三|四|五|\d+)?[天个]?的?假"
                    r"|请假\s*(?P<n2>一|两|三|四|五|\d+)?天?)[!。.~]*$")
_COUNT = {"一": 1, "两": 2, "三": 3, "四": 4, "五": 5}
_LEAVE_EN = pattern(r"^(?:(?:i'?m|im|i am|i'?ll be|i will be|gonna be|going to be|will be)\s+)?"
                    r"(?:off|ooo|oof|out|out of (?:the )?office|on leave|on pto|pto|on vacation|"
                    r"on holiday)"
                    r"\s+(?:on\s+)?"
                    r"(?P<day>.+?)[.!]*$", re.I)


def _days_for(said: str, today: dt.date) -> tuple[str, str] | None:
    """`next fri for a dentist appt`, `下周五，看牙`: (the days, the reason after them) when the
    reason is set apart (`for`, a comma, a dash), else None (`out tmrw visiting acme` is no leave)."""
    from handlers.grammar.several_days import days_apart, days_then_words

    split = None if days_apart(said, today) else days_then_words(said, today)
    if split is None or not _REASON_APART.match(said[len(split[0]):]):
        return None
    return split[0], split[1]


#: Where a leave's days end and its why starts (`next wed afternoon, doctor`, `fri morning - dentist`)
_REASON_CUT = pattern(r"\s*(?:[,，;；(（]|\s[-–—]\s|(?<![A-Za-z])for\s|因为|because\s)\s*", re.I)
_REASON_APART = pattern(r"^\s*(?:[,，;；(（]|[-–—]\s|for\s|因为|because\s)", re.I)


def _leave(raw: str, text: str, today: dt.date) -> c.ParseError | None:
    """`下周三请一天假` · `I'm off tomorrow`: leave on that day?"""
    from handlers.grammar.dates import parse_date_range
    from handlers.grammar.leave_words import part_of_day
    from handlers.grammar.several_days import leave_days, one_stretch

    found = _LEAVE_ZH.match(text) or _LEAVE_EN.match(text)
    keyword = "请假" if _LEAVE_ZH.made(found) else "leave"
    said = raw[found.start("day"):found.end("day")].strip() if found is not None else ""
    half = _LEAVE_ZH.made(found) and found["half"]
    if found is not None and (part := part_of_day(f"{said} {half or ''}", today)) is not None:
        return c.ParseError("leave", "leave_part_of_day", part[1], options=(  # `明天上午请半天假`:
            ("leave_whole_day", f"{keyword} {part[0]}", None),))  # leave is kept in whole days
    if found is not None and (cut := _REASON_CUT.search(said)) is not None \
            and (part := part_of_day(f"{said[:cut.start()]} {half or ''}", today)) is not None:
        whole = _with_why(raw, f"{keyword} {part[0]}", said[cut.end():].strip(), today)  # `off next wed
        return c.ParseError("leave", "leave_part_of_day", part[1], options=(  # afternoon, doctor`: the
            ("leave_whole_day", whole.options[0][1], None),))  # whole day asked, its why kept
    if found is not None and not _TWO_WEEKDAYS.fullmatch(said) and one_stretch(said, today):  # `off
        # next wed and thurs`: one leave
        return c.ParseError(None, "sentence_leave", raw, options=(("as_leave", f"{keyword} {said}", None),))
    if found is not None and (split := _days_for(said, today)):  # `off next fri for a dentist appt`
        return _with_why(raw, f"{keyword} {split[0]}", split[1], today)  # `off next fri for a dentist appt`:
        # the why kept as the leave's note, as the command keeps it
    if found is not None and not _TWO_WEEKDAYS.fullmatch(said) and (several := leave_days(
            raw[found.start("day"):found.end("day")], today, keyword, whole=True)) is not None:
        return replace(several, topic=None)  # `gonna be OOO tmrw + mon`: leave on each day?
    if found is None:
        return None
    day = raw[found.start("day"):found.end("day")].strip()
    if two := _TWO_WEEKDAYS.fullmatch(day):  # `下周四周五请两天假`: from the one to the other
        day = f"{two['week']}{two['a']}-{two['week2'] or two['week']}{two['b']}"
    if (days := parse_date_range(day, today)) is None:
        return None
    if two and two["sep"] not in "到至~-" and (days[1] - days[0]).days != 1:  # `下周一和下周三`: each
        # day, never the three between
        each = leave_days(day.replace("-", "、"), today, keyword, whole=True)
        return replace(each, topic=None) if each is not None else None
    counted = _LEAVE_ZH.made(found) and (found["n1"] or found["n2"])
    if counted and (days[1] - days[0]).days + 1 != _COUNT.get(counted, int(counted) if counted.isdigit()
                                                              else 0):
        return None  # `下周三到下周五请假两天`: which two days is asked, never guessed
    return c.ParseError(None, "sentence_leave", raw, options=(("as_leave", f"{keyword} {day}", None),))


#: `推进到商务谈判了` · `进入方案阶段` · `Globex moved to proposal` · `now in negotiation`
_STAGE_SAID = pattern(
    r"^(?P<customer>.*?)\s*(?:(?:已经|已)?(?:推进到|推到|进入到?|进到|走到|到了|转到|退回到?|退到|回到)|"
    r"(?:moved|went|is|'s) back (?:to|into)|"
    r"(?:(?:it|the deal|deal) )?(?:moved|advanced|progressed|went|got|pushed|is|'s) (?:it |up )?"
    r"(?:to|into|in)|now (?:in|at)|"
    r"(?:moved|advanced) (?:it )?to)\s*(?P<stage>.+?)\s*(?:阶段|stage)?\s*了?[.!。！]*$", re.I)


#: `move the acme renewal to negotiation` · `advance Globex to proposal stage`: the verb first
_MOVE_EN = pattern(r"^(?:(?:pls|please|can you|could you)\s+)?(?:move|advance|bump|progress|take|put|push)\s+"
                   r"(?P<customer>.+?)\s+(?:to|into|onto|on to|up to)\s+(?P<stage>.+?)\s*(?:stage)?[.!]*$",
                   re.I)


#: `#52 to negotiation` · `#52 move to proposal` · `52号 → 谈判`: a deal's number and a stage
_NUMBER_TO = pattern(r"^(?P<customer>(?:商机|deal|opp)?\s*#?\d{1,9}\s*号?)\s*"
                     r"(?:(?:move|push|advance|bump)\s+(?:it\s+)?)?(?:to|into|->|→|=>|到)\s*(?P<stage>.+?)\s*"
                     r"(?:stage|阶段)?[.!。！]*$", re.I)


def stage_said(text: str) -> tuple[str, str] | None:
    """(the customer's words, or "", the stage) of a deal's stage said in a sentence, or None."""
    said = " ".join(view(text).split())
    found = _STAGE_SAID.match(said) or _MOVE_EN.match(said) or _NUMBER_TO.match(said)
    if found is None:
        return None
    stage = V.STAGE_WORDS.get(found["stage"].lower().removeprefix("the ").strip())
    if stage is None or stage in ("won", "lost"):
        return None
    customer = found["customer"].strip(" ,，")
    return (customer, stage) if len(customer) <= 60 else None
