"""The grammar of tasks and follow-ups: `task [@who] what [by DAY]`, `snooze 46 fri`, `due visits`
(`done 3 4`, `done task 7`: handlers/grammar/parse_done.py)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date
from handlers.grammar.day_cut import cut_day, day_word_left, part_said, reads_broken, tidy, with_part
from handlers.grammar.day_parts import zh_part_at_end
from handlers.grammar.day_then_event import day_then_event
from handlers.grammar.festivals import cut_from_holiday, festival_day, named, unknown_in
from handlers.grammar.glued import unglue
from handlers.grammar.normal import view
from handlers.grammar.parse import CJK, head_and_body
from handlers.grammar.parse_done import (
    DONE_ASKED,
    DONE_NOTED,
    DONE_SAID,
    DONE_SEVERAL,
    DONE_UNREAD,
    task_done_noted,
)
from handlers.grammar.parse_done import also_done as _also_done
from handlers.grammar.patterns import pattern
from handlers.grammar.questions_said import question_about_tasks
from handlers.grammar.task_day_gone import day_gone
from handlers.grammar.task_edit import shift_said as _shift
from handlers.grammar.task_edit import task_edit_said
from handlers.grammar.task_filler import request_cut
from handlers.grammar.task_filters import SPAN, filters_only
from handlers.grammar.task_filters import span_days as _span_days
from handlers.grammar.task_moved import task_move_said, task_moved
from handlers.grammar.task_named import NAMED_TASK, name_left
from handlers.grammar.task_period import period_asked, period_read
from handlers.grammar.task_two import two_tasks


def parse_due(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`due visits [team]` · `待回访 [团队]`."""
    words = [w for w in rest.lower().split() if w not in ("visits", "visit")]
    if words and words != ["team"] and words != ["团队"]:
        return c.ParseError("due")
    return c.ShowDueVisits(team=bool(words))


_DUE_EN = pattern(r"^(?P<title>.+?)\s+(?:by|due|(?P<before>before))\s+(?P<due>[^,;]+?)\s*$", re.I)
_DUE_ZH_FRONT = pattern(r"^(?P<due>\S+?)(?:之前|以前|前)(?P<title>.+)$")
#: The words of a day in Chinese (`节后`, `下周末`, `月中`): before 前 at a task's start, a due day meant
_DAYISH_ZH = pattern(r"[年月周号日天底初中末旬节]|^\d|^[下本这今明后上大]")
_DATE_LIKE = pattern(r"\d|^(?:mon|tue|wed|thu|fri|sat|sun|next|this|tom|tod|end|"
                     r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow",
              "today", "january", "february", "march", "april", "june", "july", "august", "september",
              "october", "november", "december")


def _due_day(said: str, today: dt.date, before: bool) -> dt.date | None:
    """The day a task is due by: `周五前` Friday; before a holiday (`春节前`, `元旦前`) the last
    working day before it, never the holiday itself (None where its calendar is not known)."""
    words = f"{said}前" if CJK.search(said) else f"before {said}"
    if before and (named(words, before=True) or festival_day(said, today)):  # `圣诞前`, `before xmas`:
        return parse_date(words, today)  # Dec 24
    return parse_date(said, today)


def _date_meant(text: str) -> bool:
    """Whether what follows `by` was meant as a day: digits, a day's or month's word, or a typo
    of one (`Tomorow`, `Fir` for `Fri`)."""
    first = text.split()[0].lower()
    return bool(_DATE_LIKE.search(text) or V.near_word(first, _DAY_WORDS)
                or (len(first) == 3 and any(sorted(first) == sorted(day[:3]) for day in _DAY_WORDS)))


#: An event after a day, before 前 (`下周一开会前…`): due that day
_EVENT_ZH = pattern(r"(?:开会|会议|例会|周会|月会|晨会|站会|早会|评审|复盘|出差|放假|汇报|演示|上线|见面|"
                    r"见客户|签约|开完会)$")
_DUE_ZH_END = pattern(r"^(?P<title>.+?)[，,\s]*(?:截止|期限)[:：]?\s*(?P<due>\S+)$")
_AND = {"and", "&", "和", "与", "及", "、", ",", "，", "+"}
#: A day alone after the tasks word, perhaps after `due` (`tasks due tmrw`, `任务 明天到期`)
_DUE_ON = pattern(r"(?:due\s+(?:on\s+)?|on\s+|for\s+)?(?P<day>.+?)(?:\s*(?:到期|截止)(?:的)?)?", re.I)
_SPAN = SPAN


def _listed(who: str | None, days: tuple[dt.date, dt.date] | None) -> c.ListTasks:
    """The list `filters_only` read: someone's open tasks (their due days shown: `tasks @bo this wk`
    lists all of Bo's, each with its day), else the asker's due in `days`, or all theirs."""
    if who is not None or days is None:
        return c.ListTasks(who)
    return c.ListTasks(day=days[0], last=days[1] if days[1] != days[0] else None)


def parse_task(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """A task (`_task`), or the tasks listed where its title is a question about them (`任务 @张伟
    的都有哪些`, `tasks overdue`): never a task titled so (handlers/grammar/questions_said.py)."""
    said = _task(rest, today)
    if (named := NAMED_TASK.match(rest.strip())) is not None \
            and isinstance(body := _task(named["lead"] + named["body"], today), c.AddTask) \
            and body.assignee is None and name_left(said, named["named"]):
        said = replace(body, title=named["named"] + body.title)  # `task ana: call acme fri`, `任务
        # 张伟：周五前…`: the day read without the name, kept in the title for
        # handlers/sales/task_named.py to give the task to that member
    if isinstance(said, c.ParseError) and said.problem == "task_period":
        said = question_about_tasks(said.options[0][2], bool(CJK.search(rest))) or said  # `任务 @张伟
        # 下周要做什么`: a list, asked before the week's day
    if isinstance(said, c.AddTask) and (asked := question_about_tasks(said, bool(CJK.search(rest)))):
        return asked
    if isinstance(said, c.AddTask):  # `task for me: prep … by thu eod`: the asking words in no title
        said = replace(said, title=request_cut(said.title, said.due is not None))
    return said


def _task(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`task [@who] [deal #46 | customer NAME:] what [by DAY | DAY]` · `任务 [@谁] [DAY前]做什么`;
    `tasks` / `任务` alone: the list; `tasks @ana`: Ana's. Several people (`task @ana and @bo …`)
    are asked about, offering one task each."""
    words = rest.split()
    if not words or (len(words) == 1 and words[0].lower() in ("team", "团队", "mine", "我的", *V.LIST_WORDS)):
        return c.ListTasks()
    if len(words) == 1 and re.fullmatch(r"#?\d{1,9}", words[0]):  # `任务 15`: no task titled "15"
        return c.ParseError("task")
    if (due := _DUE_ON.fullmatch(rest.strip())) and not _SPAN.search(due["day"]) \
            and (day := parse_date(due["day"], today)) is not None:
        return c.ListTasks(day=day)  # `tasks due tomorrow`, `任务 明天`: what is due that day
    if (due := _DUE_ON.fullmatch(rest.strip().rstrip(".。"))) and (days := _span_days(due["day"], today)):
        return c.ListTasks(day=days[0], last=days[1])  # `tasks due this week`, `任务 本周`: never a
        # task titled "due this week"
    if (picked := filters_only(rest, today)) is not None:  # `tasks this wk`, `任务 我的 本周`, `tasks
        return _listed(*picked)  # @bo overdue`: only words that pick tasks, never a task titled so
    if (edit := task_edit_said(rest, today) or task_move_said(rest, today)) is not None:
        return edit  # `任务 改到周四`, `task move to fri`: a task moved, never one titled "改到" (the task
        # meant: handlers/sales/task_meant.py); `任务 把任务6改到下周一`: task #6, never a task so titled
    if len(words) == 1 and words[0].startswith("@") and len(words[0]) > 1:  # `tasks @ana`
        return c.ListTasks(words[0][1:])
    if (done := DONE_SAID.fullmatch(view(rest).strip())) is not None:
        return c.DoneTask((int(done["id"]),))  # `任务7搞定`, `task 7 done`: no task titled "7搞定"
    if (several := DONE_SEVERAL.fullmatch(view(rest).strip())) is not None:
        return c.DoneTask(tuple(dict.fromkeys(int(i) for i in re.findall(r"\d+", several["ids"]))))
        # `tasks 23 and 24 done`, `任务23、24都做完了`: each done, no task titled "23, 24 done"
    if DONE_ASKED.fullmatch(view(rest).strip()):
        return c.ListTasks()  # `任务7搞定了吗？`: asked, answered with the list, no task titled so
    if DONE_UNREAD.fullmatch(view(rest).strip()):
        return c.ParseError("done")  # `tasks 1 adn 2 done`: numbers and done, read no further: asked
    if (moved := task_moved(rest, today)) is not None:
        return moved  # `task 7 due fri`, `任务7推到月底`: no task titled "7 due fri"
    if re.fullmatch(r"#?\d{1,9}", words[0]) and len(words) == 2 and words[1].lower() in V.DELETE_WORDS:
        number = words[0].lstrip("#")  # `task 6 delete`: no task titled "6 delete"
        done = "完成 任务" if CJK.search(rest) else "done task"
        return c.ParseError("task", "task_delete", number,
                            options=(("done_task", f"\n{done} {number}", None),))
    if (both := _also_done(view(rest))) is not None:  # `任务8完成…任务6也完成`: both, never one
        return c.DoneTask(both)
    if (noted := DONE_NOTED.fullmatch(view(rest).strip())) is not None:  # `task 1 done, sent it`: no
        said = rest.strip()[noted.start("note"):]  # task so titled; done, the words said not kept
        if (done_task := task_done_noted(int(noted["id"]), said, today)) is not None:
            return done_task
        done = "完成 任务" if CJK.search(rest) else "done task"  # (a second command in them: asked)
        return c.ParseError("task", "task_done_words", rest.strip()[noted.start("note"):],
                            options=(("done_task", f"\n{done} {noted['id']}", None),))
    numbered = (bool(re.fullmatch(r"\d{1,9}", words[0])) and len(words) > 1  # `task 9 call Acme`; `#9`:
                or bool(_GLUED_NUMBER.match(words[0])))  # a deal's; `任务 9给华为打电话`
    people = [w for w in words if w.startswith("@") and len(w) > 1]
    if len(people) > 1:
        return _task_each(words, people, today)
    assignee = words.pop(0)[1:] if words[0].startswith("@") and len(words[0]) > 1 else None
    if words and CJK.search(words[0]) and "#" in words[0]:  # `商机#51 下周一前…` is `商机 #51 …`
        words[:1] = unglue(words[0]).split()
    deal_id = customer = None
    if len(words) > 1 and words[0].lower() in V.DEAL_WORDS and re.fullmatch(r"#?\d{1,9}", words[1]):
        deal_id, words = int(words[1].lstrip("#")), words[2:]
    elif words and re.fullmatch(r"#\d{1,9}", words[0]):
        deal_id, words = int(words[0][1:]), words[1:]
    elif words and words[0].lower() in V.CUSTOMER_WORDS:
        customer, body = head_and_body(" ".join(words[1:]))
        if not customer or not body:
            return c.ParseError("task")
        words = body.split()
    text, due = " ".join(words), None
    if deal_id is None and (link := V.DEAL_LINKED.search(text)):  # `…报价做出来 跟商机#48挂上`: the
        deal_id = int(link["id"] or link["id2"])  # deal's
        text = f"{text[:link.start()]} {text[link.end():]}".strip()
    typed = text
    if (gone := day_gone(text, assignee, deal_id, customer, today)) is not None:
        return gone  # `task call acme last fri`: never next Friday, nor `last` in the title; asked
    seen = view(text)  # matched in one script, cut from the text as typed
    for regex in (_DUE_EN, _DUE_ZH_FRONT, _DUE_ZH_END):
        found = regex.match(seen)
        before = found and (regex is _DUE_ZH_FRONT or bool(found.groupdict().get("before")))
        day = found and _due_day(found["due"], today, before)  # `before xmas`: the day before
        event = found and regex is _DUE_ZH_FRONT and not day and _EVENT_ZH.search(found["due"])
        if event and event.start() and (day := parse_date(found["due"][:event.start()], today)):
            at = found.start("due") + event.start()  # `下周一开会前…`: Monday, 开会前 kept in the title
            text, due = text[at:].strip(" ，,"), day
            break
        if day:
            title = tidy(text[found.start("title"):found.end("title")])
            if regex is _DUE_ZH_FRONT:  # `周四中午前…`: 中午前 kept
                gap = " " * text[found.start("title"):].startswith(" ")  # `明天下午两点前 给…`: as typed
                text = (f"{part}{seen[found.end('due'):found.start('title')]}{gap}"
                        if (part := zh_part_at_end(found["due"])) else "") + title
            else:  # `… by tmrw morning`: `… in the morning`
                text = with_part(title, part_said(found["due"]))
            due = day
            break
        if found and regex is _DUE_EN and (event := day_then_event(found["due"], today)):
            joint = seen[found.end("title"):found.start("due")].strip()  # `… before fri standup`: due
            text, due = f"{tidy(text[:found.end('title')])} {joint} {event[1]}", event[0]  # fri, kept
            break
        if found and regex is _DUE_EN and _date_meant(found["due"]):
            return c.ParseError("task")  # `by 11/31`, `by Fir`: a day meant, none read; asked
    if due is None and (unknown := unknown_in(text, today)):  # `元旦后`, `before new year's day` in
        return c.ParseError("task", "date", unknown[0])  # a year not published: never the day itself
    if due is None and (front := _DUE_ZH_FRONT.match(seen)) and _DAYISH_ZH.search(front["due"]) \
            and len(front["due"]) <= 6:  # `节后前…`, `下周末前…`: a day meant, none read; asked
        return c.ParseError("task", "date", text[:front.end("due")])
    if due is None:  # `task call Globex CFO tmrw` · `任务 明天给华为发报价`
        text, due = _bare_due(text, today)
    if period_read(typed, text, due, today):  # `task call acme next week`: due its Friday, or as typed?
        text, due = typed, None
    if due is None and (vague := _VAGUE_DAY.search(view(text))):  # `下周末`, `节后`: which day?
        return c.ParseError("task", "date", text[vague.start():vague.end()])
    if not text or len(text) > 2000:
        return c.ParseError("task")
    if due is not None and (reads_broken(text) or day_word_left(text, dated=True)):
        if (two := two_tasks(rest, today, parse_task)) is not None:
            return two  # `任务 明天给华为打电话 后天去联想拿合同`: two tasks, each its own day
        return title_left(text, typed, c.AddTask(text, assignee, due, deal_id, customer))
    if numbered:  # `task 9 call Acme`: task #9, or a new task "9 call Acme"? asked, the title one tap
        return c.ParseError("task", "task_number_or_title", text,
                            options=(("task_titled", "", c.AddTask(text, assignee, due, deal_id, customer)),))
    asked = due is None and period_asked(text, c.AddTask(text, assignee, None, deal_id, customer), today)
    if asked:
        return asked  # `task @bo visit tencent this week`: due Friday, or as typed? asked
    return c.AddTask(text, assignee, due, deal_id, customer)


_TIME = pattern(r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}"
                r"|(?:上午|下午|晚上|早上)?\d{1,2}点(?:半|\d{1,2}分?)?", re.I)


#: Days said without a date (`下周末`, `节后`, `over the weekend`): in a task with no due day, asked
_VAGUE_DAY = pattern(r"(?:下下?|这个?|本)?周末|节后|节前|年后|年前|(?<!月)[上中下]旬|"
                     r"(?:过)?(?:几|些)(?:天|周|个?星期)后?|过段时间|过一阵|"
                     r"(?<![A-Za-z])(?:(?:this|next|the|over the)\s+)?weekend(?![A-Za-z])|"
                     r"(?<![A-Za-z])in\s+(?:a\s+)?(?:few|couple(?:\s+of)?|several)\s+(?:days|weeks|months)"
                     r"(?![A-Za-z])", re.I)
#: What makes a day read from the front of a word another day (`下周|末`, `月|底`, `1月|中旬`)
_PART_OF_DAY = ("末", "底", "中", "初", "旬")


def _bare_due(text: str, today: dt.date) -> tuple[str, dt.date | None]:
    """A day at the end (`… tmrw`, `… next Tue`) or, in Chinese, at the start (`明天给华为…`)."""
    words = text.split()
    for size in (1, 2):  # `… tmrw 10am` · `… tmrw at 10 am`: the day, the time kept in the title
        if len(words) > size + 1 and _TIME.fullmatch(view(" ".join(words[-size:]))):
            head = words[:-size]
            at = head[-1:] if len(head) > 2 and head[-1].lower() in ("at", "@", "around") else []
            title, day = _bare_due(" ".join(head[:len(head) - len(at)]), today)
            if day is not None:
                return f"{title} {' '.join(at + words[-size:])}", day
    last = view(words[-1]) if len(words) > 1 else ""
    for before in ("之前", "以前", "前"):  # `准备季度汇报 周五前`: the day it is due by, at the end
        if last.endswith(before) and (day := parse_date(last[:-len(before)], today)):
            return " ".join(words[:-1]), day
    for size in (5, 4, 3, 2, 1):  # `… 2 wks from now`, `… the 15th of next month`
        if len(words) > size and (day := parse_date(" ".join(words[-size:]), today)):
            title = words[:-size]
            if title[-1].lower() in ("after", "post", "since", "from"):
                continue  # `kickoff after cny`: a day after it, not that day
            head = " ".join(title)  # `call Globex on monday`, `prep the review for fri`: its word goes
            head = cut_day(head, len(head), len(head)) if len(title) > 1 else head  # with it
            return with_part(head, part_said(" ".join(words[-size:]))), day  # `… mon morning`
    seen = view(text)
    if CJK.search(seen[:1]) or re.match(r"\d+\s*天后", seen):  # `明天给华为…` · `3天后跟进蔚来`
        for size in range(min(8, len(seen) - 1), 1, -1):
            if (CJK.search(seen[size:size + 1]) or seen[size:size + 1] == " ") \
                    and seen[size:size + 1] not in _PART_OF_DAY and not cut_from_holiday(seen, size) \
                    and (day := parse_date(seen[:size], today)):  # `明天给华为…` · `明天 call 华为`
                if part := zh_part_at_end(seen[:size]):  # `明天中午跟美的…`: when in the day, kept
                    gap = " " * (seen[size - 1:size + 1].count(" ") > 0)  # `明天中午 给美的…`: as
                    return part + gap + text[size:].lstrip(" ，,"), day  # typed,
                    # its space kept (every word of a title is found where it was typed)
                return text[size:].lstrip(" ，,").removeprefix("前").lstrip(), day
    return text, None


#: A number glued to a Chinese title (`9给华为打电话`), not a count, day or time (`3天后…`, `2个报价`)
_GLUED_NUMBER = pattern(r"\d{1,9}(?![\d点号月日天周个次位家份条年万千百元块])[\u4e00-\u9fff]")


def title_left(left: str, typed: str, task: c.AddTask) -> c.ParseError:
    """A task whose title, once its day was taken out (`call Acme about the`, `call Acme morning`),
    does not read whole: due that day as left, or the words as typed with no due day? Asked."""
    return c.ParseError("task", "task_title_left", left, options=(
        ("as_due", "", task), ("as_title", "", replace(task, title=typed, due=None))))


def _task_each(words: list[str], people: list[str], today: dt.date) -> c.ParseError:
    """`task @ana and @bo prep the QBR deck`: one task each, offered as one line per person; the
    task's own trouble said instead when one person's line would not read (an offer always does)."""
    rest = request_cut(" ".join(w for w in words if w not in people and w.lower() not in _AND)).split()
    if isinstance(alone := _task(f"{people[0]} {' '.join(rest)}", today), c.ParseError) and not alone.options:
        return alone
    keyword = "任务" if CJK.search(" ".join(words)) else "task"
    lines = "\n".join(f"{keyword} {person} {' '.join(rest)}" for person in people)
    return c.ParseError("task", "task_people", " ".join(people), options=(("one_each", f"\n{lines}", None),))


def parse_snooze(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`snooze 46 next week` · `推迟 #46 下周`."""
    if (task := _TASK_WORD.match(rest.strip())) is not None:  # `snooze task 7 2 days`
        return task_moved(rest.strip()[task.end():], today, verb_needed=False) or c.ParseError("snooze")
    match = re.match(r"^#?(\d{1,9})(?:\s*(?:到|至)\s*|\s+(?:(?:to|until|till|til|thru|through)\s+)?)(.+)$",
                     rest.strip(),
                     re.I)
    if match is None:
        return c.ParseError("snooze")
    if shift := _shift(match[2].strip()):  # `2 days`: later than it was due, not from today
        return c.SnoozeFollowup(int(match[1]), None, *shift)
    day = parse_date(match[2], today)
    if (several := _SEVERAL_IDS.match(rest.strip())) and parse_date(several["day"], today) \
            and not _MONTH.match(several["day"]):  # `snooze 130 221 monday`: two (`130 12 dec`: a day)
        ids, word = re.findall(r"\d+", several["ids"]), "推迟" if CJK.search(rest) else "snooze"
        lines = "\n".join(f"{word} {number} {several['day'].strip()}" for number in ids)
        return c.ParseError("snooze", "snooze_several", " ".join(f"#{i}" for i in ids),
                            options=(("snooze_each", f"\n{lines}", None),))
    if day is None:
        return c.ParseError("snooze", "date", match[2])
    return c.SnoozeFollowup(int(match[1]), day)


_MONTH = pattern(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|月|号|日|[/.-]\d", re.I)
#: Several follow-ups' numbers and one day (`130 221 monday`, `#130, #221 and #222 to fri`)
_SEVERAL_IDS = pattern(r"^(?P<ids>#?\d{1,9}(?:(?:\s*(?:[,，、&]|\band\b|和)\s*|\s+)#?\d{1,9})+)"
                       r"(?:\s*(?:到|至)\s*|\s+(?:(?:to|until|till|til|thru|through)\s+)?)"
                       r"(?P<day>\D.*)$", re.I)


_TASK_WORD = pattern(r"(?:任务|待办|task)\s*(?=#?\d)", re.I)
