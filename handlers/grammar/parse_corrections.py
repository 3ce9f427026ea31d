"""The grammar of corrections: `deal #46 delete [confirm]`, `task #6 delete`, `contest #2 cancel`,
`customer Acme delete`, `restore deal #46`, `trash` (and 删除 / 取消 / 确认, `恢复 商机 #46`,
`回收站`); `visit #12 customer Acme Corp`, `visit #12 follow up fri` (客户 / 跟进). Each record
intent's parser tries these first, then its own."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.contest_day import contest_day
from handlers.grammar.dates import parse_date, parse_date_range
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import whole_period

_DELETE = r"(?:delete|remove|cancel|删除|取消)"
_CONFIRM = r"(?:\s*(?:confirm|yes|确认))?"
_NUMBERED = pattern(rf"^#?\s*(\d+)\s*{_DELETE}({_CONFIRM})\s*$", re.I)
_NAMED = pattern(rf"^(.+?)\s+{_DELETE}({_CONFIRM})\s*$", re.I)
#: `#12 delete` followed by something else (`delete now`, `delete confrim`): asked, never a title
_NUMBERED_MORE = pattern(rf"^#?\s*(\d+)\s*{_DELETE}\s+(.+)$", re.I)
#: A delete, then why (`hooli delete, its a dup of Hooli Inc`, `#46 delete - dupe`, `#46 删除 重复了`)
_WHY = (rf"\s*{_DELETE}(?:\s*[,，;；:：.。!！]+\s*|\s+[-–—]\s*|\s+(?=(?:its|it'?s|it\s+is|this\s+is|that'?s|"
        r"because|bc|since|cause|dup|dupe|duplicate|double|wrong|因为|重复|是重复|录重|多建|建错)))(?P<why>\S.*)$")
_NAMED_WHY = pattern(r"^(?P<ref>.+?)\s+" + _WHY, re.I)
_NUMBERED_WHY = pattern(r"^(?P<ref>#?\s*\d+)" + _WHY, re.I)
_FIELD_WORDS = ("customer", "follow", "notes", "delete", "date")
_KINDS = {"deal": "deal", "商机": "deal", "visit": "visit", "拜访": "visit", "task": "task", "任务": "task",
          "tip": "tip", "经验": "tip", "contest": "contest", "竞赛": "contest", "customer": "customer",
          "客户": "customer"}
_RESTORE = pattern(r"^(deal|visit|task|tip|contest|商机|拜访|任务|经验|竞赛)\s*#?\s*(\d+)\s*$", re.I)
_RESTORE_CUSTOMER = pattern(r"^(?:customer|客户)\s*(.+?)\s*$", re.I)


def deleting(kind: str, parser):
    """`parser` of a record intent, with `#N delete [confirm]` (a customer: `NAME delete`) first."""
    def parse(rest: str, today: dt.date) -> c.Command | c.ParseError:
        typed = " ".join(rest.split())
        text = view(typed)  # `＃１２　刪除` is `#12 删除`, position for position
        found = (_NAMED if kind == "customer" else _NUMBERED).match(text)
        if found and (kind != "customer" or not found.group(1).startswith("#")):
            # a customer's name as typed; a record's number as read
            ref = typed[found.start(1):found.end(1)] if kind == "customer" else found.group(1)
            return c.Delete(kind, ref.strip().strip('"“”'), confirmed=bool(found.group(2).strip()))
        why = (_NAMED_WHY if kind == "customer" else _NUMBERED_WHY).match(typed)
        if why and not re.fullmatch(_CONFIRM, " " + why["why"], re.I) \
                and (kind != "customer" or why["ref"][0] != "#"):
            return c.Delete(kind, why["ref"].strip().strip('"“”').lstrip("#"), why=why["why"].strip())  # `…
            # delete, its a dup`: the delete asked to confirm, the why said not kept (r24)
        if kind != "customer" and (more := _NUMBERED_MORE.match(text)):
            word = more.group(2).split()[0]
            if V.near_word(word, ("confirm",)):  # `delete confrim`
                return c.ParseError(kind, "typo", word, text.replace(word, "confirm", 1))
            return c.ParseError(kind, "word", more.group(2))
        return parser(rest, today)
    return parse


def parse_restore(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    text = " ".join(rest.split())
    found = _RESTORE.match(text)
    if found:
        return c.Restore(_KINDS[found.group(1).lower()], found.group(2))
    found = _RESTORE_CUSTOMER.match(text)
    if found and found.group(1):
        return c.Restore("customer", found.group(1).strip('"“”'))
    return c.ParseError("restore")


def parse_trash(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    return c.ShowTrash() if not rest.strip() else c.ParseError("trash")


_BY_ID_WORD = pattern(r"^#\s*(\d{1,9})\s+(\S+)")
_VISIT_CUSTOMER = pattern(r"^#\s*(\d{1,9})\s+(?:customer|客户)[:：]?\s*(.+?)\s*$", re.I)
_VISIT_FOLLOW_UP = pattern(
    r"^#\s*(\d{1,9})\s+(?:follow[\s-]?up|跟进|回访)(?:\s+on)?[:：]?\s*(.+?)\s*$", re.I)


#: `visit #12 day yesterday` · `visit #12 was on 12/3` · `拜访 #12 日期 昨天` · `拜访 #12 改到 昨天`
_VISIT_DAY = pattern(r"^#\s*(\d{1,9})\s*(?:(?:day|date|visited|was(?:\s+on)?|on|日期|拜访日期|时间|是)"
                     r"(?:\s*(?:改成|改为|改到|to|is|=))?|改成|改为|改到)(?![A-Za-z])"
                     r"[:：]?\s*(.+?)\s*$", re.I)
#: `visit #12 add notes: also met the CTO` · `拜访 #12 补充：…` (kept after the notes there are)
_VISIT_ADD = pattern(r"^#\s*(\d{1,9})\s*(?:add(?:\s+(?:a\s+)?notes?)?|append|also|补充(?:纪要)?|追加|"
                     r"添加纪要|加一句)(?![A-Za-z])[:：]?\s*(.+?)\s*$", re.I | re.S)
#: `拜访 #12 纪要改成：见了张总` · `visit #12 notes to: …`: the notes, in place of what was there
_VISIT_NOTES = pattern(r"^#\s*(\d{1,9})\s*(?:notes?|纪要|备注)\s*"
                       r"(?:改成|改为|换成|should be|to|=)?(?![A-Za-z])"
                       r"[:：]?\s*(.+?)\s*$", re.I | re.S)


def _visit_edit(text: str, typed: str, today: dt.date) -> c.Command | c.ParseError | None:
    """A visit's day or notes put right, or None when `text` is neither."""
    if found := _VISIT_DAY.match(text):
        from handlers.grammar.visit_day import days_of

        days = days_of(found.group(2), today)  # `last fri` on a weekend: which Friday, asked
        day = days[0] if days else parse_date(found.group(2), today)  # to come: refused
        if day is None:
            return c.ParseError("visit", "date", found.group(2))
        return _which_day(c.ChangeVisit(int(found.group(1)), day=day), (found.group(2), days))
    if found := _VISIT_ADD.match(text):
        notes = typed[found.start(2):found.end(2)]
        return _day_in_edit(c.ChangeVisit(int(found.group(1)), add_notes=notes), notes, today)
    if found := _VISIT_NOTES.match(text):
        notes = typed[found.start(2):found.end(2)]
        return _day_in_edit(c.ChangeVisit(int(found.group(1)), notes=notes), notes, today)
    return None


def _day_in_edit(command: c.ChangeVisit, notes: str, today: dt.date) -> c.Command | c.ParseError:
    """New notes that name a next contact (`下周五再联系`, `follow up fri`) are asked about as a new
    visit's are: the follow-up set with the notes, or notes only."""
    from handlers.grammar import clauses
    from handlers.grammar.parse_visits import follow_up_said
    from handlers.grammar.visit_day import blanked, went_on

    typed = notes
    if (went := went_on(notes, today)) is not None:  # `上周五去的`: never a follow-up's day; the
        notes = blanked(notes, went[0])  # visit's own where it can be only one
        command = replace(command, day=went[1][0]) if len(went[1]) == 1 else command
    found = clauses.follow_ups(notes, view(notes), today)
    if isinstance(found, clauses.Unread):  # `follow up someday`
        return c.ParseError("visit", "date", found.text)
    if len({f.day for f in found}) > 1:
        return c.ParseError("visit", "two_dates", " · ".join(notes[f.start:f.end] for f in found))
    if found:  # `… 跟进 周五`: the follow-up, and the notes without it
        rest = clauses.without(typed, [(f.start, f.end) for f in found])
        field = "notes" if command.notes is not None else "add_notes"
        return _which_day(replace(command, **{field: rest}, follow_up=found[0].day), went)
    said = follow_up_said(notes, today)
    if said is None:
        return _which_day(command, went)
    if isinstance(said, c.ParseError):
        return said
    words, day = said
    return c.ParseError("visit", "deadline_in_notes", words, options=(
        ("as_follow_up", "", replace(command, follow_up=day)), ("as_notes", "", command)))


def _which_day(command: c.ChangeVisit, went) -> c.Command | c.ParseError:
    """`拜访 #12 纪要 上周五去的 …` said on a weekend: the notes with this Friday, or the one before?"""
    if not went or len(went[1]) < 2:
        return command
    return c.ParseError("visit", "visit_day_which", went[0], options=tuple(
        ("visit_on", f"#{command.visit_id} {day.isoformat()}", replace(command, day=day)) for day in went[1]))


def visit_changes(parser):
    """`visit #12 customer Acme Corp` · `visit #12 follow up fri` (`拜访 #12 客户 华为` ·
    `拜访 #12 跟进 周五`), then `parser`. A date that is not one is asked about, never guessed."""
    def parse(rest: str, today: dt.date) -> c.Command | c.ParseError:
        text = " ".join(rest.split())
        if found := _VISIT_CUSTOMER.match(text):
            return c.ChangeVisit(int(found.group(1)), customer=found.group(2).strip('"“”'))
        if found := _VISIT_FOLLOW_UP.match(text):
            day = parse_date(found.group(2), today)
            if day is None:
                return c.ParseError("visit", "date", found.group(2))
            return c.ChangeVisit(int(found.group(1)), follow_up=day)
        if (edit := _visit_edit(view(text), text, today)) is not None:
            return edit
        if (by_id := _BY_ID_WORD.match(text)) and (meant := V.near_word(by_id.group(2), _FIELD_WORDS)):
            return c.ParseError("visit", "typo", by_id.group(2), text.replace(by_id.group(2), meant, 1))
        return parser(rest, today)
    return parse


_CONTEST_DAYS = pattern(r"^#\s*(\d{1,9})\s+(\S+(?:\s+(?:month|quarter|week))?)\s*$", re.I)


def contest_changes(parser):
    """`contest #2 12/1-12/20` (new days), then `parser`."""
    def parse(rest: str, today: dt.date) -> c.Command | c.ParseError:
        if (moved := contest_day(rest, today)) is not None:  # `contest #1 end 12/23`: that end alone
            return moved
        if found := _CONTEST_DAYS.match(" ".join(rest.split())):
            span = whole_period(found.group(2), today) or parse_date_range(found.group(2), today)  # `jan`:
            # all of January, never its first day alone
            if span is None:
                return c.ParseError("contest", "date", found.group(2))
            return c.EditContest(int(found.group(1)), span[0], span[1])
        return parser(rest, today)
    return parse
